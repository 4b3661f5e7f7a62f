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

    @OptionGroup var portfolioOptions: PortfolioOptions

    func validate() throws { try portfolioOptions.validate(with: workspaceOptions) }

    func run() throws {
        let start = try since.map { text -> Date in
            guard let date = Format.localDay(parsing: text) else { throw UsageFailure(message: "--since \(text): not a day; write it as YYYY-MM-DD, e.g. 2026-11-01") }
            if date > Date() { Console.warning("--since \(text) is in the future: nothing is counted yet") }
            return date
        }
        let config = UserConfig.load()
        for warning in config.warnings { Console.warning(warning) }
        if portfolioOptions.allWorkspaces { return try runAcrossPortfolio(since: start, config: config) }
        let store = try workspaceOptions.open()
        let metrics = WorkMetrics.compute(store.snapshot, since: start, minutesSaved: config.automation.minutesSaved)
        if json {
            Console.line(try DraftPrinter.json(metrics))
            return
        }
        for line in MetricsReport.lines(metrics) { Console.line(line) }
    }
}

extension Metrics {
    /// One product's metrics, for `--all-workspaces --json`.
    struct ProductMetrics: Encodable {
        var workspace: String
        var metrics: WorkMetrics
    }

    /// The Product Owner's week across every product: per product the time won back and the
    /// stance balance over 30 days, then the totals.
    func runAcrossPortfolio(since: Date?, config: UserConfig) throws {
        let products = try portfolioOptions.members().compactMap { member -> ProductMetrics? in
            member.store.map { ProductMetrics(workspace: member.entry.name, metrics: WorkMetrics.compute($0.snapshot, since: since, minutesSaved: config.automation.minutesSaved)) }
        }
        if json {
            Console.line(try DraftPrinter.json(products))
            return
        }
        let stances = Stance.allCases
        let headers = ["WORKSPACE", "TIME WON BACK"] + stances.map { String($0.title.split(separator: " ")[0]).uppercased() }
        func row(_ name: String, _ minutes: Double, _ balance: [Stance: (Int, Int)]) -> [String] {
            [name, Format.duration(minutes: minutes)] + stances.map { stance in balance[stance].map { "\($0.0)/\($0.1)" } ?? "0/0" }
        }
        var total: [Stance: (Int, Int)] = [:]
        var rows = products.map { product -> [String] in
            var balance: [Stance: (Int, Int)] = [:]
            for entry in product.metrics.stances {
                balance[entry.stance] = (entry.acceptedDrafts30, entry.itemsTouched30)
                let sum = total[entry.stance] ?? (0, 0)
                total[entry.stance] = (sum.0 + entry.acceptedDrafts30, sum.1 + entry.itemsTouched30)
            }
            return row(Format.clean(product.workspace), product.metrics.minutesSaved, balance)
        }
        rows.append(row("all \(products.count)", products.map(\.metrics.minutesSaved).reduce(0, +), total))
        Console.line("Time won back" + (since.map { " since \(Format.localDay($0))" } ?? "") + ", and per stance over the last 30 days: drafts accepted/records touched")
        Console.write(TextTable(headers: headers, rows: rows, flexibleColumn: 0).render(width: Console.width))
        for product in products {
            for hint in product.metrics.hints { Console.line("  ⚠ \(Format.clean(product.workspace)): \(hint)") }
        }
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
