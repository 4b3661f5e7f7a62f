/// A sentence picked for a summary, with the document it came from.
public struct SummarySentence: Sendable, Hashable {
    /// The sentence as it was written.
    public var text: String
    /// The id of the (first, in id order) document that holds the sentence.
    public var sourceID: String
    /// Centrality relative to the most central sentence, 0...1.
    public var score: Double

    public init(text: String, sourceID: String, score: Double) {
        self.text = text
        self.sourceID = sourceID
        self.score = score
    }
}
