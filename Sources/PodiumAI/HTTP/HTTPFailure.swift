import Foundation

/// Why an HTTP call to a model server did not give an answer, worded for the Product Owner.
public enum HTTPFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached (refused, unknown host, TLS, reset).
    case connection(String)
    /// A time limit passed: `stage` says which (connecting, the first byte, between chunks).
    case timeout(stage: String, seconds: TimeInterval)
    /// The server answered with an error status.
    case status(Int, message: String, retryAfter: TimeInterval?)
    /// The server answered with a redirect, which is never followed (it could carry the key elsewhere).
    case redirect(Int, location: String?)
    case cancelled

    public var description: String {
        switch self {
        case let .connection(reason): "Could not reach the server: \(reason)"
        case let .timeout(stage, seconds): "No answer \(stage) within \(Int(seconds)) s"
        case let .status(code, message, _):
            "The server answered \(code)\(Self.meaning(code).map { " (\($0))" } ?? "")" + (message.isEmpty ? "" : ": \(message)")
        case let .redirect(code, location): "The server redirected (\(code)) to \(location ?? "another address"); redirects are not followed, so that the API key is never sent elsewhere. Put the final address in the profile's base_url."
        case .cancelled: "Cancelled."
        }
    }

    /// Whether trying again may help: connection errors, timeouts before any answer, 408,
    /// 409, 429 and 5xx. Never 400, 401, 403, 404 or 422: the request itself is wrong.
    public var isRetryable: Bool {
        switch self {
        case .connection: true
        case let .timeout(stage, _): stage != Self.betweenChunks
        case let .status(code, _, _): code == 408 || code == 409 || code == 429 || (500...599).contains(code)
        case .redirect, .cancelled: false
        }
    }

    static let connecting = "while connecting"
    static let firstByte = "before the first byte"
    static let betweenChunks = "between chunks"

    static func meaning(_ code: Int) -> String? {
        switch code {
        case 400: "the request was not understood"
        case 401: "the API key is missing or wrong"
        case 403: "the key may not use this model"
        case 404: "no such endpoint or model: check base_url and model"
        case 408: "the server timed out"
        case 409: "conflict"
        case 422: "the request was refused"
        case 429: "too many requests or over quota"
        case 500...599: "the server failed"
        default: nil
        }
    }
}
