import Dispatch
import Foundation

/// Keeps a long-running process (the dashboard) up to date with what other processes
/// write to the same workspace: it calls `refresh()` on a background queue every
/// `interval` and reports the changes it found.
///
/// The cost of a check when nothing changed is a few `stat` calls, so a short interval is
/// cheap; the default of half a second shows an import from another shell within a second.
public final class WorkspaceWatcher: @unchecked Sendable {
    private let store: WorkspaceStore
    private let interval: DispatchTimeInterval
    private let queue = DispatchQueue(label: "podium.workspace-watcher", qos: .utility)
    private let onChange: @Sendable (WorkspaceChanges) -> Void
    private let onError: @Sendable (any Error) -> Void
    /// Touched only on `queue`.
    private var timer: DispatchSourceTimer?

    /// Prepares a watcher; nothing happens until `start()`.
    public init(
        store: WorkspaceStore, interval: DispatchTimeInterval = .milliseconds(500),
        onChange: @escaping @Sendable (WorkspaceChanges) -> Void,
        onError: @escaping @Sendable (any Error) -> Void = { _ in }
    ) {
        self.store = store
        self.interval = interval
        self.onChange = onChange
        self.onError = onError
    }

    /// Starts checking; calling it again does nothing.
    public func start() {
        queue.sync {
            guard timer == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in self?.check() }
            timer.resume()
            self.timer = timer
        }
    }

    /// Stops checking; no report arrives after it returns.
    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    deinit {
        timer?.cancel()
    }

    private func check() {
        do {
            let changes = try store.refresh()
            if !changes.isEmpty { onChange(changes) }
        } catch {
            onError(error)
        }
    }
}
