import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumInsight
import PodiumStore

/// The charts Podium draws from a workspace, by name.
public enum ChartKind: String, Sendable, CaseIterable {
    /// Items per theme per period, the largest themes, with releases marked.
    case themes
    /// All feedback's mean sentiment per period, with releases marked.
    case sentiment
    /// NPS per period, from answers on the 0–10 scale.
    case nps
    /// Now, next, later.
    case roadmap
    /// Drafts accepted and records touched per stance over 30 days.
    case stances

    public var summary: String {
        switch self {
        case .themes: "items per theme per period (the six largest), releases marked"
        case .sentiment: "mean sentiment of all feedback per period, releases marked"
        case .nps: "NPS per period from 0–10 answers"
        case .roadmap: "now, next and later with evidence and goal measures"
        case .stances: "drafts accepted and records touched per stance, last 30 days"
        }
    }
}

/// Why a chart cannot be drawn: nothing to draw, said plainly.
public struct ChartUnavailable: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Draws a `ChartKind` from a workspace as SVG.
public struct WorkspaceCharts: Sendable {
    public var snapshot: WorkspaceSnapshot
    public var cadence: SignalCadence
    public var since: Date?
    public var now: Date
    public var theme: ChartTheme

    public init(snapshot: WorkspaceSnapshot, cadence: SignalCadence = .week, since: Date? = nil, now: Date = Date(), theme: ChartTheme = .light) {
        self.snapshot = snapshot
        self.cadence = cadence
        self.since = since
        self.now = now
        self.theme = theme
    }

    /// The chart as an SVG document.
    public func svg(_ kind: ChartKind, report: SignalReport? = nil) throws -> String {
        switch kind {
        case .roadmap: return Roadmap(snapshot).svg(theme: theme)
        case .stances: return stances().svg(theme: theme)
        case .themes, .sentiment, .nps:
            let report = report ?? WorkspaceSignals.report(snapshot, cadence: cadence, since: since, now: now)
            return try timeline(kind, report: report).svg(theme: theme)
        }
    }

    /// A line chart over the signal report's periods.
    func timeline(_ kind: ChartKind, report: SignalReport) throws -> LineChart {
        let grid = report.grid
        let periods = (0..<grid.count).map { grid.label(of: $0, timeZone: TimeZone(identifier: "UTC")!) }
        let span = "\(grid.count) \(report.cadence)s to \(Format.day(grid.end))"
        let markers = report.markers.map { marker in
            LineChart.Marker(position: grid.index(of: marker.date).map { Double($0) + marker.date.timeIntervalSince(grid.start(of: $0)) / grid.length } ?? 0,
                             label: Self.day(marker.date) + " " + marker.label)
        }
        switch kind {
        case .themes:
            guard !report.trends.isEmpty else {
                throw ChartUnavailable(description: "no themes yet: run cluster-themes and accept it (or tag the feedback)")
            }
            return LineChart(title: "Feedback by theme", subtitle: "Items per \(report.cadence), \(span)", periods: periods,
                             series: report.trends.prefix(6).map { .init(name: $0.theme, values: $0.counts.map(Double.init)) },
                             markers: markers)
        case .sentiment:
            guard report.meanSentiment.contains(where: { $0 != nil }) else {
                throw ChartUnavailable(description: "too little feedback in the timeline to say (3 items a period at least)")
            }
            return LineChart(title: "Customer sentiment", subtitle: "Mean sentiment (−1 to 1) per \(report.cadence), \(span)", periods: periods,
                             series: [.init(name: "all feedback", values: report.meanSentiment)], markers: markers, range: -1...1)
        default:
            guard report.nps.contains(where: { $0 != nil }) else {
                throw ChartUnavailable(description: "no NPS answers in the timeline (ratings on the 0–10 nps scale, 5 a period at least)")
            }
            return LineChart(title: "Net Promoter Score", subtitle: "NPS per \(report.cadence) (promoters − detractors), \(span)",
                             periods: periods, series: [.init(name: "NPS", values: report.nps)], markers: markers, range: -100...100)
        }
    }

    /// "Nov 26".
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM d"
        return formatter.string(from: date)
    }

    /// The stance balance as bars.
    func stances() -> BarChart {
        let metrics = WorkMetrics.compute(snapshot, now: now)
        return BarChart(title: "Stance balance", subtitle: "The last 30 days to \(Format.day(now))",
                        measures: ["drafts accepted", "records created or changed"],
                        bars: metrics.stances.map { .init(label: $0.stance.title, values: [Double($0.acceptedDrafts30), Double($0.itemsTouched30)], note: $0.hint) })
    }
}
