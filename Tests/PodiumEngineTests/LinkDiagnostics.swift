import Foundation
import PodiumCore
import PodiumInsight
import PodiumTestSupport
import Testing

/// Prints, for tuning, how each labelled link scores (run with PODIUM_LINK_DIAGNOSE=NAME).
@Suite("Link diagnostics")
struct LinkDiagnostics {
    @Test("print scores of a labelled set", .enabled(if: ProcessInfo.processInfo.environment["PODIUM_LINK_DIAGNOSE"] != nil))
    func diagnose() throws {
        for name in ProcessInfo.processInfo.environment["PODIUM_LINK_DIAGNOSE"]!.split(separator: ",").map(String.init) {
            let folder = try TemporaryDirectory("podium-diagnose")
            let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
            let snapshot = imported.store.snapshot
            let keyOf = Dictionary(uniqueKeysWithValues: imported.backlog.map { ($0.value.rawValue, $0.key) })
            let exportOf = Dictionary(uniqueKeysWithValues: imported.feedback.map { ($0.value.rawValue, $0.key) })
            var truth: [String: Set<String>] = [:]
            for label in imported.set.labels { truth[label.feedback, default: []].insert(label.backlog) }
            let items = snapshot.orderedBacklog
            let targets = items.map { LinkTarget(id: $0.id.rawValue, key: $0.key, title: $0.title, description: $0.description, labels: $0.tags) }
            let sources = snapshot.feedback.all.map { LinkSource(id: $0.id.rawValue, text: $0.text, ratingShare: $0.rating?.normalized) }
            let rows = EvidenceLinker().explain(sources, to: targets)
            var points: [(Double, Int, Bool)] = []  // best score, groups, right
            for row in rows {
                let export = exportOf[row.sourceID] ?? "?"
                if let best = row.matches.first {
                    let right = truth[export]?.contains(keyOf[best.targetID] ?? "") ?? false
                    points.append((best.score, best.groups, right))
                }
                if ProcessInfo.processInfo.environment["PODIUM_LINK_VERBOSE"] != nil {
                    let best = row.matches.map { "\(keyOf[$0.targetID] ?? "?") \(String(format: "%.2f", $0.score))/\($0.groups) \($0.words.joined(separator: ","))" }
                    print("T[\(truth[export]?.sorted().joined(separator: " ") ?? "-")] \(best.joined(separator: " ; ")) || \(row.sentence.prefix(110))")
                }
            }
            let total = imported.set.labels.count
            for threshold in stride(from: 0.1, through: 1.5, by: 0.1) {
                for groups in [1, 2] {
                    let chosen = points.filter { $0.0 >= threshold && $0.1 >= groups }
                    let right = chosen.filter(\.2).count
                    print(String(format: "%@ t=%.1f g=%d links=%d precision=%.2f recall=%.2f", name, threshold, groups, chosen.count,
                                 chosen.isEmpty ? 0 : Double(right) / Double(chosen.count), Double(right) / Double(total)))
                }
            }
        }
    }
}
