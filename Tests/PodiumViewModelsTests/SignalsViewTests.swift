import Foundation
import PodiumCore
import PodiumStore
import PodiumViewModels
import Testing

@Suite("Signals and roadmap views")
struct SignalsViewTests {
    @Test("the Experimenter's signals: a sparkline per theme, all feedback last, a rise marked and read in the detail")
    func signals() throws {
        var snapshot = demoSnapshot(feedback: 300)
        let now = Date()
        for index in 0..<30 {
            let item = FeedbackItem(text: "Offline sync lost the job notes (\(index))", source: .support, author: "tech \(index)",
                                    createdAt: now.addingTimeInterval(-Double(index) * 4_000), tags: ["offline-sync"], sentiment: -0.8)
            snapshot.feedback[item.id] = item
        }
        var state = AppState(snapshot: snapshot, location: "~/demo")
        _ = state.press(.character("5"), .character("v"))
        let content = state.focusedContent
        #expect(content.title.hasPrefix("Experimenter — signals (12 weeks to "))
        #expect(content.columns.map(\.title) == ["THEME", "TREND", "NOW", "PREV", "BASE", "NEG", "SIGNAL"])
        let rows = state.visibleRows(4)
        #expect(rows.last?.cells.first == "all feedback")
        let sync = try #require(rows.first { $0.cells.first == "offline sync" })
        #expect(sync.cells[1].count == 12)
        #expect(sync.cells.last == "rising")
        #expect(sync.tone == .warning)
        #expect(content.summary.contains { $0.text.hasPrefix("  rising: offline sync ") })
        let detail = Panes.detail(for: .experimenter, id: "offline sync", in: state.snapshot)
        #expect(detail.first?.text == "offline sync")
        #expect(detail.contains { $0.text.contains("“Offline sync lost the job notes") })
        #expect(detail.filter { $0.text.hasPrefix("  ") && $0.text.contains(" ") }.count >= 12)
    }

    @Test("the Visionary's roadmap: now first, then next and later, with demand, praise and goal measure")
    func roadmap() {
        var state = AppState(snapshot: demoSnapshot(), location: "~/demo")
        _ = state.press(.character("1"), .character("v"))
        #expect(state.focusedContent.title == "Visionary — roadmap")
        let lanes = state.visibleRows(0).map { $0.cells[0] }
        #expect(lanes.first == "Now")
        #expect(lanes == lanes.sorted { ["Now", "Next", "Later"].firstIndex(of: $0)! < ["Now", "Next", "Later"].firstIndex(of: $1)! })
        #expect(state.visibleRows(0).contains { $0.cells[5] == "Sync failures per 1,000 jobs" })
    }
}
