/// Names a theme from the heaviest terms of its centre.
///
/// Each term is shown in the form the members most often wrote it ("invoices" rather than
/// the stem "invoic"); two top terms that the members mostly write side by side become one
/// phrase ("work orders", "offline mode").
struct ThemeLabeler {
    let model: TFIDFModel
    /// How many members, closest to the centre first, are read for surface forms and phrases.
    var membersRead = 300
    /// How many of the centre's heaviest terms are considered.
    var candidateTerms = 8

    init(model: TFIDFModel) {
        self.model = model
    }

    /// The label (the first two key terms) and the key terms (at most five).
    mutating func name(centre: Centroid, members: [String]) -> (label: String, keyTerms: [String]) {
        let candidates = centre.topTerms(candidateTerms).map { model.vocabulary[$0] }
        let usage = MemberUsage(texts: Array(members.prefix(membersRead)))
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
        return (pieces.prefix(2).joined(separator: " · "), pieces)
    }
}

// MARK: - How members write their terms

/// Surface forms, document frequencies and side-by-side pairs of terms in a theme's members.
private struct MemberUsage {
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
                pairSurfaces[key, default: [:]][first.surface + " " + second.surface, default: 0] += 1
            }
            for key in pairsHere { pairCounts[key, default: 0] += 1 }
        }
    }

    func surfaceForm(of term: String) -> String { analyzer.surfaceForm(of: term) }

    /// The candidate most often written right next to `term` (either side), when the two
    /// are side by side in at least half the members holding the rarer of them, and in at
    /// least two members; with the pair's most frequent written form.
    func strongestPartner(of term: String, among candidates: [String]) -> (term: String, phrase: String)? {
        var best: (term: String, phrase: String, count: Int)?
        for other in candidates {
            for key in [term + " " + other, other + " " + term] {
                let count = pairCounts[key] ?? 0
                let rarer = min(documentFrequency[term] ?? 0, documentFrequency[other] ?? 0)
                guard count >= 2, Double(count) >= 0.5 * Double(rarer), count > (best?.count ?? 0),
                      let phrase = TermAnalyzer.mostFrequent(pairSurfaces[key] ?? [:]) else { continue }
                best = (other, phrase, count)
            }
        }
        return best.map { ($0.term, $0.phrase) }
    }
}
