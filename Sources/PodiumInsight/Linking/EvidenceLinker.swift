import Foundation

/// Proposes links between feedback (or notes) and the backlog items they are about, by
/// meaning rather than by a shared word.
///
/// How, per source (a whole feedback item; its sentences are read too, so that one speaking
/// of two things links to both):
/// 1. **Relevance**: BM25 over the sources, with field weights (an item's title counts three
///    times its description, its labels twice), and each word also counted as the general
///    concept it belongs to (`ConceptLexicon`: "spins forever" meets "performance"). Words
///    that name no topic ("app", "show", "issue") are left out; words common to the whole
///    workspace, or used by several items, weigh less.
/// 2. **The workspace's own words**: the feedback already linked to an item (`LinkTarget.examples`)
///    and the sources that match it clearly (`confidentFactor` × the threshold) teach it the
///    words its customers use (pseudo-relevance feedback); a source close to a linked one
///    (tf-idf cosine ≥ `exampleSimilarity`) counts toward its item; everything is scored again.
/// 3. **A decision** (`LinkCorpus.decide`): the best item links when the score reaches
///    `threshold`, leads the next item by `marginFactor`, and meets two of the item's words or
///    concepts — three unless the lead is `wideMarginFactor` (one shared word is how decoys
///    look: "the PDF of my contract" is not about "Export invoices to PDF").
/// 4. **Demand or validation**: what the text does (`FeedbackIntent`; the stars given outweigh
///    the tone): a request or a complaint is demand; praise is validation, kept apart; a
///    question about using what exists is not linked.
public struct EvidenceLinker: Sendable {
    /// What the linker weighs and where it draws the line.
    public struct Settings: Sendable, Hashable {
        /// The score (per unit of the item's weight) a source needs to link.
        public var threshold = 0.3
        /// Sources this many times over the threshold teach an item its customers' words.
        public var confidentFactor = 1.6
        public var titleWeight = 3.0
        public var labelWeight = 2.0
        public var descriptionWeight = 1.0
        /// A concept counts this much of the word it comes from.
        public var conceptWeight = 0.6
        /// Words learned from linked and confident sources count this much at most.
        public var learnedWeight = 0.8
        /// How many words an item learns at most.
        public var learnedWords = 12
        /// Scores are divided by the item's weight to this power (0: raw BM25; 1: fully
        /// normalised, so an item with a long description is not favoured).
        public var normExponent = 1.0
        /// How much closeness to feedback already linked to an item counts (× the cosine).
        public var exampleWeight = 1.0
        /// The cosine from which a text counts as saying what an example says.
        public var exampleSimilarity = 0.5
        /// How much a word shared by several items is worth less (0: not at all).
        public var distinctivenessExponent = 1.0
        /// Distinct words or concepts a text must share with the item (a shared word alone is
        /// how decoys look: "the PDF of my contract" is not about "Export invoices to PDF").
        public var minimumMatches = 2
        /// How far ahead of the next item the best must be to link at all…
        public var marginFactor = 1.5
        /// …and with only `minimumMatches` shared words.
        public var wideMarginFactor = 2.0

        public init() {}
    }

    public var settings: Settings

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The links `sources` give `targets`, strongest first per target.
    public func link(_ sources: [LinkSource], to targets: [LinkTarget]) -> [ProposedLink] {
        guard !sources.isEmpty, !targets.isEmpty else { return [] }
        let (corpus, queries) = prepare(sources, targets)
        let all = corpus.allMatches(queries, settings: settings)
        let best = all.map { LinkCorpus.decide($0, queries: queries, settings: settings) }
        // A text that links to no single item may still speak of two, one per sentence: it is
        // read sentence by sentence when it shares three words with some item.
        let twoTopics = all.map { matches in matches.contains { queries[$0.query].distinctGroups($0.matched) > settings.minimumMatches } }
        return links(from: best, readBySentence: twoTopics, queries: queries, corpus: corpus, sources: sources)
    }

