import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumTestSupport
import Testing

/// Themes on the hand-labelled sets (`themes.json`, 12 top-level themes each, read by a
/// person), the clusterer not told how many there are.
///
/// The floors: at most 12 top-level themes and at least 5; purity 0.1 above a tf-idf +
/// spherical k-means told the true number of themes (`podium-bench themes` measures both in
/// one run: k-means 0.396, 0.421, 0.331 on ledgerly, parcelpoint, trailmix; Podium 0.517,
/// 0.606, 0.635); coverage at least 0.75 (measured 0.79–0.88). Issue 19's purity of 0.85 is
/// not reached: see docs/AI-JOBS.md for why.
@Suite("Themes on labelled feedback")
struct ThemeQualityTests {
    static let kMeansPurity: [String: Double] = ["ledgerly": 0.396, "parcelpoint": 0.421, "trailmix": 0.331]

    static func clustering(_ name: String) throws -> (ThemeClustering, ThemeLabels, [String: String]) {
        let set = try EvidenceSet(named: name)
        let labels = try #require(try ThemeLabels(set))
        let texts = try FeedbackTexts.byExportID(set)
        let documents = labels.items.compactMap { item in texts[item.feedback].map { TextDocument(id: item.feedback, text: $0) } }
        return (ThemeClusterer().cluster(documents), labels, texts)
    }

    @Test("5 to 12 top-level themes, purer than k-means told the true number, most items placed", arguments: ThemeLabels.setNames)
    func figures(set name: String) throws {
        let (clustering, labels, _) = try Self.clustering(name)
        let score = ThemeScore(found: clustering.themes.map(\.memberIDs), labels: labels)
        let peer = try #require(Self.kMeansPurity[name], "measure k-means on \(name) with podium-bench themes and add it here")
        #expect((5...12).contains(score.themes), "\(name): \(score)")
        #expect(score.purity >= peer + 0.1, "\(name): \(score)")
        #expect(score.coverage >= 0.75, "\(name): \(score)")
    }

    @Test("the product's own name labels no theme or sub-theme (Parcelpoint's customers write “Parcelpoint” everywhere)")
    func productNameIsNoTheme() throws {
        let folder = try TemporaryDirectory("podium-themes-name")
        let imported = try EvidenceSet(named: "parcelpoint").makeWorkspace(at: folder.path("parcelpoint"))
        try imported.store.write { try $0.setProduct(Product(name: "Parcelpoint")) }
        let snapshot = imported.store.snapshot
        #expect(snapshot.feedback.values.filter { $0.text.lowercased().contains("parcelpoint") }.count >= 20, "the name is common in the feedback")
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .clusterThemes, stance: .customerRepresentative), snapshot: snapshot),
                                             context: JobContext())
        let labels = (output.proposal?.themeTags ?? []).map(\.tag)
        #expect(!labels.isEmpty)
        #expect(!labels.contains { $0.lowercased().contains("parcelpoint") }, "\(labels)")
    }

    @Test("every item is in one theme or counted as unthemed; sub-themes hold only their theme's items", arguments: ThemeLabels.setNames)
    func partition(set name: String) throws {
        let (clustering, labels, _) = try Self.clustering(name)
        let placed = clustering.themes.flatMap(\.memberIDs)
        #expect(Set(placed).count == placed.count, "an item in two themes")
        #expect(Set(placed).isDisjoint(with: clustering.unassignedIDs))
        #expect(placed.count + clustering.unassignedIDs.count == labels.items.count)
        for theme in clustering.themes {
            let members = Set(theme.memberIDs)
            let subMembers = theme.subthemes.flatMap(\.memberIDs)
            #expect(Set(subMembers).count == subMembers.count, "\(theme.label): an item in two sub-themes")
            #expect(Set(subMembers).isSubset(of: members), "\(theme.label)")
            #expect(theme.subthemes.count != 1, "\(theme.label): one sub-theme divides nothing")
        }
        #expect(clustering.themes.contains { $0.subthemes.count >= 2 }, "\(name): no large theme was divided")
    }

    @Test("labels are words or phrases the members wrote; each member is placed by a word in its own text", arguments: ThemeLabels.setNames)
    func explained(set name: String) throws {
        let (clustering, _, texts) = try Self.clustering(name)
        for theme in clustering.themes.flatMap({ [$0] + $0.subthemes }) {
            #expect(!theme.label.contains(" · ") && !theme.label.isEmpty && theme.label.split(separator: " ").count <= 3, "\(theme.label)")
            #expect(theme.label.unicodeScalars.allSatisfy { !CharacterSet.controlCharacters.contains($0) })
            let writers = theme.memberIDs.filter { texts[$0]?.localizedCaseInsensitiveContains(theme.label) == true }
            #expect(writers.count >= 2, "\(name): “\(theme.label)” is written by \(writers.count) of its members")
        }
        for theme in clustering.themes {
            for member in theme.memberIDs {
                let word = try #require(theme.placedBy[member], "\(theme.label): \(member) has no word that placed it")
                #expect(texts[member]?.localizedCaseInsensitiveContains(word) == true, "\(theme.label): “\(word)” is not in \(member)")
            }
        }
    }
}
