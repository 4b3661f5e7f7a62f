/// A phrase that stands out in a set of documents.
public struct KeyPhrase: Sendable, Hashable {
    /// The phrase in the form it was most often written (lowercased).
    public var phrase: String
    /// RAKE score (sum of its words' degree ÷ frequency) times log₂(1 + documents holding it).
    public var score: Double
    /// How many documents hold the phrase.
    public var count: Int

    public init(phrase: String, score: Double, count: Int) {
        self.phrase = phrase
        self.score = score
        self.count = count
    }
}
