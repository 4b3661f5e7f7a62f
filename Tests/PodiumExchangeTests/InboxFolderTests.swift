import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// The inbox folder: dropped files are imported once they settle, then moved to done/ or
/// to failed/ with the reason beside them.
@Suite("Inbox folder")
struct InboxFolderTests {
    private func setUp() throws -> (TemporaryDirectory, WorkspaceStore, InboxFolder) {
        let (folder, store) = try makeWorkspace()
        let inbox = InboxFolder(folder: folder.path("inbox"), settleTime: 0)
        try inbox.prepare()
        return (folder, store, inbox)
    }

    /// The files a person sees in a folder (hidden ones left out).
    private func names(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("a good file is imported on the check after it is first seen, and moved to done/")
    func goodFile() throws {
        let (folder, store, inbox) = try setUp()
        defer { withExtendedLifetime(folder) {} }
        try "text,rating\n\"Offline mode saved my day\",5\n\"Invoices are slow\",2\n".write(to: inbox.folder.appendingPathComponent("reviews.csv"), atomically: true, encoding: .utf8)
        #expect(try inbox.check(into: store).isEmpty, "first sight: the file may still be written")
        let outcomes = try inbox.check(into: store)
        #expect(outcomes.count == 1)
        let report = try #require(outcomes.first?.report)
        #expect(report.imported == 2 && report.importedIDs.count == 2)
        #expect(Set(report.importedIDs) == Set(store.snapshot.feedback.values.map(\.id.rawValue)))
        #expect(names(inbox.folder) == ["done", "failed"])
        #expect(names(inbox.doneFolder) == ["reviews.csv"])
        #expect(try inbox.check(into: store).isEmpty)
        let audit = store.snapshot.audit.values.filter { $0.action == .importData }
        #expect(audit.count == 1 && audit.first?.isAutomated == true && audit.first?.details["automation"] == "inbox", "the log says the inbox imported it")
        // The same file again: nothing new, and the log says so too.
        try "text,rating\n\"Offline mode saved my day\",5\n".write(to: inbox.folder.appendingPathComponent("again.csv"), atomically: true, encoding: .utf8)
        _ = try inbox.check(into: store)
        #expect(try inbox.check(into: store).first?.report?.imported == 0)
        #expect(store.snapshot.audit.values.contains { $0.details["file"] == "again.csv" && $0.details["imported"] == "0" })
    }

    @Test("a bad file imports nothing and goes to failed/ with a .reason file saying why; the audit log says so")
    func badFile() throws {
        let (folder, store, inbox) = try setUp()
        defer { withExtendedLifetime(folder) {} }
        try "name,when\nana,2026-01-01\n".write(to: inbox.folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        _ = try inbox.check(into: store)
        let outcome = try #require(try inbox.check(into: store).first)
        #expect(outcome.report == nil)
        #expect(outcome.failure?.contains("no column holds feedback text") == true)
        #expect(names(inbox.failedFolder) == ["people.csv", "people.csv.reason"])
        let reason = try String(contentsOf: inbox.failedFolder.appendingPathComponent("people.csv.reason"), encoding: .utf8)
        #expect(reason.contains("no column holds feedback text") && reason.contains("--map"))
        #expect(store.snapshot.feedback.isEmpty)
        let audit = try #require(store.snapshot.audit.values.first { $0.action == .importData })
        #expect(audit.isAutomated && audit.details["failed"] == "people.csv" && audit.summary.contains("could not be imported"),
                "the log says what became of the file: \(audit.summary)")
        // The same name dropped again does not overwrite the first failure.
        try "name\nbo\n".write(to: inbox.folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        _ = try inbox.check(into: store)
        _ = try inbox.check(into: store)
        #expect(names(inbox.failedFolder) == ["people-2.csv", "people-2.csv.reason", "people.csv", "people.csv.reason"])
    }

    @Test("a file still growing is left alone until its size stops changing; partial downloads are never taken")
    func growingFile() throws {
        let (folder, store, inbox) = try setUp()
        defer { withExtendedLifetime(folder) {} }
        let file = inbox.folder.appendingPathComponent("survey.csv")
        try "text\n\"First answer\"\n".write(to: file, atomically: false, encoding: .utf8)
        try "text\n\"partial\"\n".write(to: inbox.folder.appendingPathComponent("export.csv.part"), atomically: false, encoding: .utf8)
        #expect(try inbox.check(into: store).isEmpty)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\"Second answer\"\n".utf8))
        try handle.close()
        #expect(try inbox.check(into: store).isEmpty, "the size changed since the last look")
        #expect(names(inbox.folder).contains("survey.csv"))
        let outcomes = try inbox.check(into: store)
        #expect(outcomes.map(\.report?.imported) == [2], "both rows, once it settled")
        #expect(names(inbox.folder) == ["done", "export.csv.part", "failed"])
    }

    @Test("a file that changed less than the settle time ago waits")
    func settleTime() throws {
        let (folder, store) = try makeWorkspace()
        let inbox = InboxFolder(folder: folder.path("inbox"), settleTime: 30)
        try inbox.prepare()
        try "text\n\"Fresh\"\n".write(to: inbox.folder.appendingPathComponent("fresh.csv"), atomically: true, encoding: .utf8)
        _ = try inbox.check(into: store)
        #expect(try inbox.check(into: store).isEmpty)
        #expect(try inbox.check(into: store, now: Date().addingTimeInterval(31)).count == 1)
    }

    @Test("two watchers of one folder import a file once; a name taken in done/ is never replaced")
    func twoWatchers() throws {
        let (folder, store) = try makeWorkspace()
        let first = InboxFolder(folder: folder.path("inbox"), settleTime: 0)
        let second = InboxFolder(folder: folder.path("inbox"), settleTime: 0)
        try first.prepare()
        let earlier = "text\n\"Earlier export\"\n"
        try earlier.write(to: first.doneFolder.appendingPathComponent("same.csv"), atomically: true, encoding: .utf8)
        try "text\n\"Dropped once\"\n".write(to: first.folder.appendingPathComponent("same.csv"), atomically: true, encoding: .utf8)
        _ = try first.check(into: store)
        _ = try second.check(into: store)
        let taken = try first.check(into: store) + second.check(into: store)
        #expect(taken.count == 1, "one of them imports it, the other finds it gone")
        #expect(store.snapshot.feedback.values.filter { $0.text == "Dropped once" }.count == 1)
        #expect(names(first.doneFolder) == ["same-2.csv", "same.csv"])
        #expect(try String(contentsOf: first.doneFolder.appendingPathComponent("same.csv"), encoding: .utf8) == earlier)
        #expect(taken.first?.summary.contains("moved to done/same-2.csv") == true)
    }

    @Test("only files the importer reads are taken; an inbox that is the workspace, inside it (but inbox/), above it or at home is refused")
    func safety() throws {
        let (folder, store, inbox) = try setUp()
        defer { withExtendedLifetime(folder) {} }
        try "binary".write(to: inbox.folder.appendingPathComponent("slides.pdf"), atomically: true, encoding: .utf8)
        try "text\n\"Fine\"\n".write(to: inbox.folder.appendingPathComponent("answers.TSV"), atomically: true, encoding: .utf8)
        _ = try inbox.check(into: store)
        #expect(try inbox.check(into: store).map(\.file) == ["answers.TSV"])
        #expect(names(inbox.folder) == ["done", "failed", "slides.pdf"])
        #expect(FileManager.default.fileExists(atPath: inbox.folder.path + "/.gitignore"), "dropped exports stay out of git")

        let workspace = store.layout.root
        #expect(InboxFolder.unsafeReason(workspace, workspace: workspace, home: nil) != nil)
        #expect(InboxFolder.unsafeReason(workspace.deletingLastPathComponent(), workspace: workspace, home: nil) != nil)
        #expect(InboxFolder.unsafeReason(folder.path("elsewhere"), workspace: workspace, home: folder.path("elsewhere").path) != nil)
        #expect(InboxFolder.unsafeReason(URL(fileURLWithPath: "/"), workspace: workspace, home: nil) != nil)
        #expect(InboxFolder.unsafeReason(inbox.folder, workspace: workspace, home: nil) == nil)
        for inside in ["feedback", "rules", ".podium", "inbox/done", "backlog/more"] {
            let reason = InboxFolder.unsafeReason(workspace.appendingPathComponent(inside), workspace: workspace, home: nil)
            #expect(reason?.contains("inside the workspace other than inbox/") == true, "\(inside): its records would be moved away")
        }
        #expect(InboxFolder.unsafeReason(workspace.appendingPathComponent("inbox"), workspace: workspace, home: nil) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.folder.path + "/.taking").isEmpty, "no empty claim folder is left behind")
    }

    @Test("a file a stopped process had claimed goes back to the inbox, once; another host's claim is left alone")
    func claimedByTheDead() throws {
        let (folder, store, inbox) = try setUp()
        defer { withExtendedLifetime(folder) {} }
        let host = ProcessInfo.processInfo.hostName
        // A claim from before the last reboot: its pid may well be running again, as another program.
        let rebooted = inbox.folder.appendingPathComponent(".taking/\(getppid())~an-earlier-boot~\(host)")
        let elsewhere = inbox.folder.appendingPathComponent(".taking/4242~their-boot~another-host")
        for (claim, file) in [(rebooted, "late.csv"), (elsewhere, "theirs.csv")] {
            try FileManager.default.createDirectory(at: claim, withIntermediateDirectories: true)
            try "text\n\"Half taken \(file)\"\n".write(to: claim.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        // Two watchers (in this process, on two threads) start at once and both find the dead claim.
        let path = inbox.folder
        DispatchQueue.concurrentPerform(iterations: 2) { _ in try? InboxFolder(folder: path, settleTime: 0).prepare() }
        #expect(names(inbox.folder).filter { $0.hasPrefix("late") } == ["late.csv"], "returned once")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("theirs.csv").path), "a live process elsewhere keeps its claim")
        _ = try inbox.check(into: store)
        #expect(try inbox.check(into: store).map(\.report?.imported) == [1])
    }

    @Test("a pipe or a folder named like an export is never taken, and does not block the check")
    func onlyRegularFiles() throws {
        let (folder, store, inbox) = try setUp()
        defer { withExtendedLifetime(folder) {} }
        #expect(mkfifo(inbox.folder.appendingPathComponent("stream.csv").path, 0o600) == 0)
        try FileManager.default.createDirectory(at: inbox.folder.appendingPathComponent("exports.json"), withIntermediateDirectories: true)
        try "text\n\"Real feedback\"\n".write(to: inbox.folder.appendingPathComponent("real.csv"), atomically: true, encoding: .utf8)
        _ = try inbox.check(into: store)
        #expect(try inbox.check(into: store).map(\.file) == ["real.csv"])
        #expect(names(inbox.folder) == ["done", "exports.json", "failed", "stream.csv"])
    }
}
