import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// link-feedback measured on hand-labelled sets of products that are not the demo
/// (Tests/Fixtures/Evidence): the same figures `podium-bench links` reports.
@Suite("Feedback linked to the backlog, on labelled sets")
struct EvidenceLinkTests {
    /// Runs link-feedback on a labelled set imported as a user would.
    static func linkDraft(_ name: String, in folder: TemporaryDirectory) throws -> (ImportedEvidenceSet, Draft, [FeedbackLink]) {
        let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
        let job = Job(kind: .linkFeedback, stance: .decisionMaker)
        let output = try LocalProvider().run(JobRequest(job: job, snapshot: imported.store.snapshot), context: JobContext())
        let draft = Draft(jobID: job.id, kind: .linkFeedback, stance: .decisionMaker, title: output.title, content: output.content,
                          evidence: output.evidence, figures: output.figures, proposal: output.proposal)
        try imported.store.write { try $0.save(draft) }
        return (imported, draft, output.proposal?.feedbackLinks ?? [])
    }

    @Test("there are labelled sets of several products to measure on")
    func setsExist() {
        #expect(EvidenceSet.names.count >= 2, "\(EvidenceSet.names)")
    }

    @Test("demand links: precision ≥ 0.85 and recall ≥ 0.6 on every labelled set", arguments: EvidenceSet.names)
    func precisionAndRecall(name: String) throws {
        let folder = try TemporaryDirectory("podium-links")
        let (imported, _, links) = try Self.linkDraft(name, in: folder)
        let labelled = Set(imported.set.labels.map(\.feedback) + imported.set.unlinked)
        #expect(labelled.isSubset(of: Set(imported.feedback.keys)), "\(name): every labelled feedback item was imported")
        #expect(Set(imported.set.labels.map(\.backlog)).isSubset(of: Set(imported.backlog.keys)), "\(name): every labelled backlog item was imported")
        let score = imported.score(links)
        print("\(name): \(score)")
        #expect(score.precision >= 0.85, "\(name): \(score)")
        #expect(score.recall >= 0.6, "\(name): \(score)")
    }

    @Test("after accepting, every item with labelled demand shows evidence; order-backlog counts it; undo takes exactly the links back", arguments: EvidenceSet.names)
    func acceptOrderUndo(name: String) throws {
        let folder = try TemporaryDirectory("podium-links")
        let (imported, draft, links) = try Self.linkDraft(name, in: folder)
        let store = imported.store
        let before = store.snapshot.backlog.all
        let review = DraftReview(store: store)
        try review.accept(draft.id)
        let demanded = Set(imported.set.labels.filter { $0.kind == .demand }.compactMap { imported.backlog[$0.backlog] })
        for id in demanded {
            let item = try #require(store.snapshot.backlog[id])
            #expect(!item.linkedFeedback.isEmpty, "\(name): “\(item.title)” has labelled demand but no evidence after accepting")
        }
        let linkedNow = store.snapshot.backlog.all.reduce(0) { $0 + $1.linkedFeedback.count + $1.validatingFeedback.count }
        #expect(linkedNow == links.count, "every proposed link was written, once")
        let order = try LocalProvider().run(JobRequest(job: Job(kind: .orderBacklog, stance: .decisionMaker), snapshot: store.snapshot),
                                            context: JobContext())
        #expect(order.content.contains("linked"), "order-backlog's rationale speaks of the linked demand")
        try review.undoAccept(draft.id)
        let after = store.snapshot.backlog.all
        #expect(after.map(\.linkedFeedback) == before.map(\.linkedFeedback))
        #expect(after.map(\.validatingFeedback) == before.map(\.validatingFeedback))
    }
}
