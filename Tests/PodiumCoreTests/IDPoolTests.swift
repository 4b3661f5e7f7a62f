import Foundation
import PodiumCore
import Testing

/// Ids read from different files share one copy of their text.
@Suite("Shared ids")
struct IDPoolTests {
    /// Where a string's bytes are (nil for one Swift keeps inline).
    private func storage(_ text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test("the same id read from two documents is one string in memory; two ids are two")
    func sharedWhenRead() throws {
        let id = RecordID<FeedbackItem>.make().rawValue
        let other = RecordID<FeedbackItem>.make().rawValue
        let decoder = JSONDecoder()
        let first = try decoder.decode(RecordID<FeedbackItem>.self, from: Data("\"\(id)\"".utf8))
        let second = try decoder.decode([RecordID<FeedbackItem>].self, from: Data("[\"\(id)\", \"\(other)\"]".utf8))
        let reference = try decoder.decode(ArtifactReference.self, from: Data("{\"kind\": \"feedback\", \"id\": \"\(id)\"}".utf8))
        #expect(first.rawValue == id && second[0].rawValue == id && reference.id == id)
        #expect(storage(first.rawValue) != nil)
        #expect(storage(first.rawValue) == storage(second[0].rawValue))
        #expect(storage(first.rawValue) == storage(reference.id))
        #expect(storage(second[1].rawValue) != storage(first.rawValue))
    }

    @Test("an annotations file's ids are the feedback ids' own copies; what it says is unchanged")
    func annotationsShare() throws {
        let id = RecordID<FeedbackItem>.make().rawValue
        let item = RecordID<BacklogItem>.make().rawValue
        let json = """
            {"id": "a1", "kind": "link-feedback", "acceptedAt": "2026-12-07T10:00:00Z",
             "sentiment": {"\(id)": -0.5}, "themes": {"theme:sync": ["\(id)"]},
             "links": {"\(item)": {"demand": ["\(id)"]}}}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let read = try decoder.decode(FeedbackAnnotations.self, from: Data(json.utf8))
        let own = try decoder.decode(RecordID<FeedbackItem>.self, from: Data("\"\(id)\"".utf8))
        #expect(read.sentiment == [id: -0.5] && read.themes == ["theme:sync": [id]])
        #expect(read.links == [item: FeedbackAnnotations.BacklogLinks(demand: [id])])
        #expect(storage(try #require(read.sentiment?.keys.first)) == storage(own.rawValue))
        #expect(storage(try #require(read.themes?["theme:sync"]?.first)) == storage(own.rawValue))
        #expect(storage(try #require(read.links?[item]?.demand?.first)) == storage(own.rawValue))
    }

    @Test("a short text is given back as it is")
    func shortText() {
        #expect(IDPool.shared("abc") == "abc")
        #expect(IDPool.shared("") == "")
    }
}
