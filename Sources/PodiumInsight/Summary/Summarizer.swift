import Foundation

/// Extractive summaries: the most central sentences of a set of documents, without repeats.
///
/// 1. Documents are split into sentences (`SentenceSplitter`); sentences with the same
///    words are one candidate that remembers how many times it was said. Sentences with
///    fewer than `minimumTerms` terms ("I'm on Android.") are left out.
/// 2. When there are more than `candidateLimit` candidates, the ones closest to the
///    centre of everything said (tf-idf centroid, repeats counted) are kept, favouring
///    often-repeated ones: `similarity × (1 + ln count)`. This keeps 10,000 documents fast.
/// 3. LexRank ranks the candidates by centrality, each counting as often as it was said.
/// 4. Sentences are taken in score order, skipping any whose tf-idf cosine similarity to
///    one already taken reaches `redundancyThreshold`, so near-duplicates never both appear.
public struct Summarizer: Sendable {
    /// At most this many distinct sentences are ranked.
    public var candidateLimit: Int = 600
    /// Sentences with fewer terms are not candidates.
    public var minimumTerms: Int = 4
    /// The similarity at which a sentence counts as repeating one already picked.
    public var redundancyThreshold: Double = 0.5
    /// The least similarity for an edge of the LexRank graph.
    public var edgeThreshold: Double = 0.1

    public init() {}

    /// Up to `maxSentences` sentences, most central first.
    public func summarize(_ documents: [TextDocument], maxSentences: Int) -> [SummarySentence] {
        guard maxSentences > 0 else { return [] }
        var candidates = SentenceCandidates(documents: TextDocument.canonicalOrder(documents), minimumTerms: minimumTerms)
        guard !candidates.entries.isEmpty else { return [] }
        let model = TFIDFModel(documents: candidates.entries.map(\.terms))
        var vectors = candidates.entries.map { model.vector(for: $0.terms) }
        if candidates.entries.count > candidateLimit {
            let kept = Self.closestToCentre(vectors, counts: candidates.entries.map(\.count),
                                            texts: candidates.entries.map(\.text), limit: candidateLimit)
            candidates.entries = kept.map { candidates.entries[$0] }
            vectors = kept.map { vectors[$0] }
        }
        let entries = candidates.entries
        let centrality = LexRank.centrality(
            SimilarityMatrix(vectors), multiplicity: entries.map(\.count), edgeThreshold: Float(edgeThreshold))
        let best = centrality.max() ?? 1
        let order = entries.indices.sorted { lhs, rhs in
            centrality[lhs] != centrality[rhs] ? centrality[lhs] > centrality[rhs] : entries[lhs].text < entries[rhs].text
        }
        var picked: [Int] = []
        for index in order where !vectors[index].isZero {
            guard picked.allSatisfy({ vectors[$0].dot(vectors[index]) < redundancyThreshold }) else { continue }
            picked.append(index)
            if picked.count == maxSentences { break }
        }
        return picked.map {
            SummarySentence(text: entries[$0].text, sourceID: entries[$0].sourceID,
                            score: best > 0 ? centrality[$0] / best : 0)
        }
    }

    // MARK: - Candidate cap

    /// The indices of the `limit` sentences that best represent the whole: most similar to
    /// the count-weighted centroid, favouring repeated ones; ascending.
    static func closestToCentre(_ vectors: [SparseVector], counts: [Int], texts: [String], limit: Int) -> [Int] {
        let dimension = (vectors.compactMap { $0.indices.last }.max() ?? -1) + 1
        var centre = [Double](repeating: 0, count: dimension)
        for (vector, count) in zip(vectors, counts) { vector.add(into: &centre, scale: Double(count)) }
        let priority = vectors.indices.map { vectors[$0].dot(dense: centre) * (1 + log(Double(counts[$0]))) }
        return vectors.indices.sorted { lhs, rhs in
            priority[lhs] != priority[rhs] ? priority[lhs] > priority[rhs] : texts[lhs] < texts[rhs]
        }.prefix(limit).sorted()
    }
}

// MARK: - Candidates

/// The distinct sentences of a set of documents, with how often each was said and where first.
struct SentenceCandidates {
    struct Entry {
        var text: String
        var sourceID: String
        var terms: [String]
        var count: Int
    }

    var entries: [Entry] = []

    /// Reads `documents` (already in canonical order) so that each sentence's source is the
    /// first document, in that order, that says it.
    init(documents: [TextDocument], minimumTerms: Int) {
        var analyzer = TermAnalyzer()
        var indexOfKey: [String: Int] = [:]
        for document in documents {
            for sentence in SentenceSplitter.sentences(document.text) {
                let key = Tokenizer.words(sentence).joined(separator: " ")
                if let index = indexOfKey[key] {
                    if index >= 0 { entries[index].count += 1 }
                    continue
                }
                let terms = analyzer.terms(sentence)
                guard Set(terms).count >= minimumTerms else {
                    indexOfKey[key] = -1
                    continue
                }
                indexOfKey[key] = entries.count
                entries.append(Entry(text: sentence, sourceID: document.id, terms: terms, count: 1))
            }
        }
    }
}
