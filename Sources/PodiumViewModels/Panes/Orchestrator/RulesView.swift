import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore

/// The automation rules: what triggers each, the job it runs, whether its drafts wait for
/// review, when it last ran and what came of it; the inbox and the trust policy above.
struct RulesView: PaneView {
    var name: String { "automation rules" }
    var id: PaneViewID { .rules }
    var showsSettings: Bool { true }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let rules = snapshot.rules.all
        let automatic = AutoAcceptance.drafts(in: snapshot)
        let rows = rules.map { rule -> PaneContent.Row in
            .init(id: rule.id.rawValue,
                  cells: [rule.id.short, rule.enabled ? "on" : "off", rule.trigger.description,
                          Format.clean(rule.jobDescription),
                          rule.autoAccepts ? "auto-accept" : settings.trust.autoAccepts(rule.job) ? "auto (trust)" : rule.autoAccept ? "review (!)" : "review", rule.lastRun.map { Format.age($0, now: Date()) } ?? "never",
                          Format.clean(RuleOutcome.describe(rule, in: snapshot, automatic: automatic))],
                  tone: rule.enabled ? .normal : .muted,
                  sortKeys: [nil, nil, nil, nil, nil, rule.lastRun.map { -$0.timeIntervalSince1970 }, nil])
        }
        return PaneContent(
            title: "Orchestrator — automation rules",
            summary: summary(rules, in: snapshot, settings: settings),
            columns: [.init("ID", width: 8, minimum: 8), .init("ON", width: 3), .init("TRIGGER", width: 16, minimum: 15),
                      .init("JOB", width: 22, minimum: 19), .init("DRAFTS", width: 11, minimum: 11), .init("LAST", width: 5), .init("OUTCOME")],
            rows: rows,
            emptyMessage: "No automation rules: + adds one (the same words as podium automate add).",
            hints: "+ add · space on/off · e edit · x remove · v next view",
            counts: "\(rules.count) rule\(rules.count == 1 ? "" : "s")")
    }

    /// The inbox and its last files, the kinds the trust policy accepts, and how many rules are on.
    private func summary(_ rules: [AutomationRule], in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> [PaneContent.Line] {
        let trusted = JobKindInfo.all.filter { settings.trust.autoAccepts($0.kind) }.map(\.kind.rawValue)
        var summary: [PaneContent.Line] = [
            .init(settings.inboxPath.map { "Inbox: \(Format.clean($0)) — drop CSV or JSON exports there; each is imported, then moved to done/ (failed/ with a .reason)" }
                ?? "Inbox: none while the dashboard runs here (podium watch DIR watches one)", .muted),
        ]
        // The last files any process took from the inbox (this dashboard, podium watch), from the audit log.
        let recent = snapshot.audit.all.filter { $0.details[AuditEntry.automationDetail] == InboxFolder.auditName }.suffix(3).reversed()
        if !recent.isEmpty {
            let lines = recent.map { entry in
                let file = Format.clean(entry.details["file"] ?? "a file")
                return entry.details["failed"].map { "\(file) failed (failed/\(Format.clean($0)).reason)" }
                    ?? "\(file) imported \(Format.clean(entry.details["imported"] ?? "0"))"
            }
            summary.append(.init("Inbox, last files: " + lines.joined(separator: " · "),
                                 recent.contains { $0.details["failed"] != nil } ? .warning : .muted))
        }
        summary += [
            .init("Auto-accepted by the trust policy: " + (trusted.isEmpty ? "none (config.toml [trust])" : trusted.joined(separator: ", "))
                + " · high-impact kinds are always reviewed", .muted),
        ]
        let active = rules.filter(\.enabled).count
        summary.append(.init(rules.isEmpty ? "No rules yet: + adds one, e.g. on import tag-sentiment auto-accept, or every fri 15:00 stakeholder-update"
                             : "\(active) of \(rules.count) rule\(rules.count == 1 ? "" : "s") on · they run while Podium is open and from cron (podium automate run-due)",
                             rules.isEmpty ? .accent : .normal))
        return summary
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let rule = snapshot.rules[RecordID(id)] else { return [] }
        return ruleDetail(rule, in: snapshot, trust: settings.trust)
    }

    private func ruleDetail(_ rule: AutomationRule, in snapshot: WorkspaceSnapshot, trust: TrustPolicy) -> [PaneContent.Line] {
        let undo = "the Orchestrator lists them and u or podium drafts undo takes one back."
        var lines: [PaneContent.Line] = [
            .init(Format.clean(rule.summary), .accent),
            .init("Rule \(rule.id.short) · \(rule.enabled ? "on" : "off") · made \(Format.time(rule.createdAt))", .muted),
            .init(rule.autoAccepts ? "Its drafts are accepted without review (low risk); " + undo
                  : rule.autoAccept ? "Its file asks for auto-accept, but \(Format.clean(rule.job.rawValue)) is \(rule.job.info?.risk.rawValue ?? "unknown") risk: its drafts wait for your review."
                  : trust.autoAccepts(rule.job) ? "Its drafts are accepted without review: config.toml's [trust] auto-accepts \(Format.clean(rule.job.rawValue)); " + undo
                  : "Its drafts wait for your review in the jobs and drafts view.", rule.autoAccept && !rule.autoAccepts ? .warning : .normal),
        ]
        if rule.isDue(now: Date(), timeZone: .current, cadence: snapshot.product.sprint) {
            lines.append(.init("Due now: a time passed while nothing ran; it runs once at the next check" + (rule.enabled ? "" : " (when turned on)"), .warning))
        } else if let next = rule.nextRun(after: Date(), timeZone: .current, cadence: snapshot.product.sprint) {
            lines.append(.init("Next: \(Format.time(next))" + (rule.enabled ? "" : " (when turned on)")))
        } else if rule.trigger == .schedule(.sprintEnd) {
            lines.append(.init("No sprint cadence yet: podium automate sprint --start YYYY-MM-DD --length 14", .warning))
        }
        if let last = rule.lastRun { lines.append(.init("Last ran \(Format.time(last)): \(Format.clean(RuleOutcome.describe(rule, in: snapshot, automatic: AutoAcceptance.drafts(in: snapshot))))")) } else { lines.append(.init("Has not run yet.", .muted)) }
        let jobs = snapshot.jobs.values.filter { $0.rule == rule.id }.sorted { $0.id > $1.id }
        if !jobs.isEmpty {
            lines += [.init(""), .init("Its jobs (\(jobs.count)), newest first", .muted)]
            for job in jobs.prefix(8) {
                let draft = job.draftID.flatMap { snapshot.drafts[$0] }
                lines.append(.init("\(Format.time(job.createdAt)) · \(Format.clean(job.kind.rawValue)) · \(job.status.rawValue)"
                    + (draft.map { " · draft \($0.id.short) \($0.status.rawValue)" } ?? "")))
            }
        }
        lines += [.init(""), .init("File: rules/\(rule.id.rawValue).json · e edits it here, space turns it on or off, x removes it", .muted)]
        return lines
    }
}

extension PaneViewID {
    /// The Orchestrator's automation rules.
    public static let rules = PaneViewID(rawValue: "rules")
}
