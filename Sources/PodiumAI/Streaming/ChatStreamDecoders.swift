import Foundation
import PodiumCore

/// What a model's stream says, one event at a time, whatever the API.
public enum ChatStreamEvent: Sendable, Equatable {
    /// More of the answer.
    case text(String)
    /// Tokens the server counted (either may be missing until the end).
    case usage(input: Int?, output: Int?)
    /// The answer is complete (`reason` as the API names it: "stop", "length", "end_turn"…).
    case finished(reason: String?)
    /// The server reported an error inside the stream.
    case error(String)
}

/// Reads OpenAI-compatible Chat Completions stream events (OpenAI, Ollama's /v1, llama.cpp's
/// server, vLLM, LM Studio, OpenRouter).
public enum OpenAIStreamDecoder {
    public static func decode(_ event: ServerSentEvent) -> [ChatStreamEvent] {
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" { return [.finished(reason: nil)] }
        if event.event == "error" { return [.error(errorMessage(data) ?? data)] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
            return [.error("the server sent something that is not JSON: \(data.prefix(120))")]
        }
        if let message = errorMessage(object) { return [.error(message)] }
        var events: [ChatStreamEvent] = []
        if let choices = object["choices"] as? [[String: Any]], let choice = choices.first {
            // The first chunk often has "content": null with only the role.
            if let delta = choice["delta"] as? [String: Any], let text = delta["content"] as? String, !text.isEmpty {
                events.append(.text(text))
            }
            if let reason = choice["finish_reason"] as? String { events.append(.finished(reason: reason)) }
        }
        if let usage = object["usage"] as? [String: Any] {
            events.append(.usage(input: usage["prompt_tokens"] as? Int, output: usage["completion_tokens"] as? Int))
        }
        return events
    }

    static func errorMessage(_ text: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]).flatMap(errorMessage)
    }

    static func errorMessage(_ object: [String: Any]) -> String? {
        if let error = object["error"] as? [String: Any] { return (error["message"] as? String) ?? "\(error)" }
        if let error = object["error"] as? String { return error }
        return nil
    }
}

/// Reads Anthropic Messages stream events: message_start, content_block_delta, message_delta,
/// message_stop, ping and error.
public enum AnthropicStreamDecoder {
    public static func decode(_ event: ServerSentEvent) -> [ChatStreamEvent] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any] else {
            return event.event == "ping" ? [] : [.error("the server sent something that is not JSON: \(event.data.prefix(120))")]
        }
        let type = (object["type"] as? String) ?? event.event ?? ""
        switch type {
        case "message_start":
            let usage = (object["message"] as? [String: Any])?["usage"] as? [String: Any]
            return usage.map { [.usage(input: $0["input_tokens"] as? Int, output: $0["output_tokens"] as? Int)] } ?? []
        case "content_block_delta":
            guard let delta = object["delta"] as? [String: Any], delta["type"] as? String == "text_delta",
                  let text = delta["text"] as? String, !text.isEmpty else { return [] }
            return [.text(text)]
        case "message_delta":
            var events: [ChatStreamEvent] = []
            if let usage = object["usage"] as? [String: Any] { events.append(.usage(input: usage["input_tokens"] as? Int, output: usage["output_tokens"] as? Int)) }
            if let reason = (object["delta"] as? [String: Any])?["stop_reason"] as? String { events.append(.finished(reason: reason)) }
            return events
        case "message_stop":
            return [.finished(reason: nil)]
        case "error":
            let error = object["error"] as? [String: Any]
            return [.error((error?["message"] as? String) ?? "the server reported an error (\(error?["type"] as? String ?? "unknown"))")]
        default:
            return []  // ping, content_block_start, content_block_stop
        }
    }
}
