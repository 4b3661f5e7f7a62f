import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium import backlog` on a Jira export: the dry run's report, the real import, and
/// the exit statuses of a refused file and a mistaken `--status`.
@Suite("podium import backlog")
struct ImportBacklogCommandTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        let environment = ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws",
                           "COLUMNS": "120"]
        return try run(BuiltProducts.executable("podium"), arguments, environment: environment)
    }

    private let jira = """
        Summary,Issue key,Issue id,Issue Type,Status,Custom field (Story Points),Labels,Labels
        Offline sync,LED-101,10101,Story,In Progress,5,sync,offline
        Invoice PDF,LED-102,10102,Story,Selected for Development,3,billing,

        """

    @Test("--dry-run names the layout and what would be added, then updated field by field; exit 0, 1 and 64")
    func jiraDryRun() throws {
        let home = try TemporaryDirectory("podium-import-backlog")
        #expect(try podium(["init", "--name", "Fieldnote"], home: home.url).status == 0)
        let file = home.url.path + "/jira.csv"
        try Data(jira.utf8).write(to: URL(fileURLWithPath: file))

        let dry = try podium(["import", "backlog", file, "--dry-run"], home: home.url)
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.standardOutput.hasPrefix("Would import 2 backlog items from jira.csv\n  format: CSV (comma-separated), UTF-8 — Jira issues\n"))
        #expect(dry.standardOutput.contains("  new:\n    LED-101 Offline sync (in-progress)\n    LED-102 Invoice PDF (ready)\n"))
        #expect(dry.standardOutput.hasSuffix("Dry run: nothing was written.\n"))
        #expect(try podium(["list", "backlog", "--json"], home: home.url).standardOutput == "[]\n")

        #expect(try podium(["import", "backlog", file], home: home.url).status == 0)
        try Data(jira.replacingOccurrences(of: "Selected for Development", with: "Done").utf8).write(to: URL(fileURLWithPath: file))
        let update = try podium(["import", "backlog", file, "--dry-run"], home: home.url)
        #expect(update.standardOutput.hasPrefix("Would import 0 backlog items from jira.csv (would update 1, 1 unchanged)\n"))
        #expect(update.standardOutput.contains("  updated:\n    LED-102 status: ready → done\n  unchanged: 1 backlog item already as the file says\n"))
        let list = try podium(["list", "backlog"], home: home.url)
        #expect(list.standardOutput.hasPrefix("#  ID        KEY      STATUS"))
        #expect(list.standardOutput.contains("LED-102  ready"))

        try Data(jira.replacingOccurrences(of: "In Progress", with: "Waiting for QA").utf8).write(to: URL(fileURLWithPath: file))
        let refused = try podium(["import", "backlog", file, "--dry-run"], home: home.url)
        #expect(refused.status == 1 && refused.standardOutput.isEmpty)
        #expect(refused.standardError.hasPrefix("podium: jira.csv:2: status \"Waiting for QA\" is not in Podium's table for Jira issues"))
        let mistaken = try podium(["import", "backlog", file, "--dry-run", "--status", "Waiting for QA=soon"], home: home.url)
        #expect(mistaken.status == 64)
        #expect(mistaken.standardError.contains("\"soon\" is not a Podium status"))
        let mapped = try podium(["import", "backlog", file, "--dry-run", "--status", "Waiting for QA=in-progress"], home: home.url)
        #expect(mapped.status == 0 && mapped.standardOutput.contains("unchanged: 2 backlog items already as the file says"))
    }
}
