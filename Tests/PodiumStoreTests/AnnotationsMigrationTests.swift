import Foundation
import PodiumCore
@testable import PodiumStore
import PodiumTestSupport
import Testing

@Suite("Schema 2: annotations out of the feedback files")
struct AnnotationsMigrationTests {
    @Test("a schema 1 workspace is backed up, its sentiment and theme tags move to one annotations file, and every item shows the same")
    func migratesWithBackup() throws {
        let (folder, old) = try makeWorkspace(schema: Schema(version: 1, migrations: []))
        var scored = feedback("Crashes when I export")
        scored.sentiment = -0.8
        scored.tags = ["export", "theme:crashes"]
        var themed = feedback("Love the calendar")
        themed.tags = ["theme:calendar"]
        let plain = feedback("No analysis yet")
        try old.write { try $0.save(all: [scored, themed, plain]) }
        let plainBefore = try contents(old, "feedback/\(plain.id).json")

        let store = try WorkspaceStore.open(at: old.layout.root)
        let migration = try #require(store.problems.first { $0.reason.contains("migrated from schema version 1 to 2") })
        let backup = try #require(migration.movedTo)
        #expect(try String(contentsOfFile: backup + "/feedback/\(scored.id).json", encoding: .utf8).contains("\"sentiment\" : -0.8"))

        let snapshot = store.snapshot
        #expect(snapshot.annotations.count == 1 && snapshot.annotations.values.first?.kind == "migrated")
        #expect(snapshot.feedback[scored.id]?.sentiment == nil && snapshot.feedback[scored.id]?.tags == ["export"])
        #expect(snapshot.feedback[scored.id]?.currentSentiment == -0.8)
        #expect(snapshot.feedback[scored.id]?.currentTags == ["export", "theme:crashes"])
        #expect(snapshot.feedback[themed.id]?.currentTags == ["theme:calendar"])
        #expect(snapshot.feedback[plain.id]?.currentTags == [] && snapshot.feedback[plain.id]?.currentSentiment == nil)
        #expect(try contents(store, "feedback/\(plain.id).json") == plainBefore, "an item without analysis is not rewritten")
        #expect(!(try contents(store, "feedback/\(scored.id).json").contains("sentiment")))

        // Run again (as after a stop part way): it finds its own file and adds nothing twice.
        try AnnotationsMigration(layout: store.layout).run()
        let again = try WorkspaceStore.open(at: store.layout.root).snapshot
        #expect(again.annotations.count == 1)
        #expect(again.feedback[scored.id]?.currentSentiment == -0.8 && again.feedback[themed.id]?.currentTags == ["theme:calendar"])
        _ = folder
    }

    @Test("a schema 1 workspace without analysis gets no annotations file")
    func nothingToMove() throws {
        let (folder, old) = try makeWorkspace(schema: Schema(version: 1, migrations: []))
        try old.write { try $0.save(feedback("plain")) }
        let store = try WorkspaceStore.open(at: old.layout.root)
        #expect(store.snapshot.annotations.isEmpty)
        #expect(try contents(store, "workspace.json").contains("\"schemaVersion\" : 2"))
        _ = folder
    }
}
