import Foundation
import PodiumCore

/// One dated piece of feedback as the signals see it: when it came, the themes it is in and
/// how it feels.
public struct SignalItem: Sendable, Hashable {
    public var id: String
    public var date: Date
    /// The themes it belongs to (top-level theme names, e.g. "offline sync").
    public var themes: [String]
    /// From -1 to 1.
    public var sentiment: Double
    /// 0…10 when the feedback is an NPS answer.
    public var npsScore: Double?

    public init(id: String, date: Date, themes: [String], sentiment: Double, npsScore: Double? = nil) {
        self.id = id
        self.date = date
        self.themes = themes
        self.sentiment = sentiment
        self.npsScore = npsScore
    }
}

/// Something shipped or told, drawn on the timeline so a change can be read against it.
public struct ReleaseMarker: Sendable, Hashable, Codable {
    public var date: Date
    /// "“Offline sync v2” done" or "Release notes sent".
    public var label: String

    public init(date: Date, label: String) {
        self.date = date
        self.label = label
    }
}

/// What a theme did, in one word.
public enum SignalKind: String, Sendable, Codable, CaseIterable {
    /// More items than the baseline, beyond chance.
    case rising
    /// Items this period, none in the baseline.
    case emerging
    /// Fewer items than the baseline, beyond chance.
    case fading
    /// A larger share of its items negative than in the baseline.
    case souring
    /// A smaller share of its items negative than in the baseline.
    case improving
}

/// A change worth a Product Owner's attention, with its numbers and the items to read.
public struct Signal: Sendable, Hashable, Codable {
    public var kind: SignalKind
    /// The theme's name ("offline sync"), or "all feedback".
    public var theme: String
    /// Items in the current period, the one before, and per period over the baseline.
    public var current: Int
    public var previous: Int
    public var baselineMean: Double
    /// Negative items' share now and over the baseline.
    public var negativeShareNow: Double
    public var negativeShareBefore: Double
    /// The test's p-value, and the threshold it had to pass.
    public var pValue: Double
    public var threshold: Double
    /// Up to three items that show it (ids), the most telling first.
    public var evidence: [String]
    /// Releases in the current or the previous period: what the change may follow.
    public var after: [ReleaseMarker]

    /// One line with its numbers: "rising: offline sync 19 this week (previous 6, baseline 5.3 a week), p=0.0001".
    public func line(period: String) -> String {
        let numbers: String
        switch kind {
        case .rising, .emerging, .fading:
            numbers = "\(current) this \(period) (previous \(previous), baseline \(Self.decimal(baselineMean)) a \(period))"
        case .souring, .improving:
            numbers = "\(Self.percent(negativeShareNow)) negative this \(period) (baseline \(Self.percent(negativeShareBefore))), \(current) items"
        }
        let release = after.first.map { ", after \($0.label)" } ?? ""
        return "\(kind.rawValue): \(theme) \(numbers)\(release), p\(Self.pValue(pValue))"
    }

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
    /// "<0.0001" or "=0.0123".
    static func pValue(_ value: Double) -> String { value < 0.0001 ? "<0.0001" : String(format: "=%.4f", value) }
}

/// A theme's counts and sentiment per period.
public struct ThemeTrend: Sendable, Hashable, Codable {
    public var theme: String
    public var counts: [Int]
    public var negative: [Int]
    /// The mean sentiment per period (nil where it had no item).
    public var meanSentiment: [Double?]
    public var total: Int { counts.reduce(0, +) }
    /// Items in the current period and the one before.
    public var current: Int { counts.last ?? 0 }
    public var previous: Int { counts.count >= 2 ? counts[counts.count - 2] : 0 }
    /// Items per period over the baseline: the (up to) `SignalAnalysis.baselineLength` periods before the current one.
    public var baselineMean: Double {
        let last = counts.count - 1
        let baseline = counts[max(0, last - SignalAnalysis.baselineLength)..<max(0, last)]
        return baseline.isEmpty ? 0 : Double(baseline.reduce(0, +)) / Double(baseline.count)
    }
    /// The share of the current period's items that are complaints (nil: none this period).
    public var negativeShareNow: Double? {
        current == 0 ? nil : Double(negative.last ?? 0) / Double(current)
    }

    public init(theme: String, counts: [Int], negative: [Int], meanSentiment: [Double?]) {
        self.theme = theme
        self.counts = counts
        self.negative = negative
        self.meanSentiment = meanSentiment
    }
}

