import Foundation

/// The sources' sentences as bags of terms and concepts, with an inverted index and the
/// statistics BM25 needs.
struct SentenceCorpus {
    struct Sentence {
        /// The source (by index) the sentence belongs to.
        var source: Int
        var text: String
        /// Term or concept ("~slow") → how often it occurs.
        var tokens: [String: Int]
        var length: Int
    }

    /// A sentence's best item: the query's index, its score and the tokens both share.
    struct Match {
        var query: Int
        var score: Double
        var matched: [String]
        /// How many times the next item's score it is (set by `decide`; 4 when alone).
        var lead = 0.0
    }

    private(set) var sentences: [Sentence] = []
    /// Token → the sentences it occurs in, with how often.
    private(set) var postings: [String: [(sentence: Int, count: Int)]] = [:]
    private(set) var documentFrequency: [String: Int] = [:]
    private(set) var averageLength = 1.0
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
            sentences.append(Sentence(source: index, text: source.text, tokens: tokens, length: tokens.values.reduce(0, +)))
        }
        surfaceAnalyzer = analyzer
        for (index, sentence) in sentences.enumerated() {
            for (token, count) in sentence.tokens {
                postings[token, default: []].append((index, count))
                documentFrequency[token, default: 0] += 1
            }
        }
        averageLength = sentences.isEmpty ? 1 : Double(sentences.map(\.length).reduce(0, +)) / Double(sentences.count)
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

    /// How rare a token is among the sentences (BM25's idf, never negative).
    func rarity(_ token: String) -> Double {
        let n = Double(sentences.count), df = Double(documentFrequency[token] ?? 0)
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
        var all = [[Match]](repeating: [], count: sentences.count)
        let weigh = weigher(queries, settings: settings)
        for (queryIndex, query) in queries.enumerated() {
            var scores: [Int: Double] = [:]
            var matched: [Int: [String]] = [:]
            for (token, weight) in query.weights {
                guard let list = postings[token] else { continue }
                for (sentence, count) in list {
                    scores[sentence, default: 0] += weigh(token, weight, count, sentences[sentence].length)
                    matched[sentence, default: []].append(token)
                }
            }
            for (sentence, raw) in scores {
                all[sentence].append(Match(query: queryIndex, score: raw / pow(query.norm, settings.normExponent), matched: (matched[sentence] ?? []).sorted()))
            }
        }
        // Closeness to what was linked to an item already adds to its score, and counts as one
        // more thing shared with it. Only units that share a word with the item are compared
        // (a unit sharing none is not close to its examples either), so this stays linear.
        if let space = exampleSpace {
            for (unit, matches) in all.enumerated() {
                for index in matches.indices {
                    let query = matches[index].query
                    let closeness = space.examples[query].lazy.filter { $0.text != self.sentences[unit].text }
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
        let weigh = weigher(queries, settings: settings)
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

    /// BM25's share of one token: the item's weight for it × how rare it is among the units
    /// and how few items use it × how often the text has it, for the text's length. The
    /// token factors are worked out once per set of queries (a pass scores every unit).
    private func weigher(_ queries: [Query], settings: EvidenceLinker.Settings) -> (String, Double, Int, Int) -> Double {
        let k1 = 1.2, b = 0.5, averageLength = averageLength
        let factors = TokenFactors.shared.factors(for: queries, corpus: self, settings: settings)
        return { token, weight, count, length in
            let lengthNorm = 1 - b + b * Double(length) / averageLength
            let saturation = Double(count) * (k1 + 1) / (Double(count) + k1 * lengthNorm)
            return weight * (factors[token] ?? 0) * saturation
        }
    }
}

/// Each query token's rarity × distinctiveness, kept for the last set of queries scored (the
/// linker scores every unit, then sentences and runners-up, against the same queries).
private final class TokenFactors: @unchecked Sendable {
    static let shared = TokenFactors()
    private let lock = NSLock()
    private var key: [String] = []
    private var cached: [String: Double] = [:]

    func factors(for queries: [Query], corpus: SentenceCorpus, settings: EvidenceLinker.Settings) -> [String: Double] {
        // What the factors depend on: the queries' tokens, the corpus's size and the exponent.
        let key = queries.map { $0.target.id + "|" + String($0.weights.count) }
            + ["\(corpus.sentences.count)", "\(corpus.averageLength)", "\(settings.distinctivenessExponent)"]
        if let hit = lock.withLock({ self.key == key ? cached : nil }) { return hit }
        var itemsUsing: [String: Int] = [:]
        for query in queries { for token in query.weights.keys { itemsUsing[token, default: 0] += 1 } }
        let itemCount = Double(queries.count)
        var factors: [String: Double] = [:]
        for (token, using) in itemsUsing {
            let distinctiveness = pow(log(1 + itemCount / Double(using)) / log(1 + itemCount), settings.distinctivenessExponent)
            factors[token] = corpus.rarity(token) * distinctiveness
        }
        lock.withLock { self.key = key; cached = factors }
        return factors
    }
}

/// Words that name no topic of their own in product feedback, left out of matching: what
/// people say about any product (verbs of doing and seeing, judgements, time, quantity).
/// Verbs that name what a product does (sync, export, print, record, share, search…) are
/// not here.
enum TopicFreeWords {
    static let terms: Set<String> = Set(words.flatMap { Tokenizer.terms($0) })

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
