import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumStore

/// Accepting and undoing the bulk drafts (sentiment, themes, links) on a large demo
/// workspace kept in git: how long each takes and how many paths `git status` shows after
/// it. The peer, in the same run on the same workspace: the same sentiment written into
/// every feedback item's file in one transaction, as Podium accepted it before annotations.
///
///   swift run -c release podium-bench bulk-accept [N]   (default 100000)
enum BulkAcceptBench {
    static func run(size: Int) throws {
        let folder = URL(fileURLWithPath: ".build/bench/bulk-\(size)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        var store: WorkspaceStore!
        let made = try elapsed { store = try DemoWorkspace(feedbackCount: size).create(at: folder) }
        print("demo of \(size) items written in \(String(format: "%.1f s", made))")
        let engine = JobEngine(store: store, concurrency: 1, providerFor: { _ in LocalProvider() })
        var drafts: [(JobKind, RecordID<Draft>, Double)] = []
        for kind in [JobKind.tagSentiment, .clusterThemes, .linkFeedback] {
            var job: Job!
            let took = try elapsed {
                job = try engine.enqueue(kind)
                engine.waitForIdle()
            }
            guard let id = store.snapshot.jobs[job.id]?.draftID else { throw CocoaError(.featureUnsupported) }
            drafts.append((kind, id, took))
        }
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-qm", "drafts made"], in: folder)

        print("| draft | items it touches | job took | accept | undo | paths in git status after accept | after undo |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        let review = DraftReview(store: store, actor: "bench")
        for (kind, id, job) in drafts {
            let draft = store.snapshot.drafts[id]
            let proposal = draft?.proposal
            let touches = (proposal?.sentiments?.count ?? 0) + (proposal?.themeTags?.reduce(0) { $0 + $1.feedbackIDs.count } ?? 0)
                + (proposal?.feedbackLinks?.count ?? 0)
            let accept = try elapsed { try review.accept(id) }
            let afterAccept = try changedPaths(folder)
            let undo = try elapsed { try review.undoAccept(id) }
            let afterUndo = try changedPaths(folder)
            print("| \(kind) | \(touches) | \(String(format: "%.1f s", job)) | \(String(format: "%.2f s", accept)) | \(String(format: "%.2f s", undo)) | \(afterAccept) | \(afterUndo) |")
        }

        // The peer: every item's file rewritten with its sentiment, in one transaction.
        guard let sentiments = store.snapshot.drafts[drafts[0].1]?.proposal?.sentiments else { return }
        let peer = try elapsed {
            try store.write { transaction in
                for assignment in sentiments {
                    try transaction.update(FeedbackItem.self, id: assignment.feedbackID) { $0.sentiment = assignment.score }
                }
            }
        }
        let peerPaths = try changedPaths(folder)
        print("| peer: sentiment written into every item's file | \(sentiments.count) | — | \(String(format: "%.2f s", peer)) | — | \(peerPaths) | — |")
    }

    /// Accepts and undoes the pending draft of `kind` in an existing workspace, timing each
    /// (for a profiler: `perf record podium-bench bulk-accept-once DIR tag-sentiment`).
    static func once(folder: String, kind: String) throws {
        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: folder))
        guard let draft = store.snapshot.drafts.values.first(where: { $0.kind.rawValue == kind && $0.status == .pending }) else {
            print("no pending \(kind) draft in \(folder)")
            return
        }
        let review = DraftReview(store: store, actor: "bench")
        let accept = try elapsed { try review.accept(draft.id) }
        let undo = try elapsed { try review.undoAccept(draft.id) }
        print(String(format: "accept %.2f s, undo %.2f s", accept, undo))
    }

    private static func changedPaths(_ folder: URL) throws -> Int {
        let result = try run(["git", "-C", folder.path, "status", "--porcelain", "--untracked-files=all"])
        return result.split(separator: "\n").count
    }

    private static func git(_ arguments: [String], in folder: URL) throws {
        _ = try run(["git", "-C", folder.path, "-c", "user.name=bench", "-c", "user.email=bench@podium.local"] + arguments)
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
