import Foundation

/// The sources (whole feedback items, notes' sentences) as bags of terms and concepts — the
/// units a link is decided on — with an inverted index and the
/// statistics BM25 needs.
struct LinkCorpus {
    struct Unit {
        /// The source (by index) the unit is.
        var source: Int
        var text: String
        /// Term or concept ("~slow") → how often it occurs.
        var tokens: [String: Int]
        var length: Int
    }

    /// A unit's match with an item: the query's index, its score and the tokens both share.
    struct Match {
        var query: Int
        var score: Double
        var matched: [String]
        /// How many times the next item's score it is (set by `decide`; 4 when alone).
        var lead = 0.0
    }

    private(set) var units: [Unit] = []
    /// Token → the units it occurs in, with how often.
    private(set) var postings: [String: [(unit: Int, count: Int)]] = [:]
    private(set) var documentFrequency: [String: Int] = [:]
    private(set) var averageLength = 1.0
    /// Each query token's rarity × distinctiveness, for the queries last given to `weigh`.
    private var tokenFactors: [String: Double] = [:]
    /// How the sources spell each term, for showing words an item learned from its customers.
    private var surfaceAnalyzer = TermAnalyzer()

    /// The word customers most often wrote for `term` ("battery" for "batteri").
    func surfaceForm(of term: String) -> String { surfaceAnalyzer.surfaceForm(of: term) }
    /// The units and the items' examples as tf-idf vectors (nil: no item has examples).
    struct ExampleSpace {
        var units: [SparseVector]
        /// Per query (by index), its examples' texts and vectors.
        var examples: [[(text: String, vector: SparseVector)]]
    }
    var exampleSpace: ExampleSpace?

    init(_ sources: [LinkSource]) {
        var analyzer = TermAnalyzer(recordsSurfaceForms: true)
        for (index, source) in sources.enumerated() {
            let tokens = Self.tokens(analyzer.terms(source.text))
            guard !tokens.isEmpty else { continue }
            units.append(Unit(source: index, text: source.text, tokens: tokens, length: tokens.values.reduce(0, +)))
        }
        surfaceAnalyzer = analyzer
        for (index, unit) in units.enumerated() {
            for (token, count) in unit.tokens {
                postings[token, default: []].append((index, count))
                documentFrequency[token, default: 0] += 1
            }
        }
        averageLength = units.isEmpty ? 1 : Double(units.map(\.length).reduce(0, +)) / Double(units.count)
    }

    /// Terms that say something of a topic, each also counted as its concepts.
    static func tokens(_ terms: [String]) -> [String: Int] {
        var tokens: [String: Int] = [:]
        for term in terms where !TopicFreeWords.terms.contains(term) {
            tokens[term, default: 0] += 1
            for concept in ConceptLexicon.concepts(of: term) { tokens[concept, default: 0] += 1 }
        }
        return tokens
    }

