import Foundation
import PodiumCore

/// A named LLM server from the config file: where it is, which model, how to authenticate,
/// and the limits of a call.
public struct ProviderProfile: Sendable, Equatable {
    /// The API a server speaks.
    public enum Kind: String, Sendable, CaseIterable {
        /// OpenAI Chat Completions: OpenAI, Ollama's /v1, llama.cpp's server, vLLM, LM Studio, OpenRouter.
        case openAI = "openai"
        /// Anthropic Messages.
        case anthropic
    }

    public var name: String
    public var kind: Kind
    /// e.g. http://127.0.0.1:8080/v1 or https://api.anthropic.com/v1
    public var baseURL: URL
    public var model: String
    /// The environment variable holding the API key (never the key itself).
    public var apiKeyEnvironment: String?
    /// A key written in the config file (allowed only when the file is private, 0600).
    public var apiKeyInFile: String?
    public var maxTokens: Int
    public var temperature: Double
    public var timeouts: HTTPTimeouts
    public var retries: Int
    /// How many tokens the prompt may take, the workspace records it carries included
    /// (`context_tokens`; counted roughly, see `PromptContext.tokens`). The model's context
    /// window must hold this and `maxTokens`.
    public var contextTokens: Int

    /// The prompt's budget when the profile sets none: fits an 8k-token model with room for the answer.
    public static let defaultContextTokens = 6000

    public init(
        name: String, kind: Kind, baseURL: URL, model: String, apiKeyEnvironment: String? = nil, apiKeyInFile: String? = nil,
        maxTokens: Int = 1024, temperature: Double = 0.3, timeouts: HTTPTimeouts = HTTPTimeouts(), retries: Int = 3,
        contextTokens: Int = ProviderProfile.defaultContextTokens
    ) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnvironment = apiKeyEnvironment
        self.apiKeyInFile = apiKeyInFile
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.timeouts = timeouts
        self.retries = retries
        self.contextTokens = contextTokens
    }

    /// What drafts and the dashboard show: name, model and host (never the key).
    public var info: ProviderInfo {
        ProviderInfo(name: name, model: model, host: baseURL.host.map { host in baseURL.port.map { "\(host):\($0)" } ?? host })
    }

    /// The API key: from the named environment variable, else from the (private) file.
    public func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let variable = apiKeyEnvironment, let value = environment[variable], !value.isEmpty { return value }
        return apiKeyInFile
    }

    /// Where the key comes from, for `podium providers list` (never the key).
    public func keySource(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let variable = apiKeyEnvironment {
            return environment[variable].map { $0.isEmpty ? "$\(variable) (empty)" : "$\(variable) (set)" } ?? "$\(variable) (not set)"
        }
        return apiKeyInFile == nil ? "none" : "config file"
    }
}
