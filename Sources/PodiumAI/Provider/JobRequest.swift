import Foundation
import PodiumCore
import PodiumStore

/// A job and the workspace as it was when the job started.
public struct JobRequest: Sendable {
    public var job: Job
    public var snapshot: WorkspaceSnapshot
    /// When "now" is for the job (dates of periods, ages); the job's start by default.
    public var now: Date

    public init(job: Job, snapshot: WorkspaceSnapshot, now: Date = Date()) {
        self.job = job
        self.snapshot = snapshot
        self.now = now
    }

    /// The job's parameters, the typed-in texts trimmed (a blank one counts as not given).
    public var parameters: JobParameters { job.parameters.trimmed }

    /// The job's input records of one kind, by id.
    public func inputs(_ kind: ArtifactKind) -> [String] {
        job.inputs.filter { $0.kind == kind }.map(\.id)
    }

    /// The feedback the job works on: its feedback inputs, or all feedback when it has none.
    public var feedback: [FeedbackItem] {
        let ids = inputs(.feedback)
        if ids.isEmpty { return snapshot.feedback.all }
        return ids.compactMap { snapshot.feedback[RecordID($0)] }
    }
}
