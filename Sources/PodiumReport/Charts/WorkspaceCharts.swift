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
    /// The share of complaints per period, all feedback and the largest themes, releases marked.
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
        case .sentiment: "the share of complaints per period, all feedback and the three largest themes, releases marked"
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
                throw unavailable(report, "no themes yet: run cluster-themes and accept it (or tag the feedback)")
            }
            return LineChart(title: "Feedback by theme", subtitle: "Items per \(report.cadence), \(span)", periods: periods,
                             series: report.trends.prefix(6).map { .init(name: $0.theme, values: $0.counts.map(Double.init)) },
                             markers: markers)
        case .sentiment:
            guard report.totals.contains(where: { $0 >= 3 }) else { throw unavailable(report, "too little feedback in the timeline (3 items a period at least)") }
            func share(_ negative: [Int], _ counts: [Int]) -> [Double?] {
                zip(negative, counts).map { $1 < 3 ? nil : (Double($0) / Double($1) * 1_000).rounded() / 10 }
            }
            let themes = report.trends.prefix(3).map { LineChart.Series(name: $0.theme, values: share($0.negative, $0.counts)) }
            return LineChart(title: "Complaints' share of the feedback", subtitle: "Share of items that are complaints, per \(report.cadence), \(span)",
                             periods: periods, series: [.init(name: "all feedback", values: share(report.negativeTotals, report.totals))] + themes,
                             markers: markers, range: 0...100, unit: "%")
        default:
            guard report.nps.contains(where: { $0 != nil }) else {
                throw unavailable(report, "no NPS answers in the timeline (ratings on the 0–10 nps scale, 5 a period at least)")
            }
            return LineChart(title: "Net Promoter Score", subtitle: "NPS per \(report.cadence) (promoters − detractors), \(span)",
                             periods: periods, series: [.init(name: "NPS", values: report.nps)], markers: markers, range: -100...100)
        }
    }

    /// Why a timeline chart cannot be drawn: the timeline's lack of feedback first (with when
    /// the newest came), else `reason`.
    func unavailable(_ report: SignalReport, _ reason: String) -> ChartUnavailable {
        guard report.totals.reduce(0, +) == 0, let note = SignalDigest(report: report, snapshot: snapshot).notes.first else {
            return ChartUnavailable(description: reason)
        }
        return ChartUnavailable(description: note)
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
