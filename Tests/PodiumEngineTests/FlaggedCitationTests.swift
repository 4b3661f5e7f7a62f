import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import Testing

/// Writes a draft citing one real feedback item, with the flags it is given.
private struct FlaggingProvider: Provider {
    let info = ProviderInfo(name: "flagging", model: "test")
    let evidence: ArtifactReference
    let flagged: [FlaggedCitation]?

    func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        DraftOutput(title: "Summary", content: "Customers say so [#\(evidence.id.suffix(8))].", evidence: [Evidence(evidence)], flaggedCitations: flagged)
    }
}

@Suite("Flagged citations on drafts")
struct FlaggedCitationTests {
    @Test("a low-risk draft with a flagged citation keeps its flags and is never auto-accepted; without flags it is", arguments: [true, false])
    func autoAccept(flag: Bool) throws {
        let workspace = try Workspace(demo: true)
        let item = try #require(workspace.store.snapshot.feedback.all.first)
        let flags = flag ? [FlaggedCitation(sentence: "Customers want a moon base [#0badc0de]. \u{1B}[2J", id: "0badc0de", reason: .notSent)] : nil
        let engine = JobEngine(store: workspace.store, providerFor: { _ in FlaggingProvider(evidence: ArtifactReference(.feedback, item.id), flagged: flags) })
        var trust = TrustPolicy()
        try trust.allowAutoAccept(.summarizeFeedback)
        engine.trust = trust
        let job = try engine.enqueue(.summarizeFeedback)
        engine.waitForIdle()
        let draft = try #require(workspace.store.snapshot.jobs[job.id]?.draftID.flatMap { workspace.store.snapshot.drafts[$0] })
        #expect(draft.unknownReferences == nil)
        #expect(draft.status == (flag ? .pending : .accepted))
        #expect(draft.hasDoubtfulCitations == flag)
        #expect(draft.flaggedCitations == (flag ? [FlaggedCitation(sentence: "Customers want a moon base [#0badc0de]. ", id: "0badc0de", reason: .notSent)] : nil),
                "saved, made safe for a terminal")
    }

    @Test("a draft file from before flagged citations loads; the flags round-trip")
    func codable() throws {
        var draft = Draft(kind: .ask, stance: .orchestrator, title: "Q", content: "A", createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        let old = try WorkspaceJSON.encoder().encode(draft)
        #expect(!String(decoding: old, as: UTF8.self).contains("flaggedCitations"))
        #expect(try WorkspaceJSON.decoder().decode(Draft.self, from: old).flaggedCitations == nil)
        draft.flaggedCitations = [FlaggedCitation(sentence: "S", id: "1a2b3c4d", reason: .unsupported)]
        let new = try WorkspaceJSON.encoder().encode(draft)
        #expect(String(decoding: new, as: UTF8.self).contains("\"unsupported\""))
        #expect(try WorkspaceJSON.decoder().decode(Draft.self, from: new) == draft)
    }
}
