import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// Time won back by accepted drafts, review rates, and the balance of the seven stances
/// over the last weeks (one row per stance).
struct MetricsView: PaneView {
    /// The prefix of the rows' ids (one row per stance).
    static let stanceRowPrefix = "stance:"

    var name: String { "metrics" }
    var id: PaneViewID { .metrics }
    var showsSettings: Bool { true }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let metrics = WorkMetrics.compute(snapshot, minutesSaved: settings.minutesSaved)
        let thisWeek = metrics.weeks.last?.minutes ?? 0
        let fourWeeks = metrics.weeks.map(\.minutes).reduce(0, +)
        let automatic = metrics.kinds.map(\.autoAccepted).reduce(0, +)
        let accepted = metrics.kinds.map(\.accepted).reduce(0, +)
        let judged = metrics.kinds.map(\.decided).reduce(0, +)
        let acceptedByYou = metrics.kinds.map(\.acceptedByPerson).reduce(0, +)
        var summary: [PaneContent.Line] = [
            .init("Time won back: \(Format.duration(minutes: thisWeek)) this week · \(Format.duration(minutes: fourWeeks)) in 4 weeks "
                + "(\(metrics.weeks.map { Format.duration(minutes: $0.minutes) }.joined(separator: " · "))) · \(Format.duration(minutes: metrics.minutesSaved)) in all", .success),
            .init("Drafts accepted: \(accepted) (\(automatic) by automation)"
                + (judged > 0 ? " · you accepted \(Format.percent(Double(acceptedByYou) / Double(judged))) of the \(judged) you judged" : "")
                + " · decisions \(metrics.decisions7) in 7 days, \(metrics.decisions30) in 30 · experiments changed \(metrics.experiments7) in 7 days, \(metrics.experiments30) in 30", .muted),
        ]
        let hints = metrics.hints
        summary += hints.prefix(3).map { .init("⚠ " + Format.clean($0), .warning) }
        if hints.count > 3 { summary.append(.init("… and \(hints.count - 3) more: podium metrics lists them", .warning)) }
        let rows = metrics.stances.map { balance -> PaneContent.Row in
            .init(id: Self.stanceRowPrefix + balance.stance.rawValue,
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

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard id.hasPrefix(Self.stanceRowPrefix), let stance = Stance(rawValue: String(id.dropFirst(Self.stanceRowPrefix.count))) else { return [] }
        return stanceDetail(stance, in: snapshot, settings: settings)
    }

    private func stanceDetail(_ stance: Stance, in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> [PaneContent.Line] {
        let metrics = WorkMetrics.compute(snapshot, minutesSaved: settings.minutesSaved)
        guard let balance = metrics.stances.first(where: { $0.stance == stance }) else { return [] }
        var lines: [PaneContent.Line] = [
            .init(stance.title, .accent), .init(stance.purpose, .muted),
            .init("Last 7 days: \(Format.count(balance.acceptedDrafts7, "draft")) accepted, \(Format.count(balance.itemsTouched7, "item")) touched"),
            .init("Last 30 days: \(Format.count(balance.acceptedDrafts30, "draft")) accepted, \(Format.count(balance.itemsTouched30, "item")) touched"),
            .init("Per week, oldest first: " + balance.weekly.map(String.init).joined(separator: ", ") + "  " + WorkMetrics.sparkline(balance.weekly)),
            .init("Last activity: " + (balance.lastActivity.map(Format.time) ?? "none")),
        ]
        if let hint = balance.hint { lines.append(.init("⚠ " + hint, .warning)) }
        let kinds = metrics.kinds.filter { $0.kind.info?.stance == stance }
        if !kinds.isEmpty {
            lines += [.init(""), .init("Review of its jobs' drafts", .muted)]
            for rates in kinds {
                let rate = rates.acceptRate.map { "\(Format.percent($0)) of your decisions accepted" } ?? "none judged by you yet"
                lines.append(.init("\(rates.kind): \(rates.accepted) accepted (\(rates.autoAccepted) automatically, \(rates.undone) of those undone), "
                    + "\(rates.edited) edited, \(rates.rejected) rejected, \(rates.pending) pending · \(rate) · saved \(Format.duration(minutes: rates.minutesSaved))",
                    rates.needsWork ? .warning : .normal))
                if rates.needsWork { lines.append(.init("  Under half accepted: the prompt or the engine needs work for this kind.", .warning)) }
            }
        }
        lines += [.init(""), .init("Minutes saved per accepted draft: [minutes_saved] in config.toml.", .muted)]
        return lines
    }
}

extension PaneViewID {
    /// The Orchestrator's metrics.
    public static let metrics = PaneViewID(rawValue: "metrics")
}
