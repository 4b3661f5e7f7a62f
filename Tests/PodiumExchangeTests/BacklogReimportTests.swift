import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Re-importing a tracker's newer export updates the items with the same key in place.
@Suite("Re-importing a tracker's export")
struct BacklogReimportTests {
    /// The Jira export a week later: LED-104 is done and re-estimated, LED-101 relabelled and
    /// renamed, LED-105 is new, LED-102 unchanged, LED-103 not in the file.
    static let jiraLater = """
        Summary,Issue key,Issue id,Issue Type,Status,Priority,Description,Custom field (Story Points),Labels,Labels,Sprint
        Offline sync for job records,LED-101,10101,Story,In Progress,High,"Sync when the van is back, not before",8,sync,,LED Sprint 13
        Export invoices as PDF,LED-102,10102,Story,To Do,Medium,,3,billing,,
        Photo attachments,LED-104,10104,Story,Done,High,Attach photos to a job,5,photos,,LED Sprint 12
        Signature capture,LED-105,10105,Story,To Do,Medium,,2,,,

        """

    @Test("a changed export updates by key: same ids, order, links and Podium's inputs; nothing duplicated or deleted")
    func updatesInPlace() throws {
        let (folder, store) = try makeWorkspace()
        _ = try importBacklog(BacklogLayoutTests.jira, name: "jira.csv", into: store, folder: folder)
        let before = try backlogByKey(store)
        let feedback = FeedbackItem(text: "Sync loses my notes", createdAt: fixedDate)
        try store.write { transaction in
            try transaction.save(feedback)
            var sync = before["LED-101"]!
            sync.rice.reach = 400
            sync.rice.effort = 2  // the Product Owner's own effort, not the points
            sync.wsjf.businessValue = 8
            sync.link(feedback.id, as: .demand)
            sync.order = 9
            try transaction.save(sync)
        }

        let dry = try importBacklog(Self.jiraLater, name: "jira.csv", options: BacklogImportOptions(dryRun: true), into: store, folder: folder)
        #expect(dry.imported == 1 && dry.updates.count == 2 && dry.unchanged == 1)
        #expect(dry.added == ["LED-105 Signature capture (proposed)"])
        let changes = dry.updates.flatMap(\.lines)
        #expect(changes.contains("LED-104 status: ready → done"))
        #expect(changes.contains("LED-104 estimate: 8 → 5"))
        #expect(changes.contains("LED-101 title: \"Offline sync for job data\" → \"Offline sync for job records\""))
        #expect(changes.contains("LED-101 labels: sync, offline → sync"))
        #expect(dry.summary == "Would import 1 backlog item from jira.csv (would update 2, 1 unchanged)")
        #expect(dry.lines().contains("    LED-104 status: ready → done"))
        #expect(try backlogByKey(store)["LED-104"]?.status == .ready)

        let report = try importBacklog(Self.jiraLater, name: "jira.csv", into: store, folder: folder)
        #expect(report.updates == dry.updates && report.imported == 1 && report.unchanged == 1)
        let after = try backlogByKey(store)
        #expect(after.count == 5)
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.backlog.count == 5)
        for key in ["LED-101", "LED-102", "LED-103", "LED-104"] { #expect(after[key]?.id == before[key]?.id) }
        let sync = try #require(after["LED-101"])
        #expect(sync.title == "Offline sync for job records" && sync.tags == ["sync"] && sync.estimate == 8)
        #expect(sync.rice.reach == 400 && sync.rice.effort == 2 && sync.wsjf.businessValue == 8 && sync.wsjf.jobSize == 8)
        #expect(sync.linkedFeedback == [feedback.id] && sync.order == 9)
        let photos = try #require(after["LED-104"])
        #expect(photos.status == .done && photos.doneAt == fixedDate && photos.rice.effort == 5 && photos.order == before["LED-104"]?.order)
        #expect(after["LED-103"]?.status == .dropped)
        #expect(after["LED-105"].map { $0.order > (before.values.map(\.order).max() ?? 0) } == true)
        let audit = try WorkspaceStore.open(at: store.layout.root).snapshot.audit.all.last
        #expect(audit?.details["updated"] == "2" && audit?.details["imported"] == "1")

        let again = try importBacklog(Self.jiraLater, name: "jira.csv", into: store, folder: folder)
        #expect(again.imported == 0 && again.updates.isEmpty && again.unchanged == 4)
        #expect(try backlogByKey(store).count == 5)
    }

    @Test("an item imported without a key (same title) takes the key instead of being added again")
    func adoptsItemsWithoutKeys() throws {
        let (folder, store) = try makeWorkspace()
        let old = BacklogItem(title: "export invoices as pdf", order: 1, createdAt: fixedDate)
        try store.write { try $0.save(old) }
        let report = try importBacklog(BacklogLayoutTests.jira, name: "jira.csv", into: store, folder: folder)
        #expect(report.imported == 3 && report.updates.map(\.record) == ["LED-102"])
        #expect(report.updates.first?.changes.first == ImportReport.FieldChange(field: "key", before: "—", after: "LED-102"))
        #expect(try backlogByKey(store)["LED-102"]?.id == old.id)
    }
}

