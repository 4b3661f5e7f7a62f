import PodiumRender
import Foundation
import PodiumCore
import PodiumEngine
import PodiumDemo
import PodiumStore
import PodiumViewModels
import Testing

/// The demo workspace in memory.
func demoSnapshot(feedback: Int = 120) -> WorkspaceSnapshot {
    DemoWorkspace(feedbackCount: feedback).makeContent().snapshot
}

extension AppState {
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(.key($0)) }
    }

    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.character(character))) }
    }
}

@Suite("Key map")
struct KeyMapTests {
    @Test("the default map binds no key twice and every action to a key")
    func standard() {
        #expect(KeyMap.standard.conflicts.isEmpty)
        for action in Action.allCases { #expect(!KeyMap.standard.keys(for: action).isEmpty, "\(action)") }
        #expect(Help.lines(for: .standard).count == Action.allCases.count)
    }

    @Test("rebinding moves a key and the help follows")
    func rebind() {
        var map = KeyMap.standard
        let displaced = map.rebind(.quit, to: [.character("Q")])
        #expect(displaced.isEmpty)
        #expect(map.action(for: .character("q")) == nil)
        #expect(map.action(for: .character("Q")) == .quit)
        #expect(Help.lines(for: map).contains { $0.keys == "Q" && $0.title == "Quit" })
        let taken = map.rebind(.help, to: [.character("j")])
        #expect(taken == [.moveDown])
        #expect(map.conflicts.isEmpty)
    }

    @Test("keys are read as written in config files", arguments: [
        ("j", Key.character("j")), ("Ctrl-R", .control("r")), ("PgDn", .pageDown), ("F1", .function(1)),
        ("Shift-Tab", .backTab), ("space", .character(" ")), ("esc", .escape),
    ])
    func names(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test("unknown key names are refused")
    func badNames() {
        #expect(Key(name: "Hyper-Q") == nil)
        #expect(Key(name: "F99") == nil)
    }
}

@Suite("Dashboard state")
struct AppStateTests {
    @Test("Tab, Shift-Tab and 1–7 move between the seven panes")
    func panes() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        #expect(state.focusedStance == .visionary)
        _ = state.press(.tab, .tab)
        #expect(state.focusedStance == .customerRepresentative)
        _ = state.press(.backTab)
        #expect(state.focusedStance == .collaborator)
        _ = state.press(.character("7"))
        #expect(state.focusedStance == .orchestrator)
        _ = state.press(.tab)
        #expect(state.focusedStance == .visionary)
        #expect(state.contents.count == 7)
    }

    @Test("every pane has real demo content")
    func content() {
        let state = AppState(snapshot: demoSnapshot(), location: "/w")
        #expect(state.contents[0].rows.count == 3)  // goal measures
        #expect(state.contents[1].rows.count == 8)  // stakeholders
        #expect(state.contents[2].rows.count == 120)
        #expect(state.contents[3].rows.count == 41)
        #expect(state.contents[4].rows.count == 5)
        #expect(state.contents[5].rows.count == 3)
        #expect(state.contents[6].rows.isEmpty)
        #expect(state.contents[3].rows.first?.cells.last == "Reliable offline sync for job data")
    }

    @Test("j/k, G/g and paging move within the list")
    func movement() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        _ = state.press(.character("4"), .character("j"), .character("j"))
        #expect(state.panes[3].selected == 2)
        _ = state.press(.character("G"))
        #expect(state.panes[3].selected == 40)
        _ = state.press(.character("j"))
        #expect(state.panes[3].selected == 40)
        _ = state.press(.character("g"), .character("k"))
        #expect(state.panes[3].selected == 0)
        _ = state.update(.resized(width: 100, height: 30))
        _ = state.press(.pageDown)
        #expect(state.panes[3].selected == 18)
    }

