import Foundation

/// The result of an AI job, waiting for the Product Owner's review.
///
/// Nothing in the workspace changes until a draft is accepted; its evidence says which
/// records and which numbers it rests on, and its edits record what the reviewer changed.
public struct Draft: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Draft>
    public var jobID: RecordID<Job>?
    public var kind: JobKind
    public var stance: Stance
    public var title: String
    /// The record the draft would create or change when accepted, if any.
    public var target: ArtifactReference?
    /// The draft text, in Markdown.
    public var content: String
    public var evidence: [Evidence]
    /// Numbers the draft relies on, by name (e.g. "negative share": 0.42).
    public var figures: [Figure]
    public var provider: ProviderInfo
    /// The prompt template (name and version) the draft was made with, if any.
    public var promptReference: String?
    public var status: DraftStatus
    public var edits: [DraftEdit]
    /// Why the reviewer accepted or rejected it, when they said.
    public var reviewNote: String?
    public var createdAt: Date
    public var reviewedAt: Date?
    /// What accepting the draft changes, as data (nil: accepting only records the decision).
    public var proposal: DraftProposal?
    /// What accepting it wrote, so that the acceptance can be undone (set while accepted).
    public var appliedChanges: [AppliedChange]?
    /// Feedback items, backlog items… the draft mentions by id that do not exist (checked
    /// when the draft is made; an LLM can cite ids it invented).
    public var unknownReferences: [String]?
    /// Sentences of a model's text whose citation the reviewer should check (the record was
    /// not sent to the model, or does not say it); nil when none was flagged or the draft is
    /// the offline engine's.
    public var flaggedCitations: [FlaggedCitation]?

    public init(
        id: RecordID<Draft> = .make(), jobID: RecordID<Job>? = nil, kind: JobKind, stance: Stance,
        title: String, target: ArtifactReference? = nil, content: String, evidence: [Evidence] = [],
        figures: [Figure] = [], provider: ProviderInfo = .local, promptReference: String? = nil,
        status: DraftStatus = .pending, edits: [DraftEdit] = [], reviewNote: String? = nil,
        createdAt: Date = Date(), reviewedAt: Date? = nil, proposal: DraftProposal? = nil
    ) {
        self.id = id
        self.jobID = jobID
        self.kind = kind
        self.stance = stance
        self.title = title
        self.target = target
        self.content = content
        self.evidence = evidence
        self.figures = figures
        self.provider = provider
        self.promptReference = promptReference
        self.status = status
        self.edits = edits
        self.reviewNote = reviewNote
        self.createdAt = createdAt
        self.reviewedAt = reviewedAt
        self.proposal = proposal
    }

    /// Whether the draft's citations need a person's eye: it cites records that do not
    /// exist, or sentences whose citation was flagged. Such a draft is never auto-accepted.
    public var hasDoubtfulCitations: Bool {
        !(unknownReferences ?? []).isEmpty || !(flaggedCitations ?? []).isEmpty
    }
}

/// Where a draft is in its review.
public enum DraftStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case accepted
    case rejected
    /// The job stopped part way (an error after text had streamed); the text so far is kept.
    case interrupted
    /// Replaced by a newer draft of the same job (regenerated).
    case superseded
}

/// One record a draft rests on, with what was taken from it.
public struct Evidence: Codable, Sendable, Hashable {
    public var reference: ArtifactReference
    /// What the draft used from the record, e.g. a quoted sentence or "rating 2/5".
    public var detail: String?
    /// The part of the draft the record supports, e.g. a theme's or a persona's name.
    public var group: String?

    public init(_ reference: ArtifactReference, detail: String? = nil, group: String? = nil) {
        self.reference = reference
        self.detail = detail
        self.group = group
    }
}

/// A named number a draft relies on.
public struct Figure: Codable, Sendable, Hashable {
    public var name: String
    public var value: Double
    public var unit: String?

    public init(name: String, value: Double, unit: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// A change the reviewer made to a draft's content before deciding on it.
public struct DraftEdit: Codable, Sendable, Hashable {
    public var at: Date
    public var by: String
    public var previousContent: String

    public init(at: Date = Date(), by: String, previousContent: String) {
        self.at = at
        self.by = by
        self.previousContent = previousContent
    }
}
