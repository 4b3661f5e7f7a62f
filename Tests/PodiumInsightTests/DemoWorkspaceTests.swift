import Foundation
import PodiumCore
import PodiumDemo
import PodiumInsight
import Testing

/// Usefulness on the demo workspace (Fieldnote): the demo's feedback carries its true
/// theme as its first tag, so what the engine finds can be checked against it.
@Suite("Demo workspace")
struct DemoWorkspaceTests {
    static let feedback = DemoWorkspace(feedbackCount: 400).makeContent().feedback
    static var documents: [TextDocument] { feedback.map { TextDocument(id: $0.id.rawValue, text: $0.text) } }
    static var tagOfID: [String: String] {
        Dictionary(uniqueKeysWithValues: feedback.map { ($0.id.rawValue, $0.tags.first ?? "") })
    }

    /// The most common true tag among `ids` and its share.
    static func purity(_ ids: [String]) -> (tag: String, share: Double) {
        let counts = Dictionary(grouping: ids, by: { tagOfID[$0] ?? "" }).mapValues(\.count)
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first!
        return (top.key, Double(top.value) / Double(ids.count))
    }

    @Test("report")
    func report() {
        for (dimensions, threshold, assign) in [(0.2, 0.1, 0.1), (0.25, 0.1, 0.12), (0.2, 0.08, 0.1), (0.3, 0.08, 0.1), (0.2, 0.12, 0.15), (0.15, 0.1, 0.1), (0.2, 0.06, 0.1)] {
            var clusterer = ThemeClusterer(similarityThreshold: dimensions)
            clusterer.themeMergeThreshold = threshold
            clusterer.assignmentThreshold = assign
            let clustering = clusterer.cluster(Self.documents)
            var pure = 0
            var tagBest: [String: Int] = [:]
            for theme in clustering.themes {
                let (tag, share) = Self.purity(theme.memberIDs)
                pure += Int((share * Double(theme.memberIDs.count)).rounded())
                tagBest[tag] = max(tagBest[tag] ?? 0, Int((share * Double(theme.memberIDs.count)).rounded()))
            }
            let tagTotals = Dictionary(grouping: Self.feedback, by: { $0.tags[0] }).mapValues(\.count)
            let inverse = Double(tagBest.values.reduce(0, +)) / Double(Self.feedback.count)
            print("seed \(dimensions) merge \(threshold) assign \(assign): themes \(clustering.themes.count), unassigned \(clustering.unassignedIDs.count), purity \(Double(pure) / Double(Self.feedback.count)), inverse purity \(inverse)")
            if (dimensions, threshold) == (0.2, 0.08) {
                for theme in clustering.themes {
                    let (tag, share) = Self.purity(theme.memberIDs)
                    print(String(format: "%4d  %.2f  %-20@ %.0f%%  %@", theme.memberIDs.count, theme.cohesion, tag as NSString, share * 100, theme.label as NSString), theme.keyTerms)
                }
                print(tagTotals.sorted { $0.key < $1.key })
            }
        }
    }
}
