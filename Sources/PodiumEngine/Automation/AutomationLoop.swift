import Foundation
import PodiumCore
import PodiumExchange
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
    private var nextRuleCheck = DispatchTime(uptimeNanoseconds: 0)

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

    /// One check. Each step fails on its own: a rule run that fails does not keep the next
    /// dropped file's rules (or the next file) from running.
    private func tick(_ onEvent: @Sendable (Event) -> Void) {
        if DispatchTime.now() >= nextRuleCheck {
            // The monotonic clock: a wall clock set back does not stop the checks.
            nextRuleCheck = .now() + ruleInterval
            report(onEvent) { try runner.runDue() }
        }
        guard let inbox else { return }
        let outcomes: [InboxFolder.Outcome]
        do { outcomes = try inbox.check(into: store) } catch {
            onEvent(.failed("\(error)"))
            return
        }
        for outcome in outcomes {
            onEvent(.imported(outcome))
            guard let report = outcome.report, !report.importedIDs.isEmpty else { continue }
            let batch = RulePlanner.ImportedBatch(file: outcome.file, feedback: report.importedIDs.map(RecordID.init))
            self.report(onEvent) { try runner.runDue(imported: batch) }
        }
    }

    /// Runs rules and tells what they queued, or why they could not run.
    private func report(_ onEvent: @Sendable (Event) -> Void, _ run: () throws -> [AutomationRunner.Queued]) {
        do {
            let queued = try run()
            if !queued.isEmpty { onEvent(.queued(queued)) }
        } catch {
            onEvent(.failed("\(error)"))
        }
    }
}
