import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium import` opens a workspace without its drafts, annotations and audit log (they can
/// be most of a large workspace in use): the import writes without reading them, and
/// reading them afterwards finds everything — theirs, the import's, another process's.
@Suite("Importing without reading the whole workspace")
struct DeferredImportTests {
    @Test("an import into a store whose drafts, annotations and audit are unread writes its items and audit entry; reading the rest later loses nothing")
    func importWithoutDrafts() throws {
        let (folder, setup) = try makeWorkspace()
        let first = folder.path("first.csv")
        try "text,author,date\n\"Export to PDF is slow\",ana,2026-11-01\n".write(to: first, atomically: true, encoding: .utf8)
        _ = try FeedbackImporter.importFile(at: first, into: setup, now: fixedDate)
        let old = try #require(setup.snapshot.feedback.values.first)
        let draft = Draft(kind: .tagSentiment, stance: .customerRepresentative, title: "Sentiment", content: "-",
                          proposal: DraftProposal(sentiments: [SentimentAssignment(feedbackID: old.id, score: -0.6)]))
        try setup.write { transaction in
            try transaction.save(draft)
            try transaction.log(AuditEntry(actor: "ana", action: .create, summary: "before"))
        }
        _ = try DraftReview(store: setup).accept(draft.id)
        let root = folder.path("ws")
        let store = try WorkspaceStore.open(at: root, deferring: [.drafts, .annotations, .audit])
        #expect(store.snapshot.loading == [.drafts, .annotations, .audit])

        // Another process writes a draft and an audit entry meanwhile.
        let other = try WorkspaceStore.open(at: root)
        let theirs = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Theirs", content: "-")
        try other.write { transaction in
            try transaction.save(theirs)
            try transaction.log(AuditEntry(actor: "bo", action: .create, summary: "theirs"))
        }

        let csv = folder.path("new.csv")
        try "text,author,date\n\"Export to PDF is slow\",ana,2026-11-01\nSync drops my edits,cy,2026-11-02\n".write(to: csv, atomically: true, encoding: .utf8)
        let report = try FeedbackImporter.importFile(at: csv, into: store, now: fixedDate)
        #expect(report.imported == 1 && report.duplicates.count == 1, "the duplicate is found in the feedback alone: \(report.summary)")
        #expect(store.snapshot.loading == [.drafts, .annotations, .audit], "nothing else was read for it")

        try store.finishLoading()
        let whole = store.snapshot
        #expect(whole.loading.isEmpty)
        #expect(Set(whole.drafts.values.map(\.title)) == ["Sentiment", "Theirs"])
        #expect(Set(whole.audit.values.map(\.summary)).isSuperset(of: ["before", "theirs", report.summary]))
        #expect(whole.feedback[old.id]?.currentSentiment == -0.6, "the accepted sentiment is applied once the annotations are read")
        #expect(whole.feedback.values.contains { $0.text == "Sync drops my edits" })

        let fresh = try WorkspaceStore.open(at: root).snapshot
        #expect(fresh.drafts.count == whole.drafts.count && fresh.audit.count == whole.audit.count && fresh.feedback.count == whole.feedback.count)
    }
}
