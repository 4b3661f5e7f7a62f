import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium feedback` through the built binary; each step read back with `podium list --json`.
@Suite("podium feedback")
struct FeedbackCommandTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "160"])
    }

    private func decode<T: Decodable>(_ type: T.Type, _ result: ProcessResult) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(result.standardOutput.utf8))
    }

    @Test("seen, dismiss, tag, link and unlink; a dismissed item stays listed and no job reads it")
    func triage() throws {
        let home = try TemporaryDirectory("podium-feedback-cli")
        try #require(try podium(["init"], home: home.url).status == 0)
        let file = home.url.appendingPathComponent("feedback.csv")
        try Data("""
            text,date
            Offline mode loses my notes when the signal drops,2026-11-20
            My notes vanish after I lose signal in the basement,2026-11-21
            Boost your website traffic 300% with our SEO packages!!,2026-11-22

            """.utf8).write(to: file)
        try #require(try podium(["import", "feedback", file.path], home: home.url).status == 0)
        try #require(try podium(["backlog", "add", "Reliable offline notes", "--key", "FN-1"], home: home.url).status == 0)
        let items = try decode([FeedbackItem].self, try podium(["list", "feedback", "--json"], home: home.url))
        let ids = items.sorted { $0.createdAt < $1.createdAt }.map { String($0.id.rawValue.suffix(8)) }

        let seen = try podium(["feedback", "seen", ids[0], ids[1], "--json"], home: home.url)
        #expect(seen.status == 0, "\(seen.standardError)")
        #expect(try decode([FeedbackItem].self, seen).allSatisfy { $0.triage == .seen })
        #expect(try podium(["feedback", "dismiss", ids[2]], home: home.url).standardOutput.contains("Dismissed 1 feedback item as noise"))
        let tagged = try podium(["feedback", "tag", ids[0], "--add", "offline,notes", "--json"], home: home.url)
        #expect(try decode([FeedbackItem].self, tagged).first?.tags == ["offline", "notes"])
        #expect(try podium(["feedback", "tag", ids[0], "--remove", "NOTES"], home: home.url).status == 0)
        #expect(try podium(["feedback", "link", ids[0], ids[1], "--to", "fn-1"], home: home.url).standardOutput.contains("as demand"))
        #expect(try podium(["feedback", "unlink", ids[1], "--from", "FN-1"], home: home.url).status == 0)

        let after = try decode([FeedbackItem].self, try podium(["list", "feedback", "--json"], home: home.url))
        let byShort = Dictionary(uniqueKeysWithValues: after.map { (String($0.id.rawValue.suffix(8)), $0) })
        #expect(byShort[ids[0]]?.tags == ["offline"] && byShort[ids[2]]?.triage == .dismissed && after.count == 3)
        let backlog = try decode([BacklogItem].self, try podium(["list", "backlog", "--json"], home: home.url))
        #expect(backlog.first?.linkedFeedback.map { String($0.rawValue.suffix(8)) } == [ids[0]])
        let table = try podium(["list", "feedback"], home: home.url).standardOutput
        #expect(table.contains("STATE") && table.contains("dismissed"))

        let summary = try podium(["run", "summarize-feedback"], home: home.url)
        #expect(summary.status == 0 && summary.standardOutput.contains("all 2 items") && !summary.standardOutput.contains("SEO"), "\(summary.standardOutput)")
    }

    @Test("no id, an unknown id or a tag command without tags: a clear message and nothing written")
    func badInput() throws {
        let home = try TemporaryDirectory("podium-feedback-cli-bad")
        try #require(try podium(["init"], home: home.url).status == 0)
        let none = try podium(["feedback", "seen"], home: home.url)
        #expect(none.status == 64 && none.standardError.contains("name at least one feedback item"))
        let unknown = try podium(["feedback", "dismiss", "abcd1234"], home: home.url)
        #expect(unknown.status == 1 && unknown.standardError.contains("no feedback item \"abcd1234\""))
        let tagless = try podium(["feedback", "tag", "abcd1234"], home: home.url)
        #expect(tagless.status == 64 && tagless.standardError.contains("give --add TAGS, --remove TAGS or both"))
        #expect(try podium(["list", "audit"], home: home.url).standardOutput.split(separator: "\n").count <= 3, "nothing but the creation")
    }
}
