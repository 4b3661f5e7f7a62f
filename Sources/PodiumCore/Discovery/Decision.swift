import Foundation

/// An entry of the decision log: what was decided, among which options, and why.
public struct Decision: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Decision>
    public var title: String
    public var context: String
    public var options: [String]
    public var choice: String
    public var rationale: String
    public var decidedAt: Date
    /// When the decision should be looked at again.
    public var reviewAt: Date?
    public var decidedBy: String?
    public var linkedBacklog: [RecordID<BacklogItem>]
    public var linkedFeedback: [RecordID<FeedbackItem>]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: RecordID<Decision> = .make(), title: String, context: String = "",
        options: [String] = [], choice: String, rationale: String = "", decidedAt: Date = Date(),
        reviewAt: Date? = nil, decidedBy: String? = nil, linkedBacklog: [RecordID<BacklogItem>] = [],
        linkedFeedback: [RecordID<FeedbackItem>] = [], createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.context = context
        self.options = options
        self.choice = choice
        self.rationale = rationale
        self.decidedAt = decidedAt
        self.reviewAt = reviewAt
        self.decidedBy = decidedBy
        self.linkedBacklog = linkedBacklog
        self.linkedFeedback = linkedFeedback
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
