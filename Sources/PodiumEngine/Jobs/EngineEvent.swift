import PodiumCore

/// What the engine tells the dashboard (on a worker thread; the UI hands it to its loop).
public enum EngineEvent: Sendable {
    /// A job was queued, started, finished, failed or was cancelled (already saved).
    case jobChanged(Job)
    /// What a running job is doing now.
    case progress(RecordID<Job>, String)
    /// Text a running job has streamed so far.
    case streamed(RecordID<Job>, String)
    /// A job's draft was saved.
    case draftReady(Draft)
}
