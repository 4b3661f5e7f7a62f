import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Values no Int or stored date holds, run through the built binary: each of these once
/// trapped ("Swift runtime failure") and took the process down, dry run or not.
@Suite("Out-of-range values in imports")
struct BadValueTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "PODIUM_WORKSPACE": "", "COLUMNS": "120"])
    }

    private func workspace(_ home: TemporaryDirectory) throws -> String {
        let path = home.url.path + "/ws"
        let created = try podium(["init", "--workspace", path], home: home.url)
        #expect(created.status == 0, "\(created.standardError)")
        return path
    }

    @Test("a count, a date or a position past what Podium holds is reported on its row; the row is kept",
          arguments: [
              ("feedback", "data.csv", "text,votes\nExport is slow,99999999999999999999\n", #"line 2: votes "99999999999999999999" is not a whole number"#),
              ("feedback", "data.json", #"[{"text": "Export is slow", "votes": 1e19}]"#, #"votes "1e+19" is not a whole number"#),
              ("feedback", "data.json", #"[{"text": "Export is slow", "votes": -1e19}]"#, #"votes "-1e+19" is not a whole number"#),
              ("feedback", "data.csv", "text,date\nExport is slow,12345678901234567890\n", #"line 2: date "12345678901234567890" is outside the years 1900 to 9999"#),
              ("backlog", "data.csv", "title,order\nFaster export,12345678901234567890123\n", #"line 2: order "12345678901234567890123" is too large a position"#),
          ])
    func outOfRange(kind: String, file: String, content: String, message: String) throws {
        let home = try TemporaryDirectory("podium-bad-values")
        let folder = try workspace(home)
        let path = home.url.path + "/" + file
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let dry = try podium(["import", kind, path, "--dry-run", "--workspace", folder], home: home.url)
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.standardOutput.contains(message), "\(dry.standardOutput)")
        let real = try podium(["import", kind, path, "--workspace", folder], home: home.url)
        #expect(real.status == 0, "\(real.standardError)")
        let listed = try podium(["list", kind, "--json", "--workspace", folder], home: home.url)
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.contains(kind == "feedback" ? "Export is slow" : "Faster export"))
    }

    @Test("a date Podium cannot store is refused on its row, and what is written reads back")
    func unstorableDates() throws {
        let home = try TemporaryDirectory("podium-bad-dates")
        let folder = try workspace(home)
        let path = home.url.path + "/dates.csv"
        try """
        text,date
        Negative year,-2026-07-28T15:36:46Z
        Year zero,0000-01-01T00:00:00Z
        Far future,10000-01-01T00:00:00Z
        A good one,2026-07-28T15:36:46.750Z
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try podium(["import", "feedback", path, "--workspace", folder], home: home.url)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains(#"line 2: date "-2026-07-28T15:36:46Z" is outside the years 1900 to 9999"#), "\(imported.standardOutput)")
        #expect(imported.standardOutput.contains(#"line 3: date "0000-01-01T00:00:00Z" is outside the years 1900 to 9999"#))
        #expect(imported.standardOutput.contains("Imported 4 feedback items"), "\(imported.standardOutput)")
        // Opened again, every item is there: none quarantined as unreadable.
        let listed = try podium(["list", "feedback", "--json", "--workspace", folder], home: home.url)
        #expect(listed.status == 0, "\(listed.standardError)")
        let items = try WorkspaceJSON.decoder().decode([FeedbackItem].self, from: Data(listed.standardOutput.utf8))
        #expect(items.count == 4)
        #expect(items.first { $0.text == "A good one" }?.createdAt == Timestamp.date(year: 2026, month: 7, day: 28, hour: 15, minute: 36, second: 46))
        let quarantine = folder + "/.podium/quarantine"
        #expect((try? FileManager.default.contentsOfDirectory(atPath: quarantine))?.isEmpty ?? true)
    }
}

/// Every input a fuzzer found that once crashed Podium (Tests/Fixtures/Fuzz/crashes), run
/// through the built binary as feedback and as a backlog: a report or a clear refusal, never
/// a signal.
@Suite("Inputs that once crashed")
struct FuzzCrashTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/Fuzz/crashes").standardizedFileURL
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()

    @Test("each config file is a warning and the defaults, never an abort", arguments: files.filter { $0.hasSuffix(".toml") })
    func config(file: String) throws {
        let home = try TemporaryDirectory("podium-fuzz-config")
        let folder = home.url.path + "/.config/podium"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.folder.appendingPathComponent(file).path, toPath: folder + "/config.toml")
        let result = try run(BuiltProducts.executable("podium"), ["providers"], environment: ["HOME": home.url.path, "XDG_CONFIG_HOME": ""])
        #expect(result.status == 0, "\(file): \(result.status) \(result.standardError.prefix(300))")
        #expect(result.standardError.contains("config.toml") && result.standardError.contains("using the defaults"), "\(result.standardError)")
        #expect(result.standardOutput.contains("local"))
        #expect(!result.standardError.contains("Program crashed"))
    }

    @Test("each import input is imported or refused, with exit status 0 or 1", arguments: files.filter { !$0.hasSuffix(".toml") })
    func replay(file: String) throws {
        let home = try TemporaryDirectory("podium-fuzz-replay")
        let environment = ["HOME": home.url.path, "XDG_DATA_HOME": "", "PODIUM_WORKSPACE": ""]
        let workspace = home.url.path + "/ws"
        #expect(try run(BuiltProducts.executable("podium"), ["init", "--workspace", workspace], environment: environment).status == 0)
        // A copy named as the format it holds, so the importer reads it as such.
        let copy = home.url.path + "/input" + ((file as NSString).pathExtension.isEmpty ? ".csv" : "." + (file as NSString).pathExtension)
        try FileManager.default.copyItem(atPath: Self.folder.appendingPathComponent(file).path, toPath: copy)
        for kind in ["feedback", "backlog"] {
            let result = try run(BuiltProducts.executable("podium"), ["import", kind, copy, "--dry-run", "--workspace", workspace], environment: environment)
            #expect(result.status == 0 || (result.status == 1 && result.standardError.hasPrefix("podium: ")), "\(file) as \(kind): \(result.status) \(result.standardError.prefix(300))")
        }
    }
}
