import Foundation
import PodiumAI
import PodiumTestSupport
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The streaming HTTP client against a real HTTP server on 127.0.0.1: streaming, errors,
/// redirects, time limits, cancelling.
@Suite("Streaming HTTP client", .serialized)
struct HTTPClientTests {
    /// Collects the bytes a call hands over, with when each piece came.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [(Date, String)] = []
        func add(_ bytes: [UInt8]) { lock.withLock { pieces.append((Date(), String(decoding: bytes, as: UTF8.self))) } }
        var text: String { lock.withLock { pieces.map(\.1).joined() } }
        var count: Int { lock.withLock { pieces.count } }
        var span: TimeInterval { lock.withLock { (pieces.last?.0 ?? Date()).timeIntervalSince(pieces.first?.0 ?? Date()) } }
    }

    private func post(_ server: LocalHTTPServer, path: String = "/v1/chat/completions") -> URLRequest {
        var request = URLRequest(url: server.baseURL.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer secret-test-key", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(#"{"stream": true}"#.utf8)
        return request
    }

    @Test("the body arrives piece by piece as the server sends it, not at the end")
    func streams() throws {
        // The server holds the rest back until the client has handed over the first piece:
        // a client that only delivered the body at its end would wait 10 s and fail below.
        let server = try LocalHTTPServer(replies: [.init(chunks: [(0, "data: one\n\n"), (LocalHTTPServer.waitForClient, "data: two\n\n"),
                                                                  (0, "data: [DONE]\n\n")])])
        let collected = Collector()
        let started = Date()
        let response = try StreamingHTTPClient.send(post(server), timeouts: HTTPTimeouts(), isCancelled: { false }) { bytes in
            collected.add(bytes)
            if String(decoding: bytes, as: UTF8.self).contains("one") { server.release() }
        }
        #expect(response.status == 200)
        #expect(collected.text == "data: one\n\ndata: two\n\ndata: [DONE]\n\n")
        #expect(Date().timeIntervalSince(started) < 9, "the first piece was delivered while the server still held the rest")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/v1/chat/completions" && request.body == #"{"stream": true}"#)
    }

    @Test("an error status is a readable failure with the server's message and its Retry-After")
    func errors() throws {
        let server = try LocalHTTPServer(replies: [
            .init(status: 429, headers: ["Retry-After": "2"], chunks: [(0, #"{"error": {"message": "Rate limit reached"}}"#)]),
            .init(status: 401, chunks: [(0, #"{"error": {"message": "Invalid API key"}}"#)]),
        ])
        #expect(throws: HTTPFailure.status(429, message: "Rate limit reached", retryAfter: 2)) {
            try StreamingHTTPClient.send(post(server), timeouts: HTTPTimeouts(), isCancelled: { false }) { _ in }
        }
        do {
            _ = try StreamingHTTPClient.send(post(server), timeouts: HTTPTimeouts(), isCancelled: { false }) { _ in }
            Issue.record("expected a failure")
        } catch let failure as HTTPFailure {
            #expect(failure.description == "The server answered 401 (the API key is missing or wrong): Invalid API key")
            #expect(!failure.isRetryable)
            #expect(!failure.description.contains("secret-test-key"))
        }
    }

    @Test("a redirect is refused, never followed with the key")
    func redirect() throws {
        let server = try LocalHTTPServer(replies: [.init(status: 307, headers: ["Location": "http://127.0.0.1:1/elsewhere"])])
        #expect(throws: HTTPFailure.redirect(307, location: "http://127.0.0.1:1/elsewhere")) {
            try StreamingHTTPClient.send(post(server), timeouts: HTTPTimeouts(), isCancelled: { false }) { _ in }
        }
        #expect(server.requests.count == 1)
    }

    @Test("a server that stops sending between chunks hits the idle limit")
    func idle() throws {
        let server = try LocalHTTPServer(replies: [.init(chunks: [(0, "data: one\n\n"), (3, "data: late\n\n")])])
        #expect(throws: HTTPFailure.timeout(stage: "between chunks", seconds: 0.5)) {
            try StreamingHTTPClient.send(post(server), timeouts: HTTPTimeouts(connect: 5, firstByte: 5, idle: 0.5), isCancelled: { false }) { _ in }
        }
    }

    @Test("nothing listening: a connection failure that says so")
    func refused() throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:9/v1/chat/completions")!)
        request.httpMethod = "POST"
        do {
            _ = try StreamingHTTPClient.send(request, timeouts: HTTPTimeouts(connect: 5), isCancelled: { false }) { _ in }
            Issue.record("expected a failure")
        } catch let failure as HTTPFailure {
            guard case .connection = failure else { Issue.record("got \(failure)"); return }
            #expect(failure.isRetryable)
        }
    }

    @Test("cancelling stops the call and closes the connection")
    func cancel() throws {
        let server = try LocalHTTPServer(replies: [.init(chunks: (0..<40).map { _ in (0.1, "data: tick\n\n") })])
        let collected = Collector()
        let started = Date()
        #expect(throws: HTTPFailure.cancelled) {
            try StreamingHTTPClient.send(post(server), timeouts: HTTPTimeouts(), isCancelled: { Date().timeIntervalSince(started) > 0.5 }) {
                collected.add($0)
            }
        }
        #expect(collected.count > 0)
        // The server finds the connection closed at its next write.
        var waited = 0
        while server.connectionsClosedByClient == 0 && waited < 40 {
            usleep(100_000)
            waited += 1
        }
        #expect(server.connectionsClosedByClient == 1)
    }

    @Test("retries: when, and how long, following Retry-After", arguments: [
        (HTTPFailure.status(429, message: "", retryAfter: 3), 1, 3.0 as TimeInterval?),
        (.status(503, message: "", retryAfter: nil), 1, 0.25),
        (.status(503, message: "", retryAfter: nil), 2, 0.5),
        (.connection("refused"), 1, 0.25),
        (.status(400, message: "", retryAfter: nil), 1, nil),
        (.status(401, message: "", retryAfter: nil), 1, nil),
        (.status(404, message: "", retryAfter: nil), 1, nil),
        (.status(422, message: "", retryAfter: nil), 1, nil),
        (.timeout(stage: "between chunks", seconds: 60), 1, nil),
        (.status(500, message: "", retryAfter: nil), 3, nil),
    ])
    func retries(failure: HTTPFailure, attempt: Int, expected: TimeInterval?) {
        #expect(RetryPolicy(attempts: 3, baseDelay: 0.5).delay(after: failure, attempt: attempt, random: 0) == expected)
    }
}
