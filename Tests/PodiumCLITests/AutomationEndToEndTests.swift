import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Automation in the dashboard, in a real terminal: a CSV dropped in the inbox folder is
/// imported, the import rules run, the low-risk sentiment tags are accepted by themselves
/// and the high-impact update waits for review.
extension DashboardEndToEndTests {
    @Test("drop a CSV in the inbox: the triggered jobs show in the Orchestrator, sentiment is auto-accepted, the update waits")
    func inboxAutomation() throws {
        let (folder, workspace) = try prepare()
        let environment = ["HOME": folder.url.path, "XDG_CONFIG_HOME": "", "TERM": "xterm-256color", "COLUMNS": "140"]
        for arguments in [["--on", "import", "--job", "tag-sentiment", "--auto-accept"], ["--on", "import", "--job", "stakeholder-update"]] {
            let added = try run(BuiltProducts.executable("podium"), ["automate", "add", "-w", workspace] + arguments, environment: environment)
            try #require(added.status == 0, "\(added.standardError)")
        }
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40, environment: environment)
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("7", "v", "v")
        try terminal.waitFor("Orchestrator — automation rules")
        try terminal.waitFor("ws/inbox — drop CSV")
        try terminal.waitFor("stakeholder-update")

        // Written elsewhere and moved in, as a browser's download or a sync tool does.
        let csv = "text,rating,date\n\"The invoice export crashes every single time\",1,2026-11-24\n\"Offline mode is wonderful, thank you\",5,2026-11-24\n"
        try csv.write(toFile: folder.url.path + "/drop.csv", atomically: true, encoding: .utf8)
        #expect(rename(folder.url.path + "/drop.csv", workspace + "/inbox/reviews-nov.csv") == 0)
        // The import is told in the status bar, and the notices of its rules follow it rather than replace it.
        try terminal.waitFor("Inbox: Imported 2 feedback items from reviews-nov.csv", timeout: 30)
        try terminal.waitFor("queued tag-sentiment", timeout: 30)  // the rule's last outcome, in the rules view
        try terminal.send("v", "v", "v")  // back to jobs and drafts
        try terminal.waitFor("Orchestrator — jobs and drafts inbox")
        try terminal.waitFor("Auto-accepted in 7 days: 1 (tag-sentiment 1)", timeout: 30)
        let screen = try terminal.waitFor("Stakeholder update", timeout: 30)
        #expect(screen.contains("auto-accept"), "the sentiment draft is listed as auto-accepted:\n\(screen)")
        #expect(screen.contains("pending"), "the update waits for review:\n\(screen)")

        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: workspace))
        let snapshot = store.snapshot
        let new = snapshot.feedback.values.filter { $0.origin?.contains("reviews-nov.csv") == true || $0.text.contains("crashes every single time") || $0.text.contains("Offline mode is wonderful") }
        #expect(new.count == 2)
        #expect(new.allSatisfy { $0.currentSentiment != nil }, "the sentiment tags were accepted without review")
        let crash = new.first { $0.text.contains("crashes") }
        let praise = new.first { $0.text.contains("wonderful") }
        #expect((crash?.currentSentiment ?? 0) < 0 && (praise?.currentSentiment ?? 0) > 0)
        let update = snapshot.drafts.values.filter { $0.kind == .stakeholderUpdate }
        #expect(update.count == 1 && update.first?.status == .pending, "high impact: never auto-accepted")
        #expect(FileManager.default.fileExists(atPath: workspace + "/inbox/done/reviews-nov.csv"))
        #expect(snapshot.audit.values.contains { $0.action == .accept && $0.isAutomated })

        // Importing with I in the dashboard fires the import rules too.
        try "text\n\"Sync is terribly slow on the train\"\n".write(toFile: folder.url.path + "/more.csv", atomically: true, encoding: .utf8)
        try terminal.send("I")
        try terminal.type(folder.url.path + "/more.csv")
        try terminal.send("Enter")
        try terminal.waitFor("Import " + folder.url.path + "/more.csv?")
        try terminal.send("y")
        try terminal.waitFor("Auto-accepted in 7 days: 2 (tag-sentiment 2)", timeout: 30)
        try store.refresh()
        #expect(store.snapshot.feedback.values.first { $0.text.contains("terribly slow") }?.currentSentiment != nil)

        // The audit log, filtered to what rules did.
        try terminal.send("v", "v", "v", "v", "/")
        try terminal.type("who:rule")
        try terminal.send("Enter")
        let audit = try terminal.waitFor("filter: who:rule")
        #expect(audit.contains("Accepted"), "\(audit)")
        #expect(!audit.contains("user "), "only rule entries remain:\n\(audit)")
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }
}