    /// For tuning and the benchmark: each source's best matches (target id, score, distinct
    /// shared words), whether or not they make a link.
    public func explain(_ sources: [LinkSource], to targets: [LinkTarget]) -> [(sourceID: String, sentence: String, matches: [(targetID: String, score: Double, groups: Int, words: [String])])] {
        guard !sources.isEmpty, !targets.isEmpty else { return [] }
        let (corpus, queries) = prepare(sources, targets)
        return corpus.allMatches(queries, settings: settings).enumerated().map { index, matches in
            (sources[corpus.units[index].source].id, corpus.units[index].text,
             matches.prefix(3).map { (queries[$0.query].target.id, $0.score, queries[$0.query].distinctGroups($0.matched), $0.matched) })
        }
    }

    /// The corpus and the items' queries as both `link` and `explain` score them: the items'
    /// own words, then the words learned from their customers, and the linked examples.
    private func prepare(_ sources: [LinkSource], _ targets: [LinkTarget]) -> (LinkCorpus, [Query]) {
        var corpus = LinkCorpus(sources)
        var queries = targets.map { Query($0, settings: settings, corpus: corpus) }
        corpus.weigh(queries, settings: settings)
        learnCustomerWords(into: &queries, from: corpus.bestMatches(queries, settings: settings), corpus: corpus)
        corpus.weigh(queries, settings: settings)
        corpus.exampleSpace = exampleSpace(queries, corpus: corpus)
        return (corpus, queries)
    }

    // MARK: - Learning the workspace's words

    private func learnCustomerWords(into queries: inout [Query], from best: [LinkCorpus.Match?], corpus: LinkCorpus) {
        // What each item's customers wrote: the feedback already linked to it, and the
        // sources that match it clearly.
        var seeds = queries.map { query in query.target.examples.map { LinkCorpus.tokens(Tokenizer.terms($0)) } }
        for (unit, match) in best.enumerated() {
            guard let match, match.score >= settings.threshold * settings.confidentFactor else { continue }
            seeds[match.query].append(corpus.units[unit].tokens)
        }
        var enriched = Array(repeating: [String: Double](), count: queries.count)
        for (query, documents) in seeds.enumerated() where documents.count >= 3 {
            var counts: [String: Int] = [:]
            for tokens in documents {
                for token in tokens.keys where !token.hasPrefix("~") { counts[token, default: 0] += 1 }
            }
            let needed = max(2, Int((0.15 * Double(documents.count)).rounded(.up)))
            for (token, count) in counts where count >= needed {
                let inSeeds = Double(count) / Double(documents.count)
                let overall = Double(corpus.documentFrequency[token] ?? 0) / Double(max(1, corpus.units.count))
                guard overall > 0, inSeeds / overall >= 3 else { continue }
                enriched[query][token] = inSeeds * log(inSeeds / overall)
            }
        }
        for query in queries.indices {
            // A word that marks two items' sources tells them apart from neither.
            let shared = Set(enriched.indices.filter { $0 != query }.flatMap { enriched[$0].keys })
            let learned = enriched[query].filter { !shared.contains($0.key) && (queries[query].weights[$0.key] ?? 0) < settings.descriptionWeight }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(settings.learnedWords)
            guard let top = learned.first?.value, top > 0 else { continue }
            for (token, value) in learned {
                queries[query].learn(token, weight: settings.learnedWeight * max(0.4, value / top), settings: settings, corpus: corpus)
            }
        }
    }

    /// The units as tf-idf vectors and each item's examples (feedback already linked to it) in
    /// the same space, for `LinkCorpus.allMatches` to find units close to an example.
    private func exampleSpace(_ queries: [Query], corpus: LinkCorpus) -> LinkCorpus.ExampleSpace? {
        guard settings.exampleWeight > 0, queries.contains(where: { !$0.target.examples.isEmpty }) else { return nil }
        func terms(_ text: String) -> [String] { Tokenizer.terms(text).filter { !TopicFreeWords.terms.contains($0) } }
        let unitTerms = corpus.units.map { terms($0.text) }
        let model = TFIDFModel(documents: unitTerms)
        return LinkCorpus.ExampleSpace(
            units: unitTerms.map { model.vector(for: $0) },
            examples: queries.map { query in query.target.examples.prefix(40).map { (text: $0, vector: model.vector(for: terms($0))) } })
    }

