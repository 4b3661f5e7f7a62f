import Foundation
import PodiumCore
import PodiumTestSupport
import Testing

@testable import PodiumStore

/// Entries in a collection folder that are not files Podium can read never block opening.
@Suite("Odd entries in a workspace")
struct OddEntriesTests {
    @Test("a folder named like a record and a symbolic link loop are reported, left where they are, and the rest opens and writes")
    func foldersAndLinkLoops() throws {
        let (folder, store) = try makeWorkspace()
        _ = folder
        let item = FeedbackItem(text: "kept", createdAt: fixedDate)
        try store.write { try $0.save(item) }
        let feedback = store.layout.folder(.feedback)
        try FileManager.default.createDirectory(atPath: feedback + "/zzzz.json", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: feedback + "/loop-a.json", withDestinationPath: "loop-b.json")
        try FileManager.default.createSymbolicLink(atPath: feedback + "/loop-b.json", withDestinationPath: "loop-a.json")
        try FileManager.default.createSymbolicLink(atPath: store.layout.folder(.backlog) + "/up.json", withDestinationPath: "..")

        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback[item.id] == item)
        let reasons = Dictionary(reopened.problems.map { (($0.path as NSString).lastPathComponent, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons["zzzz.json"] == "a folder, not a record file")
        #expect(reasons["loop-a.json"] == "a symbolic link that loops")
        #expect(reasons["up.json"] == "a link to a folder, not a record file")
        #expect(reopened.problems.allSatisfy { $0.movedTo == nil })
        // Left where they are: nothing of the user's is moved.
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: feedback + "/zzzz.json", isDirectory: &isFolder) && isFolder.boolValue)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: feedback + "/loop-a.json")) == "loop-b.json")
        // And the workspace still takes writes.
        try reopened.write { try $0.save(FeedbackItem(text: "new", createdAt: fixedDate)) }
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.count == 2)
    }
}
