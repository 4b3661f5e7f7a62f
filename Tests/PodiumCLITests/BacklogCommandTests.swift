import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium backlog add|edit|done|delete` through the built binary, each followed by what
/// `podium list backlog --json` shows.
@Suite("podium backlog")
struct BacklogCommandTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "160"])
    }

    private func listed(_ home: URL) throws -> [BacklogItem] {
        let output = try podium(["list", "backlog", "--json"], home: home).standardOutput
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([BacklogItem].self, from: Data(output.utf8))
    }

    @Test("add, edit, done and delete, each shown by list --json and audited")
    func lifecycle() throws {
        let home = try TemporaryDirectory("podium-backlog-cli")
        try #require(try podium(["init"], home: home.url).status == 0)
        let added = try podium(["backlog", "add", "Show last-synced time", "--key", "FN-9", "--estimate", "3", "--tags", "sync, trust",
                                "--reach", "800", "--impact", "2", "--confidence", "80%", "--effort", "1"], home: home.url)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("Added FN-9 “Show last-synced time”"))
        var items = try listed(home.url)
        #expect(items.count == 1 && items[0].key == "FN-9" && items[0].tags == ["sync", "trust"] && items[0].rice.score == 1280)

        let edited = try podium(["backlog", "edit", "fn-9", "--status", "In progress", "--title", "Show when data last synced", "--json"], home: home.url)
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(edited.standardOutput.contains("\"status\" : \"in-progress\""))
        items = try listed(home.url)
        #expect(items[0].status == .inProgress && items[0].title == "Show when data last synced" && items[0].estimate == 3, "the rest stays")

        #expect(try podium(["backlog", "done", "FN-9"], home: home.url).standardOutput.contains("Done: FN-9"))
        items = try listed(home.url)
        #expect(items[0].status == .done && items[0].doneAt != nil)

        let deleted = try podium(["backlog", "delete", String(items[0].id.rawValue.suffix(8))], home: home.url)
        #expect(deleted.status == 0 && deleted.standardOutput.contains("Deleted FN-9"))
        #expect(try listed(home.url).isEmpty)
        let audit = try podium(["list", "audit"], home: home.url).standardOutput
        for line in ["Added backlog item", "Edited backlog item “Show when data last synced”: title, status", "Deleted backlog item"] {
            #expect(audit.contains(line), "\(audit)")
        }
    }

    @Test("bad input names the field and the problem, exits 1 and writes nothing")
    func badInput() throws {
        let home = try TemporaryDirectory("podium-backlog-cli-bad")
        try #require(try podium(["init"], home: home.url).status == 0)
        try #require(try podium(["backlog", "add", "First", "--key", "FN-1"], home: home.url).status == 0)
        let cases: [([String], String)] = [
            (["backlog", "add", "Second", "--estimate", "XL"], "nothing saved: estimate: “XL” is not a number"),
            (["backlog", "add", " "], "nothing saved: title: a title is required"),
            (["backlog", "add", "Second", "--key", "fn-1"], "nothing saved: key: fn-1 is already the key of “First”"),
            (["backlog", "edit", "FN-1", "--status", "someday"], "nothing saved: status: “someday” is not a status: proposed, ready, in-progress, done, dropped"),
            (["backlog", "edit", "FN-404", "--estimate", "2"], "no backlog item \"FN-404\""),
        ]
        for (arguments, message) in cases {
            let result = try podium(arguments, home: home.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        let items = try listed(home.url)
        #expect(items.count == 1 && items[0].status == .proposed && items[0].estimate == nil)
    }
}
