import Foundation
import PodiumCore
import PodiumStore

/// Automation while a long-running process is open (the dashboard): every couple of
/// seconds it imports what settled in the inbox folder and runs the import rules on it, and
/// every half minute it runs the scheduled and event rules that fell due. The first check
/// runs at once, so rules missed while nothing ran catch up (once) on start.
public final class AutomationLoop: @unchecked Sendable {
    /// Something the loop did, for the dashboard's notices.
    public enum Event: Sendable {
        case imported(InboxFolder.Outcome)
        case queued([AutomationRunner.Queued])
        case failed(String)
    }

    private let store: WorkspaceStore
    private let runner: AutomationRunner
    private let inbox: InboxFolder?
    private let queue = DispatchQueue(label: "podium.automation", qos: .utility)
    private let inboxInterval: TimeInterval
    private let ruleInterval: TimeInterval
    private var timer: DispatchSourceTimer?
    private var nextRuleCheck = Date.distantPast

    /// - Parameters:
    ///   - inbox: the folder to import from (nil: rules only).
    public init(store: WorkspaceStore, runner: AutomationRunner, inbox: InboxFolder?, inboxInterval: TimeInterval = 2, ruleInterval: TimeInterval = 30) {
        self.store = store
        self.runner = runner
        self.inbox = inbox
        self.inboxInterval = inboxInterval
        self.ruleInterval = ruleInterval
    }

    /// Starts checking; `onEvent` is called on the loop's queue.
    public func start(onEvent: @escaping @Sendable (Event) -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: inboxInterval, leeway: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.tick(onEvent) }
        self.timer = timer
        timer.resume()
    }

    /// Stops checking (a check under way finishes first).
    public func stop() {
        timer?.cancel()
        queue.sync {}
        timer = nil
    }

    /// Runs the import rules on feedback imported some other way (the dashboard's `I`), on
    /// the loop's queue; what they queue goes to `onEvent`.
    public func imported(_ batch: RulePlanner.ImportedBatch, onEvent: @escaping @Sendable (Event) -> Void) {
        queue.async { [runner] in
            do {
                let queued = try runner.runDue(imported: batch)
                if !queued.isEmpty { onEvent(.queued(queued)) }
            } catch {
                onEvent(.failed("\(error)"))
            }
        }
    }

    private func tick(_ onEvent: @Sendable (Event) -> Void) {
        do {
            if Date() >= nextRuleCheck {
                nextRuleCheck = Date().addingTimeInterval(ruleInterval)
                let queued = try runner.runDue()
                if !queued.isEmpty { onEvent(.queued(queued)) }
            }
            guard let inbox else { return }
            for outcome in try inbox.check(into: store) {
                onEvent(.imported(outcome))
                guard let report = outcome.report, !report.importedIDs.isEmpty else { continue }
                let batch = RulePlanner.ImportedBatch(file: outcome.file, feedback: report.importedIDs.map(RecordID.init))
                let queued = try runner.runDue(imported: batch)
                if !queued.isEmpty { onEvent(.queued(queued)) }
            }
        } catch {
            onEvent(.failed("\(error)"))
        }
    }
}
