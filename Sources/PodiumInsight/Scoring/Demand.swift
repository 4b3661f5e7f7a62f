import PodiumCore

/// How to turn a backlog item's inputs into a priority score.
public enum PriorityMethod: String, Sendable, CaseIterable {
    /// Reach × Impact × Confidence ÷ Effort.
    case rice
    /// Weighted Shortest Job First: Cost of Delay ÷ Job Size.
    case wsjf
}

/// The customer demand behind a backlog item: its linked feedback.
public struct Demand: Sendable, Hashable {
    /// How many feedback items are linked to the backlog item.
    public var linkedCount: Int
    /// The share of those items that are negative, 0...1 (complaints weigh as pain).
    public var negativeShare: Double

    public init(linkedCount: Int, negativeShare: Double) {
        self.linkedCount = linkedCount
        self.negativeShare = negativeShare
    }
}

/// A backlog item's place in a ranking, with the numbers that put it there.
public struct RankedBacklogItem: Sendable, Hashable {
    public var id: RecordID<BacklogItem>
    /// RICE or WSJF from the item's inputs (`RICEInputs.score`, `WSJFInputs.score`); nil while
    /// an input is missing.
    public var baseScore: Double?
    /// From 1 (no linked feedback) to 1.5 (the most linked feedback, all negative); see
    /// `BacklogRanker.demandFactor`.
    public var demandFactor: Double
    /// `baseScore × demandFactor`, or 0 when there is no base score.
    public var score: Double
    /// One sentence with the numbers that decided the rank.
    public var rationale: String

    public init(id: RecordID<BacklogItem>, baseScore: Double?, demandFactor: Double, score: Double, rationale: String) {
        self.id = id
        self.baseScore = baseScore
        self.demandFactor = demandFactor
        self.score = score
        self.rationale = rationale
    }
}
