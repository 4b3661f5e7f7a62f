import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// Feedback triage by hand: seen, new, dismissed as noise, tags and links, one audited write
/// each; dismissed feedback stays in the workspace and never reaches an AI job.
@Suite("Feedback triage")
struct FeedbackTriageTests {
    private func workspace() throws -> (TemporaryDirectory, WorkspaceStore, [FeedbackItem]) {
        let (folder, store) = try makeWorkspace()
        let items = [
            FeedbackItem(text: "The offline mode loses my notes when the signal drops.", source: .review),
            FeedbackItem(text: "Offline notes vanish after I lose signal in the basement.", source: .review),
            FeedbackItem(text: "Boost your website traffic 300% with our SEO packages, reply for a FREE audit!!", source: .support),
        ]
        try store.write { try $0.save(all: items) }
        return (folder, store, items)
    }

    @Test("seen, dismissed and new again, with tags; each is one audit entry, and the states before come back for undo")
    func triageAndTags() throws {
        let (folder, store, items) = try workspace()
        let editor = FeedbackEditor(store: store, actor: "po")
        let before = try editor.setTriage([items[0].id: .seen, items[1].id: .seen])
        #expect(before == [items[0].id: nil, items[1].id: nil])
        try editor.setTriage([items[2].id: .dismissed])
        #expect(store.snapshot.feedback[items[2].id]?.triage == .dismissed, "kept, not deleted")
        try editor.setTriage(before)
        #expect(store.snapshot.feedback[items[0].id]?.triage == nil && store.snapshot.feedback[items[0].id]?.triageName == "new")

        let tagsBefore = try editor.setTags([items[0].id: ["offline", "notes"]], summary: "Tagged 1 feedback item: offline, notes")
        #expect(tagsBefore == [items[0].id: []])
        let reread = try WorkspaceStore.open(at: store.layout.root).snapshot
        #expect(reread.feedback[items[0].id]?.tags == ["offline", "notes"] && reread.feedback[items[2].id]?.triage == .dismissed)
        #expect(Set(reread.audit.all.map(\.summary)) == ["Marked 2 feedback items seen", "Dismissed 1 feedback item as noise", "Marked 2 feedback items new",
                                                    "Tagged 1 feedback item: offline, notes"])
        #expect(throws: FeedbackEditor.Failure.self) { try editor.setTriage([RecordID("gone"): .seen]) }
        withExtendedLifetime(folder) {}
    }

    @Test("links by hand: demand or praise, the states before returned; an unknown backlog item is refused")
    func links() throws {
        let (folder, store, items) = try workspace()
        let item = BacklogItem(title: "Reliable offline notes")
        try store.write { try $0.save(item) }
        let editor = FeedbackEditor(store: store)
        let before = try editor.setLinks(of: item.id, [items[0].id: .demand, items[1].id: .validation], summary: "Linked 2")
        #expect(before == [items[0].id: nil, items[1].id: nil])
        #expect(store.snapshot.backlog[item.id]?.linkedFeedback == [items[0].id] && store.snapshot.backlog[item.id]?.validatingFeedback == [items[1].id])
        try editor.setLinks(of: item.id, before, summary: "Undo")
        #expect(store.snapshot.backlog[item.id]?.linkedFeedback.isEmpty == true && store.snapshot.backlog[item.id]?.validatingFeedback.isEmpty == true)
        #expect(throws: FeedbackEditor.Failure.self) { try editor.setLinks(of: RecordID("nope"), [items[0].id: .demand], summary: "x") }
        withExtendedLifetime(folder) {}
    }

    @Test("an AI job never reads dismissed feedback: the summary counts and cites only the rest")
    func jobsLeaveDismissedOut() throws {
        let (folder, store, items) = try workspace()
        try FeedbackEditor(store: store).setTriage([items[2].id: .dismissed])
        let engine = JobEngine(store: store, concurrency: 1, providerFor: { _ in LocalProvider() })
        try engine.enqueue(.summarizeFeedback)
        #expect(engine.waitForIdle(timeout: .now() + 60))
        let draft = try #require(store.snapshot.drafts.values.first)
        #expect(draft.title.contains("all 2 items"), "\(draft.title)")
        #expect(!draft.content.contains("SEO") && !draft.evidence.contains { $0.reference.id == items[2].id.rawValue })
        #expect(store.snapshot.feedback.count == 3, "the dismissed item is still there")
        withExtendedLifetime(folder) {}
    }
}
