import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

@Suite("Workspace store: reading and writing")
struct WorkspaceStoreTests {
    @Test("records written in one store are read back by a new one")
    func roundTrip() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("Exports are slow", author: "ana")
        let backlog = BacklogItem(title: "Faster exports", rice: RICEInputs(reach: 100, impact: 2, confidence: 0.8, effort: 2),
                                  linkedFeedback: [item.id], createdAt: fixedDate)
        try store.write { transaction in
            try transaction.save(item)
            try transaction.save(backlog)
        }
        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback[item.id] == item)
        #expect(reopened.snapshot.backlog[backlog.id] == backlog)
        #expect(reopened.snapshot.product.name == "Test product")
        #expect(reopened.problems.isEmpty)
        _ = folder
    }

    @Test("files are pretty JSON with sorted keys, one per record, named by id")
    func readableFiles() throws {
        let (folder, store) = try makeWorkspace()
        let item = FeedbackItem(id: RecordID("0193a5b2-0000-7000-8000-000000000001"), text: "Hi", source: .survey,
                                createdAt: fixedDate, tags: ["b", "a"])
        try store.write { try $0.save(item) }
        let text = try contents(store, "feedback/0193a5b2-0000-7000-8000-000000000001.json")
        #expect(text == """
            {
              "createdAt" : "2026-09-21T14:13:20Z",
              "id" : "0193a5b2-0000-7000-8000-000000000001",
              "source" : "survey",
              "tags" : [
                "b",
                "a"
              ],
              "text" : "Hi"
            }

            """)
        _ = folder
    }

    @Test("a new workspace is private: folders 0700, files 0600, also after saves")
    func privateModes() throws {
        let (folder, store) = try makeWorkspace()
        try store.write { transaction in
            try transaction.save(feedback("one"))
            try transaction.save(feedback("two"))
            var product = transaction.product
            product.vision = "Changed"
            try transaction.setProduct(product)
        }
        try store.write { try $0.save(feedback("three")) }
        let root = store.layout.rootPath
        #expect(try mode(root) == 0o700)
        #expect(try mode(root + "/feedback") == 0o700)
        #expect(try mode(root + "/.podium") == 0o700)
        for file in allFiles(under: root) {
            #expect(try mode(root + "/" + file) == 0o600, "\(file)")
        }
        _ = folder
    }

    @Test("a transaction that throws writes nothing")
    func failedTransactionWritesNothing() throws {
        let (folder, store) = try makeWorkspace()
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.write { transaction in
                try transaction.save(feedback("never stored"))
                throw Refused()
            }
        }
        #expect(store.snapshot.feedback.isEmpty)
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.layout.folder(.feedback)).isEmpty)
        _ = folder
    }

    @Test("update changes the record as it is on disk; a missing record is an error naming it")
    func updateAndMissing() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("v1")
        try store.write { try $0.save(item) }
        try store.write { try $0.update(FeedbackItem.self, id: item.id) { $0.text = "v2" } }
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback[item.id]?.text == "v2")
        let missing = RecordID<FeedbackItem>("nope")
        #expect(throws: StoreError.missingRecord(kind: "feedback item", id: "nope")) {
            try store.write { try $0.update(FeedbackItem.self, id: missing) { $0.text = "x" } }
        }
        _ = folder
    }

    @Test("delete removes the record's file")
    func delete() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("gone soon")
        try store.write { try $0.save(item) }
        try store.write { $0.delete(FeedbackItem.self, id: item.id) }
        #expect(store.snapshot.feedback[item.id] == nil)
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.isEmpty)
        _ = folder
    }

    @Test("an id that cannot be a file name is refused")
    func unsafeID() throws {
        let (folder, store) = try makeWorkspace()
        let item = FeedbackItem(id: RecordID("../escape"), text: "x", createdAt: fixedDate)
        #expect(throws: StoreError.self) { try store.write { try $0.save(item) } }
        #expect(!FileManager.default.fileExists(atPath: store.layout.rootPath + "/escape.json"))
        _ = folder
    }

    @Test("creating over a folder with files in it is refused; opening a non-workspace says so")
    func createAndOpenErrors() throws {
        let folder = try TemporaryDirectory()
        try Data("x".utf8).write(to: folder.path("note.txt"))
        #expect(throws: StoreError.alreadyExists(path: folder.url.path)) {
            try WorkspaceStore.create(at: folder.url, product: Product(name: "x"))
        }
        #expect(throws: StoreError.notAWorkspace(path: folder.url.path)) {
            try WorkspaceStore.open(at: folder.url)
        }
    }
}
