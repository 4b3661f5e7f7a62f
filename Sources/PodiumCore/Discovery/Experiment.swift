import Foundation

/// A product experiment: a falsifiable hypothesis, the metric that tests it and its result.
public struct Experiment: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Experiment>
    public var title: String
    /// "We believe that <change> for <whom> will <outcome>."
    public var hypothesis: String
    public var metric: String
    /// The value of `metric` that would confirm the hypothesis, e.g. "+15%" or "≥ 40%".
    public var target: String
    public var status: ExperimentStatus
    public var startsAt: Date?
    public var endsAt: Date?
    /// What was observed, in words and numbers, once the experiment ran.
    public var result: String?
    public var linkedBacklog: [RecordID<BacklogItem>]
    public var linkedFeedback: [RecordID<FeedbackItem>]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: RecordID<Experiment> = .make(), title: String, hypothesis: String, metric: String,
        target: String, status: ExperimentStatus = .proposed, startsAt: Date? = nil,
        endsAt: Date? = nil, result: String? = nil, linkedBacklog: [RecordID<BacklogItem>] = [],
        linkedFeedback: [RecordID<FeedbackItem>] = [], createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.hypothesis = hypothesis
        self.metric = metric
        self.target = target
        self.status = status
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.result = result
        self.linkedBacklog = linkedBacklog
        self.linkedFeedback = linkedFeedback
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// The life cycle of an experiment.
public enum ExperimentStatus: String, Codable, Sendable, CaseIterable {
    case proposed
    case running
    case succeeded
    case failed
    case inconclusive
    case abandoned

    /// Whether the experiment has finished, whatever its outcome.
    public var isConcluded: Bool {
        switch self {
        case .proposed, .running: false
        case .succeeded, .failed, .inconclusive, .abandoned: true
        }
    }
}
