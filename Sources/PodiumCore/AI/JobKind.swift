/// The name of a kind of AI job, e.g. "summarize-feedback". An open set, so that a
/// workspace written by a newer Podium still opens.
public struct JobKind: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which engine produced a result: the built-in one or a named LLM profile.
public struct ProviderInfo: Codable, Sendable, Hashable {
    /// The profile name, e.g. "local" or "ollama".
    public var name: String
    public var model: String
    /// The host the request went to; nil for the offline engine.
    public var host: String?

    public init(name: String, model: String, host: String? = nil) {
        self.name = name
        self.model = model
        self.host = host
    }

    /// The built-in offline engine.
    public static let local = ProviderInfo(name: "local", model: "podium-insight")
}
