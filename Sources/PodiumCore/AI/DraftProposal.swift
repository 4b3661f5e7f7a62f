import Foundation

/// What a draft would change in the workspace when accepted, as data.
///
/// The draft's Markdown `content` is what the Product Owner reads; the proposal is what
/// accepting applies. For kinds whose result is text (a vision, a decision, an update),
/// the accepted record takes the draft's content as edited, so edits are never lost.
public struct DraftProposal: Codable, Sendable, Hashable {
    public var product: ProductChange?
    public var personas: [Persona]?
    /// The new order of the open backlog, first to last.
    public var backlogOrder: [RecordID<BacklogItem>]?
    public var sentiments: [SentimentAssignment]?
    public var themeTags: [ThemeAssignment]?
    public var decision: Decision?
    public var experiments: [Experiment]?
    public var experimentConclusion: ExperimentConclusion?
    public var communication: Communication?
    /// Links between feedback and backlog items to add (or to move between demand and praise).
    public var feedbackLinks: [FeedbackLink]?
    /// Experiments to link to the backlog items they are about.
    public var experimentLinks: [ExperimentLink]?

    public init(
        product: ProductChange? = nil, personas: [Persona]? = nil, backlogOrder: [RecordID<BacklogItem>]? = nil,
        sentiments: [SentimentAssignment]? = nil, themeTags: [ThemeAssignment]? = nil, decision: Decision? = nil,
        experiments: [Experiment]? = nil, experimentConclusion: ExperimentConclusion? = nil,
        communication: Communication? = nil, feedbackLinks: [FeedbackLink]? = nil, experimentLinks: [ExperimentLink]? = nil
    ) {
        self.product = product
        self.personas = personas
        self.backlogOrder = backlogOrder
        self.sentiments = sentiments
        self.themeTags = themeTags
        self.decision = decision
        self.experiments = experiments
        self.experimentConclusion = experimentConclusion
        self.communication = communication
        self.feedbackLinks = feedbackLinks
        self.experimentLinks = experimentLinks
    }

    /// Whether accepting would change nothing but the draft's status.
    public var isEmpty: Bool { self == DraftProposal() }
}

/// A new vision and product goal.
public struct ProductChange: Codable, Sendable, Hashable {
    public var vision: String
    public var productGoal: String

    public init(vision: String, productGoal: String) {
        self.vision = vision
        self.productGoal = productGoal
    }
}

/// A sentiment score for one feedback item.
public struct SentimentAssignment: Codable, Sendable, Hashable {
    public var feedbackID: RecordID<FeedbackItem>
    public var score: Double

    public init(feedbackID: RecordID<FeedbackItem>, score: Double) {
        self.feedbackID = feedbackID
        self.score = score
    }
}

/// A theme tag and the feedback items that get it.
public struct ThemeAssignment: Codable, Sendable, Hashable {
    /// The tag, e.g. "theme:offline-sync".
    public var tag: String
    public var feedbackIDs: [RecordID<FeedbackItem>]

    public init(tag: String, feedbackIDs: [RecordID<FeedbackItem>]) {
        self.tag = tag
        self.feedbackIDs = feedbackIDs
    }
}

/// The status and result an experiment would be closed with.
public struct ExperimentConclusion: Codable, Sendable, Hashable {
    public var experimentID: RecordID<Experiment>
    public var status: ExperimentStatus
    public var result: String

    public init(experimentID: RecordID<Experiment>, status: ExperimentStatus, result: String) {
        self.experimentID = experimentID
        self.status = status
        self.result = result
    }
}

/// What accepting a draft wrote, kept on the draft so the acceptance can be undone.
public struct AppliedChange: Codable, Sendable, Hashable {
    public var reference: ArtifactReference
    /// The record as JSON before the acceptance; nil when the acceptance created it.
    public var before: String?
    /// The record as JSON right after the acceptance (undo refuses when it changed since).
    public var after: String

    public init(reference: ArtifactReference, before: String?, after: String) {
        self.reference = reference
        self.before = before
        self.after = after
    }
}
