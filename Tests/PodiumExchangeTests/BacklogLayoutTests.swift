import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Writes `text` to a file named `name` next to the workspace and imports it as backlog items.
func importBacklog(
    _ text: String, name: String, options: BacklogImportOptions = BacklogImportOptions(), into store: WorkspaceStore,
    folder: TemporaryDirectory
) throws -> ImportReport {
    let url = folder.path(name)
    try Data(text.utf8).write(to: url)
    return try BacklogImporter.importFile(at: url, into: store, options: options, now: fixedDate)
}

/// The backlog by tracker key, read back from disk.
func backlogByKey(_ store: WorkspaceStore) throws -> [String: BacklogItem] {
    let items = try WorkspaceStore.open(at: store.layout.root).snapshot.backlog.values
    return Dictionary(uniqueKeysWithValues: items.compactMap { item in item.key.map { ($0, item) } })
}

/// Trackers' exports as they write them, imported with no flags: recognised, keyed, with
/// their statuses and estimates mapped.
@Suite("Importing trackers' backlog exports")
struct BacklogLayoutTests {
    static let jira = """
        Summary,Issue key,Issue id,Issue Type,Status,Priority,Description,Custom field (Story Points),Labels,Labels,Labels,Sprint,Parent,Created,Updated
        Offline sync for job data,LED-101,10101,Story,In Progress,High,"Sync when the van is back, not before",5,sync,offline,,LED Sprint 12,LED-100,01/Dec/26 9:00 AM,02/Dec/26 10:00 AM
        Export invoices as PDF,LED-102,10102,Story,To Do,Medium,,3,billing,,,,LED-100,01/Dec/26 9:05 AM,01/Dec/26 9:05 AM
        Dark theme,LED-103,10103,Task,Won't Do,Low,,,,,,,,01/Dec/26 9:10 AM,03/Dec/26 9:10 AM
        Photo attachments,LED-104,10104,Story,Selected for Development,High,Attach photos to a job,8,photos,,,LED Sprint 12,,01/Dec/26 9:15 AM,01/Dec/26 9:15 AM

        """

    @Test("Jira: keys, statuses by Jira's table, story points as effort inputs, one list from the repeated Labels columns")
    func jira() throws {
        let (folder, store) = try makeWorkspace()
        let report = try importBacklog(Self.jira, name: "jira.csv", into: store, folder: folder)
        #expect(report.detectedFormat == "Jira issues")
        #expect(report.imported == 4 && report.warnings.isEmpty)
        #expect(!report.unusedColumns.contains { $0.hasPrefix("Labels") })
        let items = try backlogByKey(store)
        #expect(items.keys.sorted() == ["LED-101", "LED-102", "LED-103", "LED-104"])
        #expect(items.mapValues(\.status) == ["LED-101": .inProgress, "LED-102": .proposed, "LED-103": .dropped, "LED-104": .ready])
        let sync = try #require(items["LED-101"])
        #expect(sync.title == "Offline sync for job data" && sync.description == "Sync when the van is back, not before")
        #expect(sync.estimate == 5 && sync.rice.effort == 5 && sync.wsjf.jobSize == 5)
        #expect(sync.tags == ["sync", "offline"])
        #expect(items["LED-103"]?.estimate == nil && items["LED-103"]?.rice.effort == nil)
        #expect(report.added.first == "LED-101 Offline sync for job data (in-progress)")
    }

    @Test("Jira without a Resolved column: a done item is dated by its Updated time, not by the import (releases sit on the signals' timeline)")
    func jiraDoneDate() throws {
        let (folder, store) = try makeWorkspace()
        let export = """
            Summary,Issue key,Issue id,Issue Type,Status,Created,Updated
            Stripe Connect payouts,LED-108,10108,Story,Done,02/Jan/26 9:00 AM,27/Jan/26 4:30 PM

            """
        _ = try importBacklog(export, name: "jira.csv", into: store, folder: folder)
        let item = try #require(try backlogByKey(store)["LED-108"])
        #expect(item.doneAt == Timestamp.date(year: 2026, month: 1, day: 27, hour: 16, minute: 30))
    }

