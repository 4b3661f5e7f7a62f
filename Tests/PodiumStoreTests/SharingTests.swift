import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

@Suite("Workspace store: sharing with other processes and with git")
struct SharingTests {
    @Test("a running store sees what another writer added, changed and removed")
    func refreshSeesOtherWriters() throws {
        let (folder, dashboard) = try makeWorkspace()
        let kept = feedback("kept")
        let removed = feedback("removed")
        try dashboard.write { try $0.save(all: [kept, removed]) }

        let other = try WorkspaceStore.open(at: dashboard.layout.root)
        let added = feedback("added elsewhere")
        try other.write { transaction in
            try transaction.save(added)
            try transaction.update(FeedbackItem.self, id: kept.id) { $0.text = "kept, edited" }
            transaction.delete(FeedbackItem.self, id: removed.id)
        }
        let changes = try dashboard.refresh()
        #expect(changes.records[.feedback] == [added.id.rawValue, kept.id.rawValue, removed.id.rawValue])
        #expect(dashboard.snapshot.feedback[added.id] != nil)
        #expect(dashboard.snapshot.feedback[kept.id]?.text == "kept, edited")
        #expect(dashboard.snapshot.feedback[removed.id] == nil)
        #expect(try dashboard.refresh().isEmpty)
        _ = folder
    }

    @Test("the snapshot's generation grows with every change, and only then")
    func generations() throws {
        let (folder, store) = try makeWorkspace()
        let start = store.versionedSnapshot.generation
        try store.write { try $0.save(feedback("one")) }
        let afterWrite = store.versionedSnapshot.generation
        #expect(afterWrite > start)
        try store.refresh()
        #expect(store.versionedSnapshot.generation == afterWrite)
        let other = try WorkspaceStore.open(at: store.layout.root)
        try other.write { try $0.save(feedback("two")) }
        try store.refresh()
        #expect(store.versionedSnapshot.generation > afterWrite)
        _ = folder
    }

    @Test("a write never overwrites a change it has not seen")
    func noLostUpdateBetweenStores() throws {
        let (folder, first) = try makeWorkspace()
        let item = BacklogItem(title: "counter", order: 0, createdAt: fixedDate)
        try first.write { try $0.save(item) }
        let second = try WorkspaceStore.open(at: first.layout.root)
        try first.write { try $0.update(BacklogItem.self, id: item.id) { $0.order += 1 } }
        // `second` has not refreshed; its write still starts from the disk.
        try second.write { try $0.update(BacklogItem.self, id: item.id) { $0.order += 1 } }
        #expect(try WorkspaceStore.open(at: first.layout.root).snapshot.backlog[item.id]?.order == 2)
        _ = folder
    }

