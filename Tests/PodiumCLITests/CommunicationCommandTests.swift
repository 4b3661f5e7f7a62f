import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium communications sent|export` through the built binary, on the demo.
@Suite("podium communications")
struct CommunicationCommandTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "160"])
    }

    @Test("sent with a channel and a day, shown by list --json; exported as Markdown to a private file and as plain text to stdout")
    func sentAndExported() throws {
        let home = try TemporaryDirectory("podium-communications-cli")
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "40"], home: home.url).status == 0)
        let store = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws"))
        let update = Communication(title: "Release notes 4.13", audience: "all customers", kind: .releaseNotes,
                                   body: "# Release notes 4.13\n\n- **Faster** search [#1a2b3c4d]\n")
        try store.write { try $0.save(update) }
        let short = String(update.id.rawValue.suffix(8))
        let sent = try podium(["communications", "sent", short, "--channel", "email", "--date", "2026-12-04", "--json"], home: home.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardOutput.contains("\"channel\" : \"email\"") && sent.standardOutput.contains("\"status\" : \"sent\""))
        #expect(try podium(["list", "communications", "--json"], home: home.url).standardOutput.contains("\"channel\" : \"email\""))
        let again = try podium(["communications", "sent", short, "--channel", "Slack"], home: home.url)
        #expect(again.status == 1 && again.standardError.contains("was sent already on 2026-12-04 by email"), "the first sending is kept")
        let empty = try #require(store.snapshot.communications.values.first { $0.body.isEmpty })
        let blank = try podium(["communications", "sent", String(empty.id.rawValue.suffix(8))], home: home.url)
        #expect(blank.status == 1 && blank.standardError.contains("has no text yet"))

        let file = home.url.appendingPathComponent("update.md").path
        #expect(try podium(["communications", "export", short, "-o", file], home: home.url).status == 0)
        let markdown = try String(contentsOfFile: file, encoding: .utf8)
        #expect(markdown.hasPrefix("# ") && !markdown.contains("[#"))
        let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let plain = try podium(["communications", "export", short, "--format", "text"], home: home.url)
        #expect(plain.status == 0 && plain.standardOutput.hasPrefix(update.title) && !plain.standardOutput.contains("**"))
    }

    @Test("a wrong date, an unknown format or id: a clear message and nothing written")
    func badInput() throws {
        let home = try TemporaryDirectory("podium-communications-cli-bad")
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "40"], home: home.url).status == 0)
        let id = try #require(try WorkspaceStore.open(at: home.url.appendingPathComponent("ws")).snapshot.communications.values.first?.id)
        let short = String(id.rawValue.suffix(8))
        let date = try podium(["communications", "sent", short, "--date", "04/12/2026"], home: home.url)
        #expect(date.status == 64 && date.standardError.contains("is not a date: YYYY-MM-DD"))
        let format = try podium(["communications", "export", short, "--format", "pdf"], home: home.url)
        #expect(format.status == 64 && format.standardError.contains("use markdown or text"))
        let unknown = try podium(["communications", "sent", "abcd1234"], home: home.url)
        #expect(unknown.status == 1 && unknown.standardError.contains("no communication \"abcd1234\""))
        #expect(try WorkspaceStore.open(at: home.url.appendingPathComponent("ws")).snapshot.communications[id]?.channel == nil)
    }
}
