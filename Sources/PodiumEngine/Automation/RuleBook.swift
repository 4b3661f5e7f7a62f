import Foundation
import PodiumCore
import PodiumStore

/// Adds, changes and removes automation rules, each with its audit entry: what the
/// command line and the dashboard both do.
public struct RuleBook: Sendable {
    private let store: WorkspaceStore
    /// Who is changing the rules, for the audit log.
    public var actor: String

    public init(store: WorkspaceStore, actor: String = AuditEntry.currentActor) {
        self.store = store
        self.actor = actor
    }

    /// Saves a new rule; refused when a rule doing the same work exists (it would run twice).
    public func add(_ rule: AutomationRule) throws {
        try change(rule.id, "Added rule \(rule.id.short): \(rule.summary)", action: .create) { _ in rule }
    }

    /// Refuses `rule` when it is on and another rule that is on does the same work (both
    /// would run, twice the jobs). A rule turned off never runs, so turning one of two twins
    /// off (say, after a git merge brought both) is always allowed. Called inside the write,
    /// so two processes adding the same rule cannot both succeed.
    private static func refuseTwin(of rule: AutomationRule, in snapshot: WorkspaceSnapshot) throws {
        guard rule.enabled,
              let twin = snapshot.rules.values.first(where: { $0.id != rule.id && $0.enabled && $0.sameWork(as: rule) }) else { return }
        if twin.autoAccept != rule.autoAccept {
            throw AutomationRule.Invalid("rule \(twin.id.short) already runs this job on this trigger (\(twin.summary)); two would run it twice. "
                + "To \(rule.autoAccept ? "auto-accept" : "review") its drafts, remove it (x in the rules view, or podium automate remove \(twin.id.short)) and add this one")
        }
        throw AutomationRule.Invalid("rule \(twin.id.short) already does this (\(twin.summary))")
    }

    /// Puts a rule's settings back as they were (undo of a change in the dashboard), adding it
    /// if it was removed. When it ran meanwhile, that is kept, so it does not run again.
    public func restore(_ rule: AutomationRule) throws {
        try change(rule.id, "Put back rule \(rule.id.short): \(rule.summary)", action: .undo) { current in
            var restored = rule
            if let current {
                restored.lastRun = current.lastRun
                restored.lastOutcome = current.lastOutcome
            }
            return restored
        }
    }

    /// Replaces a rule's settings with edited ones (checked again: auto-accept for low risk
    /// only). `base` is the rule as it was when the edit began: what the edit did not change
    /// (whether it is on) stays as it is now, and when it last ran is never taken from the edit,
    /// so a rule that ran while its file was open does not run again.
    @discardableResult
    public func replace(_ edited: AutomationRule, base: AutomationRule) throws -> AutomationRule {
        var zone = TimeZone.current
        if let name = edited.timeZone {
            guard let named = TimeZone(identifier: name) else {
                throw AutomationRule.Invalid("timeZone \"\(name)\" is not a time zone; use a name such as Europe/Berlin or America/New_York")
            }
            zone = named
        }
        var checked = try AutomationRule.validated(trigger: edited.trigger, job: edited.job, parameters: edited.parameters,
                                                   autoAccept: edited.autoAccept, createdAt: base.createdAt, timeZone: zone)
        checked.id = base.id
        var saved = checked
        try change(checked.id, "Edited rule \(checked.id.short): \(checked.summary)", action: .update) { current in
            let now = current ?? base
            saved.enabled = edited.enabled != base.enabled ? edited.enabled : now.enabled
            saved.lastRun = now.lastRun
            saved.lastOutcome = now.lastOutcome
            return saved
        }
        return saved
    }

    /// Turns a rule on or off; returns it as saved.
    @discardableResult
    public func setEnabled(_ id: RecordID<AutomationRule>, _ enabled: Bool) throws -> AutomationRule {
        guard var rule = store.snapshot.rules[id] else { throw AutomationRule.Invalid("no rule \(id.short)") }
        guard rule.enabled != enabled else { return rule }
        rule.enabled = enabled
        try change(id, "\(enabled ? "Enabled" : "Disabled") rule \(id.short): \(rule.summary)", action: .update) { current in
            var updated = current ?? rule
            updated.enabled = enabled
            return updated
        }
        return rule
    }

    /// Removes a rule (its past jobs and drafts stay); returns it, so it can be put back.
    @discardableResult
    public func remove(_ id: RecordID<AutomationRule>) throws -> AutomationRule {
        guard let rule = store.snapshot.rules[id] else { throw AutomationRule.Invalid("no rule \(id.short)") }
        try change(id, "Removed rule \(id.short): \(rule.summary)", action: .delete) { _ in nil }
        return rule
    }

    private func change(
        _ id: RecordID<AutomationRule>, _ summary: String, action: AuditAction,
        _ update: (AutomationRule?) throws -> AutomationRule?
    ) throws {
        try store.write { transaction in
            let current = transaction.record(AutomationRule.self, id: id)
            let updated = try update(current)
            if let updated {
                try Self.refuseTwin(of: updated, in: transaction.snapshot)
                try transaction.save(updated)
            } else {
                transaction.delete(AutomationRule.self, id: id)
            }
            let kind = (updated ?? current)?.job.rawValue ?? ""
            try transaction.log(AuditEntry(actor: actor, action: action, summary: summary,
                                           details: ["rule": id.rawValue, "kind": kind, "stance": Stance.orchestrator.rawValue]))
        }
    }
}
