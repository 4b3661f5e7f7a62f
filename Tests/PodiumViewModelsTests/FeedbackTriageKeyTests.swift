import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// Triage keys in the Customer Representative's feedback view: N, x and T on the selected
/// item or on the marked ones, each undone by u.
@Suite("Feedback triage keys")
struct FeedbackTriageKeyTests {
    private func state() -> AppState {
        var state = AppState(snapshot: demoSnapshot(), location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("3"))
        return state
    }

    @Test("N marks the selected item seen and moves down; u puts it back to new")
    func seen() throws {
        var state = state()
        let selected = try #require(state.selectedRow?.id)
        let id = RecordID<FeedbackItem>(selected)
        #expect(state.press(.character("N")) == [.write(.setFeedbackTriage([id: .seen]), summary: "Marked 1 feedback item seen")])
        #expect(state.selectedRow?.id != selected, "moved to the next item")
        #expect(state.message == "Marked 1 feedback item seen · u undoes")
        #expect(state.press(.character("u")) == [.write(.setFeedbackTriage([id: nil]), summary: "Undo: marked 1 feedback item seen")])
        // Seen already: N makes it new again.
        var snapshot = state.snapshot
        snapshot.feedback[id]?.triage = .seen
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
        _ = state.press(.character("k"))
        #expect(state.press(.character("N")) == [.write(.setFeedbackTriage([id: nil]), summary: "Marked 1 feedback item new")])
    }

    @Test("x dismisses the marked items as noise (marks then cleared); x on dismissed items brings them back")
    func dismissMarked() throws {
        var state = state()
        let first = try #require(state.selectedRow?.id)
        _ = state.press(.character(" "))
        let second = try #require(state.selectedRow?.id)
        _ = state.press(.character(" "))
        let ids = [RecordID<FeedbackItem>(first), RecordID(second)]
        #expect(state.press(.character("x")) == [.write(.setFeedbackTriage([ids[0]: .dismissed, ids[1]: .dismissed]),
                                                        summary: "Dismissed 2 feedback items as noise")])
        #expect(state.message?.contains("AI jobs leave it out") == true)
        #expect(state.panes[2].marked.isEmpty)
        var snapshot = state.snapshot
        for id in ids { snapshot.feedback[id]?.triage = .dismissed }
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
        _ = state.press(.character("g"))
        #expect(state.press(.character("x")) == [.write(.setFeedbackTriage([ids[0]: .seen]), summary: "Marked 1 feedback item seen")])
        let row = try #require(state.visibleRows(2).first { $0.id == second })
        #expect(row.cells[1] == "noise" && row.tone == .muted)
    }

    @Test("dismissed feedback is not linked: L on it says so; among marked items it is left out")
    func dismissedNotLinked() throws {
        var state = state()
        let id = try #require(state.selectedRow.map { RecordID<FeedbackItem>($0.id) })
        var snapshot = state.snapshot
        snapshot.feedback[id]?.triage = .dismissed
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
        _ = state.press(.character("L"))
        #expect(state.mode == .normal && state.message?.hasPrefix("Dismissed feedback is not linked") == true)
        _ = state.press(.character(" "), .character(" "), .character("L"))
        guard case let .linkPicker(picker) = state.mode else {
            Issue.record("no picker for the marked items")
            return
        }
        #expect(picker.feedback.count == 1 && !picker.feedback.contains(id))
    }

    @Test("T edits one item's tags in a prompt filled with them; on marked items it adds tags; the STATE column filters")
    func tags() throws {
        var state = state()
        let id = try #require(state.selectedRow.map { RecordID<FeedbackItem>($0.id) })
        let tags = state.snapshot.feedback[id]?.tags ?? []
        _ = state.press(.character("T"))
        guard case let .prompt(prompt) = state.mode else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == tags.joined(separator: ", ") && prompt.label.contains("replace"))
        _ = state.press(.control("u"))
        state.type("billing, urgent, billing")
        #expect(state.press(.enter) == [.write(.setFeedbackTags([id: ["billing", "urgent"]]), summary: "Tagged 1 feedback item: billing, urgent")])
        #expect(state.press(.character("u")) == [.write(.setFeedbackTags([id: tags]), summary: "Undo: tagged 1 feedback item: billing, urgent")])

        _ = state.press(.character("/"))
        state.type("state:new")
        _ = state.press(.enter)
        #expect(state.panes[2].visible.count == state.snapshot.feedback.count, "the demo's feedback is all new")
    }
}
