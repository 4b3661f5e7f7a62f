import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Time limits of one call: to the response headers, to the first byte of the body (long,
/// for slow local models), and between chunks of the body.
public struct HTTPTimeouts: Sendable, Equatable {
    public var connect: TimeInterval
    public var firstByte: TimeInterval
    public var idle: TimeInterval

    public init(connect: TimeInterval = 30, firstByte: TimeInterval = 300, idle: TimeInterval = 60) {
        self.connect = connect
        self.firstByte = firstByte
        self.idle = idle
    }
}

/// Posts a request and hands the response body over as it arrives (a data delegate, so it
/// truly streams on Linux, where `URLSession.bytes` does not exist). Blocks the calling
/// thread, a job's worker, until the body ends, a limit passes, or `isCancelled` says so;
/// cancelling closes the connection. Redirects are never followed.
public final class StreamingHTTPClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Foundation's shared URL cache, set before anything asks for it: the default one
    /// creates ~/.cache/org.swift.foundation.URLCache/podium. This one keeps nothing, and
    /// its folder ("/") exists already, so nothing is created.
    private static let sharedCacheWithoutFolder: Void = {
        URLCache.shared = URLCache(memoryCapacity: 0, diskCapacity: 0, diskPath: "/")
    }()

    private let lock = NSLock()
    private var status: Int?
    private var headers: [String: String] = [:]
    private var errorBody = Data()
    private var receivedBody = false
    private var lastActivity = Date()
    private var started = Date()
    private var finished = false
    private var failure: HTTPFailure?
    private var onBytes: (@Sendable ([UInt8]) -> Void)?

    /// What a finished call returned: its status and headers (the body went to `onBytes`).
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
    }

    public static func send(
        _ request: URLRequest, timeouts: HTTPTimeouts, isCancelled: @escaping @Sendable () -> Bool,
        onBytes: @escaping @Sendable ([UInt8]) -> Void
    ) throws -> Response {
        try StreamingHTTPClient().run(request, timeouts: timeouts, isCancelled: isCancelled, onBytes: onBytes)
    }

    private func run(
        _ request: URLRequest, timeouts: HTTPTimeouts, isCancelled: @escaping @Sendable () -> Bool,
        onBytes: @escaping @Sendable ([UInt8]) -> Void
    ) throws -> Response {
        self.onBytes = onBytes
        _ = Self.sharedCacheWithoutFolder
        // Not `.ephemeral`: on Linux it makes a URLCache whose initializer creates
        // ~/.cache/org.swift.foundation.URLCache/podium (0755). Nothing is cached or kept.
        let configuration = URLSessionConfiguration.default
        configuration.timeoutIntervalForRequest = max(timeouts.firstByte, timeouts.idle) + 5  // our own watchdog decides
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        lock.withLock {
            started = Date()
            lastActivity = started
        }
        task.resume()
        while true {
            usleep(20_000)
            let (done, stageFailure) = lock.withLock { () -> (Bool, HTTPFailure?) in
                if finished { return (true, nil) }
                let now = Date()
                if status == nil, now.timeIntervalSince(started) > timeouts.connect {
                    return (false, .timeout(stage: HTTPFailure.connecting, seconds: timeouts.connect))
                }
                if status != nil, !receivedBody, now.timeIntervalSince(lastActivity) > timeouts.firstByte {
                    return (false, .timeout(stage: HTTPFailure.firstByte, seconds: timeouts.firstByte))
                }
                if receivedBody, now.timeIntervalSince(lastActivity) > timeouts.idle {
                    return (false, .timeout(stage: HTTPFailure.betweenChunks, seconds: timeouts.idle))
                }
                return (false, nil)
            }
            if done { break }
            if let stageFailure {
                lock.withLock { failure = stageFailure }
                task.cancel()
                break
            }
            if isCancelled() {
                lock.withLock { failure = .cancelled }
                task.cancel()
                break
            }
        }
        return try lock.withLock {
            if let failure { throw failure }
            guard let status else { throw HTTPFailure.connection("the server closed the connection without an answer") }
            guard (200..<300).contains(status) else {
                throw HTTPFailure.status(status, message: Self.message(from: errorBody), retryAfter: Self.retryAfter(headers))
            }
            return Response(status: status, headers: headers)
        }
    }

    // MARK: URLSessionDataDelegate

    public func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        lock.withLock {
            status = http?.statusCode ?? 0
            for (key, value) in http?.allHeaderFields ?? [:] {
                if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
            }
            lastActivity = Date()
        }
        completionHandler(.allow)
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let (deliver, handler) = lock.withLock { () -> (Bool, (@Sendable ([UInt8]) -> Void)?) in
            lastActivity = Date()
            guard let status, (200..<300).contains(status) else {
                if errorBody.count < 65_536 { errorBody.append(data) }
                return (false, nil)
            }
            receivedBody = true
            return (failure == nil, onBytes)
        }
        if deliver { handler?([UInt8](data)) }
    }

    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        lock.withLock {
            failure = .redirect(response.statusCode, location: response.value(forHTTPHeaderField: "Location"))
            finished = true
        }
        completionHandler(nil)
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            if let error, failure == nil {
                let code = (error as NSError).code
                failure = code == NSURLErrorCancelled ? .cancelled : .connection(Self.describe(error))
            }
            finished = true
        }
    }

    // MARK: Reading errors

    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        switch nsError.code {
        case NSURLErrorCannotConnectToHost: return "connection refused (is the server running?)"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "unknown host"
        case NSURLErrorTimedOut: return "timed out"
        case NSURLErrorNetworkConnectionLost: return "the connection was lost"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted: return "the TLS connection failed"
        default: return nsError.localizedDescription
        }
    }

    /// The message of a JSON error body (`{"error": {"message": …}}`), else the text itself.
    static func message(from body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
            if let message = object["error"] as? String { return message }
            if let message = object["message"] as? String { return message }
        }
        return String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ headers: [String: String], now: Date = Date()) -> TimeInterval? {
        // A server's numbers, bounded: an hour at most, never infinite or negative.
        func bounded(_ seconds: Double) -> TimeInterval? { seconds.isFinite ? min(3600, max(0, seconds)) : nil }
        if let ms = headers["retry-after-ms"].flatMap(Double.init) { return bounded(ms / 1000) }
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return bounded(seconds) }
        // An HTTP date is ASCII; anything else must not reach DateFormatter, which traps on a
        // combining mark.
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