    @Test("Linear: the ID is the key; Todo is ready, Canceled dropped; the estimate feeds the effort inputs")
    func linear() throws {
        let (folder, store) = try makeWorkspace()
        let csv = """
            ID,Team,Title,Description,Status,Estimate,Priority,Project,Cycle,Labels,Assignee,Created,Updated,Completed
            ENG-42,Engineering,Offline sync,Keep jobs offline,In Progress,3,High,Field app,Cycle 7,"Bug, Sync",ana@example.com,2026-11-01T10:00:00.000Z,2026-11-02T10:00:00.000Z,
            ENG-43,Engineering,Invoice PDF,,Todo,,No priority,,,,,2026-11-01T10:00:00.000Z,2026-11-01T10:00:00.000Z,
            ENG-44,Engineering,Old idea,,Canceled,1,Low,,,,,2026-11-01T10:00:00.000Z,2026-11-03T10:00:00.000Z,
            ENG-45,Engineering,Shipped thing,,Done,2,Low,,,,,2026-08-01T10:00:00.000Z,2026-09-03T10:00:00.000Z,2026-09-03T10:00:00.000Z

            """
        let report = try importBacklog(csv, name: "linear.csv", into: store, folder: folder)
        #expect(report.detectedFormat == "Linear issues")
        let items = try backlogByKey(store)
        #expect(items.mapValues(\.status) == ["ENG-42": .inProgress, "ENG-43": .ready, "ENG-44": .dropped, "ENG-45": .done])
        #expect(items["ENG-42"]?.tags == ["Bug", "Sync"])
        #expect(items["ENG-42"]?.estimate == 3 && items["ENG-42"]?.rice.effort == 3 && items["ENG-42"]?.wsjf.jobSize == 3)
        #expect(items["ENG-43"]?.estimate == nil && items["ENG-43"]?.wsjf.jobSize == nil)
        // Dated as the tracker dates it: created and completed, not at the import.
        #expect(items["ENG-45"]?.doneAt == Timestamp.date(year: 2026, month: 9, day: 3, hour: 10))
        #expect(items["ENG-45"]?.createdAt == Timestamp.date(year: 2026, month: 8, day: 1, hour: 10))
        #expect(report.warnings.isEmpty)
    }

    @Test("Azure DevOps: the ID is the key, Effort the estimate, tags split on \"; \", states by Azure's table")
    func azureDevOps() throws {
        let (folder, store) = try makeWorkspace()
        let csv = """
            ID,Work Item Type,Title,State,Effort,Tags,Description,Area Path,Iteration Path
            1201,Product Backlog Item,Offline sync,Committed,5,sync; offline,<div>Keep jobs</div>,Fieldnote\\Mobile,Fieldnote\\Sprint 12
            1202,Bug,Crash on photo,New,,mobile,,Fieldnote\\Mobile,Fieldnote
            1203,Product Backlog Item,Approved one,Approved,2,,,Fieldnote,Fieldnote
            1204,Product Backlog Item,Old,Removed,,,,Fieldnote,Fieldnote

            """
        let report = try importBacklog(csv, name: "azure.csv", into: store, folder: folder)
        #expect(report.detectedFormat == "Azure DevOps work items")
        let items = try backlogByKey(store)
        #expect(items.mapValues(\.status) == ["1201": .inProgress, "1202": .proposed, "1203": .ready, "1204": .dropped])
        #expect(items["1201"]?.tags == ["sync", "offline"] && items["1201"]?.rice.effort == 5 && items["1201"]?.wsjf.jobSize == 5)
        #expect(items["1203"]?.estimate == 2)
    }

    @Test("GitHub issues from gh's JSON: \"#17\" keys, label names, OPEN and CLOSED")
    func gitHub() throws {
        let (folder, store) = try makeWorkspace()
        let json = """
            [{"body":"Jira, Linear and Azure exports as they come","labels":[{"id":"LA_kwDO1","name":"enhancement","description":"New feature","color":"a2eeef"},{"id":"LA_kwDO2","name":"import","description":"","color":"ededed"}],"number":17,"state":"OPEN","title":"Import backlog exports"},
             {"body":"","labels":[],"number":18,"state":"CLOSED","title":"Crash on empty file"}]
            """
        let report = try importBacklog(json, name: "issues.json", into: store, folder: folder)
        #expect(report.detectedFormat == "GitHub issues")
        let items = try backlogByKey(store)
        #expect(items.mapValues(\.status) == ["#17": .proposed, "#18": .done])
        #expect(items["#17"]?.tags == ["enhancement", "import"])
        #expect(items["#17"]?.description == "Jira, Linear and Azure exports as they come")
        // gh's export says an issue is closed, not when: it was done before the import, on a
        // day nobody knows, so no update counts it as shipped this sprint.
        #expect(items["#18"]?.doneAt == nil)
    }

    @Test("--status says what a tracker status means; the user's word beats the table")
    func statusOption() throws {
        let (folder, store) = try makeWorkspace()
        let csv = Self.jira.replacingOccurrences(of: "Story,To Do", with: "Story,Waiting for QA")
        let options = BacklogImportOptions(statuses: ["Waiting for QA=in-progress", "won't do=proposed"])
        _ = try importBacklog(csv, name: "jira.csv", options: options, into: store, folder: folder)
        let items = try backlogByKey(store)
        #expect(items["LED-102"]?.status == .inProgress && items["LED-103"]?.status == .proposed)
        for bad in ["Waiting for QA", "Waiting for QA=later", "=done", "Blocked=ready"] {
            let options = BacklogImportOptions(statuses: [bad, "Blocked=dropped"])
            #expect(throws: ImportError.self) { _ = try importBacklog(csv, name: "jira.csv", options: options, into: store, folder: folder) }
        }
    }
}
