import Foundation

/// An AI job: its kind, where it was started, and how far it got.
public struct Job: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Job>
    public var kind: JobKind
    public var stance: Stance
    public var status: JobStatus
    /// Parameters of the run, e.g. the audience of an update or a filter.
    public var parameters: JobParameters
    /// The records the job works on, when it works on a selection.
    public var inputs: [ArtifactReference]
    public var provider: ProviderInfo
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// A human-readable reason when the job failed or was interrupted.
    public var error: String?
    public var draftID: RecordID<Draft>?
    public var usage: TokenUsage?
    public var attempts: Int
    /// The process running the job while it is queued or running, so that another
    /// process opening the workspace can tell a live job from one interrupted by a crash.
    public var runner: JobRunner?
    /// What the job is doing now, e.g. "Clustering 400 items" (while running).
    public var progress: String?
    /// The automation rule that queued the job (nil: a person did).
    public var rule: RecordID<AutomationRule>?
    /// Whether its draft is accepted as soon as it is made (set only for low-risk kinds,
    /// by a rule or the trust policy).
    public var autoAccept: Bool?

    public init(
        id: RecordID<Job> = .make(), kind: JobKind, stance: Stance, status: JobStatus = .queued,
        parameters: JobParameters = [:], inputs: [ArtifactReference] = [],
        provider: ProviderInfo = .local, createdAt: Date = Date(), startedAt: Date? = nil,
        finishedAt: Date? = nil, error: String? = nil, draftID: RecordID<Draft>? = nil,
        usage: TokenUsage? = nil, attempts: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.stance = stance
        self.status = status
        self.parameters = parameters
        self.inputs = inputs
        self.provider = provider
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
        self.draftID = draftID
        self.usage = usage
        self.attempts = attempts
    }
}

/// The life cycle of a job: queued → running → done | failed | cancelled.
public enum JobStatus: String, Codable, Sendable, CaseIterable {
    case queued
    case running
    case done
    case failed
    case cancelled
    /// Was queued or running when Podium stopped; can be queued again.
    case interrupted

    /// Whether the job will not change any more without being queued again.
    public var isFinished: Bool {
        switch self {
        case .queued, .running: false
        case .done, .failed, .cancelled, .interrupted: true
        }
    }
}

/// A process that runs jobs: its pid and the boot it runs in.
public struct JobRunner: Codable, Sendable, Hashable {
    public var processID: Int32
    public var bootID: String
    public var host: String

    public init(processID: Int32, bootID: String, host: String) {
        self.processID = processID
        self.bootID = bootID
        self.host = host
    }
}

/// Tokens a model reported for one job.
public struct TokenUsage: Codable, Sendable, Hashable {
    public var inputTokens: Int
    public var outputTokens: Int

    public init(inputTokens: Int, outputTokens: Int) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}