/// Bad input names its row and writes nothing.
@Suite("Refusing a bad backlog export")
struct BacklogRefusalTests {
    /// Imports `text` into a fresh workspace and returns the error and whether anything was written.
    private func refusal(_ text: String, name: String = "jira.csv") throws -> (ImportError?, written: Bool) {
        let (folder, store) = try makeWorkspace()
        var caught: ImportError?
        do {
            _ = try importBacklog(text, name: name, into: store, folder: folder)
        } catch let error as ImportError {
            caught = error
        }
        let snapshot = try WorkspaceStore.open(at: store.layout.root).snapshot
        return (caught, !snapshot.backlog.isEmpty || !snapshot.audit.isEmpty)
    }

    private let header = "Summary,Issue key,Issue id,Issue Type,Status,Custom field (Story Points)\n"

    @Test("a key used twice")
    func repeatedKey() throws {
        let (error, written) = try refusal(header + "A,LED-1,1,Story,To Do,1\nB,LED-2,2,Story,To Do,1\nC,LED-1,3,Story,Done,2\n")
        #expect(error == .repeatedKey(file: "jira.csv", line: 4, key: "LED-1", firstLine: 2))
        #expect(error?.description == "jira.csv:4: the key \"LED-1\" is also on line 2; a key names one item; nothing was imported")
        #expect(!written)
    }

    @Test("a row without a key")
    func blankKey() throws {
        let (error, written) = try refusal(header + "A,LED-1,1,Story,To Do,1\nB,,2,Story,To Do,1\n")
        #expect(error == .missingKey(file: "jira.csv", line: 3, column: "Issue key"))
        #expect(!written)
    }

    @Test("an estimate that is not a number, T-shirt sizes included")
    func textEstimate() throws {
        for size in ["XL", "?"] {
            let (error, written) = try refusal(header + "A,LED-1,1,Story,To Do,3\nB,LED-2,2,Story,To Do,\(size)\n")
            #expect(error == .notANumber(file: "jira.csv", line: 3, field: "estimate", column: "Custom field (Story Points)", value: size))
            #expect(!written)
        }
    }

    @Test("a plain CSV's Estimate or Story Points column is the tracker estimate, whatever the layout: kept, filling effort and job size; text or a value below zero stops the import naming its row")
    func plainEstimate() throws {
        for column in ["Estimate", "Story Points", "Points"] {
            let (folder, store) = try makeWorkspace()
            _ = try importBacklog("Title,\(column)\nOffline sync,5\nDark mode,\n", name: "plain.csv", into: store, folder: folder)
            let items = Dictionary(uniqueKeysWithValues: try WorkspaceStore.open(at: store.layout.root).snapshot.backlog.values.map { ($0.title, $0) })
            #expect(items["Offline sync"]?.estimate == 5 && items["Offline sync"]?.rice.effort == 5 && items["Offline sync"]?.wsjf.jobSize == 5, "\(column)")
            #expect(items["Dark mode"]?.estimate == nil)
        }
        let (text, textWritten) = try refusal("Title,Estimate\nA,3\nB,XL\n", name: "plain.csv")
        #expect(text == .notANumber(file: "plain.csv", line: 3, field: "estimate", column: "Estimate", value: "XL") && !textWritten)
        let (negative, negativeWritten) = try refusal("Title,Estimate\nA,-2\n", name: "plain.csv")
        #expect(negative?.description == "plain.csv:2: estimate \"-2\" in \"Estimate\" is below zero; an estimate is zero or more; nothing was imported")
        #expect(!negativeWritten)
    }

    @Test("a status not in the tracker's table: every unknown one named, with the option that maps it")
    func unknownStatus() throws {
        let (error, written) = try refusal(header + "A,LED-1,1,Story,To Do,1\nB,LED-2,2,Story,Waiting for QA,1\nC,LED-3,3,Story,Blocked,1\nD,LED-4,4,Story,Waiting for QA,1\n")
        #expect(error == .unknownStatuses(file: "jira.csv", line: 3, statuses: ["Waiting for QA", "Blocked"], layout: "Jira issues"))
        #expect(error?.description.contains(#"--status "Waiting for QA=STATUS" --status "Blocked=STATUS""#) == true)
        #expect(!written)
    }

    @Test("a file that is no backlog export says which columns were expected")
    func notABacklog() throws {
        let (error, written) = try refusal("Date,Amount,Customer\n2026-12-01,120,Kim\n", name: "invoices.csv")
        guard case let .notABacklog(file, columns, expected)? = error else {
            Issue.record("expected notABacklog, got \(String(describing: error))")
            return
        }
        #expect(file == "invoices.csv" && columns == ["Date", "Amount", "Customer"])
        #expect(expected.first == "Jira issues (Issue key, Summary, Issue Type)")
        #expect(error?.description.contains("Expected Jira issues (Issue key, Summary, Issue Type), Azure DevOps work items") == true)
        #expect(!written)
    }
}
