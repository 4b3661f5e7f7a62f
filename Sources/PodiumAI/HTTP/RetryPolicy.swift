import Foundation

/// When to try a failed call again: a few times, waiting longer each time with some
/// jitter, or as long as the server asks (`Retry-After`), within a limit.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseDelay: TimeInterval
    public var maximumDelay: TimeInterval

    public init(attempts: Int = 3, baseDelay: TimeInterval = 0.5, maximumDelay: TimeInterval = 20) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1) after `failure`, or
    /// nil when it must not be retried.
    public func delay(after failure: HTTPFailure, attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval? {
        guard attempt < attempts, failure.isRetryable else { return nil }
        if case let .status(_, _, retryAfter?) = failure { return min(maximumDelay, retryAfter) }
        let exponential = baseDelay * pow(2, Double(attempt - 1))
        return min(maximumDelay, exponential * (0.5 + random / 2))  // "equal jitter"
    }
}
