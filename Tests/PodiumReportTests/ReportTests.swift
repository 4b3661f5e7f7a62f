import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumInsight
import PodiumReport
import PodiumStore
import PodiumTestSupport
import Testing

/// A demo workspace on disk, for the report's tests.
private func demo() throws -> (TemporaryDirectory, WorkspaceStore) {
    let folder = try TemporaryDirectory("podium-report")
    let store = try DemoWorkspace(feedbackCount: 400).create(at: folder.path("ws"))
    return (folder, store)
}

/// Whether `text` is well-formed XML (what every SVG reader needs first).
private func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite("Roadmap")
struct RoadmapTests {
    @Test("now, next and later follow the status, in backlog order, without done or dropped items; goal measures come from titles")
    func lanes() throws {
        let folder = try TemporaryDirectory("podium-roadmap")
        let store = try WorkspaceStore.create(at: folder.path("ws"), product: Product(
            name: "Ledgerly", productGoal: "Fewer failed bank feeds",
            goalMeasures: [GoalMeasure(name: "Bank feed failures per week", baseline: 40, current: 30, target: 5)]))
        let items = [
            BacklogItem(key: "LED-1", title: "Reconnect bank feeds without re-login", description: "", status: .inProgress, order: 2),
            BacklogItem(title: "Dark mode", description: "Works with bank feeds page too", status: .proposed, order: 1),
            BacklogItem(title: "CSV export limit", description: "", status: .ready, order: 3),
            BacklogItem(title: "Old thing", description: "", status: .done, order: 0),
            BacklogItem(title: "Dropped thing", description: "", status: .dropped, order: 4),
            BacklogItem(title: "Faster invoices", description: "", status: .proposed, order: 5),
        ]
        try store.write { try $0.save(all: items) }
        let roadmap = Roadmap(store.snapshot)
        #expect(roadmap.entries.map(\.title) == ["Reconnect bank feeds without re-login", "CSV export limit", "Dark mode", "Faster invoices"])
        #expect(roadmap.entries.map(\.lane) == [.now, .next, .later, .later])
        #expect(roadmap.entries[0].key == "LED-1")
        #expect(roadmap.entries[0].goalMeasure == "Bank feed failures per week")
        #expect(roadmap.entries[2].goalMeasure == nil, "a word in the description alone is not the item's goal")
        #expect(roadmap.markdown.contains("## Now (in progress)\n\n- **LED-1** Reconnect bank feeds without re-login — demand 0, praise 0; moves “Bank feed failures per week”"))
        #expect(roadmap.hasNoEvidence && roadmap.textLines.first == Roadmap.noLinksHint, "counts of 0 say that nothing is linked yet")
    }
}

