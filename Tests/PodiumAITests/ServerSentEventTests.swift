import Foundation
import PodiumAI
import PodiumCore
import Testing

/// The event-stream parser and the two APIs' stream decoders, on the streams servers send.
@Suite("Server-sent events")
struct ServerSentEventTests {
    private func parse(_ text: String) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        return parser.feed(Array(text.utf8)) + parser.finish()
    }

    @Test("multi-line data joins with line feeds; comments and keep-alives are skipped")
    func basics() {
        let events = parse(": keep-alive\n\ndata: first line\ndata: second line\n\n:ping\ndata:no space\n\n")
        #expect(events == [ServerSentEvent(data: "first line\nsecond line"), ServerSentEvent(data: "no space")])
    }

    @Test("event names and ids; an event without data is not dispatched")
    func names() {
        let events = parse("event: ping\n\nevent: message_start\nid: 7\ndata: {}\n\nevent: content_block_delta\ndata: {\"a\":1}\n\n")
        #expect(events == [ServerSentEvent(event: "message_start", data: "{}", id: "7"),
                           ServerSentEvent(event: "content_block_delta", data: "{\"a\":1}", id: "7")])
    }

    @Test("CR, LF and CRLF line ends, also mixed")
    func lineEnds() {
        for end in ["\n", "\r", "\r\n"] {
            #expect(parse("data: a\(end)data: b\(end)\(end)data: c\(end)\(end)") == [ServerSentEvent(data: "a\nb"), ServerSentEvent(data: "c")], "\(end.debugDescription)")
        }
        #expect(parse("data: a\r\n\ndata: b\r\r") == [ServerSentEvent(data: "a"), ServerSentEvent(data: "b")])
    }

    @Test("[DONE] with or without a trailing blank line")
    func done() {
        #expect(parse("data: x\n\ndata: [DONE]\n\n").last?.data == "[DONE]")
        #expect(parse("data: x\n\ndata: [DONE]").last?.data == "[DONE]")
        #expect(parse("data: x\n\ndata: [DONE]\n").last?.data == "[DONE]")
    }

    @Test("a UTF-8 character and a CRLF cut between chunks")
    func splitCharacters() {
        let bytes = Array("data: café 中文 👍🏽\r\n\r\n".utf8)
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for byte in bytes { events += parser.feed([byte]) }  // one byte at a time
        events += parser.finish()
        #expect(events == [ServerSentEvent(data: "café 中文 👍🏽")])
    }

    @Test("random chunk boundaries give the same events as one chunk", arguments: 0..<40)
    func fuzz(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let pieces = [": keep-alive", "event: delta", "data: {\"text\": \"héllo wörld 中\"}", "data: second", "id: 9", "retry: 100", ""]
        var text = ""
        for _ in 0..<60 {
            text += pieces.randomElement(using: &generator)!
            text += ["\n", "\r\n", "\r"].randomElement(using: &generator)!
        }
        text += "\r\ndata: [DONE]\r\n\r\n"  // a blank line first: the events before are whole
        let bytes = Array(text.utf8)
        var whole = ServerSentEventParser()
        let expected = whole.feed(bytes) + whole.finish()
        var chunked = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var index = 0
        while index < bytes.count {
            let size = Int.random(in: 1...17, using: &generator)
            events += chunked.feed(bytes[index..<min(bytes.count, index + size)])
            index += size
        }
        events += chunked.finish()
        #expect(events == expected)
        #expect(expected.last?.data == "[DONE]")
    }
}

@Suite("Chat stream decoders")
struct ChatStreamDecoderTests {
    @Test("OpenAI-compatible: a first chunk with content null, text, finish, usage, [DONE]")
    func openAI() {
        let chunks = [
            #"{"id":"1","choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}]}"#,
            #"{"id":"1","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}"#,
            #"{"id":"1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"#,
            #"{"id":"1","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}"#,
            "[DONE]",
        ]
        let events = chunks.flatMap { OpenAIStreamDecoder.decode(ServerSentEvent(data: $0)) }
        #expect(events == [.text("Hel"), .text("lo"), .finished(reason: "stop"), .usage(input: 12, output: 2), .finished(reason: nil)])
    }

    @Test("OpenAI-compatible: an error object or an error event mid-stream")
    func openAIError() {
        #expect(OpenAIStreamDecoder.decode(ServerSentEvent(data: #"{"error":{"message":"model overloaded","type":"server_error"}}"#))
            == [.error("model overloaded")])
        #expect(OpenAIStreamDecoder.decode(ServerSentEvent(event: "error", data: #"{"error":"context too long"}"#)) == [.error("context too long")])
    }

    @Test("Anthropic: message_start usage, text deltas, ping, message_delta, message_stop, error")
    func anthropic() {
        let stream: [(String, String)] = [
            ("message_start", #"{"type":"message_start","message":{"id":"m","usage":{"input_tokens":25,"output_tokens":1}}}"#),
            ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
            ("ping", #"{"type":"ping"}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}"#),
            ("message_stop", #"{"type":"message_stop"}"#),
        ]
        let events = stream.flatMap { AnthropicStreamDecoder.decode(ServerSentEvent(event: $0.0, data: $0.1)) }
        #expect(events == [.usage(input: 25, output: 1), .text("Hi"), .usage(input: nil, output: 15), .finished(reason: "end_turn"), .finished(reason: nil)])
        #expect(AnthropicStreamDecoder.decode(ServerSentEvent(event: "error", data: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#))
            == [.error("Overloaded")])
    }
}