/// Everything the signals of a workspace show: the periods, each theme's trend, the changes
/// that pass the tests, and the releases on the timeline.
public struct SignalReport: Sendable, Hashable, Codable {
    public var grid: PeriodGrid
    public var cadence: String
    /// Every item per period, and the items in no theme.
    public var totals: [Int]
    public var negativeTotals: [Int]
    public var unthemed: [Int]
    /// All feedback's mean sentiment and NPS per period (nil where too few to say).
    public var meanSentiment: [Double?]
    public var nps: [Double?]
    /// Themes, the most items in the current and previous periods first.
    public var trends: [ThemeTrend]
    /// Signals, the strongest (smallest p) first.
    public var signals: [Signal]
    public var markers: [ReleaseMarker]
    /// The newest feedback item's date (in the timeline or before it), and how many items are
    /// older than the timeline: so a workspace of last spring's export can say so.
    public var newestFeedback: Date?
    public var itemsBefore: Int
    /// The tests and thresholds, in words, for anyone checking the numbers.
    public var method: String
}

/// Finds rising, emerging and fading themes and sentiment shifts in dated feedback.
///
/// A theme's count this period is compared with its baseline, the (up to) eight periods
/// before it, by the exact conditional test of two Poisson rates (`SignificanceTest`); its
/// share of negative items by a two-proportion z-test. A change is a signal when its p-value
/// is below 0.05 divided by the number of tests (two per theme, for its count and its
/// sentiment, and one for all feedback's sentiment: Bonferroni, so a dozen themes do not make
/// two dozen chances of a false alarm) and it is large enough to matter: at least 5 items
/// and half again the baseline's rate for a rise, at least 3 items where there were none for
/// an emerging theme, at most half the rate of a baseline of 5 or more a period for a fade,
/// and a share of negative items 20 points apart over at least 5 items now and 10 before.
public struct SignalAnalysis: Sendable {
    /// How many periods before the current one make its baseline, at most.
    public static let baselineLength = 8
    public var baselinePeriods = SignalAnalysis.baselineLength
    public var alpha = 0.05
    public var minimumRise = 5
    public var minimumEmerging = 3
    public var minimumFadingBaseline = 5.0
    public var minimumShift = 0.2
    /// Sentiment below this is a negative item.
    public var negativeBelow = -0.15

    public init() {}

    public static let method = "counts: exact conditional test of two Poisson rates (this period against the 8 before it); "
        + "negative share: two-proportion z-test; a signal needs p < 0.05 ÷ the number of tests (two per theme and one for all feedback: Bonferroni) "
        + "and a change that matters (a rise of ≥ 5 items and ≥ 1.5× the baseline rate; ≥ 3 items of a theme new this period; "
        + "a fall to ≤ half of a baseline of ≥ 5 a period; negative share 20 points apart over ≥ 5 items now and ≥ 10 before); when all feedback falls, that is the one fading signal"

    /// The report over `grid` for `items`, with `markers` on the timeline.
    public func report(items: [SignalItem], grid: PeriodGrid, cadence: SignalCadence, markers: [ReleaseMarker]) -> SignalReport {
        let periods = grid.count
        var totals = Array(repeating: 0, count: periods)
        var unthemed = Array(repeating: 0, count: periods)
        var sentimentSum = Array(repeating: 0.0, count: periods)
        var promoters = Array(repeating: 0, count: periods)
        var detractors = Array(repeating: 0, count: periods)
        var answers = Array(repeating: 0, count: periods)
        var counts: [String: [Int]] = [:]
        var negatives: [String: [Int]] = [:]
        var sums: [String: [Double]] = [:]
        var current: [String: [SignalItem]] = [:]
        var allCurrent: [SignalItem] = []
        var allNegative = Array(repeating: 0, count: periods)
        var newest: Date?
        var before = 0
        for item in items {
            if item.date <= grid.end, newest.map({ item.date > $0 }) ?? true { newest = item.date }
            guard let index = grid.index(of: item.date) else {
                if item.date < grid.start { before += 1 }
                continue
            }
            totals[index] += 1
            sentimentSum[index] += item.sentiment
            let isNegative = item.sentiment < negativeBelow
            if isNegative { allNegative[index] += 1 }
            if let score = item.npsScore {
                answers[index] += 1
                if score >= 9 { promoters[index] += 1 } else if score <= 6 { detractors[index] += 1 }
            }
            if index == periods - 1 { allCurrent.append(item) }
            if item.themes.isEmpty { unthemed[index] += 1 }
            for theme in Set(item.themes) {
                counts[theme, default: Array(repeating: 0, count: periods)][index] += 1
                sums[theme, default: Array(repeating: 0, count: periods)][index] += item.sentiment
                if isNegative { negatives[theme, default: Array(repeating: 0, count: periods)][index] += 1 }
                if index == periods - 1 { current[theme, default: []].append(item) }
            }
        }
        let trends = counts.keys.map { theme -> ThemeTrend in
            let themeCounts = counts[theme]!
            let themeSums = sums[theme]!
            return ThemeTrend(theme: theme, counts: themeCounts, negative: negatives[theme] ?? Array(repeating: 0, count: periods),
                              meanSentiment: zip(themeSums, themeCounts).map { $1 == 0 ? nil : $0 / Double($1) })
        }.sorted { lhs, rhs in
            let left = lhs.counts.suffix(2).reduce(0, +), right = rhs.counts.suffix(2).reduce(0, +)
            return left != right ? left > right : lhs.total != rhs.total ? lhs.total > rhs.total : lhs.theme < rhs.theme
        }
        // Two families of tests per theme (count, sentiment) and one for all feedback.
        let threshold = alpha / Double(2 * trends.count + 1)
        let onTimeline = markers.filter { grid.index(of: $0.date) != nil }.sorted { $0.date < $1.date }
        let recent = onTimeline.filter { (grid.index(of: $0.date) ?? 0) >= periods - 2 }
        // When all feedback falls (this period's export not imported yet, say), that is the one
        // signal: every theme would fade with it.
        let overall = signal(counts: totals, negative: allNegative, theme: "all feedback", items: allCurrent, grid: grid,
                             threshold: threshold, recent: recent, rises: false)
        let allFading = overall?.kind == .fading
        var signals = trends.compactMap { trend in
            signal(counts: trend.counts, negative: trend.negative, theme: trend.theme, items: current[trend.theme] ?? [],
                   grid: grid, threshold: threshold, recent: recent, fades: !allFading)
        }
        signals += overall.map { [$0] } ?? []
        signals.sort { $0.pValue != $1.pValue ? $0.pValue < $1.pValue : $0.theme < $1.theme }
        return SignalReport(
            grid: grid, cadence: cadence.name, totals: totals, negativeTotals: allNegative, unthemed: unthemed,
            meanSentiment: zip(sentimentSum, totals).map { $1 < 3 ? nil : $0 / Double($1) },
            nps: (0..<periods).map { answers[$0] < 5 ? nil : Double(promoters[$0] - detractors[$0]) / Double(answers[$0]) * 100 },
            trends: trends, signals: signals, markers: onTimeline, newestFeedback: newest, itemsBefore: before, method: Self.method)
    }

