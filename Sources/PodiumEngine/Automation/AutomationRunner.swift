import Foundation
import PodiumCore
import PodiumStore

/// Runs what automation rules say is due: queues their jobs on the engine, and records on
/// each rule when it ran and why, with an audit entry, in one transaction.
///
/// The plan is made inside the workspace's write lock, against the workspace as it is on
/// disk, so the dashboard and a cron job checking at the same moment never both run a rule.
public struct AutomationRunner: Sendable {
    /// A job a rule queued.
    public struct Queued: Sendable {
        public var rule: AutomationRule
        public var job: Job
        public var reason: String

        /// One line for the terminal and the notices: "rule 1a2b3c4d: tag-sentiment on 3 new feedback items…".
        public var summary: String {
            "rule \(rule.id.short) (\(rule.trigger)): \(job.kind) for \(reason)" + (job.autoAccept == true ? ", auto-accepted when ready" : "")
        }
    }

    private let store: WorkspaceStore
    private let engine: JobEngine
    /// The provider a rule's job runs on (the user's choice for its kind and stance).
    private let providerFor: @Sendable (JobKind, Stance) -> ProviderInfo

    public init(store: WorkspaceStore, engine: JobEngine, providerFor: @escaping @Sendable (JobKind, Stance) -> ProviderInfo = { _, _ in .local }) {
        self.store = store
        self.engine = engine
        self.providerFor = providerFor
    }

    /// Queues the jobs of every rule due now (and of import rules, for `imported`). Returns
    /// what was queued; the jobs run on the engine (wait with `engine.waitForIdle()`).
    @discardableResult
    public func runDue(
        now: Date = Date(), timeZone: TimeZone = .current, imported: RulePlanner.ImportedBatch? = nil
    ) throws -> [Queued] {
        let trust = engine.trust
        let queued = try store.write { transaction -> [Queued] in
            let rules = transaction.snapshot.rules.all
            let plan = RulePlanner.plan(rules: rules, snapshot: transaction.snapshot, now: now, timeZone: timeZone, imported: imported)
            var queued: [Queued] = []
            for run in plan {
                let stance = run.rule.job.info?.stance ?? .orchestrator
                let job = try JobEngine.prepare(
                    run.rule.job, stance: stance, parameters: run.parameters, inputs: run.inputs,
                    provider: providerFor(run.rule.job, stance), trust: trust, rule: run.rule.id, autoAccept: run.rule.autoAccept)
                try transaction.save(job)
                var rule = transaction.record(AutomationRule.self, id: run.rule.id) ?? run.rule
                rule.lastRun = now
                // One line a rules list can show: a long reason (a spike's numbers) is cut.
                let reason = run.reason.count <= 100 ? run.reason : String(run.reason.prefix(99)) + "…"
                rule.lastOutcome = "queued \(job.kind) (job \(job.id.short)) for \(reason)"
                try transaction.save(rule)
                try transaction.log(AuditEntry(
                    at: now, actor: "automation", action: .create, subject: ArtifactReference(.job, job.id),
                    summary: "Rule \(rule.id.short) (\(rule.trigger)) queued \(job.kind): \(run.reason)",
                    details: ["kind": job.kind.rawValue, "stance": stance.rawValue, "rule": rule.id.rawValue,
                              AuditEntry.automationDetail: "rule \(rule.id.short)"]))
                queued.append(Queued(rule: rule, job: job, reason: run.reason))
            }
            return queued
        }
        engine.start(queued.map(\.job))
        return queued
    }
}
