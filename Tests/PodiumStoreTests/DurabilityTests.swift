import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

@Suite("Workspace store: crashes, corruption and schema versions")
struct DurabilityTests {
    @Test("a corrupt record file is moved aside and reported; the rest opens")
    func corruptRecord() throws {
        let (folder, store) = try makeWorkspace()
        let good = feedback("good")
        let bad = feedback("bad")
        try store.write { try $0.save(all: [good, bad]) }
        let badPath = store.layout.folder(.feedback) + "/\(bad.id).json"
        try Data("{\"text\": \"trunc".utf8).write(to: URL(fileURLWithPath: badPath))

        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback.count == 1)
        #expect(reopened.snapshot.feedback[good.id] != nil)
        let problem = try #require(reopened.problems.first)
        #expect(problem.path == badPath)
        #expect(problem.lost.contains("feedback item \(bad.id)"))
        #expect(problem.reason.contains("not valid JSON at line 1, column"), "where the file stops being JSON: \(problem.reason)")
        let movedTo = try #require(problem.movedTo)
        #expect(try String(contentsOfFile: movedTo, encoding: .utf8) == "{\"text\": \"trunc")
        #expect(!FileManager.default.fileExists(atPath: badPath))
        #expect(reopened.snapshot.audit.values.contains { $0.action == .quarantine && $0.summary.contains(badPath) })
        _ = folder
    }

    @Test("a record with a wrong field type is reported with the field's name")
    func wrongFieldType() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("typed")
        try store.write { try $0.save(item) }
        let path = store.layout.folder(.feedback) + "/\(item.id).json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"tags\" : [\n\n  ]", with: "\"tags\" : 7")
            .replacingOccurrences(of: "\"tags\" : [\n  ]", with: "\"tags\" : 7")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.problems.first?.reason.contains("tags") == true)
        _ = folder
    }

    @Test("a truncated product.json is moved aside; records still open")
    func corruptProduct() throws {
        let (folder, store) = try makeWorkspace()
        try store.write { try $0.save(feedback("kept")) }
        try Data("{\"name\": ".utf8).write(to: URL(fileURLWithPath: store.layout.productFile))
        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback.count == 1)
        #expect(reopened.problems.contains { $0.path == store.layout.productFile && $0.movedTo != nil })
        _ = folder
    }

    @Test("a workspace from a newer Podium is refused and left byte for byte as it was")
    func newerSchema() throws {
        let (folder, store) = try makeWorkspace()
        try store.write { try $0.save(feedback("x")) }
        let info = try String(contentsOfFile: store.layout.workspaceFile, encoding: .utf8)
            .replacingOccurrences(of: "\"schemaVersion\" : \(Schema.current.version)", with: "\"schemaVersion\" : 99")
        try Data(info.utf8).write(to: URL(fileURLWithPath: store.layout.workspaceFile))
        let before = allFiles(under: store.layout.rootPath).map { ($0, try? Data(contentsOf: URL(fileURLWithPath: store.layout.rootPath + "/" + $0))) }
        #expect(throws: StoreError.newerSchema(path: store.layout.rootPath, found: 99, supported: Schema.current.version)) {
            try WorkspaceStore.open(at: store.layout.root)
        }
        let after = allFiles(under: store.layout.rootPath).map { ($0, try? Data(contentsOf: URL(fileURLWithPath: store.layout.rootPath + "/" + $0))) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        _ = folder
    }

    @Test("an older schema is backed up, then migrated in order")
    func migration() throws {
        let (folder, store) = try makeWorkspace(schema: Schema(version: 1, migrations: []))
        let item = feedback("to migrate")
        try store.write { try $0.save(item) }
        let steps = Schema(version: 3, migrations: [
            Migration(from: 2, summary: "second") { context in
                try context.transformRecords(in: .feedback) { $0["text"] = ($0["text"] as? String ?? "") + " +2" }
            },
            Migration(from: 1, summary: "first") { context in
                try context.transformRecords(in: .feedback) { $0["text"] = ($0["text"] as? String ?? "") + " +1" }
            },
        ])
        let migrated = try WorkspaceStore.open(at: store.layout.root, schema: steps)
        #expect(migrated.snapshot.feedback[item.id]?.text == "to migrate +1 +2")
        #expect(try contents(store, "workspace.json").contains("\"schemaVersion\" : 3"))
        let backup = try #require(migrated.problems.first?.movedTo)
        let saved = try String(contentsOfFile: backup + "/feedback/\(item.id).json", encoding: .utf8)
        #expect(saved.contains("\"text\" : \"to migrate\""))
        #expect(try String(contentsOfFile: backup + "/workspace.json", encoding: .utf8).contains("\"schemaVersion\" : 1"))
        // Opening again does not migrate twice.
        #expect(try WorkspaceStore.open(at: store.layout.root, schema: steps).snapshot.feedback[item.id]?.text == "to migrate +1 +2")
        _ = folder
    }

    @Test("kill -9 at random moments: every file old or new, transactions whole, no stale lock")
    func killLoop() throws {
        let (folder, store) = try makeWorkspace()
        let items = (0..<8).map { feedback("generation 0 seed \($0)") }
        try store.write { try $0.save(all: items) }
        var generator = SeededGenerator(seed: 42)
        var observedGenerations = Set<String>()
        for round in 0..<12 {
            let writer = Process()
            writer.executableURL = BuiltProducts.executable("podium-test-writer")
            writer.arguments = ["churn", store.layout.rootPath]
            let output = Pipe()
            writer.standardOutput = output
            try writer.run()
            _ = output.fileHandleForReading.availableData  // "ready": it has committed at least once
            usleep(UInt32.random(in: 1_000...40_000, using: &generator))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            #expect(writer.terminationReason == .uncaughtSignal, "round \(round)")

            let reopened = try WorkspaceStore.open(at: store.layout.root)
            #expect(!reopened.isLockedByAnotherProcess, "stale lock after round \(round)")
            #expect(reopened.problems.isEmpty, "round \(round): \(reopened.problems)")
            let snapshot = reopened.snapshot
            #expect(snapshot.feedback.count == items.count)
            let generations = Set(snapshot.feedback.values.map { String($0.text.split(separator: " ").prefix(2).joined(separator: " ")) })
            #expect(generations.count == 1, "round \(round): half a transaction is visible: \(generations)")
            #expect(generations.first.map { snapshot.product.name == $0 } == true, "product and records disagree")
            observedGenerations.formUnion(generations)
            for file in allFiles(under: store.layout.rootPath) where !file.hasPrefix(".podium/") && file.hasSuffix(".json") {
                let data = try Data(contentsOf: URL(fileURLWithPath: store.layout.rootPath + "/" + file))
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is not whole JSON")
            }
            #expect(!allFiles(under: store.layout.rootPath).contains { ($0 as NSString).lastPathComponent.hasPrefix(".tmp-") })
        }
        #expect(observedGenerations.count > 1, "the writer never got past its first generation")
        _ = folder
    }
}

@Suite("JSON mistakes")
struct JSONSyntaxTests {
    @Test("the line and column where a text stops being JSON", arguments: [
        ("{\"a\": 1}", nil as [Int]?),
        ("{\n  \"a\": 1,\n  \"b\": ,\n}", [3, 8]),
        ("[1, 2", [1, 6]),
        ("{\n  \"é\": \"ü\",\n  x\n}", [3, 3]),
    ])
    func mistakes(_ text: String, at place: [Int]?) {
        let found = JSONSyntax.mistake(in: Data(text.utf8)).map { [$0.line, $0.column] }
        #expect(found == place, "\(text)")
    }
}
