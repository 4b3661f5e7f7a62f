import Foundation

/// Key phrases by RAKE (Rapid Automatic Keyword Extraction, Rose et al., 2010), across documents.
///
/// Candidate phrases are the runs of one to three words between stop words, numbers and
/// punctuation ("the invoice PDF is unprofessional" → "invoice pdf", "unprofessional"). Each word
/// scores its degree (the total length of the candidates it appears in) over its frequency,
/// so words that live in longer phrases score higher; a phrase scores the sum of its words.
/// Across documents, a phrase's score is multiplied by log₂(1 + the number of documents that
/// hold it), and when there is more than one document a phrase must appear in at least two.
/// Phrases are matched by their stems, so "offline modes" and "offline mode" are one.
public enum KeyPhraseExtractor {
    /// Candidates longer than this many words are not phrases.
    static let maximumWords = 3

    /// The `limit` best phrases of `documents`, best first.
    public static func extract(from documents: [TextDocument], limit: Int) -> [KeyPhrase] {
        guard limit > 0 else { return [] }
        var analyzer = TermAnalyzer()
        var statistics: [String: PhraseStatistics] = [:]
        var wordFrequency: [String: Int] = [:]
        var wordDegree: [String: Int] = [:]
        for document in TextDocument.canonicalOrder(documents) {
            var seenHere = Set<String>()
            for candidate in candidates(in: document.text) {
                let stems = candidate.map { analyzer.stem(possessiveDropped($0)) }
                for stem in stems {
                    wordFrequency[stem, default: 0] += 1
                    wordDegree[stem, default: 0] += stems.count
                }
                let key = stems.joined(separator: " ")
                statistics[key, default: PhraseStatistics(stems: stems)].surfaces[candidate.joined(separator: " "), default: 0] += 1
                if seenHere.insert(key).inserted { statistics[key]!.documentCount += 1 }
            }
        }
        let minimumDocuments = documents.count > 1 ? 2 : 1
        let phrases = statistics.values.filter { $0.documentCount >= minimumDocuments }.map { entry in
            let rake = entry.stems.reduce(0.0) { sum, stem in
                sum + Double(wordDegree[stem] ?? 0) / Double(max(1, wordFrequency[stem] ?? 1))
            }
            return KeyPhrase(phrase: TermAnalyzer.mostFrequent(entry.surfaces) ?? entry.stems.joined(separator: " "),
                             score: rake * log2(1 + Double(entry.documentCount)), count: entry.documentCount)
        }
        return Array(phrases.sorted { lhs, rhs in
            lhs.score != rhs.score ? lhs.score > rhs.score : lhs.phrase < rhs.phrase
        }.prefix(limit))
    }

    // MARK: - Candidates

    /// The candidate phrases of a text, each as its lowercased words.
    static func candidates(in text: String) -> [[String]] {
        var result: [[String]] = []
        for chunk in chunks(of: text) {
            var run: [String] = []
            func close() {
                if !run.isEmpty && run.count <= maximumWords && !(run.count == 1 && run[0].count < 2) { result.append(run) }
                run = []
            }
            for word in Tokenizer.words(chunk) {
                let isNumber = !word.unicodeScalars.contains { $0.properties.isAlphabetic }
                if StopWords.english.contains(word) || isNumber || StopWords.english.contains(possessiveDropped(word)) {
                    close()
                } else {
                    run.append(word)
                }
            }
            close()
        }
        return result
    }

    /// The text cut at sentence ends and at punctuation that separates phrases.
    private static func chunks(of text: String) -> [String] {
        SentenceSplitter.sentences(text).flatMap { sentence in
            sentence.split(whereSeparator: { ",;:()[]{}\"“”—–/|•".contains($0) }).map(String.init)
        }
    }

    private static func possessiveDropped(_ word: String) -> String {
        word.hasSuffix("'s") ? String(word.dropLast(2)) : word
    }
}

/// What is known about one candidate phrase (by stems) across documents.
private struct PhraseStatistics {
    var stems: [String]
    var surfaces: [String: Int] = [:]
    var documentCount = 0
}
