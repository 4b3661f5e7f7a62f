import Foundation

/// A user archetype built from feedback, with quotes that point back to their source.
public struct Persona: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Persona>
    public var name: String
    public var summary: String
    public var goals: [String]
    public var pains: [String]
    public var quotes: [Quote]
    public var segment: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: RecordID<Persona> = .make(), name: String, summary: String = "",
        goals: [String] = [], pains: [String] = [], quotes: [Quote] = [], segment: String? = nil,
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.goals = goals
        self.pains = pains
        self.quotes = quotes
        self.segment = segment
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// A representative sentence and the feedback item it was taken from.
    public struct Quote: Codable, Sendable, Hashable {
        public var text: String
        public var sourceID: RecordID<FeedbackItem>

        public init(text: String, sourceID: RecordID<FeedbackItem>) {
            self.text = text
            self.sourceID = sourceID
        }
    }
}
