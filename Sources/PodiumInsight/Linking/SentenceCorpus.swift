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
    }

    private(set) var sentences: [Sentence] = []
    /// Token → the sentences it occurs in, with how often.
    private(set) var postings: [String: [(sentence: Int, count: Int)]] = [:]
    private(set) var documentFrequency: [String: Int] = [:]
    private(set) var averageLength = 1.0

    init(_ sources: [LinkSource]) {
        var analyzer = TermAnalyzer()
        for (index, source) in sources.enumerated() {
            for text in SentenceSplitter.sentences(source.text) {
                let tokens = Self.tokens(analyzer.terms(text))
                guard !tokens.isEmpty else { continue }
                sentences.append(Sentence(source: index, text: text, tokens: tokens, length: tokens.values.reduce(0, +)))
            }
        }
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

    /// Each sentence's best query, if it reaches the threshold with enough shared tokens.
    func bestMatches(_ queries: [Query], settings: EvidenceLinker.Settings) -> [Match?] {
        var best = [Match?](repeating: nil, count: sentences.count)
        let k1 = 1.2, b = 0.5
        for (queryIndex, query) in queries.enumerated() {
            var scores: [Int: Double] = [:]
            var matched: [Int: [String]] = [:]
            for (token, weight) in query.weights {
                guard let list = postings[token] else { continue }
                let idf = rarity(token)
                for (sentence, count) in list {
                    let lengthNorm = 1 - b + b * Double(sentences[sentence].length) / averageLength
                    let saturation = Double(count) * (k1 + 1) / (Double(count) + k1 * lengthNorm)
                    scores[sentence, default: 0] += weight * idf * saturation
                    matched[sentence, default: []].append(token)
                }
            }
            for (sentence, raw) in scores {
                let score = raw / query.norm
                let shared = matched[sentence] ?? []
                if ProcessInfo.processInfo.environment["PODIUM_LINK_TRACE"] != nil, score >= settings.threshold / 2 {
                    print(String(format: "%.2f", score), query.distinctGroups(shared), query.target.key ?? query.target.id, shared, "|", sentences[sentence].text)
                }
                guard score >= settings.threshold,
                      query.distinctGroups(shared) >= settings.minimumMatches || score >= settings.singleMatchFactor * settings.threshold else { continue }
                if let current = best[sentence], current.score >= score { continue }
                best[sentence] = Match(query: queryIndex, score: score, matched: shared.sorted())
            }
        }
        return best
    }
}

/// Words that name no topic of their own in product feedback, left out of matching.
enum TopicFreeWords {
    static let terms: Set<String> = Set([
        "app", "apps", "application", "feature", "features", "option", "options", "user", "users", "customer", "customers",
        "thing", "work", "works", "working", "worked", "need", "needs", "needed", "new", "update", "updates", "updated",
        "version", "add", "added", "adding", "make", "made", "help", "thank", "thanks", "hi", "hello", "hey", "good",
        "great", "bad", "issue", "issues", "problem", "problems", "bug", "bugs", "fix", "fixed", "fixes", "please", "time",
        "times", "day", "days", "also", "ticket", "tickets", "product", "company", "guys", "would", "could", "like", "love",
        "nice", "awesome", "terrible", "annoying", "actually", "literally", "seriously", "today", "yesterday", "tried",
        "try", "trying", "able", "unable", "easy", "hard", "get", "getting", "still", "again", "better", "worse", "best",
        "worst", "pretty", "super", "lot", "every", "first", "since", "ago", "anymore", "instead", "via",
    ].flatMap { Tokenizer.terms($0) })
}
