import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// The Decision Maker's backlog by hand, key by key: n, e and x in the backlog view, a form
/// that says what is wrong as it is typed and writes nothing until it is right, and u.
@Suite("The backlog form")
struct BacklogFormTests {
    private func state() -> AppState {
        var state = AppState(snapshot: demoSnapshot(), location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("4"))
        return state
    }

    private func form(_ state: AppState) -> BacklogForm? {
        if case let .backlogForm(form) = state.mode { return form }
        return nil
    }

    @Test("n opens an empty form; a number field says what is wrong as it is typed; Enter with a problem writes nothing")
    func newItemRefused() throws {
        var state = state()
        #expect(state.press(.character("n")).isEmpty)
        var form = try #require(self.form(state))
        #expect(form.isNew && form.focus == .title && form.fields[.status] == "proposed")
        state.type("Remember categories")
        _ = state.press(.tab, .tab, .tab)
        state.type("XL")
        form = try #require(self.form(state))
        #expect(form.focus == .estimate)
        #expect(form.shownErrors(others: state.otherItems(than: form.id))[.estimate] == "“XL” is not a number", "shown while typing")
        #expect(state.press(.enter).isEmpty, "nothing is written")
        form = try #require(self.form(state))
        #expect(form.focus == .estimate)
        #expect(state.message == "Not saved: estimate: “XL” is not a number")
        _ = state.press(.control("u"))
        state.type("5")
        let effects = state.press(.enter)
        #expect(effects.count == 1)
        guard case let .write(.saveBacklogItem(id, fields), _) = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(id == form.id && fields[.title] == "Remember categories" && fields[.estimate] == "5")
        #expect(state.mode == .normal)
    }

    @Test("an empty title, a duplicate key and an unknown status are each refused in place")
    func otherRefusals() throws {
        var state = state()
        let taken = try #require(state.snapshot.backlog.values.first)
        var snapshot = state.snapshot
        snapshot.backlog[taken.id]?.key = "FN-7"
        _ = state.update(.workspaceChanged(snapshot, changes: nil))
        _ = state.press(.character("n"), .tab)
        state.type("fn-7")
        _ = state.press(.tab, .control("u"))
        state.type("someday")
        #expect(state.press(.enter).isEmpty)
        let form = try #require(self.form(state))
        let errors = form.shownErrors(others: state.otherItems(than: form.id))
        #expect(errors[.title] == "a title is required")
        #expect(errors[.key]?.hasPrefix("fn-7 is already the key of") == true)
        #expect(errors[.status]?.hasPrefix("“someday” is not a status") == true)
        #expect(form.focus == .title, "the first field at fault takes the cursor")
        #expect(state.message?.contains("(and 2 more)") == true)
    }

    @Test("e edits the selected item with its fields filled in; ←/→ cycle the status; Esc leaves without saving")
    func editAndCancel() throws {
        var state = state()
        let selected = try #require(state.selectedRow.flatMap { state.snapshot.backlog[RecordID($0.id)] })
        _ = state.press(.character("e"))
        var form = try #require(self.form(state))
        #expect(!form.isNew && form.id == selected.id && form.fields[.title] == selected.title)
        _ = state.press(.tab, .tab, .right)
        form = try #require(self.form(state))
        #expect(form.fields[.status] != selected.status.rawValue)
        #expect(state.press(.escape).isEmpty)
        #expect(state.message == "Esc again leaves without saving what you typed; Enter saves.", "the first Esc on a changed form asks")
        #expect(self.form(state) != nil)
        #expect(state.press(.escape).isEmpty)
        #expect(state.mode == .normal && state.message == "Nothing saved (Esc left the form).")
    }

    @Test("a saved edit and a delete can be taken back with u; x asks first and any key but y keeps the item")
    func undoAndDelete() throws {
        var state = state()
        let selected = try #require(state.selectedRow.flatMap { state.snapshot.backlog[RecordID($0.id)] })
        var changed = selected
        changed.title = "Renamed"
        _ = state.update(.backlogEdited(.saved(after: changed, before: selected)))
        #expect(state.message == "Saved “Renamed” · u undoes")
        #expect(state.press(.character("u")) == [.write(.restoreBacklogItem(selected.id, selected, expecting: changed), summary: "Undo: edited “Renamed”")])

        _ = state.press(.character("x"))
        #expect(state.mode == .confirmDelete(BacklogDeletion(id: selected.id, title: selected.title,
                                                             evidence: selected.linkedFeedback.count + selected.validatingFeedback.count)))
        #expect(state.press(.character("n")).isEmpty && state.message == "Kept “\(selected.title)”.")
        _ = state.press(.delete)
        #expect(state.press(.character("y")) == [.write(.deleteBacklogItem(selected.id), summary: "Delete backlog item “\(selected.title)”")])
        _ = state.update(.backlogEdited(.deleted(selected)))
        #expect(state.press(.character("u")) == [.write(.restoreBacklogItem(selected.id, selected, expecting: nil), summary: "Undo: deleted “\(selected.title)”")])

        let added = BacklogItem(title: "New one")
        _ = state.update(.backlogEdited(.saved(after: added, before: nil)))
        #expect(state.press(.character("u")) == [.write(.restoreBacklogItem(added.id, nil, expecting: added), summary: "Undo: added “New one”")])
    }

    @Test("the keys work in the backlog view only, and the help lists them")
    func scope() {
        var state = state()
        _ = state.press(.character("v"))  // the decision log: n records a decision there instead, x deletes nothing
        #expect(state.press(.character("n")) == [.editDocument(.decision(nil), kept: nil)])
        #expect(state.press(.character("x")).isEmpty && state.mode == .normal)
        #expect(state.message?.contains("backlog view") == true)
        _ = state.press(.character("3"), .character("e"))
        #expect(state.mode == .normal, "e does nothing to the backlog from the Customer pane")
        let help = Help.lines(for: .standard).map { "\($0.keys) \($0.title)" }
        #expect(help.contains { $0.hasPrefix("n ") && $0.contains("New backlog item") })
        #expect(help.contains { $0.contains("Delete") && $0.contains("Delete the selected backlog item") })
    }
}

/// While a long change is written off the main loop, keys that only move or read work and
/// the others wait, saying why.
@Suite("Keys during background work")
struct BackgroundKeyTests {
    @Test("moving and reading work; a change is refused with the reason; the end of the work frees the keys")
    func refusedWhileBusy() {
        var state = AppState(snapshot: demoSnapshot(), location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.update(.background(BackgroundWork(label: "accepting “Sentiment for 400 items” (400 records)", since: .now)))
        _ = state.press(.character("4"))
        #expect(state.focusedStance == .decisionMaker, "switching panes works")
        _ = state.press(.character("j"))
        #expect(state.panes[3].selected == 1, "moving works")
        #expect(state.press(.character("J")).isEmpty && state.undoStack.isEmpty, "no change, no undo entry")
        #expect(state.message?.hasPrefix("Wait a moment: accepting “Sentiment") == true)
        #expect(state.press(.character("n")).isEmpty && state.mode == .normal)
        _ = state.update(.background(nil))
        #expect(state.press(.character("J")).count == 1, "free again")
    }
}