    @Test("two processes writing at once lose nothing")
    func concurrentProcesses() throws {
        let (folder, store) = try makeWorkspace()
        let counter = BacklogItem(title: "counter", order: 0, createdAt: fixedDate)
        try store.write { try $0.save(counter) }
        let writers = try ["a", "b"].map { tag in
            let process = Process()
            process.executableURL = BuiltProducts.executable("podium-test-writer")
            process.arguments = ["increment", store.layout.rootPath, counter.id.rawValue, "60", tag]
            try process.run()
            return process
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        try store.refresh()
        let snapshot = store.snapshot
        #expect(snapshot.backlog[counter.id]?.order == 120)
        #expect(snapshot.feedback.count == 120)
        let texts = Set(snapshot.feedback.values.map(\.text))
        #expect(texts == Set((0..<60).flatMap { ["a \($0)", "b \($0)"] }))
        _ = folder
    }

    @Test("a running store sees another process's writes through refresh")
    func refreshSeesOtherProcess() throws {
        let (folder, store) = try makeWorkspace()
        let counter = BacklogItem(title: "counter", order: 0, createdAt: fixedDate)
        try store.write { try $0.save(counter) }
        #expect(store.snapshot.feedback.isEmpty)
        let result = try run(BuiltProducts.executable("podium-test-writer"),
                             ["increment", store.layout.rootPath, counter.id.rawValue, "3", "cli"])
        #expect(result.status == 0, "\(result.standardError)")
        let changes = try store.refresh()
        #expect(changes.count(in: .feedback) == 3)
        #expect(changes.count(in: .backlog) == 1)
        #expect(store.snapshot.backlog[counter.id]?.order == 3)
        _ = folder
    }

    @Test("a file replaced outside Podium (an editor, git) is picked up by refresh")
    func outsideEdit() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("original")
        try store.write { try $0.save(item) }
        let path = store.layout.folder(.feedback) + "/\(item.id).json"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "original", with: "edited by hand")
        usleep(20_000)  // folder timestamps are coarse: let the clock move on, as it would for a person
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try store.refresh()
        #expect(store.snapshot.feedback[item.id]?.text == "edited by hand")
        _ = folder
    }

    @Test("two clones changing different records merge cleanly in git, and the merge opens")
    func gitMerge() throws {
        let folder = try TemporaryDirectory("podium-git")
        let origin = folder.path("origin")
        let base = try WorkspaceStore.create(at: origin, product: Product(name: "Shared", updatedAt: fixedDate))
        let shared = BacklogItem(title: "Shared item", order: 1, createdAt: fixedDate)
        let other = BacklogItem(title: "Other item", order: 2, createdAt: fixedDate)
        try base.write { try $0.save(all: [shared, other]) }
        func git(_ arguments: [String], in directory: URL) throws {
            let result = try run(URL(fileURLWithPath: "/usr/bin/env"),
                                 ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments)
            try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.standardError)")
        }
        try git(["init", "-q", "-b", "main"], in: origin)
        try git(["add", "-A"], in: origin)
        try git(["commit", "-qm", "start"], in: origin)
        #expect(!(try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", origin.path, "ls-files"]).standardOutput.contains(".podium")))

        let alice = folder.path("alice")
        let bob = folder.path("bob")
        try git(["clone", "-q", origin.path, alice.path], in: folder.url)
        try git(["clone", "-q", origin.path, bob.path], in: folder.url)
        let aliceStore = try WorkspaceStore.open(at: alice)
        try aliceStore.write { transaction in
            try transaction.save(feedback("from alice"))
            try transaction.update(BacklogItem.self, id: shared.id) { $0.title = "Shared item, renamed by Alice" }
        }
        let bobStore = try WorkspaceStore.open(at: bob)
        try bobStore.write { transaction in
            try transaction.save(feedback("from bob"))
            try transaction.update(BacklogItem.self, id: other.id) { $0.status = .ready }
        }
        for clone in [alice, bob] {
            try git(["add", "-A"], in: clone)
            try git(["commit", "-qm", "change"], in: clone)
        }
        try git(["push", "-q", "origin", "HEAD:alice"], in: alice)
        try git(["fetch", "-q", alice.path, "main:alice"], in: bob)
        try git(["merge", "-q", "--no-edit", "alice"], in: bob)

        let merged = try WorkspaceStore.open(at: bob)
        #expect(merged.problems.isEmpty)
        #expect(Set(merged.snapshot.feedback.values.map(\.text)) == ["from alice", "from bob"])
        #expect(merged.snapshot.backlog[shared.id]?.title == "Shared item, renamed by Alice")
        #expect(merged.snapshot.backlog[other.id]?.status == .ready)
        // The dashboard that stayed open in Bob's clone sees the merge on its next refresh.
        usleep(20_000)
        try bobStore.refresh()
        #expect(bobStore.snapshot.feedback.count == 2)
    }
}

@Suite("Workspace watcher")
struct WatcherTests {
    /// Collects what a watcher reports, for a test to wait on.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var feedbackIDs = Set<String>()
        let arrived = DispatchSemaphore(value: 0)

        func add(_ changes: WorkspaceChanges) {
            lock.withLock { feedbackIDs.formUnion(changes.records[.feedback] ?? []) }
            arrived.signal()
        }

        var feedbackCount: Int { lock.withLock { feedbackIDs.count } }
    }

    @Test("a watching process is told about records another process imported")
    func watcherReportsOtherProcess() throws {
        let (folder, store) = try makeWorkspace()
        let counter = BacklogItem(title: "counter", order: 0, createdAt: fixedDate)
        try store.write { try $0.save(counter) }
        let reports = Reports()
        let watcher = WorkspaceWatcher(store: store, interval: .milliseconds(100), onChange: { reports.add($0) })
        watcher.start()
        defer { watcher.stop() }
        let result = try run(BuiltProducts.executable("podium-test-writer"),
                             ["increment", store.layout.rootPath, counter.id.rawValue, "3", "shell"])
        #expect(result.status == 0)
        // Wait for the reports (a generous limit: this checks that they come, not how fast).
        let deadline = Date().addingTimeInterval(20)
        while reports.feedbackCount < 3 && Date() < deadline {
            _ = reports.arrived.wait(timeout: .now() + 1)
        }
        #expect(reports.feedbackCount == 3)
        #expect(store.snapshot.feedback.count == 3)
        _ = folder
    }
}
