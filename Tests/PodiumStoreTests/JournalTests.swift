import Foundation
import PodiumCore
@testable import PodiumStore
import PodiumTestSupport
import Testing

/// The text a record file has when written by the store.
private func fileText(_ item: FeedbackItem) throws -> String {
    String(decoding: try WorkspaceJSON.encoder().encode(item), as: UTF8.self) + "\n"
}

/// Journal bytes as a writer on another boot of the machine would have left them.
private func journalBytes(boot: String, records: [([Journal.Entry], applied: Bool)], tornTail: Bool = false) throws -> Data {
    var data = Data("podium-journal 1 \(boot)\n".utf8)
    for (entries, applied) in records {
        let payload = try JSONEncoder().encode(entries)
        data.append(contentsOf: "T \(payload.count) \(String(Journal.checksum(payload), radix: 16))\n".utf8)
        data.append(payload)
        data.append(0x0A)
        if applied { data.append(contentsOf: "A\n".utf8) }
    }
    if tornTail { data.append(contentsOf: "T 500 1234\n{\"path\":".utf8) }
    return data
}

@Suite("Workspace store: the write-ahead journal")
struct JournalTests {
    @Test("a writer that died part way through a transaction: the transaction is completed on the next open")
    func sameBootUnfinished() throws {
        let (folder, store) = try makeWorkspace()
        let first = feedback("first")
        let second = feedback("second")
        try store.write { try $0.save(all: [first, second]) }
        var changedFirst = first
        changedFirst.text = "first, changed"
        var changedSecond = second
        changedSecond.text = "second, changed"
        // What a writer killed after flushing the journal, with one of two files replaced, leaves.
        let entries = [
            Journal.Entry(path: "feedback/\(first.id).json", content: try fileText(changedFirst), previous: nil),
            Journal.Entry(path: "feedback/\(second.id).json", content: try fileText(changedSecond),
                          previous: POSIX.stamp(store.layout.folder(.feedback) + "/\(second.id).json").map(Journal.Stamp.init)),
        ]
        try Journal(path: store.layout.journal).append(entries)
        try Data(try fileText(changedFirst).utf8).write(to: URL(fileURLWithPath: store.layout.folder(.feedback) + "/\(first.id).json"))
        try Data("half".utf8).write(to: URL(fileURLWithPath: store.layout.folder(.feedback) + "/.tmp-\(second.id).json-1-x"))
        #expect(try Journal(path: store.layout.journal).needsRecovery())

        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback[first.id]?.text == "first, changed")
        #expect(reopened.snapshot.feedback[second.id]?.text == "second, changed")
        #expect(reopened.problems.isEmpty)
        #expect(POSIX.stamp(store.layout.journal)?.size == 0)
        #expect(!allFiles(under: store.layout.rootPath).contains { ($0 as NSString).lastPathComponent.hasPrefix(".tmp-") })
        _ = folder
    }

    @Test("finished transactions of this boot are not replayed")
    func sameBootFinished() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("one")
        try store.write { try $0.save(item) }
        try store.write { try $0.update(FeedbackItem.self, id: item.id) { $0.text = "two" } }
        #expect(try !Journal(path: store.layout.journal).needsRecovery())
        let (_, records) = try Journal(path: store.layout.journal).read()
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.applied })
        _ = folder
    }

    @Test("after a reboot every journaled transaction is replayed, in order, and a torn last record is ignored")
    func otherBoot() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("v0")
        try store.write { try $0.save(item) }
        try Journal(path: store.layout.journal).checkpoint(root: store.layout.rootPath)
        let path = "feedback/\(item.id).json"
        let stampV0 = POSIX.stamp(store.layout.rootPath + "/" + path).map(Journal.Stamp.init)
        var v1 = item
        v1.text = "v1"
        var v2 = item
        v2.text = "v2"
        let added = feedback("added")
        // The machine lost power: the journal survived, the replaced files did not.
        let journal = try journalBytes(boot: "an-earlier-boot", records: [
            ([Journal.Entry(path: path, content: try fileText(v1), previous: stampV0)], applied: true),
            ([Journal.Entry(path: path, content: try fileText(v2), previous: nil),
              Journal.Entry(path: "feedback/\(added.id).json", content: try fileText(added), previous: nil)], applied: true),
        ], tornTail: true)
        try journal.write(to: URL(fileURLWithPath: store.layout.journal))

        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback[item.id]?.text == "v2")
        #expect(reopened.snapshot.feedback[added.id] != nil)
        #expect(reopened.problems.isEmpty)
        #expect(POSIX.stamp(store.layout.journal)?.size == 0)
        _ = folder
    }

    @Test("a file changed outside Podium since the journal was written is kept; the journal's version is set aside")
    func externalChangeWins() throws {
        let (folder, store) = try makeWorkspace()
        let item = feedback("original")
        try store.write { try $0.save(item) }
        try Journal(path: store.layout.journal).checkpoint(root: store.layout.rootPath)
        let path = "feedback/\(item.id).json"
        let knownStamp = POSIX.stamp(store.layout.rootPath + "/" + path).map(Journal.Stamp.init)
        var journaled = item
        journaled.text = "from the journal"
        try journalBytes(boot: "an-earlier-boot", records: [
            ([Journal.Entry(path: path, content: try fileText(journaled), previous: knownStamp)], applied: true),
        ]).write(to: URL(fileURLWithPath: store.layout.journal))
        var edited = item
        edited.text = "edited by a person after the reboot"
        usleep(20_000)
        try Data(try fileText(edited).utf8).write(to: URL(fileURLWithPath: store.layout.rootPath + "/" + path), options: .atomic)

        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback[item.id]?.text == "edited by a person after the reboot")
        let problem = try #require(reopened.problems.first)
        #expect(problem.reason.contains("changed outside Podium"))
        let aside = try #require(problem.movedTo)
        #expect(try String(contentsOfFile: aside, encoding: .utf8).contains("from the journal"))
        _ = folder
    }

    @Test("the journal is emptied once it passes its checkpoint size")
    func checkpoint() throws {
        let (folder, store) = try makeWorkspace()
        let big = String(repeating: "x", count: 300_000)
        for index in 0..<5 { try store.write { try $0.save(feedback("\(index) \(big)")) } }
        let size = try #require(POSIX.stamp(store.layout.journal)?.size)
        #expect(size < Int64(Journal.checkpointSize))
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.count == 5)
        _ = folder
    }
}