    /// How sure a link is, 0…1: how far ahead of the next item it is (half of it) and how many
    /// of the item's words it meets (the other half). The score alone says little: a long
    /// text meets many words of several items.
    private func strength(of match: LinkCorpus.Match, query: Int, queries: [Query]) -> Double {
        let groups = Double(queries[query].distinctGroups(match.matched))
        let value = 0.5 * min(1, max(0, match.lead - 1) / 3) + 0.5 * min(1, max(0, groups - 1) / 4)
        return (value * 100).rounded() / 100
    }

    // MARK: - Links

    private func links(from best: [LinkCorpus.Match?], readBySentence: [Bool], queries: [Query], corpus: LinkCorpus,
                       sources: [LinkSource]) -> [ProposedLink] {
        var result: [ProposedLink] = []
        let analyzer = SentimentAnalyzer()
        // Only a text that links at all is read sentence by sentence (a long feedback list is
        // mostly texts that link to nothing).
        for (index, match) in best.enumerated() where match != nil || readBySentence[index] {
            let unit = corpus.units[index]
            let source = sources[unit.source]
            let sentences = SentenceSplitter.sentences(unit.text)
            // Each sentence's own matches: the one that connects the text to its item, and
            // another item a sentence is clearly about (feedback about two things).
            let bySentence = sentences.count > 1 ? sentences.map { corpus.matches(of: $0, queries, settings: settings) } : []
            var found: [(query: Int, match: LinkCorpus.Match)] = match.map { [($0.query, $0)] } ?? []
            for matches in bySentence {
                guard let other = LinkCorpus.decide(matches, queries: queries, settings: settings),
                      queries[other.query].distinctGroups(other.matched) > settings.minimumMatches,
                      !found.contains(where: { $0.query == other.query }) else { continue }
                found.append((other.query, other))
            }
            let wholeIntent = FeedbackIntent.of(unit.text, ratingShare: source.ratingShare, analyzer: analyzer)
            for found in found {
                let queryIndex = found.query
                let query = queries[queryIndex]
                var phrase = unit.text
                if !bySentence.isEmpty {
                    let scored = zip(sentences, bySentence).map { ($0, $1.first { $0.query == queryIndex }?.score ?? 0) }
                    phrase = scored.max { $0.1 < $1.1 }.map(\.0) ?? unit.text
                }
                var intent = FeedbackIntent.of(phrase, ratingShare: source.ratingShare, analyzer: analyzer)
                if intent == .neutral || intent == .praise || sentences.count == 1 { intent = wholeIntent }
                // The stars the customer gave outweigh the words' tone: one star is no praise,
                // five stars and a text that is not negative are no complaint.
                if let rating = source.ratingShare {
                    if intent == .praise && rating <= 0.25 { intent = .complaint }
                    if intent == .complaint && rating >= 0.9 && analyzer.score(unit.text).score >= 0 { intent = .praise }
                }
                guard intent != .question else { continue }  // how to use what exists: support, not evidence
                // The item's words that the quoted sentence itself meets (all of the text's when it meets none).
                let phraseTokens = Set(LinkCorpus.tokens(Tokenizer.terms(phrase)).keys)
                let shown = found.match.matched.filter { phraseTokens.contains($0) || $0 == "=example" }
                result.append(ProposedLink(
                    sourceID: source.id, targetID: query.target.id, kind: intent == .praise ? .validation : .demand,
                    strength: strength(of: found.match, query: queryIndex, queries: queries), sourcePhrase: phrase,
                    targetWords: query.surfaceWords(for: shown.isEmpty ? found.match.matched : shown, spelledAs: corpus.surfaceForm), intent: intent))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: queries.enumerated().map { ($1.target.id, $0) })
        return result.sorted {
            if $0.targetID != $1.targetID { return order[$0.targetID, default: 0] < order[$1.targetID, default: 0] }
            if $0.strength != $1.strength { return $0.strength > $1.strength }
            return $0.sourceID < $1.sourceID
        }
    }
}
