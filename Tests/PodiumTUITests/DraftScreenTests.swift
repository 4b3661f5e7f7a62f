import PodiumCore
@testable import PodiumTUI
import Testing

/// The review screen shows a model's flagged citations: a warning above the text, the list
/// with the evidence.
@Suite("Draft screen: flagged citations")
struct DraftScreenTests {
    @Test("a warning near the top, and each flagged sentence with its id and reason above the evidence")
    func flagged() {
        var draft = Draft(kind: .ask, stance: .orchestrator, title: "Q: invoices", content: "Customers want a moon base [#0badc0de].")
        #expect(DraftScreen.flaggedLines(draft).isEmpty)
        #expect(!DraftScreen.textLines(draft).contains { $0.role == .warning })
        draft.flaggedCitations = [FlaggedCitation(sentence: "Customers want a moon base [#0badc0de].", id: "0badc0de", reason: .notSent)]
        let warning = DraftScreen.textLines(draft).prefix(4).filter { $0.role == .warning }.map(\.text)
        #expect(warning == ["1 sentence(s) cite a record not given to the model or that does not say it (listed with the evidence)"])
        let listed = DraftScreen.flaggedLines(draft).map(\.text)
        #expect(listed.starts(with: ["Flagged citations", "#0badc0de · cites a record it was not given", "  “Customers want a moon base [#0badc0de].”"]))
    }
}
