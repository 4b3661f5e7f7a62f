import Foundation
import PodiumCore
import PodiumDemo
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// The feedback list is virtual: its rows are made from the records as they are shown, and
/// it reads exactly as a list made whole would.
@Suite("Virtual lists")
struct VirtualListTests {
    /// How many rows were made.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    /// Rows made on demand, counting how many were made.
    private func countedRows(_ count: Int) -> (PaneRows, Counter) {
        let made = Counter()
        let rows = PaneRows(count: count, id: { "id-\($0)" }) { position in
            made.add()
            return PaneContent.Row(id: "id-\(position)", cells: ["cell \(position)"], sortKeys: [Double(count - position)])
        }
        return (rows, made)
    }

    @Test("a row is made when it is read, not before; ids and positions are found without making rows")
    func madeWhenRead() {
        let (rows, made) = countedRows(10_000)
        #expect(rows.count == 10_000)
        #expect(made.count == 0)
        #expect(rows.id(at: 9_999) == "id-9999")
        #expect(rows.position(of: "id-5000") == 5_000)
        #expect(rows.positions(of: ["id-3", "id-7", "nope"]) == [3, 7])
        #expect(made.count == 0)
        #expect(rows[42].cells == ["cell 42"])
        #expect(made.count == 1)
    }

    @Test("every row is made once for a filter or a sort, then kept; a row changed in place wins over the made one")
    func everyOnce() {
        var (rows, made) = countedRows(1_000)
        #expect(rows.every.count == 1_000)
        #expect(rows.every.count == 1_000)
        #expect(made.count == 1_000)
        _ = rows[10]
        #expect(made.count == 1_000, "read from the kept rows")
        rows[10].cells[0] = "✓ cell 10"
        #expect(rows[10].cells == ["✓ cell 10"])
        #expect(rows.every[10].cells == ["✓ cell 10"])
        #expect(rows.id(at: 10) == "id-10")
        #expect(rows.every[11].cells == ["cell 11"])
    }

    @Test("equal to a held list of the same rows, and not to one that differs in a cell")
    func equality() {
        let (rows, _) = countedRows(50)
        let held = PaneRows((0..<50).map { PaneContent.Row(id: "id-\($0)", cells: ["cell \($0)"], sortKeys: [Double(50 - $0)]) })
        #expect(rows == held)
        var changed = held
        changed[3].cells = ["other"]
        #expect(rows != changed)
    }

    @Test("the feedback pane of 2,000 items is virtual, and its rows are the items newest first as a list made whole gives them")
    func feedbackPane() throws {
        let snapshot = DemoWorkspace(feedbackCount: 2_000).makeContent().snapshot
        let content = Panes.all[2].content(in: snapshot)
        #expect(content.rows.isVirtual)
        #expect(content.rows.count == snapshot.feedback.count)
        let newestFirst = snapshot.feedback.all.reversed().map(\.id.rawValue)
        #expect(content.rows.indices.map(content.rows.id(at:)) == newestFirst)
        #expect(content.rows.map(\.id) == newestFirst)
        let first = try #require(snapshot.feedback[RecordID(newestFirst[0])])
        #expect(content.rows[0].cells.last == Format.clean(first.text))
        #expect(content.rows[0].cells.first == Format.day(first.createdAt))
    }

    @Test("filtering, sorting and marking a virtual feedback list work as on a held one")
    func filterSortMark() throws {
        var state = AppState(snapshot: DemoWorkspace(feedbackCount: 2_000).makeContent().snapshot, location: "~/ws")
        _ = state.update(.resized(width: 160, height: 40))
        _ = state.press(.character("3"), .character("g"))
        let index = state.focused
        let first = try #require(state.selectedRow?.id)
        _ = state.press(.character(" "))
        let row = try #require(state.visibleRows(index).first { $0.id == first })
        #expect(row.cells.last?.hasPrefix("✓ ") == true)
        // A filter keeps the rows whose text matches, with the mark still on the marked one.
        let word = "export"
        _ = state.press(.character("/"))
        for character in word { _ = state.press(.character(character)) }
        _ = state.press(.enter)
        let shown = state.visibleRows(index)
        #expect(!shown.isEmpty && shown.count < 2_000)
        #expect(shown.allSatisfy { $0.cells.joined(separator: " ").lowercased().contains(word) })
        let expected = state.snapshot.feedback.values.filter { Format.clean($0.text).lowercased().contains(word) }.count
        #expect(shown.count >= expected)
        // Sorting by the date column, oldest first after a reverse.
        _ = state.press(.escape)
        _ = state.press(.character("s"))
        let sorted = state.visibleRows(index).compactMap { $0.sortKeys.first ?? nil }
        #expect(sorted == sorted.sorted(by: >), "dates highest first")
        #expect(state.panes[index].marked == [first])
    }
}
