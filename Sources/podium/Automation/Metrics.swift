import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium metrics`: the stance balance, time won back and review rates, as the
/// Orchestrator pane shows them.
struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the stance balance, the time AI won back per week, and accept/edit/reject rates per job kind.",
        discussion: "Minutes saved per accepted draft come from [minutes_saved] in config.toml (estimates by default; docs/AUTOMATION.md).")

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: ArgumentHelp("Count time won back and review rates from this day (YYYY-MM-DD, your time zone); the stance balance always covers the last 7 and 30 days.", valueName: "date"))
    var since: String?

    func run() throws {
        let start = try since.map { text -> Date in
            guard let date = Format.localDay(parsing: text) else { throw UsageFailure(message: "--since \(text): not a day; write it as YYYY-MM-DD, e.g. 2026-11-01") }
            if date > Date() { Console.warning("--since \(text) is in the future: nothing is counted yet") }
            return date
        }
        let store = try workspaceOptions.open()
        let config = UserConfig.load()
        for warning in config.warnings { Console.warning(warning) }
        let metrics = WorkMetrics.compute(store.snapshot, since: start, minutesSaved: config.automation.minutesSaved)
        if json {
            Console.line(try DraftPrinter.json(metrics))
            return
        }
        for line in MetricsReport.lines(metrics) { Console.line(line) }
    }
}

/// The metrics as text, for the terminal.
enum MetricsReport {
    static func lines(_ metrics: WorkMetrics) -> [String] {
        var lines = ["Stance balance over the last 7 and 30 days (accepted drafts + items touched; 5 weeks, oldest first)"]
        for balance in metrics.stances {
            lines.append("  " + balance.stance.title.padding(toLength: 24, withPad: " ", startingAt: 0)
                + WorkMetrics.sparkline(balance.weekly) + "  7d: \(Format.count(balance.acceptedDrafts7, "draft")), \(Format.count(balance.itemsTouched7, "item"))"
                + " · 30d: \(Format.count(balance.acceptedDrafts30, "draft")), \(Format.count(balance.itemsTouched30, "item"))"
                + (balance.hint.map { "  ⚠ \($0)" } ?? ""))
        }
        lines.append("  Decisions: \(metrics.decisions7) in 7 days, \(metrics.decisions30) in 30 · experiments changed: \(metrics.experiments7) in 7 days, \(metrics.experiments30) in 30")
        lines.append("")
        lines.append("Time won back: \(Format.duration(minutes: metrics.minutesSaved))"
            + (metrics.since.map { " since \(Format.localDay($0))" } ?? " in all"))
        let shownWeeks = metrics.weeks.suffix(12)
        if metrics.weeks.count > shownWeeks.count {
            let earlier = metrics.weeks.dropLast(shownWeeks.count)
            lines.append("  \(earlier.count) earlier weeks: \(Format.duration(minutes: earlier.map(\.minutes).reduce(0, +))) (--json lists each)")
        }
        for week in shownWeeks {
            lines.append("  week of \(Format.localDay(week.weekStart))  \(Format.duration(minutes: week.minutes).padding(toLength: 12, withPad: " ", startingAt: 0))"
                + " \(week.acceptedDrafts) draft\(week.acceptedDrafts == 1 ? "" : "s") accepted")
        }
        lines.append("")
        lines.append("Review per job kind (rates over the drafts you judged: auto-accepted ones count when you undid them)")
        let rows = metrics.kinds.filter { $0.accepted + $0.decided + $0.pending > 0 }.map { rates -> [String] in
            [rates.kind.rawValue, "\(rates.accepted)", "\(rates.autoAccepted)", "\(rates.undone)", "\(rates.edited)", "\(rates.rejected)", "\(rates.pending)",
             Format.percent(rates.acceptRate), Format.percent(rates.editRate), Format.percent(rates.rejectRate), Format.duration(minutes: rates.minutesSaved)]
        }
        if rows.isEmpty {
            lines.append("  No drafts reviewed yet.")
        } else {
            lines += TextTable(headers: ["KIND", "ACCEPTED", "AUTO", "UNDONE", "EDITED", "REJECTED", "PENDING", "ACCEPT", "EDIT", "REJECT", "SAVED"],
                               rows: rows, flexibleColumn: 0).render(width: Console.width).split(separator: "\n").map { "  " + $0 }
        }
        let hints = metrics.hints
        if !hints.isEmpty {
            lines.append("")
            lines.append("Needs attention")
            lines += hints.map { "  ⚠ " + $0 }
        }
        return lines
    }
}
