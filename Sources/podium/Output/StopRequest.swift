import Foundation

/// Ctrl-C or SIGTERM asks a long-running command to stop at its next check.
final class StopRequest: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []
    /// What the command says when it starts to stop.
    private let message: String
    /// Run once, on the first request (on a signal queue): a `podium run` cancels its job.
    private let onRequest: (@Sendable () -> Void)?

    init(message: String = "stopping: running jobs are saved as interrupted (Ctrl-C again quits at once)",
         onRequest: (@Sendable () -> Void)? = nil) {
        self.message = message
        self.onRequest = onRequest
    }

    var requested: Bool { condition.withLock { stopped } }

    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.request() }
            source.resume()
            sources.append(source)
        }
    }

    func request() {
        let first = condition.withLock {
            defer {
                stopped = true
                condition.broadcast()
            }
            return !stopped
        }
        guard first else { return }
        // A second Ctrl-C ends the process at once.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        Console.status(message)
        onRequest?()
    }

    /// Sleeps for `seconds`, or less when a stop is requested (timed on the monotonic clock,
    /// in slices of a second, so a wall clock set back does not make it sleep longer).
    func wait(seconds: Double) {
        let deadline = DispatchTime.now() + seconds
        condition.withLock {
            while !stopped {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline.uptimeNanoseconds else { break }
                let left = Double(deadline.uptimeNanoseconds - now) / 1e9
                _ = condition.wait(until: Date().addingTimeInterval(min(1, left)))
            }
        }
    }
}
