/// Turns many texts into terms, caching stems, and remembers how each term was written.
///
/// `Tokenizer.terms` stems every word afresh; analyses of thousands of documents use this
/// instead, which stems each distinct word once.
struct TermAnalyzer {
    private var stems: [String: String] = [:]
    /// For each term, how often each surface word produced it.
    private(set) var surfaceCounts: [String: [String: Int]] = [:]
    /// Whether to count surface forms (labels need them; similarity does not).
    var recordsSurfaceForms: Bool

    init(recordsSurfaceForms: Bool = false) {
        self.recordsSurfaceForms = recordsSurfaceForms
    }

    /// The terms of `text`, as `Tokenizer.terms` would give them.
    mutating func terms(_ text: String) -> [String] {
        var terms: [String] = []
        Tokenizer.scanWords(in: text) { word in
            Tokenizer.forEachTermCandidate(of: word) { candidate in
                terms.append(stem(candidate))
            }
        }
        return terms
    }

    /// The terms of `text` with the word each came from and the word's position in the
    /// text (stop words count as positions too, so adjacent positions mean adjacent words).
    mutating func occurrences(_ text: String) -> [TermOccurrence] {
        var result: [TermOccurrence] = []
        var position = 0
        Tokenizer.scanWords(in: text) { word in
            let parts = word.utf8.contains(UInt8(ascii: "-")) ? word.split(separator: "-").map(String.init) : [word]
            for part in parts {
                position += 1
                guard !StopWords.english.contains(word) else { continue }
                Tokenizer.forEachTermCandidate(of: part) { candidate in
                    result.append(TermOccurrence(term: stem(candidate), surface: candidate, position: position))
                }
            }
        }
        return result
    }

    /// The stem of a term candidate, cached.
    mutating func stem(_ candidate: String) -> String {
        let term: String
        if let cached = stems[candidate] {
            term = cached
        } else {
            term = Stemmer.stem(candidate)
            stems[candidate] = term
        }
        if recordsSurfaceForms { surfaceCounts[term, default: [:]][candidate, default: 0] += 1 }
        return term
    }

    /// The word that most often produced `term` (ties: the shorter, then alphabetically first).
    func surfaceForm(of term: String) -> String {
        Self.mostFrequent(surfaceCounts[term] ?? [:]) ?? term
    }

    /// The most frequent key of `counts`; ties go to the shorter key, then the first alphabetically.
    static func mostFrequent(_ counts: [String: Int]) -> String? {
        counts.min { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            if lhs.key.count != rhs.key.count { return lhs.key.count < rhs.key.count }
            return lhs.key < rhs.key
        }?.key
    }
}

/// One term of a text: its stem, the word it was written as, and where.
struct TermOccurrence {
    var term: String
    var surface: String
    var position: Int
}
