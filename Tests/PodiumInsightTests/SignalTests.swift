import Foundation
import PodiumCore
import PodiumInsight
import Testing

/// Feedback of a made-up product arriving week by week: each theme at its own rate, with
/// its own share of complaints among praise; a change can be put into the last week.
struct FeedbackStream {
    struct ThemeRate {
        var name: String
        var perWeek: Double
        var negativeShare: Double
    }

    var themes: [ThemeRate]
    var weeks = 12
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    var grid: PeriodGrid { PeriodGrid(cadence: .week, now: now, count: weeks) }

    /// The items, the last week's rates and negative shares changed by `lastWeek` (by theme).
    func items(seed: UInt64, lastWeek: [String: (rate: Double, negative: Double)] = [:]) -> [SignalItem] {
        var random = SeededGenerator(seed: seed)
        var items: [SignalItem] = []
        for week in 0..<weeks {
            let start = grid.start(of: week)
            for theme in themes {
                let changed = week == weeks - 1 ? lastWeek[theme.name] : nil
                let count = Self.poisson(changed?.rate ?? theme.perWeek, &random)
                for index in 0..<count {
                    let negative = Double.random(in: 0..<1, using: &random) < (changed?.negative ?? theme.negativeShare)
                    let offset = Double.random(in: 0..<(7 * 86_400 - 1), using: &random)
                    items.append(SignalItem(id: "\(theme.name)-\(week)-\(index)", date: start.addingTimeInterval(offset),
                                            themes: [theme.name], sentiment: negative ? -0.6 : 0.5))
                }
            }
        }
        return items
    }

    func report(seed: UInt64, lastWeek: [String: (rate: Double, negative: Double)] = [:]) -> SignalReport {
        SignalAnalysis().report(items: items(seed: seed, lastWeek: lastWeek), grid: grid, cadence: .week, markers: [])
    }

    static func poisson(_ rate: Double, _ random: inout SeededGenerator) -> Int {
        let limit = exp(-rate)
        var product = Double.random(in: 0..<1, using: &random)
        var count = 0
        while product > limit {
            product *= Double.random(in: 0..<1, using: &random)
            count += 1
        }
        return count
    }

    /// An invoicing app: a large bank-feed theme, mid-sized ones, a small one.
    static let invoicing = FeedbackStream(themes: [
        .init(name: "bank feeds", perWeek: 14, negativeShare: 0.7), .init(name: "invoice templates", perWeek: 6, negativeShare: 0.2),
        .init(name: "mobile app", perWeek: 5, negativeShare: 0.6), .init(name: "pricing", perWeek: 3, negativeShare: 0.5),
        .init(name: "csv export", perWeek: 1.5, negativeShare: 0.8),
    ])
    /// A hiking app: one dominant theme and a long tail.
    static let hiking = FeedbackStream(themes: [
        .init(name: "gps accuracy", perWeek: 25, negativeShare: 0.55), .init(name: "offline maps", perWeek: 9, negativeShare: 0.4),
        .init(name: "battery", perWeek: 5, negativeShare: 0.9), .init(name: "trail photos", perWeek: 4, negativeShare: 0.1),
        .init(name: "social sharing", perWeek: 2, negativeShare: 0.3), .init(name: "watch app", perWeek: 1, negativeShare: 0.5),
    ])
}

@Suite("Signals")
struct SignalTests {
    @Test("the exact test of two rates: 2 items becoming 4 is chance, 5 becoming 20 is not")
    func twoRates() {
        let doubling = SignificanceTest.poissonRates(current: 4, currentExposure: 1, baseline: 2, baselineExposure: 1, atLeast: true)
        #expect(abs(doubling - 22.0 / 64.0) < 1e-9)
        let jump = SignificanceTest.poissonRates(current: 20, currentExposure: 1, baseline: 40, baselineExposure: 8, atLeast: true)
        #expect(jump < 1e-5)
        let drop = SignificanceTest.poissonRates(current: 0, currentExposure: 1, baseline: 80, baselineExposure: 8, atLeast: false)
        #expect(abs(drop - pow(8.0 / 9.0, 80)) < 1e-12)
        #expect(SignificanceTest.twoProportions(9, of: 10, 30, of: 100) < 0.001)
        #expect(SignificanceTest.twoProportions(3, of: 10, 30, of: 100) > 0.9)
    }

    @Test("a theme going from 2 to 4 items is not called a rise")
    func smallCountsAreNotSignals() {
        let stream = FeedbackStream(themes: [.init(name: "exports", perWeek: 2, negativeShare: 0.5)])
        let items = (0..<stream.weeks).flatMap { week in
            (0..<(week == stream.weeks - 1 ? 4 : 2)).map { index in
                SignalItem(id: "\(week)-\(index)", date: stream.grid.start(of: week).addingTimeInterval(3_600 * Double(index + 1)),
                           themes: ["exports"], sentiment: -0.5)
            }
        }
        let report = SignalAnalysis().report(items: items, grid: stream.grid, cadence: .week, markers: [])
        #expect(report.trends.first?.counts.suffix(2) == [2, 4])
        #expect(report.signals.isEmpty)
    }

    @Test("steady feedback seldom raises a false alarm, on two products of different shapes")
    func falseAlarms() {
        for stream in [FeedbackStream.invoicing, .hiking] {
            let runs = 200
            let alarmed = (1...runs).filter { !stream.report(seed: UInt64($0)).signals.isEmpty }.count
            let rate = Double(alarmed) / Double(runs)
            // Bonferroni keeps the family of tests near 5%; measured 5.0% and 5.5%.
            #expect(rate <= 0.08, "false alarms in \(rate * 100)% of steady runs of \(stream.themes[0].name)…")
        }
    }

