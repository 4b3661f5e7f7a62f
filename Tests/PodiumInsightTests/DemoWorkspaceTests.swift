import Foundation
import PodiumCore
import PodiumDemo
import PodiumInsight
import Testing

/// Usefulness on the demo workspace (Fieldnote, 400 feedback items). The demo's feedback
/// carries its true theme as its first tag and a rating that follows whether it is a
/// complaint, so what the engine finds can be checked against both. Each test prints what
/// it found, for reading with `swift test --filter DemoWorkspaceTests`.
@Suite("Demo workspace")
struct DemoWorkspaceTests {
    static let feedback = DemoWorkspace(feedbackCount: 400).makeContent().feedback
    static let documents = feedback.map { TextDocument(id: $0.id.rawValue, text: $0.text) }
    static let tagOfID = Dictionary(uniqueKeysWithValues: feedback.map { ($0.id.rawValue, $0.tags.first ?? "") })

    /// The most common true tag among `ids`, how many hold it, and its share.
    static func purity(_ ids: [String]) -> (tag: String, count: Int, share: Double) {
        let counts = Dictionary(grouping: ids, by: { tagOfID[$0] ?? "" }).mapValues(\.count)
        guard let top = counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first else {
            return ("", 0, 0)
        }
        return (top.key, top.value, Double(top.value) / Double(ids.count))
    }

    @Test("the demo's major true themes are recovered as pure themes")
    func themes() {
        let clustering = ThemeClusterer().cluster(Self.documents)
        var correct = 0
        for theme in clustering.themes {
            let (tag, count, share) = Self.purity(theme.memberIDs)
            correct += count
            print(String(format: "%4d  %3.0f%%  %-20@ cohesion %.2f  %@", theme.memberIDs.count, share * 100,
                         tag as NSString, theme.cohesion, theme.label as NSString), theme.keyTerms)
        }
        let overall = Double(correct) / Double(Self.documents.count - clustering.unassignedIDs.count)
        print("themes \(clustering.themes.count), unassigned \(clustering.unassignedIDs.count), purity \(overall)")
        #expect(overall >= 0.85)
        #expect(clustering.themes.count <= 12)
        // What fits no theme is left out and counted, not forced in: at most a quarter here.
        #expect(clustering.unassignedIDs.count <= Self.documents.count / 4)
        let tagSizes = Dictionary(grouping: Self.feedback, by: { $0.tags[0] }).mapValues(\.count)
        let largestTags = tagSizes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map(\.key)
        for tag in largestTags {
            let best = clustering.themes
                .map { Self.purity($0.memberIDs) }
                .filter { $0.tag == tag && $0.share >= 0.7 }
                .map(\.count).max() ?? 0
            print("\(tag): \(tagSizes[tag]!) items, largest pure theme holds \(best)")
            #expect(best >= 8, "no theme of at least 70% purity with 8 or more \(tag) items")
        }
    }

    @Test("sampling is deterministic: a shuffled demo gives identical themes, also when only a sample is clustered")
    func deterministicDemo() {
        var generator = SeededGenerator(seed: 9)
        let shuffled = Self.documents.shuffled(using: &generator)
        for clusterer in [ThemeClusterer(), ThemeClusterer(sampleLimit: 150)] {
            let first = clusterer.cluster(Self.documents)
            #expect(clusterer.cluster(shuffled) == first)
            #expect(!first.themes.isEmpty)
        }
        #expect(Summarizer().summarize(shuffled, maxSentences: 3) == Summarizer().summarize(Self.documents, maxSentences: 3))
        #expect(KeyPhraseExtractor.extract(from: shuffled, limit: 20) == KeyPhraseExtractor.extract(from: Self.documents, limit: 20))
    }

    @Test("the summary's sentences are real sentences of their source, about different things")
    func summary() {
        let summary = Summarizer().summarize(Self.documents, maxSentences: 3)
        let textOfID = Dictionary(uniqueKeysWithValues: Self.documents.map { ($0.id, $0.text) })
        for sentence in summary { print(String(format: "%.2f", sentence.score), sentence.text, "—", Self.tagOfID[sentence.sourceID]!) }
        #expect(summary.count == 3)
        #expect(Set(summary.map(\.sourceID)).count == 3)
        for sentence in summary { #expect(textOfID[sentence.sourceID]?.contains(sentence.text) == true) }
        #expect(Set(summary.map { Self.tagOfID[$0.sourceID]! }).count >= 2)
    }

    @Test("the top key phrases name the product's real topics")
    func keyPhrases() {
        let phrases = KeyPhraseExtractor.extract(from: Self.documents, limit: 15)
        print(phrases.map { "\($0.phrase) (\($0.count))" }.joined(separator: ", "))
        #expect(phrases.count == 15)
        let joined = phrases.map(\.phrase).joined(separator: " | ")
        #expect(joined.contains("offline"))
        #expect(phrases.allSatisfy { $0.count >= 2 })
    }

    @Test("sentiment agrees with the ratings on most rated feedback")
    func sentimentAgainstRatings() {
        let analyzer = SentimentAnalyzer()
        var agree = 0, total = 0, neutral = 0
        var misses: [String: Int] = [:]
        for item in Self.feedback {
            guard let rating = item.rating?.normalized else { continue }
            // 1–3 stars and NPS 0–6 are complaints; 4–5 stars and NPS 8–10 praise; NPS 7 is either.
            let expected: SentimentLabel
            if rating <= 0.6 { expected = .negative } else if rating >= 0.75 { expected = .positive } else { continue }
            let result = analyzer.score(item.text)
            total += 1
            let predicted: SentimentLabel = result.label == .mixed ? (result.score >= 0 ? .positive : .negative) : result.label
            if predicted == expected {
                agree += 1
            } else {
                if predicted == .neutral { neutral += 1 }
                misses["[\(expected) rated \(item.rating!.display), got \(result.label) \(String(format: "%.2f", result.score))] " + item.text, default: 0] += 1
            }
        }
        let accuracy = Double(agree) / Double(total)
        print("sentiment: \(agree)/\(total) = \(accuracy), neutral misses \(neutral)")
        for (text, count) in misses.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(8) {
            print("  missed \(count)×: \(text)")
        }
        #expect(accuracy >= 0.88)
    }
}
