import Foundation

/// Why a job did not produce a draft, in words a Product Owner can act on.
public enum JobError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case cancelled
    /// The workspace holds nothing the job could work on (e.g. no feedback yet).
    case nothingToWorkOn(String)
    /// A parameter or input is missing or wrong.
    case invalidInput(String)
    /// Podium does not know this kind of job (from a newer version, or a typo).
    case unknownKind(String)
    /// The provider failed; the message says how.
    case providerFailed(String)
    /// The answer stopped part way: the text so far is kept (as an interrupted draft).
    case interrupted(partial: String, reason: String)

    public var description: String {
        switch self {
        case .cancelled: "Cancelled."
        case let .nothingToWorkOn(reason): reason
        case let .invalidInput(reason): reason
        case let .unknownKind(kind): "Unknown job kind \"\(kind)\" (podium jobs kinds lists them)."
        case let .providerFailed(reason): reason
        case let .interrupted(partial, reason): "Stopped after \(partial.count) characters: \(reason). The text so far is kept as an interrupted draft; nothing is retried by itself."
        }
    }

    public var errorDescription: String? { description }
}
