import Foundation

/// Names a theme from the terms that set its members apart.
///
/// A term's weight is `p × ln(p / q)`, with `p` the share of members holding it and `q` the
/// share of all documents holding it: common in the theme and rare elsewhere (its
/// contribution to the Kullback–Leibler divergence of the theme from the collection).
/// Each term is shown in the form the members most often wrote it ("invoices" rather than
/// the stem "invoic"); two top terms that the members mostly write side by side become one
/// phrase ("work orders", "offline mode").
struct ThemeLabeler {
    let model: TFIDFModel
    /// The terms of every document, by document index.
    let documentTerms: [[String]]
    /// How many members, closest to the centre first, are read for surface forms and phrases.
    var membersRead = 300
    /// How many of the heaviest terms are considered.
    var candidateTerms = 8

    init(model: TFIDFModel, documentTerms: [[String]]) {
        self.model = model
        self.documentTerms = documentTerms
    }

    /// The heaviest terms of a theme with the given members, best first.
    func distinctiveTerms(of members: [Int], limit: Int) -> [String] {
        var counts: [String: Int] = [:]
        for member in members {
            for term in Set(documentTerms[member]) where model.index(of: term) != nil { counts[term, default: 0] += 1 }
        }
        let total = Double(max(1, model.documentCount))
        let size = Double(members.count)
        let scored = counts.compactMap { term, count -> (term: String, score: Double)? in
            guard count >= 2 || members.count < 4, let index = model.index(of: term) else { return nil }
            let inside = Double(count) / size
            let outside = Double(model.documentFrequencies[index]) / total
            return (term, inside * log(inside / outside))
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }.prefix(limit).map(\.term)
    }

    /// The distinctive terms of a theme as phrases or words the members wrote, best first:
    /// two top terms the members mostly write side by side become one phrase ("work orders").
    mutating func pieces(members: [Int], texts: [String]) -> [String] {
        let candidates = distinctiveTerms(of: members, limit: candidateTerms)
        let usage = MemberUsage(texts: Array(texts.prefix(membersRead)))
        var used = Set<String>()
        var pieces: [String] = []
        for term in candidates where !used.contains(term) {
            used.insert(term)
            if let partner = usage.strongestPartner(of: term, among: candidates.filter { !used.contains($0) }) {
                used.insert(partner.term)
                pieces.append(partner.phrase)
            } else {
                pieces.append(usage.surfaceForm(of: term))
            }
            if pieces.count == 5 { break }
        }
        return pieces
    }

    /// A top-level theme's label, the phrase its anchor (the first of `anchors`) is most
    /// often written in, and its key terms: the anchor words, then what else sets it apart.
    /// Also how the members wrote each of their terms (for saying which word placed each).
    mutating func name(anchors: [String], members: [Int], texts: [String]) -> (label: String, keyTerms: [String], usage: MemberUsage) {
        let usage = MemberUsage(texts: Array(texts.prefix(membersRead)))
        let label = usage.commonPhrase(among: Array(anchors.prefix(3)))
            ?? anchors.first.map { usage.surfaceForm(of: $0) } ?? ""
        var keyTerms = [label]
        for piece in anchors.dropFirst().map(usage.surfaceForm(of:)) + pieces(members: members, texts: texts)
        where !keyTerms.contains(where: { $0.localizedCaseInsensitiveContains(piece) || piece.localizedCaseInsensitiveContains($0) }) {
            keyTerms.append(piece)
            if keyTerms.count == 5 { break }
        }
        return (label, keyTerms, usage)
    }

    /// A sub-theme's label: its first distinctive phrase or word that its parent's label
    /// does not already say and no sibling has taken.
    mutating func name(within parent: String, members: [Int], texts: [String], taken: [String]) -> (label: String, keyTerms: [String]) {
        let pieces = pieces(members: members, texts: texts)
        let parentWords = Set(parent.lowercased().split(separator: " ").map(String.init))
        let label = pieces.first { piece in
            !taken.contains(piece) && !Set(piece.lowercased().split(separator: " ").map(String.init)).isSubset(of: parentWords)
        } ?? pieces.first ?? parent
        return (label, pieces)
    }
}

// MARK: - How members write their terms

/// Surface forms, document frequencies and side-by-side pairs of terms in a theme's members.
struct MemberUsage {
    private var analyzer = TermAnalyzer(recordsSurfaceForms: true)
    private var documentFrequency: [String: Int] = [:]
    /// Count of documents where term pair "a b" appears side by side, keyed "a b".
    private var pairCounts: [String: Int] = [:]
    private var pairSurfaces: [String: [String: Int]] = [:]

    init(texts: [String]) {
        for text in texts {
            let occurrences = analyzer.occurrences(text)
            for term in Set(occurrences.map(\.term)) { documentFrequency[term, default: 0] += 1 }
            var pairsHere = Set<String>()
            for (first, second) in zip(occurrences, occurrences.dropFirst())
            where second.position == first.position + 1 && first.term != second.term {
                let key = first.term + " " + second.term
                pairsHere.insert(key)
                // "multi-currency" stays one hyphenated word, as written.
                let hyphenated = text.range(of: first.surface + "-" + second.surface, options: .caseInsensitive) != nil
                pairSurfaces[key, default: [:]][first.surface + (hyphenated ? "-" : " ") + second.surface, default: 0] += 1
            }
            for key in pairsHere { pairCounts[key, default: 0] += 1 }
        }
    }

    func surfaceForm(of term: String) -> String { analyzer.surfaceForm(of: term) }

    /// The two-word phrase holding one of `terms` that the members write most often, as
    /// written, when a quarter of the members holding that term (and at least two) write it
    /// so; never with a word that names no topic ("app", "great").
    func commonPhrase(among terms: [String]) -> String? {
        var best: (key: String, count: Int)?
        for (key, count) in pairCounts where count >= 2 && count > (best?.count ?? 0) || (count == best?.count && key < best!.key) {
            let parts = key.split(separator: " ").map(String.init)
            guard parts.count == 2, !parts.contains(where: TopicFreeWords.terms.contains),
                  let term = parts.first(where: terms.contains), 4 * count >= (documentFrequency[term] ?? 0) else { continue }
            best = (key, count)
        }
        return best.flatMap { TermAnalyzer.mostFrequent(pairSurfaces[$0.key] ?? [:]) }
    }

    /// The candidate most often written right next to `term` (either side), when the two
    /// are side by side in at least half the members holding either of them, and in at
    /// least two members; with the pair's most frequent written form.
    func strongestPartner(of term: String, among candidates: [String]) -> (term: String, phrase: String)? {
        var best: (term: String, phrase: String, count: Int)?
        for other in candidates {
            for key in [term + " " + other, other + " " + term] {
                let count = pairCounts[key] ?? 0
                let commoner = max(documentFrequency[term] ?? 0, documentFrequency[other] ?? 0)
                guard count >= 2, Double(count) >= 0.5 * Double(commoner), count > (best?.count ?? 0),
                      let phrase = TermAnalyzer.mostFrequent(pairSurfaces[key] ?? [:]) else { continue }
                best = (other, phrase, count)
            }
        }
        return best.map { ($0.term, $0.phrase) }
    }
}
