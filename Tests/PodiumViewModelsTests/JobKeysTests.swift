import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// AI jobs and draft review from the keyboard: keys in, state and effects out.
@Suite("AI job keys and draft review")
struct JobKeysTests {
    /// The demo with one pending draft of the Customer pane.
    private func state(withDraft: Bool = true) -> (AppState, Draft) {
        var snapshot = demoSnapshot()
        let draft = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Feedback summary", content: "- point")
        if withDraft { snapshot.drafts[draft.id] = draft }
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        return (state, draft)
    }

    @Test("a pane's job key runs its job on the filtered items; the key does nothing in other panes")
    func summarizeFiltered() {
        var (state, _) = state()
        _ = state.press(.character("3"), .character("/"))
        state.type("invoice")
        _ = state.press(.enter)
        let visible = state.visibleRows(state.focused).map(\.id)
        let effects = state.press(.character("m"))
        #expect(effects == [.runJob(.summarizeFeedback, parameters: ["filter": "invoice"],
                                    inputs: visible.map { ArtifactReference(kind: .feedback, id: $0) })])
        #expect(state.message?.contains("on \(visible.count) filtered items on local (podium-insight)") == true)
        _ = state.press(.character("1"))
        #expect(state.press(.character("m")).isEmpty)
        #expect(state.message?.contains("m works in 3 (Customer Representative): Summarize feedback") == true)
    }

    @Test("a decision record is about the selected backlog item")
    func decisionOnSelection() {
        var (state, _) = state()
        _ = state.press(.character("4"), .character("j"))
        let selected = state.selectedRow!.id
        #expect(state.press(.character("d")) == [.runJob(.decisionRecord, parameters: [:], inputs: [ArtifactReference(kind: .backlog, id: selected)])])
    }

    @Test("ask and the stakeholder update ask for their words first")
    func prompts() {
        var (state, _) = state()
        _ = state.press(.character("7"), .character("A"))
        #expect(state.mode == .prompt(.init(purpose: .jobParameter(.ask, .question), text: "")))
        state.type("why offline?")
        #expect(state.press(.enter) == [.runJob(.ask, parameters: ["question": "why offline?"], inputs: [])])
        _ = state.press(.character("6"), .character("w"))
        #expect(state.press(.enter) == [.runJob(.stakeholderUpdate, parameters: ["audience": "leadership"], inputs: [])])
        _ = state.press(.character("w"))
        state.type("board")
        #expect(state.press(.enter) == [.runJob(.stakeholderUpdate, parameters: ["audience": "board"], inputs: [])], "typing replaces the default")
        _ = state.press(.character("A"))
        #expect(state.mode == .normal, "A asks only in the Orchestrator")
    }

    @Test("D opens the pane's newest draft; a accepts, x asks why and rejects, e edits, r regenerates")
    func review() {
        var (state, draft) = state()
        let id = draft.id
        _ = state.press(.character("3"))
        #expect(state.focusedContent.summary.first?.text.contains("1 draft to review") == true)
        _ = state.press(.character("D"))
        #expect(state.mode == .draft(.init(id: id)))
        #expect(state.press(.character("a")) == [.review(.accept(id))])
        #expect(state.press(.character("e")) == [.review(.edit(id))])
        #expect(state.press(.character("r")) == [.review(.regenerate(id))])
        _ = state.press(.character("D"), .character("d"))
        #expect(state.mode == .draft(.init(id: id, panel: .changes)))
        _ = state.press(.character("x"))
        state.type("vague")
        #expect(state.press(.enter) == [.review(.reject(id, reason: "vague"))])
    }

    @Test("an acceptance is undone with u")
    func undoAcceptance() {
        var (state, draft) = state()
        _ = state.update(.reviewed(.accepted(draftID: draft.id, title: draft.title, effect: "applied", changed: 3)))
        #expect(state.message?.contains("u undoes") == true)
        #expect(state.press(.character("u")) == [.write(.undoAcceptance(draft.id), summary: "Undo: accepted “Feedback summary”")])
    }

    @Test("the Orchestrator lists running jobs first and opens drafts for review")
    func orchestrator() {
        var (state, draft) = state()
        var snapshot = state.snapshot
        var running = Job(kind: .clusterThemes, stance: .customerRepresentative, status: .running)
        running.runner = .current  // a job this process runs; one whose process is gone reads as interrupted
        snapshot.jobs[running.id] = running
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
        _ = state.press(.character("7"), .character("g"))
        #expect(state.selectedRow?.id == running.id.rawValue)
        #expect(state.press(.character("c")) == [.cancelJob(running.id)])
        _ = state.press(.character("j"), .enter)
        #expect(state.mode == .draft(.init(id: draft.id)))
    }

    @Test("job keys belong to their pane: no clash with each other or with keys of every pane")
    func scopes() {
        #expect(KeyMap.standard.conflicts.isEmpty)
        #expect(KeyMap.standard.action(for: .character("p"), in: .customerRepresentative) == .run(.buildPersonas))
        #expect(KeyMap.standard.action(for: .character("p"), in: .experimenter) == .run(.proposeExperiments))
        #expect(KeyMap.standard.action(for: .character("p"), in: .visionary) == nil)
        #expect(Help.lines(for: .standard).contains { $0.keys == "m" && $0.title == "AI: Summarize feedback (Customer Representative pane)" })
        var map = KeyMap.standard
        map.rebind(.run(.summarizeFeedback), to: [.character("z")])
        #expect(map.action(for: .character("z"), in: .customerRepresentative) == .run(.summarizeFeedback))
        #expect(map.conflicts.isEmpty)
    }
}
