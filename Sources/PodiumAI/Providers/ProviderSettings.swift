import Foundation
import PodiumCore

/// The providers part of the config file: named profiles, and which one a job uses
/// (by job kind, then by stance, then the global default; "local" is the built-in engine).
///
/// ```toml
/// provider = "ollama"                # the default for every job ("local" when absent)
///
/// [provider_for_stance]
/// customer-representative = "local"
///
/// [provider_for_job]
/// ask = "claude"
///
/// [providers.ollama]
/// kind = "openai"                    # openai | anthropic
/// base_url = "http://127.0.0.1:11434/v1"
/// model = "llama3.1"
/// max_tokens = 1024
/// context_tokens = 6000              # the prompt's budget, records included (about 4 characters a token)
///
/// [providers.claude]
/// kind = "anthropic"
/// base_url = "https://api.anthropic.com/v1"
/// model = "claude-sonnet-4-5"
/// api_key_env = "ANTHROPIC_API_KEY"
/// ```
public struct ProviderSettings: Sendable, Equatable {
    public var profiles: [String: ProviderProfile] = [:]
    public var defaultProvider = ProviderInfo.local.name
    public var byStance: [Stance: String] = [:]
    public var byJob: [JobKind: String] = [:]
    /// Problems found (the rest still applies), naming the file and the key.
    public var warnings: [String] = []

    public init() {}

    /// The settings keys this reads at the top level of the config file.
    public static let topLevelKeys: Set<String> = ["provider", "provider_for_stance", "provider_for_job", "providers"]

    /// Reads the provider settings from the config file's top-level table. `filePrivate`
    /// says whether the file is 0600; a key written in a file others can read is refused.
    public init(_ table: [String: Any], file: String, filePrivate: Bool) {
        if let name = table["provider"] as? String { defaultProvider = name }
        for (stanceName, value) in (table["provider_for_stance"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let stance = Stance(rawValue: stanceName) else {
                warnings.append("\(file): provider_for_stance.\(stanceName) is not a stance; stances: \(Stance.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if let name = value as? String { byStance[stance] = name }
        }
        for (kindName, value) in (table["provider_for_job"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard JobKind(rawValue: kindName).info != nil else {
                warnings.append("\(file): provider_for_job.\(kindName) is not a job (podium jobs kinds lists them)")
                continue
            }
            if let name = value as? String { byJob[JobKind(rawValue: kindName)] = name }
        }
        let known: Set<String> = ["kind", "base_url", "model", "api_key_env", "api_key", "max_tokens", "temperature",
                                  "connect_timeout", "first_byte_timeout", "idle_timeout", "retries", "context_tokens"]
        let declared = Set((table["providers"] as? [String: Any] ?? [:]).keys)
        for (name, value) in (table["providers"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let place = "\(file): providers.\(name)"
            guard name != ProviderInfo.local.name else {
                warnings.append("\(place): \"local\" is the built-in engine's name; choose another")
                continue
            }
            guard let fields = value as? [String: Any] else {
                warnings.append("\(place) must be a table")
                continue
            }
            for key in fields.keys.sorted() where !known.contains(key) {
                warnings.append("\(place): unknown key \"\(key)\" (keys: \(known.sorted().joined(separator: ", ")))")
            }
            // Every problem of the profile at once, not one per run.
            var problems: [String] = []
            let kind = (fields["kind"] as? String).flatMap(ProviderProfile.Kind.init(rawValue:))
            if kind == nil { problems.append("kind must be \"openai\" or \"anthropic\"") }
            let url = (fields["base_url"] as? String).flatMap(URL.init(string:))
            let urlOK = url.map { ["http", "https"].contains($0.scheme ?? "") && $0.host != nil } ?? false
            if !urlOK { problems.append("base_url must be an http(s) address ending where the API starts, e.g. http://127.0.0.1:8080/v1") }
            if let url, url.path.hasSuffix("/chat/completions") || url.path.hasSuffix("/messages") {
                problems.append("base_url must end before /chat/completions or /messages (e.g. …/v1)")
            }
            let model = fields["model"] as? String ?? ""
            if model.isEmpty { problems.append("model is missing") }
            guard problems.isEmpty, let kind, let url else {
                warnings.append("\(place): " + problems.joined(separator: "; ") + "; this provider is left out")
                continue
            }
            var profile = ProviderProfile(name: name, kind: kind, baseURL: url, model: model)
            profile.apiKeyEnvironment = fields["api_key_env"] as? String
            if let key = fields["api_key"] as? String {
                if filePrivate {
                    profile.apiKeyInFile = key
                } else {
                    warnings.append("\(place): api_key is refused because \(file) can be read by others; chmod 600 it, or use api_key_env")
                }
            }
            func positive(_ key: String, apply: (Double) -> Void) {
                guard let raw = fields[key] else { return }
                // Bounded: a count or a number of seconds past this is a typo, and 1e30 tokens
                // would not fit an Int.
                guard let value = Self.number(raw), value > 0, value <= 1_000_000_000 else {
                    warnings.append("\(place): \(key) must be a number above 0 and at most 1000000000; the default is used")
                    return
                }
                apply(value)
            }
            positive("max_tokens") { profile.maxTokens = Int($0) }
            positive("connect_timeout") { profile.timeouts.connect = $0 }
            positive("first_byte_timeout") { profile.timeouts.firstByte = $0 }
            positive("idle_timeout") { profile.timeouts.idle = $0 }
            positive("retries") { profile.retries = Int($0) }
            if let value = Self.number(fields["temperature"]) { profile.temperature = value }
            if let raw = fields["context_tokens"] {
                if let value = Self.number(raw), value >= 1, value == value.rounded(), value < 100_000_000 {
                    profile.contextTokens = Int(value)
                } else {
                    warnings.append("\(place): context_tokens must be a whole number above 0 (the prompt's budget in tokens, about 4 characters each); "
                        + "the default \(ProviderProfile.defaultContextTokens) is used")
                }
            }
            profiles[name] = profile
        }
        for name in Set([defaultProvider] + byStance.values + byJob.values).sorted()
        where name != ProviderInfo.local.name && profiles[name] == nil && !declared.contains(name) {
            warnings.append("\(file): provider \"\(name)\" is chosen but not defined under [providers.\(name)]; the built-in engine is used instead")
        }
    }

    static func number(_ value: Any?) -> Double? {
        (value as? Double) ?? (value as? Int).map(Double.init) ?? (value as? NSNumber)?.doubleValue
    }

    /// The provider a job of `kind` in `stance` runs on by default (a name; "local" for the built-in engine).
    public func providerName(for kind: JobKind, stance: Stance) -> String {
        let chosen = byJob[kind] ?? byStance[stance] ?? defaultProvider
        return profiles[chosen] == nil ? ProviderInfo.local.name : chosen
    }

    /// The provider for a name: the built-in engine, or an LLM profile (with the user's
    /// prompt templates from `promptFolder`, if any).
    public func provider(named name: String, promptFolder: URL? = nil) throws -> any Provider {
        if name == ProviderInfo.local.name { return LocalProvider() }
        guard let profile = profiles[name] else {
            throw JobError.invalidInput("No provider \"\(name)\"; defined: \((["local"] + profiles.keys.sorted()).joined(separator: ", ")).")
        }
        return ChatProvider(profile: profile, promptFolder: promptFolder)
    }

    /// What a provider name shows before a job runs.
    public func info(for name: String) -> ProviderInfo {
        profiles[name]?.info ?? .local
    }
}
