import Foundation
import PodiumCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An LLM server from a profile: OpenAI Chat Completions (`POST {base_url}/chat/completions`:
/// OpenAI, Ollama's /v1, llama.cpp's server, vLLM, LM Studio, OpenRouter) or Anthropic
/// Messages (`POST {base_url}/messages`), as the profile's kind says.
public struct ChatProvider: Provider {
    public let profile: ProviderProfile
    /// Where the user's prompt templates are (`prompts/KIND.md`), if anywhere.
    public var promptFolder: URL?
    public var info: ProviderInfo { profile.info }

    public init(profile: ProviderProfile, promptFolder: URL? = nil) {
        self.profile = profile
        self.promptFolder = promptFolder
    }

    public func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        try LLMJob(profile: profile, promptFolder: promptFolder, makeRequest: Self.request, decode: Self.decoder(for: profile.kind))
            .run(request, context: context)
    }

    /// The stream decoder of the profile's API.
    public static func decoder(for kind: ProviderProfile.Kind) -> @Sendable (ServerSentEvent) -> [ChatStreamEvent] {
        switch kind {
        case .openAI: OpenAIStreamDecoder.decode
        case .anthropic: AnthropicStreamDecoder.decode
        }
    }

    /// A short request that checks the server answers (`podium providers test`).
    public static func testRequest(_ profile: ProviderProfile) throws -> URLRequest {
        var small = profile
        small.maxTokens = 16
        return try request(small, system: "Answer in one word.", user: "Reply with the word OK.", key: profile.apiKey())
    }

    static func request(_ profile: ProviderProfile, system: String, user: String, key: String?) throws -> URLRequest {
        let path = profile.kind == .openAI ? "chat/completions" : "messages"
        var request = URLRequest(url: profile.baseURL.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        var body: [String: Any] = [
            "model": profile.model, "stream": true, "max_tokens": profile.maxTokens, "temperature": profile.temperature,
        ]
        switch profile.kind {
        case .openAI:
            if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
            body["stream_options"] = ["include_usage": true]
            body["messages"] = [["role": "system", "content": system], ["role": "user", "content": user]]
        case .anthropic:
            if let key { request.setValue(key, forHTTPHeaderField: "x-api-key") }
            request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")
            body["system"] = system
            body["messages"] = [["role": "user", "content": user]]
        }
        request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return request
    }
}
