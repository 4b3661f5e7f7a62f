import Foundation
import PodiumCore
@testable import PodiumStore
import PodiumTestSupport
import Testing

@Suite("Workspace store: the open cache of large collections")
struct OpenCacheTests {
    /// Makes a workspace with enough feedback for the cache, its files dated a minute ago.
    private func largeWorkspace() throws -> (TemporaryDirectory, WorkspaceStore, [FeedbackItem]) {
        let (folder, store) = try makeWorkspace()
        var items: [FeedbackItem] = []
        for index in 0..<OpenCache<FeedbackItem>.minimumRecords {
            let author: String? = index % 3 == 0 ? nil : "a\(index)"
            let rating: Rating? = index % 2 == 0 ? Rating(Double(index % 5 + 1), scale: .stars5) : nil
            let sentiment: Double? = index % 4 == 0 ? -0.5 : nil
            items.append(FeedbackItem(text: "item \(index)", source: .survey, author: author, rating: rating,
                                      createdAt: fixedDate, tags: ["t\(index % 7)"], sentiment: sentiment))
        }
        try store.write { try $0.save(all: items) }
        let past = Date().addingTimeInterval(-60)
        for item in items {
            try FileManager.default.setAttributes([.modificationDate: past],
                                                  ofItemAtPath: store.layout.folder(.feedback) + "/\(item.id).json")
        }
        return (folder, store, items)
    }

    @Test("records come back from the cache exactly as from their files")
    func roundTrip() throws {
        let (folder, store, items) = try largeWorkspace()
        let first = try WorkspaceStore.open(at: store.layout.root)
        let cache = OpenCache<FeedbackItem>(path: store.layout.cacheFile(.feedback))
        let cached = try #require(cache.load())
        #expect(cached.count == items.count)
        let second = try WorkspaceStore.open(at: store.layout.root)
        for item in items {
            #expect(second.snapshot.feedback[item.id] == item)
            #expect(first.snapshot.feedback[item.id] == item)
        }
        _ = folder
    }

    @Test("a file edited after the cache was written is read from the file")
    func staleEntry() throws {
        let (folder, store, items) = try largeWorkspace()
        _ = try WorkspaceStore.open(at: store.layout.root)  // writes the cache
        let path = store.layout.folder(.feedback) + "/\(items[0].id).json"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "item 0", with: "item X")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))  // in place: same inode, same size
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-30)], ofItemAtPath: path)
        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback[items[0].id]?.text == "item X")
        _ = folder
    }

    @Test("a damaged cache is ignored and rewritten")
    func damagedCache() throws {
        let (folder, store, items) = try largeWorkspace()
        _ = try WorkspaceStore.open(at: store.layout.root)
        let cachePath = store.layout.cacheFile(.feedback)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        bytes = bytes.prefix(bytes.count / 2)
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        #expect(OpenCache<FeedbackItem>(path: cachePath).load() == nil)
        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback.count == items.count)
        #expect(reopened.problems.isEmpty)
        #expect(OpenCache<FeedbackItem>(path: cachePath).load()?.count == items.count)
        _ = folder
    }

    @Test("a cache whose entry count is damaged (the fuzzer's 1,769,108,512) is ignored, not allocated")
    func damagedCount() throws {
        let (folder, store, items) = try largeWorkspace()
        _ = try WorkspaceStore.open(at: store.layout.root)
        let cachePath = store.layout.cacheFile(.feedback)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        // The count follows the magic line, the format (4 bytes) and the write time (8 bytes).
        let countOffset = "podium-open-cache\n".utf8.count + 4 + 8
        bytes.replaceSubrange(countOffset..<(countOffset + 4), with: [0x20, 0x69, 0x72, 0x69])
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        #expect(OpenCache<FeedbackItem>(path: cachePath).load() == nil)
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.count == items.count)
        _ = folder
    }
}
