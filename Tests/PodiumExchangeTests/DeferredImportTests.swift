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

    /// A workspace of `count` items with external ids "T-0"…, written by one import, every
    /// file dated an hour back (so that the key index trusts them: it recomputes files
    /// modified within two seconds of its writing).
    static func keyedWorkspace(count: Int) throws -> (TemporaryDirectory, URL) {
        let (folder, setup) = try makeWorkspace()
        var rows = ["external id,text,author,date"]
        for index in 0..<count { rows.append("T-\(index),\"Remark \(index) on the export\",customer \(index),2026-10-01") }
        let file = folder.path("setup.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try FeedbackImporter.importFile(at: file, into: setup, now: fixedDate).imported == count)
        try ageFeedbackFiles(in: setup.layout.root)
        return (folder, setup.layout.root)
    }

    static func ageFeedbackFiles(in root: URL) throws {
        let feedback = root.appendingPathComponent("feedback")
        let anHourAgo = Date().addingTimeInterval(-3_600)
        for name in try FileManager.default.contentsOfDirectory(atPath: feedback.path) {
            try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: feedback.appendingPathComponent(name).path)
        }
    }

    static let mixedRows = """
        external id,text,author,date
        ,"Remark 3 on the export",customer 3,2026-10-01
        T-5,"Remark 5 on the export, now with more detail",customer 5,2026-10-01
        T-7,"Remark 7 on the export",customer 7,2026-10-01
        ,"A new remark about sync",newcomer,2026-11-01
        T-900,"A new ticket about printing",newcomer,2026-11-02

        """

    @Test("an import into a store whose feedback is unread checks its rows through the key index: duplicates, updates by tracker id and new items, as a whole read finds them; the dry run says the same", arguments: [false, true])
    func importThroughKeyIndex(indexFirst: Bool) throws {
        let (folder, root) = try Self.keyedWorkspace(count: 40)
        if indexFirst {
            // An earlier import wrote the index: this one reads it.
            let store = try WorkspaceStore.open(at: root, deferring: WorkspaceStore.largeCollections)
            let none = folder.path("none.csv")
            try "text,author,date\nnothing yet,nobody,2026-10-01\n".write(to: none, atomically: true, encoding: .utf8)
            _ = try FeedbackImporter.importFile(at: none, into: store, options: FeedbackImportOptions(dryRun: true))
            #expect(FileManager.default.fileExists(atPath: root.path + "/.podium/cache/feedback.import-key-1.keys"))
        }
        let csv = folder.path("mixed.csv")
        try Self.mixedRows.write(to: csv, atomically: true, encoding: .utf8)
        let store = try WorkspaceStore.open(at: root, deferring: WorkspaceStore.largeCollections)
        let dry = try FeedbackImporter.importFile(at: csv, into: store, options: FeedbackImportOptions(dryRun: true), now: fixedDate)
        let report = try FeedbackImporter.importFile(at: csv, into: store, now: fixedDate)
        #expect(store.snapshot.loading.contains(.feedback), "the feedback was not read whole")
        for outcome in [dry, report] {
            #expect(outcome.imported == 2, "\(outcome.summary)")
            #expect(outcome.duplicates.map(\.line) == [2], "the row repeating an item without its id: \(outcome.duplicates)")
            #expect(outcome.updates.map(\.record) == ["T-5"] && outcome.unchanged == 1, "\(outcome.updates)")
        }
        let whole = try WorkspaceStore.open(at: root).snapshot.feedback.values
        #expect(whole.count == 42)
        #expect(whole.first { $0.externalID == "T-5" }?.text == "Remark 5 on the export, now with more detail")
        #expect(whole.filter { $0.author == "newcomer" }.count == 2)
        #expect(Set(whole.map(\.text)).count == 42, "nothing was added twice")

        let again = try FeedbackImporter.importFile(at: csv, into: try WorkspaceStore.open(at: root, deferring: WorkspaceStore.largeCollections), now: fixedDate)
        #expect(again.imported == 0 && again.updates.isEmpty, "the same file again adds and changes nothing: \(again.summary)")
    }

    @Test("the key index follows the files: an item edited on disk after it was written, its file deleted, or the index damaged, and the import still matches what the files hold")
    func keyIndexFollowsTheFiles() throws {
        let (folder, root) = try Self.keyedWorkspace(count: 30)
        let index = root.path + "/.podium/cache/feedback.import-key-1.keys"
        let probe = folder.path("probe.csv")
        try "text,author,date\nnothing yet,nobody,2026-10-01\n".write(to: probe, atomically: true, encoding: .utf8)
        _ = try FeedbackImporter.importFile(at: probe, into: try WorkspaceStore.open(at: root, deferring: [.feedback]),
                                            options: FeedbackImportOptions(dryRun: true))
        #expect(FileManager.default.fileExists(atPath: index))

        // Another tool rewrites item T-2's text in place and deletes T-4's file; both dated
        // an hour back as before, so only the files' size and inode tell.
        let whole = try WorkspaceStore.open(at: root).snapshot.feedback.values
        let edited = try #require(whole.first { $0.externalID == "T-2" })
        let deleted = try #require(whole.first { $0.externalID == "T-4" })
        let editedPath = root.path + "/feedback/\(edited.id.rawValue).json"
        let json = try String(contentsOfFile: editedPath, encoding: .utf8)
        try json.replacingOccurrences(of: "Remark 2 on the export", with: "Remark two, edited by hand").write(toFile: editedPath, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root.path + "/feedback/\(deleted.id.rawValue).json")
        try Self.ageFeedbackFiles(in: root)

        let rows = """
            text,author,date
            "Remark two, edited by hand",customer 2,2026-10-01
            "Remark 4 on the export",customer 4,2026-10-01
            "Remark 6 on the export",customer 6,2026-10-01

            """
        let csv = folder.path("rows.csv")
        try rows.write(to: csv, atomically: true, encoding: .utf8)
        for damaged in [false, true] {
            if damaged { try Data("podium-key-index\n garbage".utf8).write(to: URL(fileURLWithPath: index)) }
            let store = try WorkspaceStore.open(at: root, deferring: [.feedback])
            let report = try FeedbackImporter.importFile(at: csv, into: store, options: FeedbackImportOptions(dryRun: true), now: fixedDate)
            #expect(report.duplicates.map(\.line) == [2, 4], "the edited text and the untouched item are in the workspace (damaged index: \(damaged)): \(report.duplicates)")
            #expect(report.imported == 1, "the deleted item is not: \(report.summary)")
        }
    }

    @Test("opening a large workspace writes the feedback's key index with its open cache, and the next import reads it as it is")
    func indexWrittenWithTheOpenCache() throws {
        let (folder, root) = try Self.keyedWorkspace(count: 2_100)  // the open cache starts at 2,000 records
        let index = root.path + "/.podium/cache/feedback.import-key-1.keys"
        #expect(!FileManager.default.fileExists(atPath: index))
        _ = try WorkspaceStore.open(at: root)  // a dashboard's or a command's whole open
        #expect(FileManager.default.fileExists(atPath: index))
        let written = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        let csv = folder.path("rows.csv")
        try "external id,text,author,date\nT-7,\"Remark 7 on the export\",customer 7,2026-10-01\n,\"Remark 9 on the export\",customer 9,2026-10-01\n,New one,someone,2026-11-01\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let report = try FeedbackImporter.importFile(at: csv, into: try WorkspaceStore.open(at: root, deferring: WorkspaceStore.largeCollections),
                                                     options: FeedbackImportOptions(dryRun: true), now: fixedDate)
        #expect(report.unchanged == 1 && report.duplicates.map(\.line) == [3] && report.imported == 1, "\(report.summary)")
        let after = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        #expect(written != nil && after == written, "every entry was trusted: the index was not written again")
    }
}
