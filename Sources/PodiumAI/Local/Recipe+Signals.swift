import Foundation
import PodiumCore
import PodiumInsight

/// The Experimenter's note on what changed in the feedback.
extension Recipe {
    static let signalRecipes: [JobRecipe] = [
        JobRecipe(.whatChanged,
                  objective: "Tell the Product Owner what changed in the feedback this period: the signals with their numbers, what customers say, and the releases they may follow. Report only the signals in the data; never call a change a signal that the data does not.",
                  format: "Markdown with \"## Signals\" (one bullet per signal with its numbers and quotes citing the items), \"## Steady\" and \"## Releases on the timeline\".") { try $0.whatChanged() },
    ]

    // MARK: what-changed

    /// What changed this week (or sprint, when the job's `period` parameter says so and the
    /// product has a sprint cadence): each signal of `WorkspaceSignals` with its numbers, its
    /// test and the items that show it, the themes that held steady, and the releases on the
    /// timeline. With no signal it says so plainly rather than dressing noise up as news.
    mutating func whatChanged() throws -> DraftOutput {
        let cadence = request.parameters.unknown["period"].flatMap { WorkspaceSignals.cadence(named: $0, in: snapshot) } ?? .week
        context.progress("Comparing this \(cadence.name)'s feedback with the ones before")
        try context.checkCancellation()
        let report = WorkspaceSignals.report(snapshot, cadence: cadence, now: now)
        let digest = SignalDigest(report: report, snapshot: snapshot)
        guard report.totals.reduce(0, +) > 0 else { throw JobError.nothingToWorkOn(digest.notes.first ?? "No feedback yet.") }
        let period = digest.period
        var lines = ["# What changed in the feedback this \(period)", "",
                     "\(report.totals.last ?? 0) items this \(period), over \(digest.span). \(digest.headline)"]
        for note in digest.notes { lines += ["", "**Note:** " + note] }
        lines += ["", "## Signals", ""]
        var evidence: [Evidence] = []
        if report.signals.isEmpty {
            lines.append("- None: no theme's count or share of complaints moved beyond what chance explains.")
        }
        for signal in report.signals {
            lines.append("- **\(signal.kind.rawValue): \(signal.theme)** — " + signal.line(period: period)
                .dropFirst("\(signal.kind.rawValue): \(signal.theme) ".count))
            lines += digest.quotes(of: signal, limit: 140).map { "  - " + $0 }
            evidence += signal.evidence.map { Evidence(ArtifactReference(.feedback, RecordID<FeedbackItem>($0)),
                                                       detail: "\(signal.kind.rawValue): \(signal.theme)", group: signal.theme) }
        }
        let signalled = Set(report.signals.map(\.theme))
        let steady = report.trends.filter { !signalled.contains($0.theme) }.prefix(8)
        lines += ["", "## Steady", ""]
        // Each steady theme cites its newest item this period: what "steady" sounds like.
        let currentStart = report.grid.start(of: report.grid.count - 1)
        let newest = WorkspaceSignals.newestItems(in: snapshot, since: currentStart, themes: Set(steady.map(\.theme)))
        lines += steady.isEmpty ? ["- No other theme."] : steady.map { trend in
            var line = "- \(trend.theme): \(trend.current) this \(period) (baseline \(String(format: "%.1f", trend.baselineMean))) \(Format.sparkline(trend.counts))"
            if let item = newest[trend.theme] {
                line += " — newest: “\(Recipe.shorten(Recipe.clean(item.text), to: 100))” \(Recipe.cite(item.id))"
                evidence.append(Evidence(ArtifactReference(.feedback, item.id), detail: "newest in \(trend.theme)", group: trend.theme))
            }
            return line
        }
        let recent = report.markers.filter { (report.grid.index(of: $0.date) ?? 0) >= report.grid.count - 2 }
        lines += ["", "## Releases on the timeline", ""]
        lines += recent.isEmpty ? ["- None in the last two \(period)s."] : recent.map { "- \(Format.day($0.date)): \($0.label)" }
        lines += ["", "How these were found: " + report.method + "."]
        let kinds = Dictionary(grouping: report.signals, by: \.kind)
        return DraftOutput(
            title: report.signals.isEmpty ? "What changed this \(period): no signal" : "What changed this \(period): \(Format.count(report.signals.count, "signal"))",
            content: lines.joined(separator: "\n"), evidence: evidence,
            figures: [Figure(name: "items this \(period)", value: Double(report.totals.last ?? 0)),
                      Figure(name: "signals", value: Double(report.signals.count))]
                + SignalKind.allCases.compactMap { kind in kinds[kind].map { Figure(name: kind.rawValue, value: Double($0.count)) } })
    }
}
