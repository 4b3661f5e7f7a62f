import Foundation
import PodiumCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A server that speaks OpenAI Chat Completions (`POST {base_url}/chat/completions`):
/// OpenAI, Ollama's /v1, llama.cpp's server, vLLM, LM Studio, OpenRouter.
public struct OpenAICompatibleProvider: Provider {
    public let profile: ProviderProfile
    public var promptFolder: URL?
    public var info: ProviderInfo { profile.info }

    public init(profile: ProviderProfile, promptFolder: URL? = nil) {
        self.profile = profile
        self.promptFolder = promptFolder
    }

    public func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        try LLMJob(profile: profile, promptFolder: promptFolder, makeRequest: Self.request, decode: OpenAIStreamDecoder.decode)
            .run(request, context: context)
    }

    /// A short request that checks the server answers (`podium providers test`).
    public static func testRequest(_ profile: ProviderProfile) throws -> URLRequest {
        var small = profile
        small.maxTokens = 16
        return try request(small, system: "Answer in one word.", user: "Reply with the word OK.", key: profile.apiKey())
    }

    static func request(_ profile: ProviderProfile, system: String, user: String, key: String?) throws -> URLRequest {
        var request = URLRequest(url: profile.baseURL.appendingPathComponent("chat/completions"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let body: [String: Any] = [
            "model": profile.model, "stream": true, "max_tokens": profile.maxTokens, "temperature": profile.temperature,
            "stream_options": ["include_usage": true],
            "messages": [["role": "system", "content": system], ["role": "user", "content": user]],
        ]
        request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return request
    }
}

/// Anthropic Messages (`POST {base_url}/messages`).
public struct AnthropicProvider: Provider {
    public let profile: ProviderProfile
    public var promptFolder: URL?
    public var info: ProviderInfo { profile.info }

    public init(profile: ProviderProfile, promptFolder: URL? = nil) {
        self.profile = profile
        self.promptFolder = promptFolder
    }

    public func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        try LLMJob(profile: profile, promptFolder: promptFolder, makeRequest: Self.request, decode: AnthropicStreamDecoder.decode)
            .run(request, context: context)
    }

    /// A short request that checks the server answers (`podium providers test`).
    public static func testRequest(_ profile: ProviderProfile) throws -> URLRequest {
        var small = profile
        small.maxTokens = 16
        return try request(small, system: "Answer in one word.", user: "Reply with the word OK.", key: profile.apiKey())
    }

    static func request(_ profile: ProviderProfile, system: String, user: String, key: String?) throws -> URLRequest {
        var request = URLRequest(url: profile.baseURL.appendingPathComponent("messages"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")
        if let key { request.setValue(key, forHTTPHeaderField: "x-api-key") }
        let body: [String: Any] = [
            "model": profile.model, "stream": true, "max_tokens": profile.maxTokens, "temperature": profile.temperature,
            "system": system, "messages": [["role": "user", "content": user]],
        ]
        request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return request
    }
}