@Suite("Charts")
struct ChartTests {
    @Test("each chart of the demo is well-formed SVG with its title and labels as text")
    func demoCharts() throws {
        let (_, store) = try demo()
        let charts = WorkspaceCharts(snapshot: store.snapshot)
        for kind in ChartKind.allCases {
            let svg = try charts.svg(kind)
            #expect(isWellFormedXML(svg), "\(kind)")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        }
        let themes = try charts.svg(.themes)
        #expect(themes.contains("<title>Feedback by theme — Items per week, 12 weeks to "))
        #expect(themes.contains(">offline sync ("))
        #expect(themes.contains("class=\"marker\""), "releases are marked")
        #expect(try charts.svg(.roadmap).contains(">Reliable offline sync for job data</text>"))
        #expect(try charts.svg(.stances).contains(">Customer Representative</text>"))
        let dark = WorkspaceCharts(snapshot: store.snapshot, theme: .dark)
        let sentiment = try dark.svg(.sentiment)
        #expect(sentiment.contains(".background { fill: #0d1117; }"))
        #expect(sentiment.contains("<title>Complaints' share of the feedback — "))
        #expect(sentiment.contains(">all feedback"), "the share of complaints, the measure the souring test uses")
    }

    @Test("with no themes accepted, the signals say the items' own tags stand for themes and how to get themes; with themes accepted they do not")
    func ownTagsAsThemes() throws {
        let folder = try TemporaryDirectory("podium-own-tags")
        let store = try WorkspaceStore.create(at: folder.path("ws"), product: Product(name: "Tags"))
        let recent = Date().addingTimeInterval(-2 * 86_400)
        try store.write { transaction in
            try transaction.save(all: (0..<12).map { FeedbackItem(text: "Ticket \($0)", createdAt: recent.addingTimeInterval(Double($0) * 60),
                                                                    tags: [$0 % 2 == 0 ? "plan_solo" : "needs_triage"]) })
        }
        let note = "No themes are accepted yet, so the items' own tags"
        let plain = SignalDigest(report: WorkspaceSignals.report(store.snapshot), snapshot: store.snapshot).notes
        #expect(plain.contains { $0.hasPrefix(note) }, "\(plain)")
        try store.write { transaction in
            var first = try #require(transaction.snapshot.feedback.values.first)
            first.tags.append("theme:billing")
            try transaction.save(first)
        }
        let themed = SignalDigest(report: WorkspaceSignals.report(store.snapshot), snapshot: store.snapshot).notes
        #expect(!themed.contains { $0.hasPrefix(note) }, "\(themed)")
    }

    @Test("a workspace of last spring's feedback says when its newest item came, in the signals, the charts and the report")
    func oldFeedback() throws {
        let folder = try TemporaryDirectory("podium-old")
        let store = try WorkspaceStore.create(at: folder.path("ws"), product: Product(name: "Old"))
        let spring = Date().addingTimeInterval(-200 * 86_400)
        try store.write { transaction in
            try transaction.save(all: (0..<20).map { FeedbackItem(text: "Item \($0)", createdAt: spring.addingTimeInterval(Double($0) * 3_600), tags: ["sync"]) })
        }
        let report = WorkspaceSignals.report(store.snapshot)
        #expect(report.itemsBefore == 20 && report.totals.allSatisfy { $0 == 0 })
        let note = try #require(SignalDigest(report: report, snapshot: store.snapshot).notes.first)
        #expect(note.hasPrefix("No feedback in these 12 weeks: the newest is from \(Format.day(spring.addingTimeInterval(19 * 3_600))) (20 items before the timeline); podium signals --since "), "a command that runs as written: \(note)")
        #expect(throws: ChartUnavailable.self) { try WorkspaceCharts(snapshot: store.snapshot).svg(.themes) }
        do { _ = try WorkspaceCharts(snapshot: store.snapshot).svg(.themes) } catch { #expect("\(error)" == note) }
        #expect(HTMLReport(snapshot: store.snapshot).render().contains("No feedback in the report&#39;s weeks."))
        #expect(HTMLReport(snapshot: store.snapshot).render().contains("the newest is from"))
    }

    @Test("text from the workspace is escaped and stripped of control characters; an empty workspace says what is missing")
    func hostileText() throws {
        let folder = try TemporaryDirectory("podium-chart")
        let store = try WorkspaceStore.create(at: folder.path("ws"), product: Product(name: "A <b>&\u{1B}[31m\"co\""))
        let hostile = BacklogItem(title: "</text><script>alert(1)</script>\u{07}", description: "", status: .ready, order: 0)
        try store.write { try $0.save(hostile) }
        let charts = WorkspaceCharts(snapshot: store.snapshot)
        let roadmap = try charts.svg(.roadmap)
        #expect(isWellFormedXML(roadmap))
        #expect(!roadmap.contains("<script") && roadmap.contains("&lt;/text&gt;&lt;script&gt;"))
        #expect(!roadmap.contains("\u{1B}") && !roadmap.contains("\u{07}"))
        #expect(throws: ChartUnavailable.self) { try charts.svg(.themes) }
        #expect(throws: ChartUnavailable.self) { try charts.svg(.nps) }
    }

    @Test("NPS per period from 0–10 answers: promoters minus detractors")
    func nps() throws {
        let folder = try TemporaryDirectory("podium-nps")
        let store = try WorkspaceStore.create(at: folder.path("ws"), product: Product(name: "NPS"))
        let now = Date()
        // This week: 6 promoters, 2 passives, 2 detractors → +40.
        let scores = [10, 9, 9, 10, 9, 9, 8, 7, 3, 6]
        try store.write { transaction in
            try transaction.save(all: scores.enumerated().map { index, score in
                FeedbackItem(text: "Answer \(index)", source: .survey, rating: Rating(Double(score), scale: .nps),
                             createdAt: now.addingTimeInterval(-Double(index + 1) * 3_600))
            })
        }
        let report = WorkspaceSignals.report(store.snapshot, now: now)
        #expect(report.nps.last == 40)
        #expect(report.nps.dropLast().allSatisfy { $0 == nil })
        let svg = try WorkspaceCharts(snapshot: store.snapshot, now: now).svg(.nps)
        #expect(svg.contains(">NPS (40)</text>"))
    }
}

@Suite("HTML report")
struct HTMLReportTests {
    @Test("the report loads in a real headless browser with its sections and charts, and asks the network for nothing")
    func inBrowser() throws {
        let (folder, store) = try demo()
        let file = folder.path("report.html")
        let html = HTMLReport(snapshot: store.snapshot).render()
        try Data(html.utf8).write(to: file)
        let load = try HeadlessBrowser.load(file)
        #expect(load.pageRequests.isEmpty, "\(load.pageRequests)")
        for heading in ["<h1>Fieldnote</h1>", "<h2>Vision and goal</h2>", "<h2>Roadmap</h2>", "<h2>What changed this week</h2>",
                        "<h2>Charts</h2>", "<h2>Top themes</h2>", "<h2>Latest communications</h2>"] {
            #expect(load.dom.contains(heading), "\(heading)")
        }
        #expect(load.dom.components(separatedBy: "<svg").count - 1 >= 4, "roadmap, themes, sentiment and stances")
        #expect(load.dom.contains("Sync failures per 1,000 jobs"))
        #expect(load.dom.contains("Reliable offline sync for job data"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"), "self-contained: nothing to fetch, no script")
        #expect(!load.dom.contains("[#"), "Podium's citation ids mean nothing outside the workspace")
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        // Printed to PDF from the browser: a PDF of several pages.
        let pdf = try HeadlessBrowser.printToPDF(file)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = text.components(separatedBy: "/Count ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.max() ?? 0
        #expect(pdf.count > 20_000 && pages >= 2, "\(pdf.count) bytes, \(pages) pages")
    }

    @Test("the browser check sees a page's request when there is one (so an empty list means none)")
    func browserCheckCanFail() throws {
        let folder = try TemporaryDirectory("podium-browser-control")
        let file = folder.path("control.html")
        try Data("<html><body><img src=\"http://127.0.0.1:9/pixel.png\"></body></html>".utf8).write(to: file)
        let load = try HeadlessBrowser.load(file)
        #expect(load.pageRequests == ["http://127.0.0.1:9/pixel.png"])
    }
}
