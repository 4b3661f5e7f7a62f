import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// A Product Owner for several teams: three workspaces on one list (one a git clone, one
/// taken off the disk during the test), one inbox, one automation run.
@Suite("Portfolio of workspaces")
struct PortfolioCommandTests {
    /// A home with its own config folder, where the list lives.
    final class Home: @unchecked Sendable {
        let folder: TemporaryDirectory
        var environment: [String: String] {
            ["HOME": folder.url.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": folder.path("config").path, "PODIUM_WORKSPACE": "", "COLUMNS": "200"]
        }

        init() throws { folder = try TemporaryDirectory("podium-portfolio") }

        func podium(_ arguments: [String]) throws -> ProcessResult {
            try run(BuiltProducts.executable("podium"), arguments, environment: environment)
        }

        func git(_ arguments: [String], in directory: URL) throws {
            let result = try run(URL(fileURLWithPath: "/usr/bin/env"),
                                 ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments)
            try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.standardError)")
        }

        /// The dashboard on the workspace in `folder`, in tmux, once its first pane shows.
        func dashboard(on folder: String, width: Int, height: Int) throws -> TmuxSession {
            let podium = try BuiltProducts.executable("podium").path
            // The terminal's own size, not the COLUMNS the other tests print at.
            let environment = environment.merging(["TERM": "xterm-256color"]) { _, new in new }.filter { $0.key != "COLUMNS" }
            let command = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let terminal = try TmuxSession(command: "env \(command) \(podium) -w \(self.folder.path(folder).path); sleep 60", width: width, height: height,
                                           environment: environment)
            try terminal.waitFor("Visionary — Fieldnote")
            return terminal
        }

        /// Fieldnote's demo in `a`, a clone of a git repository holding another demo in `b`,
        /// an empty workspace in `c`; all three on the list.
        func threeWorkspaces() throws {
            try #require(try podium(["demo", "--no-open", "--size", "120", "-w", folder.path("a").path]).status == 0)
            let origin = folder.path("origin")
            try #require(try podium(["demo", "--no-open", "--size", "80", "-w", origin.path]).status == 0)
            try git(["init", "-q", "-b", "main"], in: origin)
            try git(["add", "-A"], in: origin)
            try git(["commit", "-qm", "start"], in: origin)
            try git(["clone", "-q", origin.path, folder.path("b").path], in: folder.url)
            try #require(try podium(["init", "-w", folder.path("c").path, "--name", "Ledgerly"]).status == 0)
            #expect(try podium(["workspaces", "add", folder.path("a").path]).standardOutput.hasPrefix("Added \"Fieldnote\""))
            #expect(try podium(["workspaces", "add", folder.path("b").path, "--name", "Fieldnote EU"]).status == 0)
            #expect(try podium(["workspaces", "add", folder.path("c").path]).standardOutput.hasPrefix("Added \"Ledgerly\""))
        }
    }

    @Test("the list: states (a git clone, a folder gone), names checked, removing never deletes")
    func list() throws {
        let home = try Home()
        try home.threeWorkspaces()
        let twice = try home.podium(["workspaces", "add", home.folder.path("a").path])
        #expect(twice.status != 0 && twice.standardError.contains("is already on the list as \"Fieldnote\""))
        let notOne = try home.podium(["workspaces", "add", home.folder.url.path])
        #expect(notOne.status != 0 && notOne.standardError.contains("is not a Podium workspace"))
        let clash = try home.podium(["workspaces", "rename", "Ledgerly", "fieldnote"])
        #expect(clash.status != 0 && clash.standardError.contains("already called"))
        let listed = try home.podium(["workspaces", "list"])
        #expect(listed.standardOutput.contains("Fieldnote EU  ok (git clone)"), "\(listed.standardOutput)")
        try FileManager.default.removeItem(at: home.folder.path("c"))
        let afterRemoval = try home.podium(["workspaces", "list", "--json"])
        #expect(afterRemoval.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(afterRemoval.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Fieldnote", "Fieldnote EU", "Ledgerly"])
        #expect((rows[2]["state"] as? String)?.hasPrefix("missing") == true)
        #expect(rows[0]["pendingDrafts"] as? Int == 3)
        #expect(try home.podium(["workspaces", "remove", "fieldnote eu"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: home.folder.path("b/workspace.json").path), "taking it off the list leaves the folder")
        #expect(!(try home.podium(["workspaces", "list"]).standardOutput.contains("Fieldnote EU")))
    }

