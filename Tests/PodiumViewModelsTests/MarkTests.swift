import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// Space marks in every list; a job run with feedback marked works on the marked items.
@Suite("Marks in every list")
struct MarkTests {
    private func state() -> AppState {
        var state = AppState(snapshot: demoSnapshot(), location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        return state
    }

    @Test("Space marks a row in the backlog, the stakeholders and the updates: a ✓, the cursor moves on, Space again unmarks")
    func everyList() throws {
        var state = state()
        for pane in ["4", "2", "6"] {
            _ = state.press(.character(Character(pane)), .character("g"))
            let index = state.focused
            let first = try #require(state.selectedRow?.id)
            _ = state.press(.character(" "))
            #expect(state.panes[index].marked == [first], "pane \(pane)")
            let row = try #require(state.visibleRows(index).first { $0.id == first })
            #expect(row.cells.last?.hasPrefix("✓ ") == true)
            #expect(state.selectedRow?.id != first, "moved on")
            _ = state.press(.character("k"), .character(" "))
            #expect(state.panes[index].marked.isEmpty)
        }
    }

    @Test("m with feedback marked summarizes the marked items, not the filter; without marks, the filtered ones")
    func jobOnMarks() throws {
        var state = state()
        _ = state.press(.character("3"), .character("g"))
        let first = try #require(state.selectedRow?.id)
        _ = state.press(.character(" "))
        let second = try #require(state.selectedRow?.id)
        _ = state.press(.character(" "))
        #expect(state.press(.character("m")).first == .runJob(.summarizeFeedback, parameters: [:],
                                                              inputs: [first, second].sorted().map { ArtifactReference(kind: .feedback, id: $0) }))
        #expect(state.message?.contains("on 2 marked items") == true)
    }
}
