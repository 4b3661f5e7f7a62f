import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// The backlog by hand, as the dashboard's form and `podium backlog` change it: fields checked
/// as typed, one audited transaction per change, nothing written when a field is wrong.
@Suite("Backlog items by hand")
struct BacklogEditorTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func workspace() throws -> (TemporaryDirectory, WorkspaceStore, BacklogItem) {
        let (folder, store) = try makeWorkspace()
        let existing = BacklogItem(key: "LED-101", title: "Bank feeds reconnect by themselves", order: 3, createdAt: Self.now)
        try store.write { try $0.save(existing) }
        return (folder, store, existing)
    }

    @Test("each kind of bad input names its field and what is wrong", arguments: [
        (BacklogFields.Field.title, "  ", "a title is required"),
        (.estimate, "XL", "“XL” is not a number"),
        (.reach, "-5", "not below 0"),
        (.jobSize, "0", "more than 0 (it divides)"),
        (.confidence, "250", "at most 1 (or a percentage: 80%)"),
        (.confidence, "1.5", "at most 1 (or a percentage: 80%)"),
        (.status, "maybe", "“maybe” is not a status: proposed, ready, in-progress, done, dropped"),
        (.key, "led-101", "led-101 is already the key of “Bank feeds reconnect by themselves”"),
        (.key, "LED 102", "a key has no spaces (e.g. LED-101)"),
    ])
    func badInput(field: BacklogFields.Field, text: String, expected: String) throws {
        let (folder, store, existing) = try workspace()
        var fields = BacklogFields([.title: "Remember categories", .status: "proposed"])
        fields[field] = text
        #expect(fields.error(of: field, others: [existing]) == expected)
        let files = try FileManager.default.subpathsOfDirectory(atPath: store.layout.root.path).count
        #expect(throws: BacklogEditor.Refusal.self) { try BacklogEditor(store: store).save(fields, id: .make(), now: Self.now) }
        #expect(store.snapshot.backlog.count == 1 && store.snapshot.audit.isEmpty, "nothing written")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: store.layout.root.path).count == files)
        withExtendedLifetime(folder) {}
    }

    @Test("what people type is read: statuses in any spelling, numbers with a comma or a percent sign")
    func lenientReading() {
        #expect(BacklogFields.status("In progress") == .inProgress)
        #expect(BacklogFields.status("inprogress") == .inProgress)
        #expect(BacklogFields.status("DONE") == .done)
        #expect(BacklogFields.number("0,5") == 0.5)
        #expect(BacklogFields.number("1,200") == 1_200 && BacklogFields.number("12,500,000") == 12_500_000, "a thousands comma, as Podium writes numbers")
        #expect(BacklogFields.number("80%") == 80)
        #expect(BacklogFields.number("1e400") == nil && BacklogFields.number("3 points") == nil)
        let item = BacklogFields([.title: "x", .status: "ready", .confidence: "80%"]).applied(to: BacklogItem(title: ""), now: Self.now)
        #expect(item.rice.confidence == 0.8)
    }

    @Test("a new item goes to the end of the backlog, audited; an edit names the fields it changed; done is dated")
    func addEditDone() throws {
        let (folder, store, existing) = try workspace()
        let editor = BacklogEditor(store: store, actor: "po")
        let id = RecordID<BacklogItem>.make()
        let fields = BacklogFields([.title: " Remember categories per supplier ", .status: "ready", .estimate: "5", .tags: "categories, time-saver",
                                    .reach: "900", .impact: "2", .confidence: "0.8", .effort: "1.5"])
        let (before, added) = try editor.save(fields, id: id, now: Self.now)
        #expect(before == nil)
        #expect(added.title == "Remember categories per supplier" && added.order == existing.order + 1)
        #expect(added.tags == ["categories", "time-saver"] && added.estimate == 5 && added.rice.score != nil)

        var edited = BacklogFields(added)
        edited[.status] = "done"
        edited[.estimate] = "8"
        let (was, now) = try editor.save(edited, id: id, now: Self.now.addingTimeInterval(60))
        #expect(was == added)
        #expect(now.status == .done && now.doneAt == Self.now.addingTimeInterval(60) && now.estimate == 8)
        edited[.status] = "in-progress"
        #expect(try editor.save(edited, id: id, now: Self.now).after.doneAt == nil, "leaving done clears the date")

        let onDisk = try WorkspaceStore.open(at: store.layout.root).snapshot
        #expect(onDisk.backlog[id]?.status == .inProgress)
        let summaries = onDisk.audit.all.map(\.summary)
        #expect(summaries.contains("Added backlog item “Remember categories per supplier”"))
        #expect(summaries.contains("Edited backlog item “Remember categories per supplier”: status, estimate"))
        #expect(onDisk.audit.all.allSatisfy { $0.actor == "po" && $0.subject == ArtifactReference(.backlog, id) })
        withExtendedLifetime(folder) {}
    }

    @Test("delete and restore: the item and its links come back as they were; restoring a new item removes it")
    func deleteAndRestore() throws {
        let (folder, store, existing) = try workspace()
        var linked = existing
        let feedback = FeedbackItem(text: "Monzo keeps disconnecting")
        linked.link(feedback.id, as: .demand)
        try store.write { try $0.save(feedback); try $0.save(linked) }
        let editor = BacklogEditor(store: store)
        let deleted = try editor.delete(existing.id)
        #expect(store.snapshot.backlog[existing.id] == nil && store.snapshot.feedback[feedback.id] != nil, "the feedback stays")
        try editor.restore(existing.id, to: deleted)
        #expect(store.snapshot.backlog[existing.id] == deleted && deleted.linkedFeedback == [feedback.id])

        let id = RecordID<BacklogItem>.make()
        try editor.save(BacklogFields([.title: "Temporary", .status: "proposed"]), id: id)
        try editor.restore(id, to: nil)
        #expect(store.snapshot.backlog[id] == nil)
        let actions = store.snapshot.audit.all.map(\.action)
        #expect(actions.filter { $0 == .undo }.count == 2 && actions.contains(.delete))
        #expect(throws: BacklogEditor.Failure.self) { try editor.delete(id) }

        // An undo never overwrites a change made since: the item deleted elsewhere stays deleted.
        var fields = BacklogFields(deleted)
        fields[.estimate] = "8"
        let (was, now) = try editor.save(fields, id: existing.id)
        try editor.delete(existing.id)
        #expect(throws: BacklogEditor.Failure.self) { try editor.restore(existing.id, to: was, expecting: now) }
        #expect(store.snapshot.backlog[existing.id] == nil)
        withExtendedLifetime(folder) {}
    }
}