    /// The signal of one theme (or of all feedback) in the current period, if any: a change in
    /// count first, else in sentiment. All feedback neither rises nor emerges (its
    /// themes say what rose); themes do not fade when all feedback does.
    private func signal(counts: [Int], negative: [Int], theme: String, items: [SignalItem], grid: PeriodGrid, threshold: Double,
                        recent: [ReleaseMarker], rises: Bool = true, fades: Bool = true) -> Signal? {
        let last = counts.count - 1
        guard last >= 1 else { return nil }
        let baselineRange = max(0, last - baselinePeriods)..<last
        let baseline = counts[baselineRange].reduce(0, +)
        let baselineNegative = negative[baselineRange].reduce(0, +)
        let exposure = grid.exposure(of: last)
        let baselineExposure = Double(baselineRange.count)
        let now = counts[last]
        let rate = Double(baseline) / baselineExposure
        let shareNow = now == 0 ? 0 : Double(negative[last]) / Double(now)
        let shareBefore = baseline == 0 ? 0 : Double(baselineNegative) / Double(baseline)
        func make(_ kind: SignalKind, _ p: Double, _ evidence: [SignalItem]) -> Signal {
            Signal(kind: kind, theme: theme, current: now, previous: counts[last - 1], baselineMean: rate,
                   negativeShareNow: shareNow, negativeShareBefore: shareBefore, pValue: p, threshold: threshold,
                   evidence: evidence.prefix(3).map(\.id), after: recent)
        }
        let byNegativity = items.sorted { $0.sentiment != $1.sentiment ? $0.sentiment < $1.sentiment : $0.id < $1.id }
        do {
            let rise = SignificanceTest.poissonRates(current: now, currentExposure: exposure, baseline: baseline,
                                                     baselineExposure: baselineExposure, atLeast: true)
            if rises, baseline == 0, now >= minimumEmerging, rise < threshold { return make(.emerging, rise, byNegativity) }
            if rises, baseline > 0, now >= minimumRise, Double(now) >= 1.5 * rate * exposure, rise < threshold {
                return make(.rising, rise, byNegativity)
            }
            let fall = SignificanceTest.poissonRates(current: now, currentExposure: exposure, baseline: baseline,
                                                     baselineExposure: baselineExposure, atLeast: false)
            if fades, rate >= minimumFadingBaseline, Double(now) <= 0.5 * rate * exposure, fall < threshold {
                return make(.fading, fall, byNegativity)
            }
        }
        guard now >= 5, baseline >= 10, abs(shareNow - shareBefore) >= minimumShift else { return nil }
        let shift = SignificanceTest.twoProportions(negative[last], of: now, baselineNegative, of: baseline)
        guard shift < threshold else { return nil }
        return shareNow > shareBefore ? make(.souring, shift, byNegativity) : make(.improving, shift, byNegativity.reversed())
    }
}
