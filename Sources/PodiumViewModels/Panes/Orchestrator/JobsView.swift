import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// The board of AI work: jobs queued or running, then drafts to review, then the history
/// of both, newest first.
struct JobsView: PaneView {
    var name: String { "jobs and drafts" }
    var id: PaneViewID { .jobs }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let jobs = snapshot.jobs.values.sorted { $0.id > $1.id }
        let drafts = snapshot.drafts.values.sorted { $0.id > $1.id }
        let active = jobs.filter { !$0.observedStatus.isFinished }
        let pending = drafts.filter { $0.status == .pending || $0.status == .interrupted }
        // Drafts accepted without review, listed for a later look (and undo).
        let automatic = AutoAcceptance.drafts(in: snapshot)
        let rest = (jobs.filter(\.observedStatus.isFinished).map { ($0.id.rawValue, jobRow($0)) }
            + drafts.filter { $0.status != .pending && $0.status != .interrupted }.map { ($0.id.rawValue, draftRow($0, automatic: automatic)) })
            .sorted { $0.0 > $1.0 }.map(\.1)
        return PaneContent(
            title: "Orchestrator — jobs and drafts inbox",
            summary: summary(jobs: jobs, drafts: drafts, pending: pending, automatic: automatic)
                + Self.dueDecisions(in: snapshot),
            columns: [.init("TYPE", width: 7), .init("STATUS", width: 11), .init("STANCE", width: 14), .init("AGE", width: 5), .init("WHAT")],
            rows: active.map(jobRow) + pending.map { draftRow($0, automatic: automatic) } + rest,
            emptyMessage: "No AI jobs or drafts yet: each pane's AI keys are in its hints (m summarizes feedback in 3); : lists them all.",
            hints: "Enter review · Space mark · a/x bulk · v views",
            counts: "\(active.count + pending.count + rest.count) jobs and drafts · \(pending.count) to review")
    }

    /// Decisions whose review date has come, for the inbox of every stance's work.
    static func dueDecisions(in snapshot: WorkspaceSnapshot) -> [PaneContent.Line] {
        let due = snapshot.decisions.values.filter { ($0.reviewAt ?? .distantFuture) <= Date() }
        guard !due.isEmpty else { return [] }
        return [.init("Decisions due for review: \(due.count) (4, then v: the decision log)", .warning)]
    }

    /// Drafts to review by stance, jobs by status and tokens, jobs to run again, and what
    /// was accepted automatically this week.
    private func summary(jobs: [Job], drafts: [Draft], pending: [Draft], automatic: Set<RecordID<Draft>>) -> [PaneContent.Line] {
        let attention = jobs.filter { $0.observedStatus == .failed || $0.observedStatus == .interrupted }
        let perStance = Stance.allCases.compactMap { stance -> String? in
            let count = pending.filter { $0.stance == stance }.count
            return count == 0 ? nil : "\(stance.title) \(count)"
        }
        let jobCounts = JobStatus.allCases.compactMap { status -> String? in
            let count = jobs.filter { $0.observedStatus == status }.count
            return count == 0 ? nil : "\(status.rawValue) \(count)"
        }
        let tokens = jobs.compactMap(\.usage).reduce((0, 0)) { ($0.0 + $1.inputTokens, $0.1 + $1.outputTokens) }
        var summary: [PaneContent.Line] = [
            .init("Drafts to review: \(pending.count)" + (perStance.isEmpty ? "" : " (" + perStance.joined(separator: ", ") + ")"),
                  pending.isEmpty ? .muted : .accent),
            .init("Jobs: " + (jobCounts.isEmpty ? "none yet" : jobCounts.joined(separator: " · "))
                + (tokens.0 + tokens.1 > 0 ? " · tokens \(tokens.0) in, \(tokens.1) out" : ""), .muted),
        ]
        if !attention.isEmpty {
            summary.append(.init("\(attention.count) job\(attention.count == 1 ? " failed or was" : "s failed or were") interrupted: select one and press r to run it again", .warning))
        }
        let recentAutomatic = drafts.filter { automatic.contains($0.id) && $0.status == .accepted
            && ($0.reviewedAt.map { Date().timeIntervalSince($0) < 7 * 86_400 } ?? false) }
        if !recentAutomatic.isEmpty {
            let byKind = Dictionary(grouping: recentAutomatic, by: \.kind).map { "\($0.key) \($0.value.count)" }.sorted()
            summary.append(.init("Auto-accepted in 7 days: \(recentAutomatic.count) (" + byKind.joined(separator: ", ")
                + ") · Enter on one, then u, undoes it", .success))
        }
        return summary
    }

    private func jobRow(_ job: Job) -> PaneContent.Row {
        let took = job.startedAt.flatMap { start in job.finishedAt.map { Format.duration($0.timeIntervalSince(start)) } } ?? ""
        let tone: PaneContent.Tone = switch job.observedStatus {
        case .failed, .interrupted: .error
        case .running, .queued: .accent
        default: .muted
        }
        return .init(id: job.id.rawValue,
                     cells: ["job", job.observedStatus.rawValue, job.stance.title, Format.age(job.createdAt, now: Date()),
                             job.kind.rawValue + (took.isEmpty ? "" : " · took \(took)") + " · \(Format.clean(job.provider.name))"
                                + (job.usage.map { " · \($0.inputTokens)+\($0.outputTokens) tokens" } ?? "")
                                + (job.rule.map { " · rule \($0.short)" } ?? "") + (job.error.map { " — " + Format.clean($0) } ?? "")],
                     tone: tone)
    }

    private func draftRow(_ draft: Draft, automatic: Set<RecordID<Draft>>) -> PaneContent.Row {
        let status = draft.status == .accepted && automatic.contains(draft.id) ? "auto-accept" : draft.status.rawValue
        return .init(id: draft.id.rawValue, cells: ["draft", status, draft.stance.title, Format.age(draft.createdAt, now: Date()), Format.clean(draft.title)],
                     tone: draft.status == .pending ? .accent : .muted)
    }

    // MARK: Detail

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        if let draft = snapshot.drafts[RecordID(id)] { return Self.draftDetail(draft) }
        if let job = snapshot.jobs[RecordID(id)] { return Self.jobDetail(job) }
        return []
    }

    /// A draft's title, kind, who made it, its text and how much evidence it cites.
    static func draftDetail(_ draft: Draft) -> [PaneContent.Line] {
        [.init(Format.clean(draft.title), .accent),
         .init("\(draft.kind) · \(draft.stance.title) · \(draft.status.rawValue) · made by \(Format.clean(draft.provider.name))", .muted),
         .init(""),
         .init(Format.clean(draft.content, lines: true).replacingOccurrences(of: "**", with: "").split(separator: "\n", omittingEmptySubsequences: false)
             .map { $0.hasPrefix("#") ? String($0.drop { $0 == "#" || $0 == " " }) : String($0) }.joined(separator: "\n")),
         .init(""),
         .init("Evidence: \(draft.evidence.count) record\(draft.evidence.count == 1 ? "" : "s")", .muted)]
    }

    /// A job's kind, status, provider, times, tokens, parameters and outcome.
    static func jobDetail(_ job: Job) -> [PaneContent.Line] {
        var lines: [PaneContent.Line] = [
            .init("\(job.kind) · \(job.stance.title)", .accent),
            .init("Status: \(job.observedStatus.rawValue) · attempt \(max(1, job.attempts)) · \(Format.clean(job.provider.name)) (\(Format.clean(job.provider.model)))"
                + (job.provider.host.map { " at \(Format.clean($0))" } ?? ""), .muted),
            .init("Queued \(Format.time(job.createdAt))" + (job.startedAt.map { " · started \(Format.time($0))" } ?? "")
                + (job.finishedAt.map { " · ended \(Format.time($0))" } ?? ""), .muted)]
        if let started = job.startedAt, let finished = job.finishedAt {
            lines.append(.init("Took \(Format.duration(finished.timeIntervalSince(started)))", .muted))
        }
        if let usage = job.usage { lines.append(.init("Tokens: \(usage.inputTokens) in, \(usage.outputTokens) out", .muted)) }
        for (name, value) in job.parameters.entries.sorted(by: { $0.key < $1.key }) { lines.append(.init("\(name): \(Format.clean(value))")) }
        if !job.inputs.isEmpty { lines.append(.init("Works on \(job.inputs.count) selected record\(job.inputs.count == 1 ? "" : "s")")) }
        if let error = job.error { lines += [.init(""), .init(Format.clean(error), .error)] }
        if let draft = job.draftID { lines += [.init(""), .init("Made draft \(draft.short)", .success)] }
        switch job.observedStatus {
        case .failed, .cancelled, .interrupted: lines.append(.init("r runs it again", .muted))
        case .queued, .running: lines.append(.init("c cancels it", .muted))
        case .done: break
        }
        return lines
    }
}

extension PaneViewID {
    /// The Orchestrator's jobs and drafts (the inbox, where drafts are marked).
    public static let jobs = PaneViewID(rawValue: "jobs")
}
