import Foundation

/// One backlog item as a weighted query: its words by field, their concepts, and the words
/// it learned from its customers' sentences.
struct Query {
    let target: LinkTarget
    private(set) var weights: [String: Double] = [:]
    /// sqrt of the sum of weight × rarity over the item's tokens: scores are divided by it, so
    /// a long description does not make an item match everything.
    private(set) var norm = 1.0
    /// Term → the word the item writes it as.
    private var surfaces: [String: String] = [:]
    /// Concept → the item's terms that carry it.
    private var conceptSources: [String: Set<String>] = [:]

    init(_ target: LinkTarget, settings: EvidenceLinker.Settings, corpus: LinkCorpus) {
        self.target = target
        var analyzer = TermAnalyzer(recordsSurfaceForms: true)
        for (text, weight) in [(target.title, settings.titleWeight), (target.labels.joined(separator: " "), settings.labelWeight),
                               (target.description, settings.descriptionWeight)] {
            for occurrence in analyzer.occurrences(text) where !TopicFreeWords.terms.contains(occurrence.term) {
                add(occurrence.term, weight: weight, settings: settings)
                if surfaces[occurrence.term] == nil { surfaces[occurrence.term] = occurrence.surface }
            }
        }
        updateNorm(corpus)
    }

    /// Adds a word the item's customers use (it has no surface form in the item).
    mutating func learn(_ term: String, weight: Double, settings: EvidenceLinker.Settings, corpus: LinkCorpus) {
        add(term, weight: weight, settings: settings)
        updateNorm(corpus)
    }

    private mutating func add(_ term: String, weight: Double, settings: EvidenceLinker.Settings) {
        weights[term] = max(weights[term] ?? 0, weight)
        for concept in ConceptLexicon.concepts(of: term) {
            weights[concept] = max(weights[concept] ?? 0, weight * settings.conceptWeight)
            conceptSources[concept, default: []].insert(term)
        }
    }

    private mutating func updateNorm(_ corpus: LinkCorpus) {
        let total = weights.reduce(0.0) { $0 + $1.value * corpus.rarity($1.key) }
        norm = max(1, total.squareRoot())
    }

    /// How many distinct things `tokens` are: a term and a concept it carries count once.
    func distinctGroups(_ tokens: [String]) -> Int {
        var covered = Set<String>()
        var groups = 0
        for token in tokens.sorted(by: { !$0.hasPrefix("~") && $1.hasPrefix("~") }) {
            if token.hasPrefix("~") {
                if !(conceptSources[token] ?? []).isDisjoint(with: covered) { continue }
            } else {
                covered.insert(token)
            }
            groups += 1
        }
        return groups
    }

    /// The item's words behind `tokens`, as it writes them (learned words as customers do).
    func surfaceWords(for tokens: [String], spelledAs spelling: (String) -> String = { $0 }) -> [String] {
        var words: [String] = []
        for token in tokens {
            let word: String
            if token == "=example" {
                word = "like feedback linked to it"
            } else if token.hasPrefix("~") {
                guard let source = conceptSources[token]?.sorted().first else { continue }
                word = surfaces[source] ?? source
            } else {
                word = surfaces[token] ?? spelling(token)
            }
            if !words.contains(word) { words.append(word) }
        }
        return words
    }
}
