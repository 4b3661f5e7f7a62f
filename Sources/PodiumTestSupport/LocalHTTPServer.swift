#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for tests of the HTTP path: each connection gets
/// the next scripted reply, sent in chunks with pauses between them (like a model that
/// streams), and every request is recorded. One connection at a time.
public final class LocalHTTPServer: @unchecked Sendable {
    /// What to answer one request with.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        /// Pieces of the body and the pause before each; a pause of `waitForClient` holds
        /// the piece back until the test calls `release()` (at most 10 s).
        public var chunks: [(pause: TimeInterval, text: String)]

        public init(status: Int = 200, headers: [String: String] = [:], chunks: [(pause: TimeInterval, text: String)] = []) {
            self.status = status
            self.headers = headers
            self.chunks = chunks
        }
    }

    /// A request as received.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: String
    }

    /// A pause that waits for `release()` instead of a time.
    public static let waitForClient: TimeInterval = -1
    private let gate = DispatchSemaphore(value: 0)

    /// Lets a piece held back with `waitForClient` go.
    public func release() { gate.signal() }

    public let port: UInt16
    private let socket: Int32
    private let lock = NSLock()
    private var replies: [Reply]
    private var received: [Request] = []
    private var closedEarly = 0
    private var stopped = false

    public init(replies: [Reply]) throws {
        self.replies = replies
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in serve() }
    }

    deinit { stop() }

    public func stop() {
        lock.withLock { stopped = true }
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    /// The base URL, e.g. http://127.0.0.1:43210
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    public var requests: [Request] { lock.withLock { received } }

    /// How many replies the client stopped reading before they were sent whole.
    public var connectionsClosedByClient: Int { lock.withLock { closedEarly } }

    private func serve() {
        while !lock.withLock({ stopped }) {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        guard let request = read(client) else { return }
        let reply = lock.withLock { () -> Reply in
            received.append(request)
            return replies.isEmpty ? Reply(status: 500, chunks: [(0, "no reply scripted")]) : replies.removeFirst()
        }
        var head = "HTTP/1.1 \(reply.status) \(reply.status == 200 ? "OK" : "Status")\r\nConnection: close\r\n"
        var headers = reply.headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = reply.status == 200 ? "text/event-stream" : "application/json" }
        for (key, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(key): \(value)\r\n" }
        head += "Transfer-Encoding: chunked\r\n\r\n"
        guard send(client, head) else { return }
        for (pause, text) in reply.chunks {
            if pause == Self.waitForClient {
                _ = gate.wait(timeout: .now() + 10)
            } else if pause > 0 {
                usleep(UInt32(pause * 1_000_000))
            }
            let bytes = Array(text.utf8)
            guard send(client, String(bytes.count, radix: 16) + "\r\n"), sendBytes(client, bytes), send(client, "\r\n") else {
                lock.withLock { closedEarly += 1 }
                return
            }
        }
        _ = send(client, "0\r\n\r\n")
    }

    private func send(_ client: Int32, _ text: String) -> Bool { sendBytes(client, Array(text.utf8)) }

    private func sendBytes(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        // A closed peer shows on the next write: probe with a poll for hang-up.
        let readHangUp: Int16 = 0x2000  // POLLRDHUP (Linux)
        var descriptor = pollfd(fd: client, events: readHangUp, revents: 0)
        if poll(&descriptor, 1, 0) > 0, descriptor.revents & (readHangUp | Int16(POLLHUP) | Int16(POLLERR)) != 0 { return false }
        return true
    }

    private func read(_ client: Int32) -> Request? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data += buffer[0..<count]
            if headerEnd == nil, let end = find(data, [13, 10, 13, 10]) {
                headerEnd = end + 4
                let head = String(decoding: data[0..<end], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let headerEnd, contentLength >= 0, data.count >= headerEnd + contentLength {
                let head = String(decoding: data[0..<(headerEnd - 4)], as: UTF8.self).split(separator: "\r\n")
                let first = head.first?.split(separator: " ") ?? []
                var headers: [String: String] = [:]
                for line in head.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Request(method: first.first.map(String.init) ?? "", path: first.dropFirst().first.map(String.init) ?? "",
                               headers: headers, body: String(decoding: data[headerEnd..<(headerEnd + contentLength)], as: UTF8.self))
            }
        }
    }

    private func find(_ data: [UInt8], _ pattern: [UInt8]) -> Int? {
        guard data.count >= pattern.count else { return nil }
        for index in 0...(data.count - pattern.count) where Array(data[index..<(index + pattern.count)]) == pattern { return index }
        return nil
    }
}
