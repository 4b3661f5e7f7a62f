import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// n and e open stakeholders (2), experiments (5) and decisions (4, decision log) in $EDITOR;
/// a refused edit's text comes back with the same key; u undoes a saved one; decisions due
/// for review show in the Decision Maker and the Orchestrator.
@Suite("Records in the editor")
struct DocumentKeyTests {
    private func state() -> AppState {
        var state = AppState(snapshot: demoSnapshot(), location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        return state
    }

    @Test("e and n in the Collaborator, Experimenter and decision log ask for the record; refused text comes back; u restores")
    func keys() throws {
        var state = state()
        _ = state.press(.character("2"), .character("g"))
        let stakeholder = try #require(state.selectedRow.map { RecordID<Stakeholder>($0.id) })
        #expect(state.press(.character("e")) == [.editDocument(.stakeholder(stakeholder), kept: nil)])
        #expect(state.press(.character("n")) == [.editDocument(.stakeholder(nil), kept: nil)])
        _ = state.update(.documentEdited(.refused(.stakeholder(nil), reason: "Name is required", text: "# Name\n")))
        #expect(state.message == "Not saved: Name is required. The same key opens your text again.")
        #expect(state.press(.character("n")) == [.editDocument(.stakeholder(nil), kept: "# Name\n")])
        #expect(state.press(.character("e")) == [.editDocument(.stakeholder(stakeholder), kept: nil)], "kept only for the record it belongs to")

        _ = state.press(.character("5"), .character("g"))
        let experiment = try #require(state.selectedRow.map { RecordID<Experiment>($0.id) })
        #expect(state.press(.character("e")) == [.editDocument(.experiment(experiment), kept: nil)])

        _ = state.press(.character("4"), .character("v"), .character("g"))
        let decision = try #require(state.selectedRow.map { RecordID<Decision>($0.id) })
        #expect(state.press(.character("e")) == [.editDocument(.decision(decision), kept: nil)])
        #expect(state.press(.character("n")) == [.editDocument(.decision(nil), kept: nil)])

        let before = try #require(state.snapshot.decisions[decision])
        _ = state.update(.documentEdited(.saved(summary: "Saved the decision “\(before.title)”", restore: .restoreDecision(decision, before, expecting: before))))
        #expect(state.press(.character("u")) == [.write(.restoreDecision(decision, before, expecting: before), summary: "Undo: saved the decision “\(before.title)”")])
    }

    @Test("a decision whose review date has come shows in the backlog's summary and the Orchestrator's")
    func dueForReview() throws {
        var state = state()
        var snapshot = state.snapshot
        let decision = try #require(snapshot.decisions.values.first)
        snapshot.decisions[decision.id]?.reviewAt = Date().addingTimeInterval(-86_400)
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
        _ = state.press(.character("4"))
        #expect(state.focusedContent.summary.contains { $0.text.contains("due for review: “\(decision.title)”") && $0.tone == .warning })
        _ = state.press(.character("7"))
        #expect(state.focusedContent.summary.contains { $0.text.hasPrefix("Decisions due for review: ") })
    }
}
