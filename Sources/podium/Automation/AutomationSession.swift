import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore

/// Automation for one command: the job engine with the user's trust policy and providers,
/// and the rules runner, run to the end in the foreground (for cron and systemd timers).
struct AutomationSession {
    let store: WorkspaceStore
    let jobs: JobSession
    let runner: AutomationRunner

    /// A session on `store` with `config` and the workspace's own provider settings (podium.toml).
    init(store: WorkspaceStore, config: UserConfig) throws {
        let config = config.forWorkspace(store.layout.root)
        for warning in config.warnings { Console.warning(warning) }
        self.store = store
        jobs = try JobSession(store: store, providers: config.providers, trust: config.automation.trust)
        let providers = config.providers
        runner = AutomationRunner(store: store, engine: jobs.engine) { kind, stance in
            providers.info(for: providers.providerName(for: kind, stance: stance))
        }
    }

    /// What one rule's job came to.
    struct Outcome: Encodable {
        var rule: String
        var trigger: String
        var job: String
        var kind: String
        var reason: String
        var status: String
        var draft: String?
        var draftStatus: String?
        var error: String?

        /// "rule 1a2b3c4d on import → tag-sentiment: draft 9f8e7d6c accepted automatically".
        var line: String {
            var text = "rule \(String(rule.suffix(8))) (\(trigger)) ran \(kind) for \(reason): "
            switch (status, draftStatus) {
            case ("done", "accepted"): text += "draft \(String(draft?.suffix(8) ?? "")) accepted automatically (podium drafts undo undoes it)"
            case ("done", _): text += "draft \(String(draft?.suffix(8) ?? "")) waits for review (podium drafts show \(String(draft?.suffix(8) ?? "")))"
            default: text += "\(status)" + (error.map { ": \($0)" } ?? "")
            }
            return text.sanitizedForTerminal()
        }
    }

    /// Runs what is due (and import rules for `imported`), waits for the jobs and returns
    /// what each came to; `queued` hears what started, and `finished` of each job as it ends
    /// (a quick auto-accept is printed before a slow job is done). A `stop` request while
    /// waiting saves the jobs as interrupted.
    func runDue(imported: RulePlanner.ImportedBatch? = nil, now: Date = Date(), stop: StopRequest? = nil,
                queued announce: ([AutomationRunner.Queued]) -> Void = { _ in }, finished: (Outcome) -> Void = { _ in }) throws -> [Outcome] {
        let queued = try runner.runDue(now: now, imported: imported)
        if !queued.isEmpty { announce(queued) }
        var outcomes: [Outcome?] = Array(repeating: nil, count: queued.count)
        /// Collects the jobs that ended since the last look; `all` takes the rest as they are.
        func collect(all: Bool) {
            let snapshot = store.snapshot
            for (index, entry) in queued.enumerated() where outcomes[index] == nil {
                let job = snapshot.jobs[entry.job.id] ?? entry.job
                let draft = job.draftID.flatMap { snapshot.drafts[$0] }
                // A job is done before its draft is auto-accepted (a second write): one that
                // may still be accepted is told at the end, when the engine is idle.
                let acceptanceMayFollow = job.autoAccept == true && draft?.status == .pending
                guard all || (job.status.isFinished && !acceptanceMayFollow) else { continue }
                let outcome = Outcome(rule: entry.rule.id.rawValue, trigger: entry.rule.trigger.description, job: job.id.rawValue,
                                      kind: job.kind.rawValue, reason: entry.reason, status: job.status.rawValue, draft: draft?.id.rawValue,
                                      draftStatus: draft?.status.rawValue, error: job.error)
                outcomes[index] = outcome
                finished(outcome)
            }
        }
        while !jobs.engine.waitForIdle(timeout: .now() + .milliseconds(200)) {
            collect(all: false)
            if stop?.requested == true {
                jobs.engine.shutdown()
                break
            }
        }
        collect(all: true)
        return outcomes.compactMap { $0 }
    }
}
