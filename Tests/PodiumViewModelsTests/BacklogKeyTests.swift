import PodiumCore
import PodiumDemo
import PodiumStore
import PodiumViewModels
import Testing

/// The Decision Maker's backlog shows the tracker's key of imported items.
@Suite("Tracker keys in the backlog view")
struct BacklogKeyTests {
    @Test("a KEY column appears once an item has a key, and the detail names the key and estimate")
    func keyColumnAndDetail() throws {
        let pane = try #require(Panes.pane(for: .decisionMaker))
        var content = DemoWorkspace(feedbackCount: 40).makeContent()
        #expect(!pane.content(view: 0, in: content.snapshot).columns.map(\.title).contains("KEY"))

        let index = try #require(content.backlog.indices.min { content.backlog[$0].order < content.backlog[$1].order })
        content.backlog[index].key = "LED-101"
        content.backlog[index].estimate = 5
        let snapshot = content.snapshot
        let table = pane.content(view: 0, in: snapshot)
        #expect(table.columns.map(\.title) == ["#", "KEY", "STATUS", "RICE", "WSJF", "EVID", "TITLE"])
        #expect(table.columns[1].width == 7)
        let row = try #require(table.rows.first { $0.id == content.backlog[index].id.rawValue })
        #expect(row.cells[1] == "LED-101" && row.sortKeys.count == table.columns.count)
        #expect(table.rows.filter { $0.cells[1].isEmpty }.count == table.rows.count - 1)
        let detail = pane.detail(of: row.id, in: snapshot).map(\.text)
        #expect(detail.contains("Tracker key: LED-101 · estimate 5"))
    }
}