    @Test("one inbox across products: each draft with its workspace; an accept lands in the workspace that holds the draft")
    func inbox() throws {
        let home = try Home()
        try home.threeWorkspaces()
        let listed = try home.podium(["drafts", "list", "--all-workspaces", "--json"])
        #expect(listed.status == 0, "\(listed.standardError)")
        let drafts = try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
        #expect(Set(drafts.compactMap { $0["workspace"] as? String }) == ["Fieldnote", "Fieldnote EU"])
        let theirs = try #require(drafts.first { $0["workspace"] as? String == "Fieldnote EU" })
        let id = try #require((theirs["draft"] as? [String: Any])?["id"] as? String)
        let accepted = try home.podium(["drafts", "accept", String(id.suffix(8)), "--all-workspaces"])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.hasPrefix("In Fieldnote EU ("))
        let clone = try WorkspaceStore.open(at: home.folder.path("b")).snapshot
        #expect(clone.drafts[RecordID(id)]?.status == .accepted)
        let other = try WorkspaceStore.open(at: home.folder.path("a")).snapshot
        #expect(other.drafts.values.filter { $0.status == .accepted }.count == 3, "the demo's own three accepted drafts, no more")
        let unknown = try home.podium(["drafts", "accept", "00000000", "--all-workspaces"])
        #expect(unknown.status != 0 && unknown.standardError.contains("no workspace on the list has a draft 00000000"))
        // A folder copied whole holds the very same drafts: the command says so instead of asking for more of the id.
        try FileManager.default.copyItem(at: home.folder.path("a"), to: home.folder.path("a-copy"))
        #expect(try home.podium(["workspaces", "add", home.folder.path("a-copy").path, "--name", "Fieldnote copy"]).status == 0)
        let pending = try #require(try WorkspaceStore.open(at: home.folder.path("a")).snapshot.drafts.values.first { $0.status == .pending })
        let copies = try home.podium(["drafts", "reject", pending.id.short, "--all-workspaces"])
        #expect(copies.status != 0 && copies.standardError.contains("look like copies of one workspace: choose one with -w PATH"), "\(copies.standardError)")
        let both = try home.podium(["drafts", "list", "--all-workspaces", "-w", home.folder.path("a").path])
        #expect(both.status != 0 && both.standardError.contains("--all-workspaces and --workspace"))
    }

    @Test("run-due over every workspace from two processes at once runs each due rule once; a missing workspace is reported and the rest run")
    func runDue() throws {
        let home = try Home()
        try home.threeWorkspaces()
        var rules: [RecordID<AutomationRule>] = []
        for name in ["a", "b"] {
            let store = try WorkspaceStore.open(at: home.folder.path(name))
            var rule = try AutomationRule.validated(trigger: .every("daily 00:01"), job: .summarizeFeedback)
            rule.createdAt = Date().addingTimeInterval(-2 * 86_400)
            try store.write { try $0.save(rule) }
            rules.append(rule.id)
        }
        try FileManager.default.removeItem(at: home.folder.path("c"))
        let executable = try BuiltProducts.executable("podium")
        let environment = home.environment
        let results = LockedResults()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            results.add(try? run(executable, ["automate", "run-due", "--all-workspaces", "--json"], environment: environment))
        }
        let outputs = results.all
        #expect(outputs.count == 2 && outputs.allSatisfy { $0.status == 0 }, "\(outputs.map(\.standardError))")
        #expect(outputs.allSatisfy { $0.standardError.contains("Ledgerly: missing") })
        for (index, name) in ["a", "b"].enumerated() {
            let jobs = try WorkspaceStore.open(at: home.folder.path(name)).snapshot.jobs.values.filter { $0.rule == rules[index] }
            #expect(jobs.count == 1, "\(name): the due rule ran once between the two processes")
        }
        let runs = outputs.compactMap { try? JSONSerialization.jsonObject(with: Data($0.standardOutput.utf8)) as? [[String: Any]] }
        #expect(runs.count == 2 && runs.allSatisfy { $0.map { $0["state"] as? String } == ["ran", "ran", "missing"] })
        let metrics = try home.podium(["metrics", "--all-workspaces"])
        #expect(metrics.status == 0)
        #expect(metrics.standardOutput.contains("all 2 "))
    }

    @Test("a workspace's podium.toml chooses its own provider (not a key, not a theme); the other workspaces keep the user's")
    func workspaceProviders() throws {
        let home = try Home()
        try home.threeWorkspaces()
        let settings = """
            theme = "light"
            provider = "teamserver"

            [providers.teamserver]
            kind = "openai"
            base_url = "http://127.0.0.1:9/v1"
            model = "team-model"
            api_key = "sk-shared-in-git"
            connect_timeout = 2
            retries = 0

            """
        try Data(settings.utf8).write(to: home.folder.path("a/podium.toml"))
        let there = try home.podium(["run", "summarize-feedback", "-w", home.folder.path("a").path])
        #expect(there.status != 0)
        #expect(there.standardError.contains("127.0.0.1:9"), "\(there.standardError)")
        #expect(there.standardError.contains("\"theme\" is not read there"))
        #expect(there.standardError.contains("api_key is refused"))
        let elsewhere = try home.podium(["run", "summarize-feedback", "-w", home.folder.path("b").path])
        #expect(elsewhere.status == 0, "\(elsewhere.standardError)")
        #expect(elsewhere.standardOutput.contains("local (podium-insight)"))
    }

    @Test("the switcher in a real terminal: Ctrl-O lists the products with their drafts, Enter opens one in place, and coming back finds the pane and row as left")
    func switcherInTmux() throws {
        let home = try Home()
        try home.threeWorkspaces()
        try FileManager.default.removeItem(at: home.folder.path("c"))
        let terminal = try home.dashboard(on: "a", width: 120, height: 40)
        try terminal.send("4", "j", "j")
        try terminal.waitFor("Decision Maker — Product Backlog · 3/")
        try terminal.send("C-o")
        let listed = try terminal.waitFor("Open another product")
        #expect(listed.contains("Fieldnote (open now) · 3 drafts waiting · ok"))
        #expect(listed.contains("Fieldnote EU · 3 drafts waiting · ok (git clone)"))
        #expect(listed.contains("Ledgerly · missing"))
        try terminal.send("Enter")
        try terminal.waitFor("Fieldnote · Visionary")
        #expect(try terminal.screen().contains("~/b"), "the status bar names the workspace now open")
        try terminal.send("C-o")
        try terminal.waitFor("Fieldnote EU (open now)")
        try terminal.type("ledg")
        try terminal.send("Enter")
        try terminal.waitFor("Ledgerly · missing")
        try terminal.send("C-u")
        try terminal.type("fieldnote")
        try terminal.send("Up", "Up", "Enter")
        let back = try terminal.waitFor("Decision Maker — Product Backlog · 3/")
        #expect(back.contains("Fieldnote · Decision Maker"))
    }

    @Test("the All products view in a real terminal: every product's drafts, an accept in place lands in the workspace that holds the draft and u undoes it there, another process's change shows, Enter opens the other product at its draft")
    func allProductsInTmux() throws {
        let home = try Home()
        try home.threeWorkspaces()
        try FileManager.default.removeItem(at: home.folder.path("c"))
        let terminal = try home.dashboard(on: "a", width: 160, height: 45)
        try terminal.send("7", "v")
        try terminal.waitFor("Orchestrator — all products")
        let listed = try terminal.waitFor("Fieldnote EU: 3 drafts waiting · ok (git clone)")
        #expect(listed.contains("Fieldnote (open now): 3 drafts waiting"))
        #expect(listed.contains("Ledgerly: missing"))
        #expect(listed.contains("all products · 1/6"), "six drafts waiting, in two products")

        func drafts(_ folder: String) throws -> [Draft] {
            try WorkspaceStore.open(at: home.folder.path(folder)).snapshot.drafts.values.sorted { $0.id < $1.id }
        }
        let summary = try #require(try drafts("b").first { $0.kind == .summarizeFeedback })
        try terminal.send("/")
        try terminal.type("product:eu Feedback summary")
        try terminal.send("Enter", "a")
        try terminal.waitFor("Accepted “\(summary.title)” in Fieldnote EU · u undoes")
        #expect(try drafts("b").first { $0.id == summary.id }?.status == .accepted)
        #expect(try drafts("a").filter { $0.status == .pending }.count == 3, "the product open now is untouched")
        try terminal.send("u")
        try terminal.waitFor("Undid accepting “\(summary.title)”")
        #expect(try drafts("b").first { $0.id == summary.id }?.status == .pending)
        let audit = try WorkspaceStore.open(at: home.folder.path("b")).snapshot.audit.values
        #expect(audit.contains { $0.summary.contains(summary.title) && $0.action == .accept }, "the accept is in the clone's own audit log")

        // Another process rejects a draft of the clone: the view reads the portfolio again by itself.
        let themes = try #require(try drafts("b").first { $0.kind == .clusterThemes })
        let rejected = try home.podium(["drafts", "reject", String(themes.id.rawValue.suffix(8)), "-w", home.folder.path("b").path])
        #expect(rejected.status == 0, "\(rejected.standardError)")
        try terminal.send("Escape")
        try terminal.waitFor("Fieldnote EU: 2 drafts waiting · ok (git clone)", timeout: 20)

        // Enter opens the clone at its remaining draft, for review.
        let update = try #require(try drafts("b").first { $0.kind == .stakeholderUpdate })
        try terminal.send("/")
        try terminal.type("product:eu stakeholder")
        try terminal.send("Enter", "Enter")
        let opened = try terminal.waitFor("Esc closes the draft · Ctrl-O switches back")
        #expect(opened.contains(update.title))
        #expect(opened.contains("~/b"), "the status bar names the workspace now open")
    }
}