    @Test("/ filters the list as you type; Esc clears it")
    func filter() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        _ = state.press(.character("3"), .character("/"))
        #expect(state.mode == .filtering)
        state.type("offline")
        let visible = state.visibleRows(2)
        #expect(!visible.isEmpty && visible.count < 120)
        #expect(visible.allSatisfy { $0.cells.joined(separator: " ").lowercased().contains("offline") })
        _ = state.press(.enter)
        #expect(state.mode == .normal)
        #expect(state.panes[2].filter == "offline")
        _ = state.press(.escape)
        #expect(state.panes[2].filter.isEmpty)
        #expect(state.visibleRows(2).count == 120)
    }

    @Test("s sorts by the next column, S reverses, and numbers sort as numbers")
    func sort() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        _ = state.press(.character("4"), .character("s"), .character("s"), .character("s"))
        #expect(state.panes[3].sortColumn == 2)  // RICE, highest first
        let rice = state.visibleRows(3).compactMap { Double($0.cells[2]) }
        #expect(rice == rice.sorted(by: >))
        _ = state.press(.character("S"))
        let reversed = state.visibleRows(3).compactMap { Double($0.cells[2]) }
        #expect(reversed == rice.sorted())
        _ = state.press(.escape)
        #expect(state.panes[3].sortColumn == nil)
    }

    @Test("K moves a backlog item up; u undoes it")
    func reorderAndUndo() throws {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        _ = state.press(.character("4"), .character("j"))
        let rows = state.visibleRows(3)
        let effects = state.press(.character("K"))
        #expect(effects == [.write(.setBacklogOrder([RecordID(rows[1].id): 1, RecordID(rows[0].id): 2]),
                                  summary: "moved \"Offline photo queue that survives restarts\" up")])
        // When the write lands, the selection is still on the moved item, now first.
        var moved = state.snapshot
        for (id, order) in [RecordID<BacklogItem>(rows[1].id): 1, RecordID(rows[0].id): 2] {
            var item = moved.backlog[id]!
            item.order = order
            moved.backlog[item.id] = item
        }
        var backlog = WorkspaceChanges()
        backlog.records[.backlog] = []
        _ = state.update(.workspaceChanged(moved, changes: backlog))
        #expect(state.panes[3].selected == 0)
        #expect(state.selectedRow?.id == rows[1].id)
        let undo = state.press(.character("u"))
        #expect(undo == [.write(.setBacklogOrder([RecordID(rows[1].id): 2, RecordID(rows[0].id): 1]),
                               summary: "Undo: moved \"Offline photo queue that survives restarts\" up")])
        #expect(state.press(.character("u")).isEmpty)
        #expect(state.message == "Nothing to undo.")
    }

    @Test("v switches the Decision Maker to the decision log and back, newest decision first")
    func decisionLog() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        _ = state.press(.character("4"), .character("v"))
        #expect(state.focusedContent.title == "Decision Maker — decision log")
        #expect(state.visibleRows(3).count == 5)
        #expect(state.visibleRows(3).first?.cells[2] == "Keep per-technician pricing")
        let detail = Panes.detail(for: .decisionMaker, id: state.selectedRow!.id, in: state.snapshot)
        #expect(detail.contains { $0.text.hasPrefix("Choice: Per technician with seasonal pause") })
        #expect(state.press(.character("K")).isEmpty)  // no reordering in the log
        _ = state.press(.character("v"))
        #expect(state.focusedContent.title == "Decision Maker — Product Backlog")
        _ = state.press(.character("2"), .character("v"))
        #expect(state.message == "This pane has one view.")
    }

    @Test("the palette finds actions by fuzzy name and runs them")
    func palette() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        _ = state.press(.character(":"))
        state.type("orch")
        #expect(PaletteMatcher.rank(query: "orch", keyMap: state.keyMap).first == .showOrchestrator)
        _ = state.press(.enter)
        #expect(state.focusedStance == .orchestrator)
        _ = state.press(.character(":"))
        state.type("hlp")
        _ = state.press(.enter)
        #expect(state.mode == .help(scroll: 0))
        _ = state.press(.escape)
        #expect(state.mode == .normal)
    }

    @Test("q quits; with a job running it asks first")
    func quit() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w")
        #expect(state.press(.character("q")) == [.quit])
        var busy = demoSnapshot()
        var elsewhere = Job(kind: "summarize-feedback", stance: .customerRepresentative, status: .running)
        elsewhere.runner = JobRunner(processID: 1, bootID: "b", host: "h")
        busy.jobs = RecordTable([elsewhere])
        var watching = AppState(snapshot: busy, location: "/w")
        #expect(watching.press(.character("q")) == [.quit], "another process's job goes on without this one")
        var mine = Job(kind: "summarize-feedback", stance: .customerRepresentative, status: .running)
        mine.runner = .current
        busy.jobs = RecordTable([mine])
        var working = AppState(snapshot: busy, location: "/w")
        #expect(working.press(.character("q")).isEmpty)
        #expect(working.mode == .confirmQuit)
        #expect(working.press(.character("x")).isEmpty)
        _ = working.press(.character("q"))
        #expect(working.press(.character("y")) == [.quit])
    }

    @Test("a new workspace snapshot keeps the selection on the same record")
    func keepsSelection() {
        let snapshot = demoSnapshot()
        var state = AppState(snapshot: snapshot, location: "/w")
        _ = state.press(.character("3"), .character("j"), .character("j"), .character("j"))
        let selected = state.selectedRow?.id
        var changed = snapshot
        changed.feedback[RecordID("ffffffff-ffff-7fff-bfff-ffffffffffff")] = FeedbackItem(
            id: RecordID("ffffffff-ffff-7fff-bfff-ffffffffffff"), text: "brand new", createdAt: Date())
        _ = state.update(.workspaceChanged(changed, changes: nil))
        #expect(state.visibleRows(2).count == 121)
        #expect(state.selectedRow?.id == selected)
    }

    @Test("a snapshot prepared from an older state of the store is not put back over a newer one")
    func staleSnapshotIgnored() {
        let snapshot = demoSnapshot()
        var state = AppState(snapshot: snapshot, location: "/w")
        var newer = snapshot
        var first = newer.backlog.all[0]
        first.title = "Newer"
        newer.backlog[first.id] = first
        var backlog = WorkspaceChanges()
        backlog.records[.backlog] = []
        _ = state.update(.workspaceChanged(newer, changes: backlog, generation: 5))
        _ = state.update(.workspacePrepared(PreparedSnapshot(snapshot, changes: backlog, generation: 4)))
        #expect(state.contents[3].rows.contains { $0.cells.last == "Newer" })
        #expect(state.generation == 5)
    }

    @Test("only the panes showing a changed collection are rebuilt")
    func selectiveRebuild() {
        let snapshot = demoSnapshot()
        var state = AppState(snapshot: snapshot, location: "/w")
        var changed = snapshot
        let id = RecordID<FeedbackItem>("ffffffff-ffff-7fff-bfff-fffffffffffe")
        changed.feedback[id] = FeedbackItem(id: id, text: "new feedback", createdAt: Date())
        var first = changed.backlog.all[0]
        first.title = "Renamed"
        changed.backlog[first.id] = first
        var backlogOnly = WorkspaceChanges()
        backlogOnly.records[.backlog] = [first.id.rawValue]
        _ = state.update(.workspaceChanged(changed, changes: backlogOnly))
        #expect(state.contents[3].rows.contains { $0.cells.last == "Renamed" })
        #expect(state.contents[2].rows.count == 120)  // the feedback pane was left alone
        var feedback = WorkspaceChanges()
        feedback.records[.feedback] = [id.rawValue]
        _ = state.update(.workspaceChanged(changed, changes: feedback))
        #expect(state.contents[2].rows.count == 121)
    }

    @Test("untrusted text reaches the panes without escape sequences")
    func sanitized() {
        var snapshot = demoSnapshot(feedback: 0)
        snapshot.feedback = RecordTable([FeedbackItem(text: "\u{1B}]0;owned\u{07}evil \u{1B}[31mred", createdAt: Date())])
        let state = AppState(snapshot: snapshot, location: "/w")
        #expect(state.contents[2].rows[0].cells.last == "evil red")
    }
}

@Suite("README")
struct ReadmeTests {
    @Test("the README lists every action name a config file can bind")
    func actionNames() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for action in Action.allCases { #expect(text.contains("`\(action.rawValue)`"), "\(action.rawValue)") }
    }
}