    /// How rare a token is among the units (BM25's idf, never negative).
    func rarity(_ token: String) -> Double {
        let n = Double(units.count), df = Double(documentFrequency[token] ?? 0)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Each unit's best query, if it is a link by `decide`.
    func bestMatches(_ queries: [Query], settings: EvidenceLinker.Settings) -> [Match?] {
        allMatches(queries, settings: settings).map { Self.decide($0, queries: queries, settings: settings) }
    }

    /// The best of `matches` (best first) if it makes a link: over the threshold, clear of the
    /// next item, and on enough of the item's words — two at least, and a third unless the
    /// lead over the next item is wide.
    static func decide(_ matches: [Match], queries: [Query], settings: EvidenceLinker.Settings) -> Match? {
        guard let first = matches.first, first.score >= settings.threshold else { return nil }
        let groups = queries[first.query].distinctGroups(first.matched)
        // A runner-up that shares one word ("move") does not contest a match on four or more.
        let contested = matches.dropFirst().first { groups < 4 || queries[$0.query].distinctGroups($0.matched) > 1 }
        let runnerUp = contested?.score ?? 0
        guard first.score >= settings.marginFactor * runnerUp, groups >= settings.minimumMatches,
              groups > settings.minimumMatches || first.score >= settings.wideMarginFactor * runnerUp else { return nil }
        var decided = first
        decided.lead = runnerUp > 0 ? first.score / runnerUp : 4
        return decided
    }

    /// Every unit's matches with every query that shares a token with it, best first.
    func allMatches(_ queries: [Query], settings: EvidenceLinker.Settings) -> [[Match]] {
        var all = [[Match]](repeating: [], count: units.count)
        let weigh = weigher()
        for (queryIndex, query) in queries.enumerated() {
            var scores: [Int: Double] = [:]
            var matched: [Int: [String]] = [:]
            for (token, weight) in query.weights {
                guard let list = postings[token] else { continue }
                for (unit, count) in list {
                    scores[unit, default: 0] += weigh(token, weight, count, units[unit].length)
                    matched[unit, default: []].append(token)
                }
            }
            for (unit, raw) in scores {
                all[unit].append(Match(query: queryIndex, score: raw / pow(query.norm, settings.normExponent), matched: (matched[unit] ?? []).sorted()))
            }
        }
        // Closeness to what was linked to an item already adds to its score, and counts as one
        // more thing shared with it. Only units that share a word with the item are compared
        // (a unit sharing none is not close to its examples either), so this stays linear.
        if let space = exampleSpace {
            for (unit, matches) in all.enumerated() {
                for index in matches.indices {
                    let query = matches[index].query
                    let closeness = space.examples[query].lazy.filter { $0.text != self.units[unit].text }
                        .map { space.units[unit].dot($0.vector) }.max() ?? 0
                    guard closeness >= settings.exampleSimilarity else { continue }
                    all[unit][index].score += settings.exampleWeight * closeness
                    all[unit][index].matched.append("=example")
                }
            }
        }
        return all.map { $0.sorted { $0.score > $1.score } }
    }

    /// The matches of any text (a sentence of a unit) with the queries, scored with the
    /// corpus's statistics, best first.
    func matches(of text: String, _ queries: [Query], settings: EvidenceLinker.Settings) -> [Match] {
        let tokens = Self.tokens(Tokenizer.terms(text))
        let length = tokens.values.reduce(0, +)
        let weigh = weigher()
        var result: [Match] = []
        for (queryIndex, query) in queries.enumerated() {
            var raw = 0.0
            var matched: [String] = []
            for (token, count) in tokens {
                guard let weight = query.weights[token], documentFrequency[token] != nil else { continue }
                raw += weigh(token, weight, count, length)
                matched.append(token)
            }
            if raw > 0 { result.append(Match(query: queryIndex, score: raw / pow(query.norm, settings.normExponent), matched: matched.sorted())) }
        }
        return result.sorted { $0.score > $1.score }
    }

    /// Works out each query token's rarity × distinctiveness (how few items use it), once per
    /// set of queries: every unit, sentence and runner-up is then scored with them.
    mutating func weigh(_ queries: [Query], settings: EvidenceLinker.Settings) {
        var itemsUsing: [String: Int] = [:]
        for query in queries { for token in query.weights.keys { itemsUsing[token, default: 0] += 1 } }
        let itemCount = Double(queries.count)
        tokenFactors = itemsUsing.mapValues { _ in 0 }
        for (token, using) in itemsUsing {
            // A word several items use tells them apart less ("bank" in three bank items).
            let distinctiveness = pow(log(1 + itemCount / Double(using)) / log(1 + itemCount), settings.distinctivenessExponent)
            tokenFactors[token] = rarity(token) * distinctiveness
        }
    }

    /// BM25's share of one token: the item's weight for it × its factor (`weigh`) × how often
    /// the text has it, for the text's length.
    private func weigher() -> (String, Double, Int, Int) -> Double {
        let k1 = 1.2, b = 0.5, averageLength = averageLength, factors = tokenFactors
        return { token, weight, count, length in
            let lengthNorm = 1 - b + b * Double(length) / averageLength
            let saturation = Double(count) * (k1 + 1) / (Double(count) + k1 * lengthNorm)
            return weight * (factors[token] ?? 0) * saturation
        }
    }
}

/// Words that name no topic of their own in product feedback, left out of matching: what
/// people say about any product (verbs of doing and seeing, judgements, time, quantity).
/// Verbs that name what a product does (sync, export, print, record, share, search…) are
/// not here.
public enum TopicFreeWords {
    /// The words as `Tokenizer.terms` writes them (stemmed).
    public static let terms: Set<String> = Set(words.flatMap { Tokenizer.terms($0) })

