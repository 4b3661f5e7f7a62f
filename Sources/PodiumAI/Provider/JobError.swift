import Foundation

/// An answer that stopped part way (an error, a dropped connection, a cancel): the draft as
/// far as it got, with the job's evidence and proposal, to keep for review as interrupted.
public struct InterruptedAnswer: Error, Sendable, CustomStringConvertible {
    public var output: DraftOutput
    public var reason: String

    public init(output: DraftOutput, reason: String) {
        self.output = output
        self.reason = reason
    }

    public var description: String {
        "Stopped after \(output.content.count) characters: \(reason). The text so far is kept as an interrupted draft; nothing is retried by itself."
    }
}

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

    public var description: String {
        switch self {
        case .cancelled: "Cancelled."
        case let .nothingToWorkOn(reason): reason
        case let .invalidInput(reason): reason
        case let .unknownKind(kind): "Unknown job kind \"\(kind)\" (podium jobs kinds lists them)."
        case let .providerFailed(reason): reason
        }
    }

    public var errorDescription: String? { description }
}
