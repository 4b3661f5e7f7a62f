import Foundation

/// A running job's line back to the engine: progress, streamed text, and cancellation.
public final class JobContext: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private let onProgress: @Sendable (String) -> Void
    private let onText: @Sendable (String) -> Void

    public init(onProgress: @escaping @Sendable (String) -> Void = { _ in }, onText: @escaping @Sendable (String) -> Void = { _ in }) {
        self.onProgress = onProgress
        self.onText = onText
    }

    /// Whether the job was cancelled; long steps check it between items.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Asks the job to stop at its next check.
    public func cancel() { lock.withLock { cancelled = true } }

    /// Throws `JobError.cancelled` once the job was cancelled.
    public func checkCancellation() throws {
        if isCancelled { throw JobError.cancelled }
    }

    /// Says what the job is doing now, e.g. "Clustering 400 items".
    public func progress(_ step: String) { onProgress(step) }

    /// Passes on text as it streams in (LLM providers).
    public func streamed(_ text: String) { onText(text) }
}
