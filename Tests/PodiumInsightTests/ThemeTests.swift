import PodiumCore
import PodiumInsight
import Testing

@Suite("Themes")
struct ThemeTests {
    static let topics: [(word: String, sentences: [String])] = [
        ("invoice", [
            "The invoice total is wrong when I add a discount.",
            "I cannot email the invoice to my customer from the job.",
            "Invoice numbers skip when two people create an invoice at once.",
            "Please let me add my logo to the invoice.",
            "The invoice PDF is missing the tax line.",
            "Our customers want to pay the invoice online.",
            "Sending an invoice takes too many taps.",
            "Invoice reminders would help us get paid sooner.",
            "The invoice template cannot show our bank details.",
            "Partial payments on an invoice are not supported.",
        ]),
        ("offline", [
            "Offline mode lost my notes in the basement.",
            "Nothing syncs after I work offline for a day.",
            "Offline sync duplicated my checklist.",
            "The offline copy of the job was out of date.",
            "Photos taken offline never uploaded.",
            "I need offline mode on rural sites with no signal.",
            "Offline changes vanished after the sync.",
            "Working offline shows an empty job list.",
            "Offline sync conflicts are confusing.",
            "Signatures captured offline went missing after sync.",
        ]),
        ("battery", [
            "The app drains my battery by noon.",
            "Battery usage is huge since the update.",
            "My phone battery gets hot when the app runs.",
            "GPS tracking eats the battery all day.",
            "The battery drains even when the app is closed.",
            "I carry a power bank because the app kills my battery.",
            "Battery life dropped by half on my tablet.",
            "Please reduce battery drain during navigation.",
            "The battery warning pops up every afternoon.",
            "Background location drains the battery fast.",
        ]),
    ]
    static let noise = ["Great team.", "The colour scheme is nice.", "Who won the football match yesterday?", "Lunch was delicious."]

    static var documents: [TextDocument] {
        var documents: [TextDocument] = []
        for (topicIndex, topic) in topics.enumerated() {
            for (index, sentence) in topic.sentences.enumerated() {
                documents.append(TextDocument(id: "t\(topicIndex)-\(index)", text: sentence))
            }
        }
        for (index, sentence) in noise.enumerated() { documents.append(TextDocument(id: "noise-\(index)", text: sentence)) }
        return documents
    }

    @Test("three mixed topics come back as three pure themes named after their topic word")
    func recoversTopics() {
        let clustering = ThemeClusterer().cluster(Self.documents)
        #expect(clustering.themes.count == 3)
        var topicsSeen: Set<String> = []
        for theme in clustering.themes {
            let prefixes = Set(theme.memberIDs.map { $0.split(separator: "-")[0] })
            #expect(prefixes.count == 1, "theme \(theme.label) mixes \(prefixes.sorted())")
            guard let prefix = prefixes.first, let topicIndex = Int(prefix.dropFirst()) else { continue }
            let word = Self.topics[topicIndex].word
            topicsSeen.insert(word)
            #expect(theme.label.contains(word), "label \(theme.label) should name \(word)")
            #expect(theme.keyTerms.first?.contains(word) == true)
            #expect(theme.memberIDs.count >= 7)
            #expect(theme.cohesion > 0 && theme.cohesion <= 1)
        }
        #expect(topicsSeen == ["invoice", "offline", "battery"])
        for noiseIndex in Self.noise.indices { #expect(clustering.unassignedIDs.contains("noise-\(noiseIndex)")) }
        // Largest first, and every document is either in a theme or unassigned, once.
        #expect(clustering.themes.map(\.memberIDs.count) == clustering.themes.map(\.memberIDs.count).sorted(by: >))
        let all = clustering.themes.flatMap(\.memberIDs) + clustering.unassignedIDs
        #expect(all.count == Self.documents.count)
        #expect(Set(all).count == Self.documents.count)
    }

    @Test("the same documents give the same themes, in any input order")
    func deterministic() {
        let clusterer = ThemeClusterer()
        let first = clusterer.cluster(Self.documents)
        #expect(clusterer.cluster(Self.documents) == first)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<3 {
            #expect(clusterer.cluster(Self.documents.shuffled(using: &generator)) == first)
        }
    }

    @Test("themes smaller than the minimum size dissolve into the unassigned documents")
    func minimumSize() {
        let clustering = ThemeClusterer(minimumThemeSize: 11).cluster(Self.documents)
        #expect(clustering.themes.isEmpty)
        #expect(clustering.unassignedIDs.count == Self.documents.count)
        #expect(ThemeClusterer().cluster([]).themes.isEmpty)
    }

    @Test("with more documents than the sample limit, the rest still join the themes found")
    func sampling() {
        let clustering = ThemeClusterer(sampleLimit: 15).cluster(Self.documents)
        let assigned = clustering.themes.flatMap(\.memberIDs)
        #expect(assigned.count >= 20)
        for theme in clustering.themes {
            #expect(Set(theme.memberIDs.map { $0.split(separator: "-")[0] }).count == 1)
        }
    }
}
