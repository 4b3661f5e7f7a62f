/// How a text feels overall.
public enum SentimentLabel: String, Sendable, Hashable, CaseIterable {
    case positive, negative, neutral, mixed
}

/// The sentiment of one text and the words behind it.
public struct SentimentScore: Sendable, Hashable {
    /// From -1 (very negative) to 1 (very positive).
    public var score: Double
    public var label: SentimentLabel
    /// The words and phrases that pulled the score up, as written (lowercased), in text order.
    public var positiveTerms: [String]
    /// The words and phrases that pulled the score down, e.g. "crashes", "not good".
    public var negativeTerms: [String]

    public init(score: Double, label: SentimentLabel, positiveTerms: [String], negativeTerms: [String]) {
        self.score = score
        self.label = label
        self.positiveTerms = positiveTerms
        self.negativeTerms = negativeTerms
    }
}

extension SentimentScore {
    /// "negative", "neutral" or "positive": a mixed text by the side its score leans to.
    public var threeClass: String {
        switch label {
        case .positive: "positive"
        case .negative: "negative"
        case .neutral: "neutral"
        case .mixed: score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral"
        }
    }
}
