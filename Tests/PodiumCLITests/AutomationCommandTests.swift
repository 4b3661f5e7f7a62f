import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium automate`, `podium watch`, `podium metrics` and import rules, run as cron would.
@Suite("Automation from the command line")
struct AutomationCommandTests {
    private func podium(_ arguments: [String], home: URL, environment: [String: String] = [:]) throws -> ProcessResult {
        var base = ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws",
                    "COLUMNS": "160", "TZ": "Europe/Berlin"]
        base.merge(environment) { _, new in new }
        return try run(BuiltProducts.executable("podium"), arguments, environment: base)
    }

    private func demo() throws -> TemporaryDirectory {
        let home = try TemporaryDirectory("podium-automate")
        let made = try podium(["demo", "--no-open", "--bare", "--size", "100"], home: home.url)
        try #require(made.status == 0, "\(made.standardError)")
        return home
    }

    private func snapshot(_ home: TemporaryDirectory) throws -> WorkspaceSnapshot {
        try WorkspaceStore.open(at: home.path("ws")).snapshot
    }

    @Test("add, list, disable, enable and remove rules; high-impact kinds refuse auto-accept with the reason")
    func manageRules() throws {
        let home = try demo()
        let added = try podium(["automate", "add", "--on", "import", "--job", "tag-sentiment", "--auto-accept"], home: home.url)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("on import → tag-sentiment (auto-accept)"))
        let weekly = try podium(["automate", "add", "--every", "fri 15:00", "--job", "stakeholder-update", "--audience", "leadership"], home: home.url)
        #expect(weekly.standardOutput.contains("every fri 15:00 → stakeholder-update for leadership"))

        for kind in ["order-backlog", "stakeholder-update", "vision-narrative", "decision-record", "release-notes"] {
            let refused = try podium(["automate", "add", "--on", "import", "--job", kind, "--auto-accept"], home: home.url)
            #expect(refused.status == 64, "\(kind)")
            #expect(refused.standardError.contains("auto-accept is for low-risk kinds only") || refused.standardError.contains("needs a backlog item"), "\(kind): \(refused.standardError)")
        }
        let badTime = try podium(["automate", "add", "--every", "fri 25:00", "--job", "stakeholder-update"], home: home.url)
        #expect(badTime.status == 64 && badTime.standardError.contains("is not a time"))
        let twin = try podium(["automate", "add", "--on", "import", "--job", "tag-sentiment", "--auto-accept"], home: home.url)
        #expect(twin.status == 1 && twin.standardError.contains("already does this"), "a rule doing the same work would run twice")
        let both = try podium(["automate", "add", "--job", "tag-sentiment"], home: home.url)
        #expect(both.status == 64 && both.standardError.contains("either --on EVENT or --every"))

        let rules = try snapshot(home).rules.all
        #expect(rules.count == 2)
        let list = try podium(["automate", "list"], home: home.url)
        #expect(list.standardOutput.contains("tag-sentiment") && list.standardOutput.contains("auto-accept") && list.standardOutput.contains("never"))
        let json = try podium(["automate", "list", "--json"], home: home.url)
        let decoded = try WorkspaceJSON.decoder().decode([AutomationRule].self, from: Data(json.standardOutput.utf8))
        #expect(decoded.map(\.id) == rules.map(\.id))

        let id = rules[1].id.short
        #expect(try podium(["automate", "disable", String(id.prefix(5))], home: home.url).status == 0, "the start of the id the list shows")
        #expect(try snapshot(home).rules[rules[1].id]?.enabled == false)
        #expect(try podium(["automate", "enable", id], home: home.url).status == 0)
        #expect(try snapshot(home).rules[rules[1].id]?.enabled == true)
        #expect(try podium(["automate", "remove", id], home: home.url).standardOutput.contains("Removed rule \(id)"))
        #expect(try snapshot(home).rules.count == 1)
        let missing = try podium(["automate", "remove", "nope"], home: home.url)
        #expect(missing.status == 1 && missing.standardError.contains("no rule \"nope\""))
        let absent = try podium(["automate", "remove", "ffffffff"], home: home.url)
        #expect(absent.status == 1 && absent.standardError.contains("no rule \"ffffffff\""))
        let stray = try podium(["automate", "remove", String(rules[0].id.rawValue.suffix(1))], home: home.url)
        #expect(stray.status == 1 && stray.standardError.contains("too short"), "one character never picks a rule to remove")
        #expect(list.standardOutput.contains("NEXT") && list.standardOutput.contains("on event"))
        #expect(try snapshot(home).audit.values.filter { $0.details["rule"] != nil }.count == 5, "each change is in the audit log")

        let kinds = try podium(["jobs", "kinds"], home: home.url)
        #expect(kinds.standardOutput.contains("always review (required)"))
    }

    @Test("list audit --limit shows the newest entries, oldest first; a piped table is as wide as its text")
    func auditTail() throws {
        let home = try demo()
        for kind in ["tag-sentiment", "cluster-themes", "summarize-feedback"] {
            #expect(try podium(["automate", "add", "--on", "import", "--job", kind], home: home.url).status == 0)
        }
        let all = try WorkspaceJSON.decoder().decode([AuditEntry].self, from: Data(try podium(["list", "audit", "--json"], home: home.url).standardOutput.utf8))
        #expect(all.count == 4, "the demo's creation and three rules")
        let tail = try WorkspaceJSON.decoder().decode([AuditEntry].self, from: Data(try podium(["list", "audit", "--json", "--limit", "2"], home: home.url).standardOutput.utf8))
        #expect(tail.map(\.id) == all.suffix(2).map(\.id))
        let table = try podium(["list", "audit", "--limit", "1"], home: home.url, environment: ["COLUMNS": ""])
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines.count == 3 && lines[2].contains("summarize-feedback"), "\(table.standardOutput)")
        #expect(lines[2].contains("user ") && !lines[2].contains("Z "), "WHO and local times as in the dashboard: \(lines[2])")
        #expect(lines[1].count == lines.map(\.count).max(), "the rule under the headers ends where the longest row ends")
    }

    @Test("automate sprint shows and sets the cadence, checks its values, and is not counted as work on the vision")
    func sprintCadence() throws {
        let home = try demo()
        let before = try snapshot(home).product
        #expect(try podium(["automate", "sprint"], home: home.url).standardOutput.contains("Sprints of "), "the demo has a cadence")
        let set = try podium(["automate", "sprint", "--start", "2026-11-02", "--length", "14"], home: home.url)
        #expect(set.status == 0 && set.standardOutput.contains("Sprints of 14 days from 2026-11-02"), "\(set.standardError)")
        let after = try snapshot(home).product
        #expect(after.sprint?.lengthInDays == 14)
        #expect(after.updatedAt == before.updatedAt, "the vision and goal did not change")
        #expect(try podium(["automate", "sprint"], home: home.url).standardOutput.contains("Sprints of 14 days from 2026-11-02"))
        let long = try podium(["automate", "sprint", "--length", "90"], home: home.url)
        #expect(long.status == 64 && long.standardError.contains("a sprint lasts 1 to 60 days"))
        let badDay = try podium(["automate", "sprint", "--start", "next monday"], home: home.url)
        #expect(badDay.status == 64 && badDay.standardError.contains("YYYY-MM-DD"))
        #expect(try snapshot(home).product.sprint?.lengthInDays == 14, "a refused change changes nothing")
    }

    @Test("three run-due processes started at once run a due rule once between them")
    func concurrentRunDue() throws {
        let home = try demo()
        let ws = try WorkspaceStore.open(at: home.path("ws"))
        var rule = try AutomationRule.validated(trigger: .every("daily 00:01"), job: .summarizeFeedback)
        rule.createdAt = Date().addingTimeInterval(-2 * 86_400)
        try ws.write { try $0.save(rule) }
        let executable = try BuiltProducts.executable("podium")
        let environment = ["HOME": home.url.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.url.path + "/ws", "COLUMNS": "160"]
        let results = LockedResults()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            results.add(try? run(executable, ["automate", "run-due", "--json"], environment: environment))
        }
        let outputs = results.all
        #expect(outputs.count == 3 && outputs.allSatisfy { $0.status == 0 }, "\(outputs.map(\.standardError))")
        let ran = outputs.compactMap { try? JSONSerialization.jsonObject(with: Data($0.standardOutput.utf8)) as? [Any] }.map(\.count)
        #expect(ran.sorted() == [0, 0, 1], "one of them ran it: \(ran)")
        #expect(try snapshot(home).jobs.values.filter { $0.rule == rule.id }.count == 1)
    }

    @Test("importing from the command line fires import rules; run-due runs the schedule once and exits 0")
    func importAndRunDue() throws {
        let home = try demo()
        _ = try podium(["automate", "add", "--on", "import", "--job", "tag-sentiment", "--auto-accept"], home: home.url)
        _ = try podium(["automate", "add", "--on", "import", "--job", "cluster-themes", "--auto-accept"], home: home.url)
        _ = try podium(["automate", "add", "--on", "import", "--job", "stakeholder-update"], home: home.url)
        let file = home.path("new.csv")
        try "text,rating\n\"The invoice export crashes every Monday\",1\n\"Offline notes are great\",5\n".write(to: file, atomically: true, encoding: .utf8)
        let imported = try podium(["import", "feedback", file.path], home: home.url)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("ran tag-sentiment for 2 new feedback items from new.csv: draft"))
        #expect(imported.standardOutput.contains("accepted automatically"))
        #expect(imported.standardOutput.contains("ran cluster-themes for all feedback, after 2 new feedback items from new.csv"),
                "themes are clustered over all feedback, and it says so")
        let listed = try podium(["automate", "list"], home: home.url).standardOutput.split(separator: "\n")
        #expect(listed.contains { $0.contains("tag-sentiment") && $0.contains("accepted automatically") }, "the outcome follows the job: \(listed)")
        #expect(listed.contains { $0.contains("stakeholder-update") && $0.contains("waits for review") })
        let kinds = try podium(["jobs", "kinds"], home: home.url).standardOutput
        #expect(kinds.split(separator: "\n").contains { $0.hasPrefix("tag-sentiment") && $0.contains("review; auto-accept by rule") }, "\(kinds)")
        #expect(imported.standardOutput.contains("ran stakeholder-update") && imported.standardOutput.contains("waits for review"))
        let snapshot = try snapshot(home)
        let new = snapshot.feedback.values.filter { $0.text.contains("crashes every Monday") || $0.text.contains("Offline notes are great") }
        #expect(new.count == 2 && new.allSatisfy { $0.currentSentiment != nil })
        #expect(snapshot.drafts.values.contains { $0.kind == .stakeholderUpdate && $0.status == .pending })

        // A rule due since last Friday runs once now, then not again.
        let ws = try WorkspaceStore.open(at: home.path("ws"))
        var rule = try AutomationRule.validated(trigger: .every("daily 00:01"), job: .summarizeFeedback)
        rule.createdAt = Date().addingTimeInterval(-3 * 86_400)
        try ws.write { try $0.save(rule) }
        let overdue = try podium(["automate", "list"], home: home.url).standardOutput
        #expect(overdue.split(separator: "\n").contains { $0.contains("summarize-feedback") && $0.contains("due now") }, "\(overdue)")
        // config.toml's [trust] auto-accepts a kind whatever starts its jobs, and the list says so.
        let config = home.path(".config/podium")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[trust]\nsummarize-feedback = \"auto-accept\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect(try podium(["automate", "list"], home: home.url).standardOutput.contains("auto-accept ([trust])"))
        let due = try podium(["automate", "run-due"], home: home.url)
        #expect(due.status == 0, "\(due.standardError)")
        #expect(due.standardOutput.contains("ran summarize-feedback for due"))
        #expect(due.standardOutput.contains("accepted automatically"), "the trust policy accepted it, as the list said")
        let again = try podium(["automate", "run-due", "--json"], home: home.url)
        #expect(again.status == 0, "\(again.standardError)")
        let ran = try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [Any]
        #expect(ran?.isEmpty == true, "nothing is due a second time: \(again.standardOutput)")
        let noRules = try podium(["import", "feedback", file.path, "--no-rules"], home: home.url)
        #expect(!noRules.standardOutput.contains("ran "))
    }

    @Test("watch --once imports a dropped file, fires the import rules and files a bad one under failed/ with its reason")
    func watchOnce() throws {
        let home = try demo()
        _ = try podium(["automate", "add", "--on", "import", "--job", "tag-sentiment", "--auto-accept"], home: home.url)
        let inbox = home.path("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try "text\n\"Sync lost my notes twice\"\n".write(to: inbox.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try "[1, 2".write(to: inbox.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        let result = try podium(["watch", inbox.path, "--once", "--settle", "0.2"], home: home.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Imported 1 feedback item from a.csv"))
        #expect(result.standardOutput.contains("started: rule "), "a job is announced when it starts, not only when it ends")
        #expect(result.standardOutput.contains("ran tag-sentiment for 1 new feedback item from a.csv"))
        #expect(result.standardOutput.contains("b.json could not be imported"))
        #expect(FileManager.default.fileExists(atPath: inbox.path + "/done/a.csv"))
        #expect(FileManager.default.fileExists(atPath: inbox.path + "/failed/b.json.reason"))
        let item = try snapshot(home).feedback.values.first { $0.text == "Sync lost my notes twice" }
        #expect(item?.currentSentiment != nil)
    }

    @Test("metrics --json gives the same figures as the text, and --since is checked")
    func metrics() throws {
        let home = try demo()
        _ = try podium(["automate", "add", "--on", "import", "--job", "tag-sentiment", "--auto-accept"], home: home.url)
        let file = home.path("new.csv")
        try "text\n\"Please add dark mode\"\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try podium(["import", "feedback", file.path], home: home.url)
        let config = home.path(".config/podium")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[minutes_saved]\ntag-sentiment = 12\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let json = try podium(["metrics", "--json"], home: home.url)
        #expect(json.status == 0, "\(json.standardError)")
        struct Figures: Decodable {
            var minutesSaved: Double
            var kinds: [Kind]
            var stances: [Balance]
            struct Kind: Decodable { var kind: String; var accepted: Int; var autoAccepted: Int; var acceptRate: Double? }
            struct Balance: Decodable { var stance: String; var hint: String? }
        }
        let figures = try JSONDecoder().decode(Figures.self, from: Data(json.standardOutput.utf8))
        #expect(figures.minutesSaved == 12)
        let sentiment = try #require(figures.kinds.first { $0.kind == "tag-sentiment" })
        #expect(sentiment.accepted == 1 && sentiment.autoAccepted == 1 && sentiment.acceptRate == nil, "no person judged it yet")
        #expect(figures.stances.count == 7)
        let text = try podium(["metrics"], home: home.url)
        #expect(text.standardOutput.contains("Time won back: 12 min"))
        #expect(text.standardOutput.contains("tag-sentiment"))
        let bad = try podium(["metrics", "--since", "last week"], home: home.url)
        #expect(bad.status == 64 && bad.standardError.contains("YYYY-MM-DD"))
    }
}

/// Collects results from several threads.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ProcessResult] = []
    func add(_ result: ProcessResult?) { lock.withLock { if let result { results.append(result) } } }
    var all: [ProcessResult] { lock.withLock { results } }
}
