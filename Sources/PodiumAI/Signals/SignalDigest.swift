import Foundation
import PodiumCore
import PodiumInsight
import PodiumStore

/// A signal report in words: the lines `podium signals` prints and the "what changed" draft
/// is made of, with each signal's items quoted and cited.
public struct SignalDigest: Sendable {
    public var report: SignalReport
    public var snapshot: WorkspaceSnapshot

    public init(report: SignalReport, snapshot: WorkspaceSnapshot) {
        self.report = report
        self.snapshot = snapshot
    }

    /// "week" or "sprint".
    public var period: String { report.cadence }

    /// The signal's items, quoted on one line each with their citation: `“…” [#1a2b3c4d]`.
    public func quotes(of signal: Signal, limit: Int = 110) -> [String] {
        signal.evidence.compactMap { id in
            snapshot.feedback[RecordID(id)].map { "“\(Self.shorten(Format.clean($0.text), to: limit))” [#\($0.id.short)]" }
        }
    }

    /// "12 weeks from 2026-09-14 to 2026-12-07".
    public var span: String {
        "\(report.grid.count) \(period)s from \(Format.day(report.grid.start)) to \(Format.day(report.grid.end))"
    }

    /// The headline: how many signals, or plainly none.
    public var headline: String {
        report.signals.isEmpty
            ? "No signal this \(period): no theme and no sentiment moved beyond chance."
            : "\(Format.count(report.signals.count, "signal")) this \(period)."
    }

    /// Each theme's timeline in one line: name, sparkline, this period, the previous, the
    /// baseline's mean and the share negative now.
    public func trendLines(width: Int = 22) -> [String] {
        let header = "THEME".padding(toLength: width, withPad: " ", startingAt: 0) + " "
            + "TREND".padding(toLength: report.grid.count, withPad: " ", startingAt: 0) + "  NOW  PREV  BASE  NEG NOW"
        return [header] + (report.trends + [allFeedback]).map { trend in
            let last = trend.counts.count - 1
            let base = trend.counts[max(0, last - 8)..<last]
            let mean = base.isEmpty ? 0 : Double(base.reduce(0, +)) / Double(base.count)
            let negative = trend.counts[last] == 0 ? "—" : Format.percent(Double(trend.negative[last]) / Double(trend.counts[last]))
            return Self.shorten(trend.theme, to: width).padding(toLength: width, withPad: " ", startingAt: 0) + " "
                + Format.sparkline(trend.counts) + " " + Self.right("\(trend.counts[last])", 4) + Self.right("\(trend.counts[max(0, last - 1)])", 6)
                + Self.right(String(format: "%.1f", mean), 6) + Self.right(negative, 9)
        }
    }

    /// Every item as one trend, for the last line of the table.
    public var allFeedback: ThemeTrend {
        ThemeTrend(theme: "all feedback", counts: report.totals, negative: report.negativeTotals, meanSentiment: report.meanSentiment)
    }

    /// The releases on the timeline, one line each: "2026-12-02  LED-101 “Bank feeds” done".
    public var markerLines: [String] {
        report.markers.map { "\(Format.day($0.date))  \($0.label)" }
    }

    public static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
