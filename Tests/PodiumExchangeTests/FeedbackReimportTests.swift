import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Exports that give each record a stable id update the item with that id on re-import.
@Suite("Re-importing feedback by its id in the tool")
struct FeedbackReimportTests {
    private func load(_ text: String, name: String, dryRun: Bool = false, into store: WorkspaceStore, folder: TemporaryDirectory) throws -> ImportReport {
        let url = folder.path(name)
        try Data(text.utf8).write(to: url)
        return try FeedbackImporter.importFile(at: url, into: store, options: FeedbackImportOptions(dryRun: dryRun), now: fixedDate)
    }

    private func items(_ store: WorkspaceStore) throws -> [FeedbackItem] {
        try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.values.sorted { ($0.externalID ?? "") < ($1.externalID ?? "") }
    }

    @Test("Zendesk: the ticket id is kept; a changed ticket updates its item (text, tags; Podium's theme tags stay), a dry run lists the changes")
    func zendesk() throws {
        let (folder, store) = try makeWorkspace()
        let first = """
            {"tickets": [
              {"id": 35436, "subject": "Invoices go out late", "description": "Days late.", "requester_id": 7, "tags": ["billing"], "created_at": "2026-10-02T14:22:05Z"},
              {"id": 35437, "subject": "Sync fails", "description": "Every evening.", "requester_id": 8, "tags": [], "created_at": "2026-10-03T09:00:00Z"}
            ]}
            """
        _ = try load(first, name: "tickets.json", into: store, folder: folder)
        var before = try items(store)
        #expect(before.map(\.externalID) == ["zendesk:35436", "zendesk:35437"])
        before[0].tags.append("theme: invoicing")  // as an accepted theme analysis tags it
        try store.write { [before] in try $0.save(before[0]) }
        let later = first.replacingOccurrences(of: "\"Days late.\"", with: "\"Days late, every week.\"")
            .replacingOccurrences(of: "[\"billing\"]", with: "[\"billing\", \"urgent\"]")
        let dry = try load(later, name: "tickets.json", dryRun: true, into: store, folder: folder)
        #expect(dry.imported == 0 && dry.unchanged == 1 && dry.updates.map(\.record) == ["zendesk:35436"])
        #expect(dry.updates.first?.lines == [
            // Long texts show where they differ: the change at the end is in view.
            "zendesk:35436 text: \"…late — Days late.\" → \"…late — Days late, every week.\"",
            "zendesk:35436 tags: billing, theme: invoicing → billing, urgent, theme: invoicing",
        ])
        #expect(dry.summary == "Would import 0 feedback items from tickets.json (would update 1, 1 unchanged)")
        let report = try load(later, name: "tickets.json", into: store, folder: folder)
        #expect(report.updates == dry.updates)
        let after = try items(store)
        #expect(after.count == 2 && after.map(\.id) == before.map(\.id))
        #expect(after[0].text == "Invoices go out late — Days late, every week." && after[0].tags == ["billing", "urgent", "theme: invoicing"])
    }

    @Test("a re-import that changes an item's text hides the sentiment accepted for the old text; the other items keep theirs")
    func changedTextDropsAcceptedSentiment() throws {
        let (folder, store) = try makeWorkspace()
        let first = """
            {"tickets": [
              {"id": 1, "subject": "Invoices go out late", "description": "Days late.", "requester_id": 7, "created_at": "2026-10-02T14:22:05Z"},
              {"id": 2, "subject": "Sync fails", "description": "Every evening.", "requester_id": 8, "created_at": "2026-10-03T09:00:00Z"}
            ]}
            """
        _ = try load(first, name: "tickets.json", into: store, folder: folder)
        let before = try items(store)
        let annotations = FeedbackAnnotations(
            id: .make(), kind: "tag-sentiment", acceptedAt: fixedDate.addingTimeInterval(-86_400),
            sentiment: [before[0].id.rawValue: -0.6, before[1].id.rawValue: -0.4])
        try store.write { try $0.save(annotations) }
        #expect(try items(store).map(\.currentSentiment) == [-0.6, -0.4])
        _ = try load(first.replacingOccurrences(of: "Days late.", with: "Paid now, thanks!"), name: "tickets.json", into: store, folder: folder)
        let after = try items(store)
        #expect(after[0].text.hasSuffix("Paid now, thanks!") && after[0].textChangedAt == fixedDate)
        #expect(after[0].currentSentiment == nil, "the sentiment was about the old text")
        #expect(after[1].currentSentiment == -0.4)
    }

    @Test("Play Console: the review link is the id; an edited review (new text, new stars) updates its item")
    func googlePlay() throws {
        let (folder, store) = try makeWorkspace()
        let header = "Package Name,App Version Name,Review Submit Millis Since Epoch,Star Rating,Review Title,Review Text,Review Link\n"
        let first = header + "com.fieldnote.app,4.1.2,1791036125000,2,,Sync lost my notes,https://play.google.com/x?reviewId=gp1\n"
            + "com.fieldnote.app,4.1.2,1791104400000,5,,Works in the basement,https://play.google.com/x?reviewId=gp2\n"
        _ = try load(first, name: "reviews.csv", into: store, folder: folder)
        let before = try items(store)
        #expect(before.map(\.externalID) == ["google-play:https://play.google.com/x?reviewId=gp1", "google-play:https://play.google.com/x?reviewId=gp2"])
        #expect(before[0].origin == "https://play.google.com/x?reviewId=gp1")
        let edited = first.replacingOccurrences(of: "2,,Sync lost my notes", with: "4,,Sync lost my notes once; fixed now")
        let report = try load(edited, name: "reviews.csv", into: store, folder: folder)
        #expect(report.imported == 0 && report.unchanged == 1)
        #expect(report.updates.first?.changes.map(\.field) == ["text", "rating"])
        let after = try items(store)
        #expect(after.count == 2 && after[0].id == before[0].id)
        #expect(after[0].text == "Sync lost my notes once; fixed now" && after[0].rating == Rating(4, scale: .stars5))
    }

    @Test("exports without ids keep the text, author and date duplicate check")
    func withoutIDs() throws {
        let (folder, store) = try makeWorkspace()
        let csv = "Text,Author,Date\nSlow board,ana,2026-10-02\n"
        _ = try load(csv, name: "plain.csv", into: store, folder: folder)
        let again = try load(csv, name: "plain.csv", into: store, folder: folder)
        #expect(again.imported == 0 && again.duplicates.map(\.message) == ["already in the workspace"] && again.updates.isEmpty)
        #expect(try items(store).map(\.externalID) == [nil])
    }
}
