import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// The product by hand: its name, vision and goal as a document for $EDITOR, goal measures as
/// typed, one audited change each, and the undo.
@Suite("The product by hand")
struct ProductEditorTests {
    @Test("the document round-trips; a missing or unknown heading, or an empty name, is refused with the reason")
    func document() throws {
        let product = Product(name: "Ledgerly", vision: "Books that keep themselves.", productGoal: "Half of the bank lines sorted without a click by Q3.")
        #expect(try ProductDocument.read(ProductDocument.write(product), into: product) == product)
        var edited = ProductDocument.write(product).replacingOccurrences(of: "Books that keep themselves.", with: "Books that keep themselves,\nfor every trade.")
        #expect(try ProductDocument.read(edited, into: product).vision == "Books that keep themselves,\nfor every trade.")
        edited = ProductDocument.write(product).replacingOccurrences(of: "# Vision", with: "# Mission")
        #expect(throws: EditFailure(description: "“# Mission” is not a heading of the product: keep # Name, # Vision, # Product goal")) {
            try ProductDocument.read(edited, into: product)
        }
        edited = ProductDocument.write(product).replacingOccurrences(of: "# Product goal", with: "")
        #expect(throws: EditFailure(description: "the heading “# Product goal” is missing; nothing was saved")) { try ProductDocument.read(edited, into: product) }
        edited = ProductDocument.write(product).replacingOccurrences(of: "Ledgerly", with: " ")
        #expect(throws: EditFailure(description: "the product needs a name; nothing was saved")) { try ProductDocument.read(edited, into: product) }
    }

    @Test("a measure as typed: name, baseline -> target, a unit, a value now; mistakes named", arguments: [
        ("Weekly active technicians: 120 -> 200", GoalMeasure(name: "Weekly active technicians", baseline: 120, current: 120, target: 200)),
        ("App store rating: 4,1 → 4.5 ★", GoalMeasure(name: "App store rating", baseline: 4.1, current: 4.1, target: 4.5, unit: "★")),
        ("Jobs invoiced on site: 30 -> 60%, now 42", GoalMeasure(name: "Jobs invoiced on site", baseline: 30, current: 42, target: 60, unit: "%")),
        ("Monthly churn: 5% -> 2%", GoalMeasure(name: "Monthly churn", baseline: 5, current: 5, target: 2, unit: "%")),
        ("Sync failures per 1,000 jobs: 1,200 -> 50", GoalMeasure(name: "Sync failures per 1,000 jobs", baseline: 1_200, current: 1_200, target: 50)),
    ])
    func measures(text: String, expected: GoalMeasure) throws {
        #expect(try MeasureText.read(text) == expected)
    }

    @Test("bad measures are refused with what is wrong")
    func badMeasures() {
        #expect(throws: EditFailure.self) { try MeasureText.read("no colon 1 -> 2") }
        #expect(throws: EditFailure(description: "baseline “lots” is not a number")) { try MeasureText.read("X: lots -> 2") }
        #expect(throws: EditFailure(description: "the target is the baseline: nothing to measure progress by")) { try MeasureText.read("X: 2 -> 2") }
        #expect(throws: EditFailure(description: "give the baseline and the target as BASELINE -> TARGET")) { try MeasureText.read("X: 2") }
    }

    @Test("a change is one audited write; no change writes nothing; restore puts the product back")
    func changeAndRestore() throws {
        let (folder, store) = try makeWorkspace()
        let editor = ProductEditor(store: store, actor: "po")
        let before = try editor.change(summary: "Edited the product: vision") { $0.vision = "Field service without paperwork." }
        #expect(store.snapshot.product.vision == "Field service without paperwork.")
        #expect(throws: EditFailure(description: "nothing changed")) { try editor.change(summary: "x") { _ in } }
        try editor.restore(before)
        #expect(store.snapshot.product.vision == before.vision)
        #expect(try Set(WorkspaceStore.open(at: store.layout.root).snapshot.audit.all.map(\.summary)) == ["Edited the product: vision", "Undid a change to the product"])
        withExtendedLifetime(folder) {}
    }
}