    @Test("a theme at 3 times its rate is found, and named, in most weeks")
    func risesAreFound() {
        let cases: [(FeedbackStream, String)] = [(.invoicing, "invoice templates"), (.invoicing, "bank feeds"), (.hiking, "offline maps")]
        for (stream, theme) in cases {
            let rate = stream.themes.first { $0.name == theme }!
            let runs = 100
            var found = 0, wrong = 0
            for seed in 1...runs {
                let report = stream.report(seed: UInt64(seed) + 1_000, lastWeek: [theme: (rate.perWeek * 3, rate.negativeShare)])
                if report.signals.contains(where: { $0.theme == theme && $0.kind == .rising }) { found += 1 }
                wrong += report.signals.filter { $0.theme != theme && $0.kind == .rising }.count
            }
            #expect(found >= 75, "\(theme): found in \(found) of \(runs) weeks")
            #expect(wrong <= 5, "\(theme): \(wrong) rises named in other themes")
        }
    }

    @Test("a new theme emerges, a large one fades, one sours with the same count")
    func emergingFadingSouring() {
        let stream = FeedbackStream.invoicing
        var items = stream.items(seed: 7, lastWeek: ["bank feeds": (2, 0.7), "invoice templates": (0, 0)])
        let lastWeek = stream.grid.start(of: stream.weeks - 1)
        items += (0..<5).map { SignalItem(id: "tax-\($0)", date: lastWeek.addingTimeInterval(Double($0 + 1) * 7_200), themes: ["sales tax"],
                                          sentiment: -0.7) }
        // Templates: the usual six or so items, but eight in ten of them complaints now.
        items += (0..<8).map { SignalItem(id: "templates-\($0)", date: lastWeek.addingTimeInterval(Double($0 + 1) * 9_000),
                                          themes: ["invoice templates"], sentiment: $0 < 7 ? -0.6 : 0.5) }
        let report = SignalAnalysis().report(items: items, grid: stream.grid, cadence: .week, markers: [])
        let kinds = Dictionary(uniqueKeysWithValues: report.signals.map { ($0.theme, $0.kind) })
        #expect(kinds["sales tax"] == .emerging)
        #expect(kinds["bank feeds"] == .fading)
        #expect(kinds["invoice templates"] == .souring)
        let found = report.signals.first { $0.theme == "invoice templates" }
        #expect(found != nil)
        guard let souring = found else { return }
        #expect(souring.negativeShareNow > 0.8 && souring.negativeShareBefore < 0.35)
        #expect(souring.pValue < souring.threshold && souring.threshold == 0.05 / Double(2 * report.trends.count + 1))
        #expect(souring.evidence.count == 3)
    }

    @Test("a week with little feedback in (an export not imported yet) is one signal, not every theme fading")
    func allFeedbackFalls() {
        let stream = FeedbackStream.hiking
        let quiet = Dictionary(uniqueKeysWithValues: stream.themes.map { ($0.name, (rate: $0.perWeek * 0.1, negative: $0.negativeShare)) })
        let report = stream.report(seed: 11, lastWeek: quiet)
        #expect(report.signals.map(\.theme) == ["all feedback"])
        #expect(report.signals.first?.kind == .fading)
    }

    @Test("a sprint under way is compared for the part of it that has passed")
    func partialSprint() {
        let first = Date(timeIntervalSince1970: 1_790_000_000)
        let cadence = SprintCadence(firstSprintStart: first, lengthInDays: 14)
        // Three days into the eleventh sprint.
        let now = first.addingTimeInterval((10 * 14 + 3) * 86_400)
        let grid = PeriodGrid(cadence: .sprint(cadence), now: now)
        #expect(grid.count == 12 && grid.start(of: 11) == first.addingTimeInterval(10 * 14 * 86_400))
        #expect(abs(grid.exposure(of: 11) - 3.0 / 14.0) < 1e-9)
        // Ten items a day all along: thirty so far this sprint is the usual rate, not a fall.
        var items: [SignalItem] = []
        var day = grid.start
        var index = 0
        while day < now {
            for hour in 0..<10 {
                items.append(SignalItem(id: "\(index)", date: day.addingTimeInterval(Double(hour) * 3_600), themes: ["sync"], sentiment: 0))
                index += 1
            }
            day = day.addingTimeInterval(86_400)
        }
        let report = SignalAnalysis().report(items: items, grid: grid, cadence: .sprint(cadence), markers: [])
        #expect(report.trends[0].counts.last == 30 && report.trends[0].counts[10] == 140)
        #expect(report.signals.isEmpty)
    }

    @Test("releases in the last two periods are named with the signals that follow them")
    func releaseMarkers() {
        let stream = FeedbackStream.hiking
        let shipped = ReleaseMarker(date: stream.grid.start(of: stream.weeks - 2).addingTimeInterval(86_400), label: "“Offline maps 4.2” done")
        let old = ReleaseMarker(date: stream.grid.start(of: 2), label: "“Dark mode” done")
        let future = ReleaseMarker(date: stream.now.addingTimeInterval(86_400), label: "later")
        let report = SignalAnalysis().report(items: stream.items(seed: 3, lastWeek: ["offline maps": (30, 0.9)]), grid: stream.grid,
                                             cadence: .week, markers: [future, shipped, old])
        #expect(report.markers == [old, shipped])
        let signal = report.signals.first { $0.theme == "offline maps" }
        #expect(signal?.kind == .rising)
        #expect(signal?.after == [shipped])
        #expect(signal?.line(period: "week").contains("after “Offline maps 4.2” done, p<0.0001") == true)
    }
}
