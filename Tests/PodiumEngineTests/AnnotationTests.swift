import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// Sentiment and themes accepted into one annotations file per draft, not into every item.
@Suite("Annotations: bulk accepts in one file")
struct AnnotationTests {
    private func draft(_ kind: JobKind, in store: WorkspaceStore) throws -> Draft {
        let engine = JobEngine(store: store, providerFor: { _ in LocalProvider() })
        let job = try engine.enqueue(kind)
        engine.waitForIdle()
        let saved = try #require(store.snapshot.jobs[job.id])
        return try #require(saved.draftID.flatMap { store.snapshot.drafts[$0] })
    }

    /// The files of a folder of the workspace, by name.
    private func files(_ root: URL, _ folder: String) throws -> [String: Data] {
        let path = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
        return try Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".json") }.map {
            ($0, try Data(contentsOf: path.appendingPathComponent($0)))
        })
    }

    private func git(_ arguments: [String], in directory: URL) throws -> String {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"),
                             ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.standardError)")
        return result.standardOutput
    }

    @Test("accepting sentiment writes one annotations file and no feedback file; reopened, every item shows it; undo removes the file")
    func sentimentInOneFile() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let feedbackBefore = try files(workspace.root, "feedback")
        let made = try draft(.tagSentiment, in: store)
        let proposed = try #require(made.proposal?.sentiments)
        #expect(proposed.count == store.snapshot.feedback.count)

        let accepted = try DraftReview(store: store).accept(made.id)
        #expect(accepted.appliedChanges?.map(\.reference.kind) == [.annotations])
        #expect(accepted.changedRecordCount == proposed.count, "a person counts the items, not the one file")
        #expect(try files(workspace.root, "feedback") == feedbackBefore, "no feedback file is rewritten")
        let written = try files(workspace.root, "annotations")
        #expect(written.keys.sorted() == [made.id.rawValue + ".json"])
        let reopened = try WorkspaceStore.open(at: workspace.root).snapshot
        for assignment in proposed {
            let shown = try #require(reopened.feedback[assignment.feedbackID]?.currentSentiment)
            #expect(abs(shown - assignment.score) < 0.0006)
        }
        #expect(reopened.annotations.count == 1)

        try DraftReview(store: store).undoAccept(made.id)
        #expect(try files(workspace.root, "annotations").isEmpty)
        #expect(store.snapshot.feedback.values.allSatisfy { $0.currentSentiment == nil })
        #expect(try WorkspaceStore.open(at: workspace.root).snapshot.feedback.values.allSatisfy { $0.currentSentiment == nil })
    }

    @Test("the latest accepted themes decide the theme tags; an older acceptance can be undone under a newer one; tags people gave stay")
    func themesLayer() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        // A tag a person gave, and a theme tag as a schema 1 workspace kept it in the item.
        let someone = try #require(store.snapshot.feedback.all.first)
        try store.write { try $0.update(FeedbackItem.self, id: someone.id) { $0.tags = ["billing", "theme:old-clustering"] } }

        let first = try draft(.clusterThemes, in: store)
        try DraftReview(store: store).accept(first.id)
        let tagged = try #require(store.snapshot.feedback[someone.id])
        #expect(tagged.currentTags.contains("billing") && !tagged.currentTags.contains("theme:old-clustering"))
        #expect(tagged.tags == ["billing", "theme:old-clustering"], "the item's own file is left as it was")
        let firstTags = store.snapshot.feedback.all.map(\.currentTags)
        let members = (first.proposal?.themeTags ?? []).reduce(0) { $0 + $1.feedbackIDs.count }
        #expect(store.snapshot.feedback.values.reduce(0) { $0 + $1.currentTags.filter { $0.hasPrefix("theme:") }.count } == members)

        // A second clustering, accepted later with one theme fewer, supersedes the first.
        var second = try draft(.clusterThemes, in: store)
        if second.id == first.id { second = try draft(.clusterThemes, in: store) }
        try #require(second.id != first.id && second.status == .pending)
        let dropped = try #require(second.proposal?.themeTags?.first)
        try store.write { transaction in
            var edited = second
            edited.proposal?.themeTags?.removeFirst()
            try transaction.save(edited)
        }
        try DraftReview(store: store).accept(second.id, at: Date().addingTimeInterval(60))
        #expect(store.snapshot.feedback.values.allSatisfy { !$0.currentTags.contains(dropped.tag) || first.proposal?.themeTags?.contains { $0.tag == dropped.tag } == false })
        let secondTags = store.snapshot.feedback.all.map(\.currentTags)
        #expect(secondTags != firstTags)

        // Undoing the first acceptance is allowed and changes nothing shown: the second decides.
        try DraftReview(store: store).undoAccept(first.id)
        #expect(store.snapshot.feedback.all.map(\.currentTags) == secondTags)
        try DraftReview(store: store).undoAccept(second.id)
        #expect(store.snapshot.feedback[someone.id]?.currentTags == ["billing", "theme:old-clustering"])
    }

    @Test("accepting links writes one annotations file and no backlog file; the evidence shows them, reopened too; a link taken off by hand stays off; undo takes back exactly them")
    func linksInOneFile() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let backlogBefore = try files(workspace.root, "backlog")
        let ownBefore = store.snapshot.backlog.values.map { ($0.id, $0.linkedFeedback, $0.validatingFeedback) }
        let made = try draft(.linkFeedback, in: store)
        let proposed = try #require(made.proposal?.feedbackLinks)
        let new = proposed.filter { store.snapshot.backlog[$0.backlogID]?.linkKind(of: $0.feedbackID) == nil }
        try #require(!new.isEmpty, "the draft proposes links the demo does not have")

        let accepted = try DraftReview(store: store).accept(made.id)
        #expect(accepted.appliedChanges?.map(\.reference.kind) == [.annotations])
        #expect(try files(workspace.root, "backlog") == backlogBefore, "no backlog file is rewritten")
        for snapshot in [store.snapshot, try WorkspaceStore.open(at: workspace.root).snapshot] {
            for link in new {
                #expect(snapshot.backlog[link.backlogID]?.linkKind(of: link.feedbackID) == link.kind)
            }
        }
        // A listing or an export carries them, though the item's file does not.
        let listed = try #require(store.snapshot.backlog[new[0].backlogID])
        #expect(String(decoding: try WorkspaceJSON.encoder().encode(listed.withAnnotationsApplied), as: UTF8.self).contains(new[0].feedbackID.rawValue))
        #expect(!String(decoding: try WorkspaceJSON.encoder().encode(listed), as: UTF8.self).contains(new[0].feedbackID.rawValue))

        // Taken off by hand, a draft's link stays off, reopened too; the item's file says so.
        let off = new[0]
        try store.write { try $0.update(BacklogItem.self, id: off.backlogID) { $0.unlink(off.feedbackID) } }
        #expect(try WorkspaceStore.open(at: workspace.root).snapshot.backlog[off.backlogID]?.linkKind(of: off.feedbackID) == nil)
        let file = try #require(try files(workspace.root, "backlog")[off.backlogID.rawValue + ".json"])
        #expect(String(decoding: file, as: UTF8.self).contains("unlinkedFeedback"))
        // Linked again by hand as the other kind, the hand's kind wins over the draft's.
        let other: FeedbackLinkKind = off.kind == .demand ? .validation : .demand
        try store.write { try $0.update(BacklogItem.self, id: off.backlogID) { $0.link(off.feedbackID, as: other) } }
        #expect(store.snapshot.backlog[off.backlogID]?.linkKind(of: off.feedbackID) == other)
        try store.write { try $0.update(BacklogItem.self, id: off.backlogID) { $0.unlink(off.feedbackID) } }

        try DraftReview(store: store).undoAccept(made.id)
        #expect(try files(workspace.root, "annotations").isEmpty)
        for (id, demand, praise) in ownBefore {
            let item = try #require(store.snapshot.backlog[id])
            #expect(item.linkedFeedback == demand && item.validatingFeedback == praise, "\(item.title): the links it had before")
        }
    }

    @Test("an acceptance changes a handful of paths in git, and so does its undo")
    func gitStatusAfterBulkAccept() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let sentiment = try draft(.tagSentiment, in: store)
        let themes = try draft(.clusterThemes, in: store)
        let links = try draft(.linkFeedback, in: store)
        try #require(links.proposal?.feedbackLinks?.isEmpty == false)
        _ = try git(["init", "-q", "-b", "main"], in: workspace.root)
        _ = try git(["add", "-A"], in: workspace.root)
        _ = try git(["commit", "-qm", "drafts made"], in: workspace.root)

        try DraftReview(store: store).accept(sentiment.id)
        try DraftReview(store: store).accept(themes.id)
        try DraftReview(store: store).accept(links.id)
        let afterAccepts = try git(["status", "--porcelain", "--untracked-files=all"], in: workspace.root)
            .split(separator: "\n").map(String.init)
        // Three drafts marked accepted, three annotations files, three audit entries.
        #expect(afterAccepts.count == 9, "\(afterAccepts)")
        #expect(afterAccepts.filter { $0.contains("feedback/") || $0.contains("backlog/") }.isEmpty)
        let stat = try git(["diff", "--stat"], in: workspace.root)
        #expect(stat.split(separator: "\n").count <= 4, "\(stat)")

        try DraftReview(store: store).undoAccept(links.id)
        try DraftReview(store: store).undoAccept(themes.id)
        try DraftReview(store: store).undoAccept(sentiment.id)
        let afterUndo = try git(["status", "--porcelain", "--untracked-files=all"], in: workspace.root)
            .split(separator: "\n").map(String.init)
        // The drafts are pending again, as committed; six audit entries are new.
        #expect(afterUndo.count <= 9 && afterUndo.allSatisfy { $0.contains("audit/") || $0.contains("drafts/") }, "\(afterUndo)")
    }

    @Test("two clones that each accept sentiment merge without a conflict; the later acceptance wins where they differ")
    func twoClonesMerge() throws {
        let folder = try TemporaryDirectory("podium-annotations-git")
        let origin = folder.path("origin")
        let base = try WorkspaceStore.create(at: origin, product: Product(name: "Shared"))
        let items = ["The app crashes every time I open an invoice", "Love the new calendar, great job",
                     "Sync is slow and drops my notes"].map { FeedbackItem(text: $0, createdAt: fixedDate) }
        try base.write { try $0.save(all: items) }
        _ = try git(["init", "-q", "-b", "main"], in: origin)
        _ = try git(["add", "-A"], in: origin)
        _ = try git(["commit", "-qm", "start"], in: origin)
        let alice = folder.path("alice"), bob = folder.path("bob")
        _ = try git(["clone", "-q", origin.path, alice.path], in: folder.url)
        _ = try git(["clone", "-q", origin.path, bob.path], in: folder.url)

        var accepted: [URL: RecordID<Draft>] = [:]
        for (clone, minutes) in [(alice, 0.0), (bob, 5.0)] {
            let store = try WorkspaceStore.open(at: clone)
            let made = try draft(.tagSentiment, in: store)
            try DraftReview(store: store).accept(made.id, at: Date().addingTimeInterval(minutes * 60))
            accepted[clone] = made.id
            _ = try git(["add", "-A"], in: clone)
            _ = try git(["commit", "-qm", "sentiment"], in: clone)
        }
        // Bob's acceptance is edited by hand to say something else about the first item.
        let bobFile = bob.appendingPathComponent("annotations/\(try #require(accepted[bob]).rawValue).json")
        var bobAnnotations = try WorkspaceJSON.decoder().decode(FeedbackAnnotations.self, from: Data(contentsOf: bobFile))
        bobAnnotations.sentiment?[items[0].id.rawValue] = 0.25
        try WorkspaceJSON.encode(bobAnnotations, what: "test").write(to: bobFile)
        _ = try git(["commit", "-qam", "edited"], in: bob)

        _ = try git(["push", "-q", "origin", "HEAD:alice"], in: alice)
        _ = try git(["fetch", "-q", alice.path, "main:alice"], in: bob)
        _ = try git(["merge", "-q", "--no-edit", "alice"], in: bob)
        #expect(try git(["status", "--porcelain"], in: bob).isEmpty, "merged without a conflict")

        let merged = try WorkspaceStore.open(at: bob).snapshot
        #expect(merged.annotations.count == 2)
        #expect(merged.feedback[items[0].id]?.currentSentiment == 0.25, "Bob accepted later: his value shows")
        #expect(merged.feedback.values.allSatisfy { $0.currentSentiment != nil })
    }

    @Test("a workspace reopened with sentiment and themes accepted shows both and takes writes (a miscompile once crashed here)")
    func reopenedAndWritten() throws {
        let workspace = try Workspace(demo: true)
        for kind in [JobKind.tagSentiment, .clusterThemes] {
            try DraftReview(store: workspace.store).accept(try draft(kind, in: workspace.store).id)
        }
        let reopened = try WorkspaceStore.open(at: workspace.root)
        #expect(reopened.snapshot.feedback.values.allSatisfy { $0.currentSentiment != nil && $0.annotatedThemes != nil })
        try reopened.write { try $0.save(FeedbackItem(text: "Added after reopening")) }
        #expect(reopened.snapshot.feedback.count == 201)
        #expect(reopened.snapshot.feedback.values.first { $0.text == "Added after reopening" }?.annotatedThemes == [])
    }
}
