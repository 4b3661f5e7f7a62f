import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore

/// The feedback's signals: each theme's weeks as a sparkline, what it did this week against
/// the weeks before, and the changes that pass the tests, with the releases on the timeline.
struct SignalsView: PaneView {
    var name: String { "signals" }
    var id: PaneViewID { .signals }

    /// The row id of the line for all feedback (a theme's row id is its name).
    static let allFeedbackRow = "signals:all"

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let report = SignalReportMemo.shared.report(snapshot)
        let digest = SignalDigest(report: report, snapshot: snapshot)
        let byTheme = Dictionary(report.signals.map { ($0.theme, $0) }, uniquingKeysWith: { first, _ in first })
        var summary: [PaneContent.Line] = [.init(digest.headline, report.signals.isEmpty ? .muted : .accent)]
        summary += digest.notes.map { .init($0, .warning) }
        for signal in report.signals.prefix(4) {
            summary.append(.init("  " + signal.line(period: digest.period), signal.kind == .improving ? .success : .warning))
        }
        if report.signals.count > 4 { summary.append(.init("  and \(report.signals.count - 4) more: Enter on a theme reads its numbers", .muted)) }
        if let marker = report.markers.last {
            summary.append(.init("Latest release on the timeline: \(Format.day(marker.date)) \(marker.label)", .muted))
        }
        let rows = (report.trends + [digest.allFeedback]).map { trend -> PaneContent.Row in
            let signal = byTheme[trend.theme]
            let isAll = trend.theme == "all feedback"
            return PaneContent.Row(
                id: isAll ? Self.allFeedbackRow : trend.theme,
                cells: [trend.theme, Format.sparkline(trend.counts), "\(trend.current)", "\(trend.previous)",
                        String(format: "%.1f", trend.baselineMean), Format.percent(trend.negativeShareNow), signal?.kind.rawValue ?? ""],
                tone: signal.map { $0.kind == .improving ? .success : .warning } ?? (isAll ? .muted : .normal),
                sortKeys: [nil, nil, Double(trend.current), Double(trend.previous), trend.baselineMean, trend.negativeShareNow, signal?.pValue])
        }
        return PaneContent(
            title: "Experimenter — signals (\(report.grid.count) \(digest.period)s to \(Format.day(report.grid.end)))",
            summary: summary,
            columns: [.init("THEME", width: 22), .init("TREND", width: report.grid.count), .init("NOW", width: 5, alignRight: true),
                      .init("PREV", width: 5, alignRight: true), .init("BASE", width: 6, alignRight: true),
                      .init("NEG", width: 5, alignRight: true), .init("SIGNAL", width: 9)],
            rows: report.trends.isEmpty ? [] : rows,
            emptyMessage: report.totals.reduce(0, +) == 0 ? "No feedback in these weeks (see the note above)."
                : "No themes over time yet: cluster the feedback into themes (t in the Customer pane) and accept the draft.",
            hints: "Enter reads a theme's weeks · W drafts what changed · podium signals, podium chart themes",
            counts: "\(Format.count(report.trends.count, "theme")) · \(Format.count(report.signals.count, "signal"))")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        let report = SignalReportMemo.shared.report(snapshot)
        let digest = SignalDigest(report: report, snapshot: snapshot)
        let theme = id == Self.allFeedbackRow ? "all feedback" : id
        guard let trend = theme == "all feedback" ? digest.allFeedback : report.trends.first(where: { $0.theme == theme }) else { return [] }
        var lines: [PaneContent.Line] = [.init(theme, .accent)]
        if let signal = report.signals.first(where: { $0.theme == theme }) {
            lines.append(.init(signal.line(period: digest.period), signal.kind == .improving ? .success : .warning))
            lines += digest.quotes(of: signal).map { .init("  " + $0) }
        } else {
            lines.append(.init("No signal: nothing moved beyond chance this \(digest.period).", .muted))
        }
        lines += [.init(""), .init("\(digest.period.capitalized) by \(digest.period), oldest first: items · negative · mean sentiment", .muted)]
        for index in trend.counts.indices {
            let mean = trend.meanSentiment[index].map { String(format: "%+.2f", $0) } ?? "—"
            let releases = report.markers.filter { report.grid.index(of: $0.date) == index }.map(\.label)
            lines.append(.init("  \(report.grid.label(of: index).padding(toLength: 7, withPad: " ", startingAt: 0))"
                + "\(SignalDigest.right("\(trend.counts[index])", 5)) \(SignalDigest.right("\(trend.negative[index])", 5))  \(mean)"
                + (releases.isEmpty ? "" : "  ◆ " + releases.joined(separator: ", "))))
        }
        lines += [.init(""), .init("How: " + report.method, .muted)]
        return lines
    }
}

/// The last signal report the view made, so that moving through its rows does not go over
/// every feedback item again (100,000 items without a stored sentiment take seconds).
/// It is made anew when the workspace's feedback (by its ids), annotations, backlog or
/// communications change in number, and at least every minute (the timeline moves with the
/// clock, and an edit that changes no count shows within it).
final class SignalReportMemo: @unchecked Sendable {
    static let shared = SignalReportMemo()

    private struct Key: Equatable {
        var feedback, annotations, backlog, communications: Int
        /// The feedback ids, hashed in any order: another workspace of the same size differs.
        var ids: Int
        var minute: Int
    }

    private let lock = NSLock()
    private var key: Key?
    private var cached: SignalReport?

    func report(_ snapshot: WorkspaceSnapshot, now: Date = Date()) -> SignalReport {
        let key = Key(feedback: snapshot.feedback.count, annotations: snapshot.annotations.count, backlog: snapshot.backlog.count,
                      communications: snapshot.communications.count,
                      ids: snapshot.feedback.ids.reduce(0) { $0 &+ $1.hashValue }, minute: Int(now.timeIntervalSince1970 / 60))
        if let cached = lock.withLock({ self.key == key ? cached : nil }) { return cached }
        let report = WorkspaceSignals.report(snapshot, now: now)
        lock.withLock {
            self.key = key
            cached = report
        }
        return report
    }
}

extension PaneViewID {
    /// The Experimenter's signals over time.
    public static let signals = PaneViewID(rawValue: "signals")
}
