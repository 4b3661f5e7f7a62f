import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// The Visionary's keys: e edits the product in $EDITOR (a refused edit's text is offered
/// again), + adds a goal measure, = records a value, x removes one; u undoes each.
@Suite("Vision and goal keys")
struct VisionKeyTests {
    private func state() -> AppState {
        var state = AppState(snapshot: demoSnapshot(), location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("1"))
        return state
    }

    @Test("e asks the program to open the product; a refused edit keeps its text for the next e; a saved one can be undone")
    func editProduct() {
        var state = state()
        #expect(state.press(.character("e")) == [.editProduct(kept: nil)])
        _ = state.update(.productEdited(.refused(reason: "the heading “# Vision” is missing; nothing was saved", text: "# Name\n\nX\n")))
        #expect(state.message?.hasPrefix("Not saved: the heading “# Vision” is missing") == true)
        #expect(state.press(.character("e")) == [.editProduct(kept: "# Name\n\nX\n")])
        let before = state.snapshot.product
        _ = state.update(.productEdited(.saved(before: before, summary: "Edited the product: vision")))
        #expect(state.press(.character("u")) == [.write(.restoreProduct(before), summary: "Undo: edited the product: vision")])
        #expect(state.keptProductText == nil)
    }

    @Test("+ takes a measure as typed and refuses a wrong one in place; = refuses text; x removes; u undoes")
    func measures() throws {
        var state = state()
        let product = state.snapshot.product
        _ = state.press(.character("+"))
        state.type("Weekly active technicians: lots -> 200")
        #expect(state.press(.enter).isEmpty)
        guard case let .prompt(prompt) = state.mode else {
            Issue.record("the prompt closed")
            return
        }
        #expect(prompt.note == "baseline “lots” is not a number")
        _ = state.press(.control("u"))
        state.type("Weekly active technicians: 120 -> 200")
        let added = GoalMeasure(name: "Weekly active technicians", baseline: 120, current: 120, target: 200)
        #expect(state.press(.enter) == [.write(.changeMeasure(.add(added)), summary: "Added the goal measure “Weekly active technicians”")])
        #expect(state.undoStack.last?.restore == .restoreProduct(product))

        let selected = try #require(state.selectedRow?.id)
        _ = state.press(.character("="))
        state.type("a lot")
        #expect(state.press(.enter).isEmpty)
        _ = state.press(.control("u"))
        state.type("41")
        #expect(state.press(.enter) == [.write(.changeMeasure(.setCurrent(name: selected, value: 41)), summary: "\(selected): now 41")])
        #expect(state.press(.character("x")) == [.write(.changeMeasure(.remove(name: selected)), summary: "Removed the goal measure “\(selected)”")])
    }
}
