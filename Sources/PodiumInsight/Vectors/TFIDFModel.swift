import Foundation

/// Term frequency–inverse document frequency weights learnt from a set of documents.
///
/// A term's weight in a document is `(1 + ln tf) × ln(N / df)`, with `tf` its count in the
/// document, `N` the number of documents the model was built from and `df` how many of
/// them hold the term; vectors are scaled to unit length, so their dot product is the
/// cosine similarity. A term found in every document weighs 0; a term the model never saw
/// is ignored.
public struct TFIDFModel: Sendable {
    /// The terms, sorted; a term's position is its index in vectors.
    public let vocabulary: [String]
    /// How many documents hold each term, by term index.
    public let documentFrequencies: [Int]
    /// The inverse document frequency of each term, by term index.
    public let inverseDocumentFrequencies: [Double]
    /// How many documents the model was built from.
    public let documentCount: Int
    private let indexOfTerm: [String: Int]

    /// A model built from documents given as term lists (see `Tokenizer.terms`).
    public init(documents: [[String]]) {
        self.init(documents: documents, minimumDocumentFrequency: 1)
    }

    /// A model that keeps only terms found in at least `minimumDocumentFrequency`
    /// documents: terms seen once cannot make two documents similar, and only dilute them.
    public init(documents: [[String]], minimumDocumentFrequency: Int) {
        var frequencies: [String: Int] = [:]
        for terms in documents {
            for term in Set(terms) { frequencies[term, default: 0] += 1 }
        }
        let kept = frequencies.filter { $0.value >= minimumDocumentFrequency }.keys.sorted()
        let count = max(1, documents.count)
        vocabulary = kept
        documentFrequencies = kept.map { frequencies[$0]! }
        inverseDocumentFrequencies = documentFrequencies.map { log(Double(count) / Double($0)) }
        documentCount = documents.count
        indexOfTerm = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    }

    /// How many terms the model knows.
    public var vocabularySize: Int { vocabulary.count }

    /// The index of `term` in vectors, or nil when the model does not know it.
    public func index(of term: String) -> Int? { indexOfTerm[term] }

    /// The unit-length tf-idf vector of a document given as terms; the zero vector when
    /// none of its terms carries weight.
    public func vector(for terms: [String]) -> SparseVector {
        var counts: [Int: Int] = [:]
        for term in terms {
            if let index = indexOfTerm[term] { counts[index, default: 0] += 1 }
        }
        let entries = counts.map { index, count in
            (index: index, weight: (1 + log(Double(count))) * inverseDocumentFrequencies[index])
        }
        return SparseVector(entries).normalized
    }
}
