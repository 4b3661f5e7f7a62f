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

    /// What a reader must know to read the numbers right, one sentence each: that the timeline
    /// holds no feedback (and when the newest came), that many of this period's items are in no
    /// theme yet, that the sprint under way is only partly over.
    public var notes: [String] {
        var notes: [String] = []
        let grid = report.grid
        let total = report.totals.reduce(0, +)
        if total == 0 {
            if let newest = report.newestFeedback {
                let start = newest.addingTimeInterval(-Double(grid.count - 1) * grid.length)
                notes.append("No feedback in these \(grid.count) \(period)s: the newest is from \(Format.day(newest)) "
                    + "(\(Format.count(report.itemsBefore, "item")) before the timeline); podium signals --since \(Format.localDay(start)) shows them.")
            } else {
                notes.append("No feedback yet: import some (podium import feedback FILE, or I in the dashboard).")
            }
            return notes
        }
        // Without accepted themes the items' own tags stand for them: an export's tags may be
        // routing ("plan_solo", "needs_triage"), so the reader is told, and how to get themes.
        if !report.trends.isEmpty, !WorkspaceSignals.usesThemeTags(snapshot) {
            notes.append("No themes are accepted yet, so the items' own tags (as their export or a person gave them) stand for themes: "
                + "cluster the feedback (t in the Customer pane, or podium run cluster-themes) and accept it for themes by topic.")
        }
        let now = report.totals.last ?? 0, unthemed = report.unthemed.last ?? 0
        if !report.trends.isEmpty, unthemed >= 3, Double(unthemed) >= 0.25 * Double(now) {
            notes.append("\(unthemed) of this \(period)'s \(now) items are in no theme yet: cluster the feedback again "
                + "(t in the Customer pane, or podium run cluster-themes) to place them before reading the themes' counts.")
        }
        let exposure = grid.exposure(of: grid.count - 1)
        if exposure < 0.999 {
            let days = Int((exposure * grid.length / 86_400).rounded(.up)), length = Int((grid.length / 86_400).rounded())
            notes.append("The \(period) under way is \(days) of its \(length) days old: its counts are compared with the "
                + "baseline for that part (a third of a sprint's usual count is no fall).")
        }
        return notes
    }

    /// Each theme's timeline in one line: name, sparkline, this period, the previous, the
    /// baseline's mean and the share negative now.
    public func trendLines(width: Int = 22) -> [String] {
        let header = "THEME".padding(toLength: width, withPad: " ", startingAt: 0) + " "
            + "TREND".padding(toLength: report.grid.count, withPad: " ", startingAt: 0) + "  NOW  PREV  BASE  NEG NOW"
        return [header] + (report.trends + [allFeedback]).map { trend in
            Self.shorten(trend.theme, to: width).padding(toLength: width, withPad: " ", startingAt: 0) + " "
                + Format.sparkline(trend.counts) + " " + Self.right("\(trend.current)", 4) + Self.right("\(trend.previous)", 6)
                + Self.right(String(format: "%.1f", trend.baselineMean), 6) + Self.right(trend.negativeShareNow.map(Format.percent) ?? "—", 9)
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
