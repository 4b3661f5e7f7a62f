import Foundation

/// A message to stakeholders: an update, release notes, a review invitation…
public struct Communication: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Communication>
    public var title: String
    /// Who it is for, e.g. "leadership" or "all customers".
    public var audience: String
    public var kind: CommunicationKind
    /// The message itself, in Markdown.
    public var body: String
    public var status: CommunicationStatus
    public var sentAt: Date?
    /// Where it went out, as the Product Owner says it: "email", "Slack #product", "all-hands".
    public var channel: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// The records the text rests on (its draft's evidence): the body that goes out carries
    /// no citation marks, the record keeps what they pointed to.
    public var evidence: [ArtifactReference]?

    public init(
        id: RecordID<Communication> = .make(), title: String, audience: String,
        kind: CommunicationKind, body: String, status: CommunicationStatus = .draft,
        sentAt: Date? = nil, channel: String? = nil, createdAt: Date = Date(), updatedAt: Date? = nil, evidence: [ArtifactReference]? = nil
    ) {
        self.id = id
        self.title = title
        self.audience = audience
        self.kind = kind
        self.body = body
        self.status = status
        self.sentAt = sentAt
        self.channel = channel
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.evidence = evidence
    }
}

/// What sort of communication it is.
public enum CommunicationKind: String, Codable, Sendable, CaseIterable {
    case stakeholderUpdate = "stakeholder-update"
    case releaseNotes = "release-notes"
    case sprintReview = "sprint-review"
    case announcement
}

/// Whether a communication is still being written, ready, or out.
public enum CommunicationStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case ready
    case sent
}
