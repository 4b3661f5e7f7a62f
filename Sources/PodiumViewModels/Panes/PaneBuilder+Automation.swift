import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore

/// The Orchestrator's other views: the automation rules, the metrics (stance balance, time
/// won back, review rates) and the audit log.
extension PaneBuilder {
    /// The Orchestrator's views, in `v` order.
    static let orchestratorViews = ["jobs and drafts", "automation rules", "metrics", "audit log"]

    /// The prefix of metrics rows' ids (one row per stance).
    static let stanceRowPrefix = "stance:"

    // MARK: Automation

    static func automation(_ snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let rules = snapshot.rules.all
        let trusted = JobKindInfo.all.filter { settings.trust.autoAccepts($0.kind) }.map(\.kind.rawValue)
        var summary: [PaneContent.Line] = [
            .init(settings.inboxPath.map { "Inbox: \(clean($0)) — drop CSV or JSON exports there; each is imported, then moved to done/ (failed/ with a .reason)" }
                ?? "Inbox: none while the dashboard runs here (podium watch DIR watches one)", .muted),
        ]
        // The last files any process took from the inbox (this dashboard, podium watch), from the audit log.
        let recent = snapshot.audit.all.filter { $0.details[AuditEntry.automationDetail] == InboxFolder.auditName }.suffix(3).reversed()
        if !recent.isEmpty {
            let lines = recent.map { entry in
                let file = clean(entry.details["file"] ?? "a file")
                return entry.details["failed"].map { "\(file) failed (failed/\(clean($0)).reason)" }
                    ?? "\(file) imported \(clean(entry.details["imported"] ?? "0"))"
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
        let automatic = AutoAcceptance.drafts(in: snapshot)
        let rows = rules.map { rule -> PaneContent.Row in
            .init(id: rule.id.rawValue,
                  cells: [rule.id.short, rule.enabled ? "on" : "off", rule.trigger.description,
                          clean(rule.jobDescription),
                          rule.autoAccepts ? "auto-accept" : settings.trust.autoAccepts(rule.job) ? "auto (trust)" : rule.autoAccept ? "review (!)" : "review", rule.lastRun.map { age($0, now: Date()) } ?? "never",
                          clean(RuleOutcome.describe(rule, in: snapshot, automatic: automatic))],
                  tone: rule.enabled ? .normal : .muted,
                  sortKeys: [nil, nil, nil, nil, nil, rule.lastRun.map { -$0.timeIntervalSince1970 }, nil])
        }
        return PaneContent(
            title: "Orchestrator — automation rules",
            summary: summary,
            columns: [.init("ID", width: 8, minimum: 8), .init("ON", width: 3), .init("TRIGGER", width: 16, minimum: 15),
                      .init("JOB", width: 22, minimum: 19), .init("DRAFTS", width: 11, minimum: 11), .init("LAST", width: 5), .init("OUTCOME")],
            rows: rows,
            emptyMessage: "No automation rules: + adds one (the same words as podium automate add).",
            hints: "+ add · space on/off · e edit · x remove · v next view",
            counts: "\(rules.count) rule\(rules.count == 1 ? "" : "s")")
    }

    static func ruleDetail(_ rule: AutomationRule, in snapshot: WorkspaceSnapshot, trust: TrustPolicy) -> [PaneContent.Line] {
        let undo = "the Orchestrator lists them and u or podium drafts undo takes one back."
        var lines: [PaneContent.Line] = [
            .init(clean(rule.summary), .accent),
            .init("Rule \(rule.id.short) · \(rule.enabled ? "on" : "off") · made \(time(rule.createdAt))", .muted),
            .init(rule.autoAccepts ? "Its drafts are accepted without review (low risk); " + undo
                  : rule.autoAccept ? "Its file asks for auto-accept, but \(clean(rule.job.rawValue)) is \(rule.job.info?.risk.rawValue ?? "unknown") risk: its drafts wait for your review."
                  : trust.autoAccepts(rule.job) ? "Its drafts are accepted without review: config.toml's [trust] auto-accepts \(clean(rule.job.rawValue)); " + undo
                  : "Its drafts wait for your review in the jobs and drafts view.", rule.autoAccept && !rule.autoAccepts ? .warning : .normal),
        ]
        if rule.isDue(now: Date(), timeZone: .current, cadence: snapshot.product.sprint) {
            lines.append(.init("Due now: a time passed while nothing ran; it runs once at the next check" + (rule.enabled ? "" : " (when turned on)"), .warning))
        } else if let next = rule.nextRun(after: Date(), timeZone: .current, cadence: snapshot.product.sprint) {
            lines.append(.init("Next: \(time(next))" + (rule.enabled ? "" : " (when turned on)")))
        } else if rule.trigger == .schedule(.sprintEnd) {
            lines.append(.init("No sprint cadence yet: podium automate sprint --start YYYY-MM-DD --length 14", .warning))
        }
        if let last = rule.lastRun { lines.append(.init("Last ran \(time(last)): \(clean(RuleOutcome.describe(rule, in: snapshot, automatic: AutoAcceptance.drafts(in: snapshot))))")) } else { lines.append(.init("Has not run yet.", .muted)) }
        let jobs = snapshot.jobs.values.filter { $0.rule == rule.id }.sorted { $0.id > $1.id }
        if !jobs.isEmpty {
            lines += [.init(""), .init("Its jobs (\(jobs.count)), newest first", .muted)]
            for job in jobs.prefix(8) {
                let draft = job.draftID.flatMap { snapshot.drafts[$0] }
                lines.append(.init("\(time(job.createdAt)) · \(clean(job.kind.rawValue)) · \(job.status.rawValue)"
                    + (draft.map { " · draft \($0.id.short) \($0.status.rawValue)" } ?? "")))
            }
        }
        lines += [.init(""), .init("File: rules/\(rule.id.rawValue).json · e edits it here, space turns it on or off, x removes it", .muted)]
        return lines
    }

    // MARK: Metrics

    static func metrics(_ snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let metrics = WorkMetrics.compute(snapshot, minutesSaved: settings.minutesSaved)
        let thisWeek = metrics.weeks.last?.minutes ?? 0
        let fourWeeks = metrics.weeks.map(\.minutes).reduce(0, +)
        let automatic = metrics.kinds.map(\.autoAccepted).reduce(0, +)
        let accepted = metrics.kinds.map(\.accepted).reduce(0, +)
        let judged = metrics.kinds.map(\.decided).reduce(0, +)
        let acceptedByYou = metrics.kinds.map(\.acceptedByPerson).reduce(0, +)
        var summary: [PaneContent.Line] = [
            .init("Time won back: \(WorkMetrics.duration(minutes: thisWeek)) this week · \(WorkMetrics.duration(minutes: fourWeeks)) in 4 weeks "
                + "(\(metrics.weeks.map { WorkMetrics.duration(minutes: $0.minutes) }.joined(separator: " · "))) · \(WorkMetrics.duration(minutes: metrics.minutesSaved)) in all", .success),
            .init("Drafts accepted: \(accepted) (\(automatic) by automation)"
                + (judged > 0 ? " · you accepted \(Int((Double(acceptedByYou) / Double(judged) * 100).rounded()))% of the \(judged) you judged" : "")
                + " · decisions \(metrics.decisions7) in 7 days, \(metrics.decisions30) in 30 · experiments changed \(metrics.experiments7) in 7 days, \(metrics.experiments30) in 30", .muted),
        ]
        let hints = metrics.hints
        summary += hints.prefix(3).map { .init("⚠ " + clean($0), .warning) }
        if hints.count > 3 { summary.append(.init("… and \(hints.count - 3) more: podium metrics lists them", .warning)) }
        let rows = metrics.stances.map { balance -> PaneContent.Row in
            .init(id: stanceRowPrefix + balance.stance.rawValue,
                  cells: [balance.stance.title, WorkMetrics.sparkline(balance.weekly), "\(balance.acceptedDrafts7) / \(balance.itemsTouched7)",
                          "\(balance.acceptedDrafts30) / \(balance.itemsTouched30)", balance.hint ?? ""],
                  tone: balance.hint == nil ? .normal : .warning,
                  sortKeys: [nil, nil, Double(balance.acceptedDrafts7 + balance.itemsTouched7), Double(balance.acceptedDrafts30 + balance.itemsTouched30), nil])
        }
        return PaneContent(
            title: "Orchestrator — time won back and stance balance",
            summary: summary,
            columns: [.init("STANCE", width: 23), .init("5 WEEKS", width: 7), .init("7 DAYS", width: 9), .init("30 DAYS", width: 9), .init("ATTENTION")],
            rows: rows,
            emptyMessage: "",
            hints: "Enter: review rates of the stance's jobs · v next view",
            counts: "7 stances · days: accepted drafts / items touched")
    }

    static func stanceDetail(_ stance: Stance, in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> [PaneContent.Line] {
        let metrics = WorkMetrics.compute(snapshot, minutesSaved: settings.minutesSaved)
        guard let balance = metrics.stances.first(where: { $0.stance == stance }) else { return [] }
        var lines: [PaneContent.Line] = [
            .init(stance.title, .accent), .init(stance.purpose, .muted),
            .init("Last 7 days: \(count(balance.acceptedDrafts7, "draft")) accepted, \(count(balance.itemsTouched7, "item")) touched"),
            .init("Last 30 days: \(count(balance.acceptedDrafts30, "draft")) accepted, \(count(balance.itemsTouched30, "item")) touched"),
            .init("Per week, oldest first: " + balance.weekly.map(String.init).joined(separator: ", ") + "  " + WorkMetrics.sparkline(balance.weekly)),
            .init("Last activity: " + (balance.lastActivity.map(time) ?? "none")),
        ]
        if let hint = balance.hint { lines.append(.init("⚠ " + hint, .warning)) }
        let kinds = metrics.kinds.filter { $0.kind.info?.stance == stance }
        if !kinds.isEmpty {
            lines += [.init(""), .init("Review of its jobs' drafts", .muted)]
            for rates in kinds {
                let rate = rates.acceptRate.map { "\(Int(($0 * 100).rounded()))% of your decisions accepted" } ?? "none judged by you yet"
                lines.append(.init("\(rates.kind): \(rates.accepted) accepted (\(rates.autoAccepted) automatically, \(rates.undone) of those undone), "
                    + "\(rates.edited) edited, \(rates.rejected) rejected, \(rates.pending) pending · \(rate) · saved \(WorkMetrics.duration(minutes: rates.minutesSaved))",
                    rates.needsWork ? .warning : .normal))
                if rates.needsWork { lines.append(.init("  Under half accepted: the prompt or the engine needs work for this kind.", .warning)) }
            }
        }
        lines += [.init(""), .init("Minutes saved per accepted draft: [minutes_saved] in config.toml.", .muted)]
        return lines
    }

    /// "1 item", "3 items".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    // MARK: Audit

    static func audit(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let entries = snapshot.audit.all.reversed()
        let now = Date()
        let automated = entries.filter(\.isAutomated).count
        let rows = entries.map { entry -> PaneContent.Row in
            let stance = entry.details["stance"].flatMap(Stance.init(rawValue:))?.title ?? ""
            return .init(id: entry.id.rawValue,
                         cells: [shortTime(entry.at, now: now), entry.who, stance, clean(entry.details["kind"] ?? entry.action.rawValue), clean(entry.summary)],
                         tone: entry.isAutomated ? .accent : .normal,
                         sortKeys: [entry.at.timeIntervalSince1970, nil, nil, nil, nil])
        }
        return PaneContent(
            title: "Orchestrator — audit log",
            summary: [.init("Every accept, reject, edit, undo, import and rule run, newest first · \(automated) by automation", .muted),
                      .init("Filter with /: who:auto (automation), who:rule, who:user, stance:customer, kind:tag-sentiment, or any words", .muted)],
            columns: [.init("WHEN", width: 11, minimum: 11), .init("WHO", width: 19, minimum: 10), .init("STANCE", width: 14, minimum: 8),
                      .init("KIND", width: 18, minimum: 12), .init("WHAT")],
            rows: Array(rows),
            emptyMessage: "Nothing recorded yet.",
            hints: "/ filter (who:rule stance:… kind:…) · v next view",
            counts: "\(rows.count) audit entries")
    }

    static func auditDetail(_ entry: AuditEntry) -> [PaneContent.Line] {
        var lines: [PaneContent.Line] = [.init(clean(entry.summary, lines: true), .accent),
                                         .init("\(time(entry.at)) · \(entry.who) · \(entry.action.rawValue)", .muted)]
        if let subject = entry.subject { lines.append(.init("About \(subject.kind.rawValue) \(String(subject.id.suffix(8)))", .muted)) }
        if !entry.details.isEmpty {
            lines.append(.init(""))
            lines += entry.details.sorted { $0.key < $1.key }.map { .init("\(clean($0.key)): \(clean($0.value))") }
        }
        return lines
    }
}
