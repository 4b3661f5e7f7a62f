import ArgumentParser
import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight

/// `podium signals`: what changed in the feedback this week (or sprint), theme by theme.
struct Signals: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show rising, emerging and fading themes and sentiment shifts, with their numbers and quotes.",
        discussion: "Each theme's items this period are compared with the 8 periods before it (exact test of two Poisson "
            + "rates; negative share by a two-proportion z-test; p < 0.05 ÷ the number of tests). Themes are the accepted "
            + "theme tags (cluster-themes), else the feedback's own tags. Backlog items done and release notes sent are "
            + "marked on the timeline. docs/SIGNALS.md explains the numbers.")

    /// The length of a period.
    enum Period: String, ExpressibleByArgument, CaseIterable {
        case week, sprint
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @Option(help: ArgumentHelp("Start the timeline on this day (YYYY-MM-DD, your time zone); default: 12 periods back.",
                               discussion: "The baseline is the (up to) 8 periods before this one within the timeline, so a late start makes it shorter; at most 104 periods.",
                               valueName: "date"))
    var since: String?
    @Option(help: "The length of a period: week (the last 7 days, and the weeks before) or sprint (the product's sprints).")
    var period: Period = .week
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let since, Format.localDay(parsing: since) == nil {
            throw ValidationError("--since \(since): not a day; write it as YYYY-MM-DD, e.g. 2026-09-01")
        }
    }

    func run() throws {
        let now = Date()
        let start = since.flatMap(Format.localDay(parsing:))
        if let start, start > now { throw UsageFailure(message: "--since \(since ?? ""): that day has not come yet") }
        let store = try workspaceOptions.open()
        let snapshot = store.snapshot
        guard let cadence = WorkspaceSignals.cadence(named: period.rawValue, in: snapshot) else {
            throw UsageFailure(message: "--period sprint: the product has no sprint cadence yet; set it with "
                + "podium automate sprint --start YYYY-MM-DD --length 14, or use --period week")
        }
        let report = WorkspaceSignals.report(snapshot, cadence: cadence, since: start, now: now)
        if json {
            Console.line(try DraftPrinter.json(report))
            return
        }
        let digest = SignalDigest(report: report, snapshot: snapshot)
        Console.line("Signals over \(digest.span)")
        Console.line(digest.headline)
        for note in digest.notes { Console.line("Note: " + note) }
        if let start, report.grid.start > start.addingTimeInterval(report.grid.length) {
            Console.warning("--since \(since ?? ""): a timeline holds at most 104 \(digest.period)s; it starts on \(Format.day(report.grid.start))")
        }
        for signal in report.signals {
            Console.line("  " + signal.line(period: digest.period))
            for quote in digest.quotes(of: signal) { Console.line("      " + quote) }
        }
        Console.line("")
        if report.trends.isEmpty && report.totals.reduce(0, +) > 0 {
            Console.line("No themes yet: run cluster-themes (t in the Customer pane, or podium run cluster-themes) and accept it.")
        }
        for line in digest.trendLines() { Console.line("  " + line) }
        if report.unthemed.reduce(0, +) > 0 {
            Console.line("  (\(Format.count(report.unthemed.reduce(0, +), "item")) in no theme; \(report.unthemed.last ?? 0) this \(digest.period))")
        }
        if !digest.markerLines.isEmpty {
            Console.line("")
            Console.line("Releases on the timeline")
            for line in digest.markerLines { Console.line("  " + line) }
        }
        Console.line("")
        Console.line("How: " + report.method)
    }
}
