import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// Linking feedback to backlog items by hand in the Customer Representative pane: marks,
/// the fuzzy picker, demand or praise, the write it asks for, and its undo.
@Suite("Feedback links by hand")
struct FeedbackLinkTests {
    /// The demo with a backlog item that has a tracker key and no feedback yet, the Customer pane focused.
    private func state() -> (AppState, BacklogItem) {
        var snapshot = demoSnapshot()
        var item = snapshot.orderedBacklog.first { $0.status != .done && $0.status != .dropped && $0.allLinkedFeedback.isEmpty }!
        item.key = "LED-104"
        item.title = "Offline photo queue"
        snapshot.backlog[item.id] = item
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("3"))
        return (state, item)
    }

    /// The feedback rows in the order shown.
    private func feedbackIDs(_ state: AppState) -> [RecordID<FeedbackItem>] {
        state.visibleRows(state.focused).map { RecordID($0.id) }
    }

    /// What the program would write, applied to the state's workspace.
    private func apply(_ effects: [Effect], to state: inout AppState) {
        var snapshot = state.snapshot
        for case let .write(.setFeedbackLinks(id, links), _) in effects {
            for (feedback, kind) in links { snapshot.backlog[id]?.setLink(of: feedback, to: kind) }
        }
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
    }

    @Test("Space marks feedback with a ✓ and moves down; marks stay while the filter changes")
    func marks() {
        var (state, _) = state()
        let ids = feedbackIDs(state)
        _ = state.press(.character(" "), .character(" "))
        #expect(state.panes[state.focused].marked == Set(ids.prefix(2).map(\.rawValue)))
        #expect(state.panes[state.focused].selected == 2)
        #expect(state.visibleRows(state.focused).prefix(3).map { $0.cells.last!.hasPrefix("✓ ") } == [true, true, false])
        #expect(state.message == "2 feedback items marked · L links them to a backlog item · U unlinks")
        _ = state.press(.character("/"))
        state.type("zzz-nothing")
        _ = state.press(.enter, .escape)
        #expect(state.panes[state.focused].marked.count == 2, "a filter and its clearing keep the marks")
        #expect(state.visibleRows(state.focused).prefix(2).allSatisfy { $0.cells.last!.hasPrefix("✓ ") })
        // Space again unmarks.
        _ = state.press(.character("g"), .character(" "))
        #expect(state.panes[state.focused].marked == [ids[1].rawValue])
        #expect(!state.visibleRows(state.focused)[0].cells.last!.hasPrefix("✓ "))
    }

    @Test("L opens a picker of the backlog items (done ones too: they take praise) that filters by a fuzzy match of key and title; Enter links the marked feedback as demand")
    func linkMarked() {
        var (state, item) = state()
        let ids = feedbackIDs(state)
        _ = state.press(.character(" "), .character(" "), .character("L"))
        guard case let .linkPicker(picker) = state.mode else { Issue.record("L opens the picker: \(state.mode)"); return }
        #expect(picker == LinkPicker(purpose: .link, feedback: ids.prefix(2).sorted(), kind: .demand))
        #expect(picker.hint == "Enter links as demand · Tab: as praise instead · Esc cancels")
        let linkable = state.snapshot.orderedBacklog.filter { $0.status != .dropped }
        #expect(linkable.contains { $0.status == .done }, "the demo has done items")
        #expect(picker.candidates(in: state.snapshot).map(\.id) == linkable.map(\.id), "every item not dropped, done ones too, in backlog order")
        state.type("led104")
        guard case let .linkPicker(typed) = state.mode else { Issue.record("still picking"); return }
        #expect(typed.candidates(in: state.snapshot).first?.id == item.id, "the key matches, without its dash")
        _ = state.press(.control("u"))
        state.type("ofphotoq")
        guard case let .linkPicker(fuzzy) = state.mode else { Issue.record("still picking"); return }
        #expect(fuzzy.candidates(in: state.snapshot).first?.id == item.id, "letters of the title in order match")
        let effects = state.press(.enter)
        let description = "linked 2 feedback items to LED-104 “Offline photo queue” as demand"
        #expect(effects == [.write(.setFeedbackLinks(item.id, [ids[0]: .demand, ids[1]: .demand]), summary: description)])
        #expect(state.mode == .normal)
        #expect(state.message == "Linked 2 feedback items to LED-104 “Offline photo queue” as demand · u undoes")
        #expect(state.panes[state.focused].marked.isEmpty, "linking clears the marks")
        #expect(state.visibleRows(state.focused).allSatisfy { !$0.cells.last!.hasPrefix("✓ ") })

        apply(effects, to: &state)
        #expect(Set(state.snapshot.backlog[item.id]?.linkedFeedback ?? []) == Set(ids.prefix(2)))
        let undo = state.press(.character("u"))
        #expect(undo == [.write(.setFeedbackLinks(item.id, [ids[0]: nil, ids[1]: nil]), summary: "Undo: " + description)])
        apply(undo, to: &state)
        #expect(state.snapshot.backlog[item.id]?.allLinkedFeedback == [])
    }

    @Test("Tab links as praise instead; praise of what was demand moves it, and u moves it back")
    func praiseMoves() {
        var (state, item) = state()
        let ids = feedbackIDs(state)
        _ = state.press(.character("L"))
        state.type("LED-104")
        apply(state.press(.enter), to: &state)
        #expect(state.snapshot.backlog[item.id]?.linkedFeedback == [ids[0]])
        // The same link again changes nothing.
        _ = state.press(.character("L"))
        state.type("LED-104")
        #expect(state.press(.enter).isEmpty)
        #expect(state.message == "Already linked to LED-104 “Offline photo queue” as demand: nothing changed.")
        // As praise: it moves.
        _ = state.press(.character("L"), .tab)
        guard case let .linkPicker(picker) = state.mode else { Issue.record("picking"); return }
        #expect(picker.kind == .validation)
        #expect(picker.hint == "Enter links as praise · Tab: as demand instead · Esc cancels")
        state.type("LED-104")
        let effects = state.press(.enter)
        #expect(effects == [.write(.setFeedbackLinks(item.id, [ids[0]: .validation]),
                                   summary: "linked 1 feedback item to LED-104 “Offline photo queue” as praise (1 moved from demand)")])
        apply(effects, to: &state)
        #expect(state.snapshot.backlog[item.id]?.linkedFeedback == [])
        #expect(state.snapshot.backlog[item.id]?.validatingFeedback == [ids[0]])
        let undo = state.press(.character("u"))
        #expect(undo == [.write(.setFeedbackLinks(item.id, [ids[0]: .demand]),
                                summary: "Undo: linked 1 feedback item to LED-104 “Offline photo queue” as praise (1 moved from demand)")])
        apply(undo, to: &state)
        #expect(state.snapshot.backlog[item.id]?.linkedFeedback == [ids[0]])
        #expect(state.snapshot.backlog[item.id]?.validatingFeedback == [])
    }

    @Test("U unlinks from a picker of the items the feedback is linked to; u links it again; Esc cancels")
    func unlink() {
        var (state, item) = state()
        // A feedback item no backlog item links yet.
        let linked = Set(state.snapshot.backlog.values.flatMap(\.allLinkedFeedback))
        let position = feedbackIDs(state).firstIndex { !linked.contains($0) }!
        for _ in 0..<position { _ = state.press(.character("j")) }
        let ids = Array(feedbackIDs(state).dropFirst(position))
        _ = state.press(.character("U"))
        #expect(state.mode == .normal)
        #expect(state.message == "This feedback item is not linked to any backlog item.")
        _ = state.press(.character("L"))
        state.type("LED-104")
        apply(state.press(.enter), to: &state)
        _ = state.press(.character("U"))
        guard case let .linkPicker(picker) = state.mode else { Issue.record("U opens the picker"); return }
        #expect(picker.candidates(in: state.snapshot).map(\.id) == [item.id])
        #expect(state.press(.escape).isEmpty)
        #expect(state.message == "Nothing unlinked.")
        _ = state.press(.character("U"))
        let effects = state.press(.enter)
        #expect(effects == [.write(.setFeedbackLinks(item.id, [ids[0]: nil]), summary: "unlinked 1 feedback item from LED-104 “Offline photo queue”")])
        #expect(state.message == "Unlinked 1 feedback item from LED-104 “Offline photo queue” · u undoes")
        apply(effects, to: &state)
        #expect(state.press(.character("u")) == [.write(.setFeedbackLinks(item.id, [ids[0]: .demand]),
                                                          summary: "Undo: unlinked 1 feedback item from LED-104 “Offline photo queue”")])
    }

    @Test("the keys belong to the Customer pane, clash with nothing, and the help and palette list them")
    func keys() {
        #expect(KeyMap.standard.conflicts.isEmpty)
        let map = KeyMap.standard
        #expect(map.action(for: .character("L"), in: .customerRepresentative) == .linkToBacklog)
        #expect(map.action(for: .character("U"), in: .customerRepresentative) == .unlinkFromBacklog)
        #expect(map.action(for: .character(" "), in: .customerRepresentative) == .markSelected, "one Space marks in every list")
        #expect(map.action(for: .character(" "), in: .orchestrator) == .markSelected)
        #expect(map.action(for: .character("O"), in: .decisionMaker) == .openRecord)
        let help = Help.lines(for: map)
        #expect(help.contains { $0.keys == "L" && $0.title.hasPrefix("Link the selected (or marked) feedback") && $0.title.hasSuffix("(Customer Representative pane)") })
        #expect(help.contains { $0.keys == "U" && $0.title.hasPrefix("Unlink") })
        #expect(help.contains { $0.keys == "O" && $0.title.hasPrefix("Open the selected record") })
        #expect(PaletteMatcher.rank(query: "link backlog", keyMap: map).first == .linkToBacklog)
        var (state, _) = state()
        _ = state.press(.character("4"), .character("L"))
        #expect(state.message?.hasPrefix("L works in 3 (Customer Representative)") == true)
    }
}
