import PodiumCore

extension SentimentAnalyzer {
    /// A feedback item's sentiment from -1 to 1 when none is stored on it: its text's score
    /// blended with its rating (on the rating's own scale) when it has one, to two decimals.
    public func estimate(_ item: FeedbackItem) -> Double {
        let text = score(item.text).score
        guard let rating = item.rating else { return (text * 100).rounded() / 100 }
        let fromRating = rating.normalized * 2 - 1
        return ((0.6 * text + 0.4 * fromRating) * 100).rounded() / 100
    }
}