    private static let words = [
        // The product and its parts, in general.
        "app", "apps", "application", "software", "tool", "system", "platform", "feature", "features", "function", "option",
        "options", "setting", "settings", "thing", "stuff", "part", "version", "update", "updates", "updated", "product",
        "company", "service", "team", "guys", "folks", "people", "everyone", "someone", "user", "users", "customer", "customers",
        "ticket", "tickets", "support", "help", "question",
        // Judgements and feelings.
        "good", "great", "bad", "nice", "awesome", "terrible", "annoying", "amazing", "fine", "ok", "okay", "cool", "perfect",
        "easy", "hard", "simple", "difficult", "better", "worse", "best", "worst", "love", "like", "hate", "happy", "sad",
        "glad", "sorry", "wrong", "right", "real", "actual", "basic", "whole", "entire", "different", "same", "new", "old",
        "big", "small", "little", "huge", "main", "sure", "possible", "impossible", "important", "useful", "useless",
        "issue", "issues", "problem", "problems", "bug", "bugs", "fix", "fixed", "fixes", "fixing", "broken", "works",
        "work", "working", "worked", "thanks", "thank", "please", "hi", "hello", "hey", "dear", "regards", "cheers",
        // Verbs of doing, seeing and saying.
        "add", "added", "adding", "make", "made", "making", "get", "getting", "got", "give", "gives", "gave", "given",
        "let", "lets", "ask", "asked", "asking", "tell", "told", "say", "said", "show", "shows", "showed", "shown",
        "see", "seen", "saw", "look", "looks", "looked", "looking", "seem", "seems", "seemed", "feel", "feels", "felt",
        "try", "tried", "trying", "want", "wanted", "need", "needs", "needed", "find", "found", "know", "knew", "think",
        "thought", "mean", "means", "start", "started", "starts", "end", "ended", "ends", "set", "change", "changed",
        "changes", "open", "opened", "opens", "turn", "turned", "put", "call", "called", "come", "came", "comes", "go",
        "went", "goes", "going", "take", "took", "taken", "keep", "kept", "leave", "left", "stay", "happen", "happened",
        "happens", "write", "wrote", "written", "read", "click", "clicked", "tap", "tapped", "press", "pressed",
        "wait", "waited", "waiting", "pay", "paid", "buy", "bought", "spend", "spent", "allow", "allowed", "able", "unable",
        "seem", "point", "points", "lot", "lots", "bit", "way", "ways", "kind", "sort", "type", "reason", "idea",
        // Time and quantity.
        "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute",
        "minutes", "second", "seconds", "today", "yesterday", "tomorrow", "morning", "night", "now", "ago", "since",
        "recently", "lately", "soon", "later", "first", "last", "next", "every", "each", "once", "always",
        "never", "often", "sometimes", "usually", "anymore", "still", "again", "also", "even", "just", "really",
        "actually", "literally", "seriously", "totally", "completely", "pretty", "super", "quite", "almost", "enough",
        "half", "full", "free", "via", "instead", "without", "within", "use", "used", "using", "ones", "one", "anything",
        "everything", "nothing", "something",
    ]
}
