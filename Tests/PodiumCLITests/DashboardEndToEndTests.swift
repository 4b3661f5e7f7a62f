import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// The built `podium` in a real terminal (tmux), on a demo workspace.
@Suite("The dashboard in a real terminal", .serialized)
struct DashboardEndToEndTests {
    /// A demo workspace and a folder for the terminal-state files.
    func prepare() throws -> (TemporaryDirectory, String) {
        let folder = try TemporaryDirectory("podium-e2e")
        let workspace = folder.url.path + "/ws"
        let demo = try run(BuiltProducts.executable("podium"), ["demo", "--no-open", "--bare", "--size", "200", "-w", workspace],
                           environment: ["HOME": folder.url.path])
        try #require(demo.status == 0, "\(demo.standardError)")
        return (folder, workspace)
    }

    /// A shell command that records the terminal modes, runs podium, then records them again.
    func command(_ folder: TemporaryDirectory, workspace: String, extra: String = "") -> String {
        let dir = folder.url.path
        return "stty -g > \(dir)/stty.before; \(BuiltProducts.executable("podium").path) -w \(workspace) \(extra); "
            + "echo \\$? > \(dir)/exit.status; stty -g > \(dir)/stty.after; sleep 60"
    }

    func waitForExit(_ folder: TemporaryDirectory) throws -> String {
        let path = folder.url.path + "/exit.status"
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty,
               FileManager.default.fileExists(atPath: folder.url.path + "/stty.after") {
                usleep(100_000)
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            usleep(50_000)
        }
        return "did not exit"
    }

    func terminalRestored(_ folder: TemporaryDirectory) throws -> Bool {
        let before = try String(contentsOfFile: folder.url.path + "/stty.before", encoding: .utf8)
        let after = try String(contentsOfFile: folder.url.path + "/stty.after", encoding: .utf8)
        return before == after
    }

    @Test("all seven panes, filter, help, palette and quit, with the terminal intact")
    func tour() throws {
        let (folder, workspace) = try prepare()
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 120, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("Visionary — Fieldnote")
        let titles = ["Collaborator — stakeholders", "Customer Representative — feedback", "Decision Maker — Product Backlog",
                      "Experimenter — experiments", "Influencer — updates", "Orchestrator — jobs and drafts inbox", "Visionary — Fieldnote"]
        for (index, title) in titles.enumerated() {
            try terminal.send(String((index + 1) % 7 + 1))
            try terminal.waitFor(title)
        }
        try terminal.send("3", "/")
        try terminal.type("offline")
        let filtered = try terminal.waitFor("filter: offline")
        #expect(filtered.contains("Offline") || filtered.contains("offline"))
        try terminal.send("Escape", "?")
        try terminal.waitFor("Help: every key")
        try terminal.send("Escape", ":")
        try terminal.type("experim")
        try terminal.waitFor("Show the Experimenter pane")
        try terminal.send("Enter")
        try terminal.waitFor("Experimenter — experiments")
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }

    @Test("an AI job from its pane key to an accepted, edited and undone draft; the files follow each step")
    func draftFlow() throws {
        let (folder, workspace) = try prepare()
        // The "editor" replaces a word in the draft, as a person would in vi.
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color",
                                                     "VISUAL": "sed -i s/Sentiment/Mood/"])
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("3", "m")
        try terminal.waitFor("Queued summarize-feedback on local (podium-insight)")
        try terminal.send("7")
        try terminal.waitFor("Feedback summary (all 200 items)")
        try terminal.send("g", "Enter")
        try terminal.waitFor("a accept · x reject")
        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: workspace))
        let draft = try #require(store.snapshot.drafts.values.first)
        #expect(draft.status == .pending && draft.kind == .summarizeFeedback && !draft.evidence.isEmpty)
        #expect(store.snapshot.jobs.values.first?.status == .done)

        try terminal.send("e")
        try terminal.waitFor("Saved your edit")
        _ = try store.refresh()
        #expect(store.snapshot.drafts[draft.id]?.content.contains("**Mood:**") == true)
        #expect(store.snapshot.drafts[draft.id]?.edits.count == 1)

        try terminal.send("a")
        try terminal.waitFor("Accepted “Feedback summary (all 200 items)”")
        _ = try store.refresh()
        #expect(store.snapshot.drafts[draft.id]?.status == .accepted)
        try terminal.send("3")
        try terminal.waitFor("Accepted summary (")

        try terminal.send("u")
        try terminal.waitFor("Undid accepting")
        _ = try store.refresh()
        #expect(store.snapshot.drafts[draft.id]?.status == .pending)
        #expect(Set(store.snapshot.audit.values.map(\.action)).isSuperset(of: [.edit, .accept, .undo]))
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }

    @Test("importing from the dashboard: I, a path, the preview, y; the items appear")
    func importFromDashboard() throws {
        let (folder, workspace) = try prepare()
        let file = folder.url.path + "/canny.csv"
        try Data("Title,Details,Votes\nCrews on one job,Let two technicians share a job.,42\nDark mode,,3\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("I")
        try terminal.waitFor("Import feedback from")
        try terminal.type(file)
        try terminal.send("Enter")
        let preview = try terminal.waitFor("Would import 2 feedback items from canny.csv")
        #expect(preview.contains("Canny posts") && preview.contains("42 votes"))
        #expect(try WorkspaceStore.open(at: URL(fileURLWithPath: workspace)).snapshot.feedback.count == 200, "the preview wrote nothing")
        try terminal.send("y")
        try terminal.waitFor("Imported 2 feedback items from canny.csv")
        try terminal.send("3")
        try terminal.waitFor("202 feedback items")
        #expect(try WorkspaceStore.open(at: URL(fileURLWithPath: workspace)).snapshot.feedback.values.contains { $0.votes == 42 })
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
    }

    @Test("resizing from 200x50 down to 40x12, below the minimum, and back")
    func resize() throws {
        let (folder, workspace) = try prepare()
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 200, height: 50,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("7 Orchestrator")
        try terminal.resize(width: 40, height: 12)
        try terminal.waitFor("Visionary")
        try terminal.resize(width: 30, height: 8)
        try terminal.waitFor("Terminal too small")
        try terminal.resize(width: 200, height: 50)
        try terminal.waitFor("7 Orchestrator")
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }

    @Test("SIGTERM, SIGINT, SIGHUP and SIGQUIT restore the terminal; so do crash signals, which still kill the process; keypad and cursor keys are back in normal mode")
    func signals() throws {
        for (signal, status) in [(SIGTERM, "143"), (SIGINT, "130"), (SIGHUP, "129"), (SIGQUIT, "131"), (SIGSEGV, "139"), (SIGABRT, "134")] {
            let (folder, workspace) = try prepare()
            let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 100, height: 30,
                                           environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
            try terminal.waitFor("Visionary — Fieldnote")
            let pids = try run(URL(fileURLWithPath: "/usr/bin/env"), ["pgrep", "-f", "podium -w \(workspace)"])
            let pid = try #require(pids.standardOutput.split(separator: "\n").compactMap { Int32($0) }
                .first { (try? String(contentsOfFile: "/proc/\($0)/comm", encoding: .utf8))?.hasPrefix("podium") == true })
            kill(pid, signal)
            #expect(try waitForExit(folder) == status, "signal \(signal)")
            #expect(try terminalRestored(folder), "signal \(signal)")
            #expect(try terminal.format("#{alternate_on} #{keypad_cursor_flag} #{keypad_flag} #{cursor_flag}") == "0 0 0 1", "signal \(signal)")
            #expect(try !terminal.screen().contains("Program crashed"), "signal \(signal)")
        }
    }

    @Test("Ctrl-\\ in the dashboard quits cleanly: no crash report, the terminal as it was")
    func controlBackslash() throws {
        let (folder, workspace) = try prepare()
        // The wrapping shell ignores SIGQUIT as an interactive shell does (Ctrl-\\ reaches the
        // whole foreground group); podium sets its own handling.
        let terminal = try TmuxSession(command: "trap '' QUIT; " + command(folder, workspace: workspace), width: 100, height: 30,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("C-\\")
        #expect(try waitForExit(folder) == "131")
        #expect(try terminalRestored(folder))
        #expect(try terminal.format("#{alternate_on} #{keypad_cursor_flag} #{keypad_flag}") == "0 0 0")
        #expect(try !terminal.screen().contains("Program crashed"))
    }

    @Test("a key rebound in config.json works, and --theme picks a theme")
    func configAndTheme() throws {
        let (folder, workspace) = try prepare()
        let config = folder.url.path + "/.config/podium"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try Data(#"{"theme": "light", "keys": {"quit": ["Q"]}, "colour": "blue"}"#.utf8).write(to: URL(fileURLWithPath: config + "/config.json"))
        let terminal = try TmuxSession(command: command(folder, workspace: workspace, extra: "--theme high-contrast"), width: 120, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("unknown setting \"colour\"")  // reported in the status bar, not only on stderr
        try terminal.send("j")  // a key press clears the message
        try terminal.waitFor("Q quit")
        try terminal.send("q")
        try terminal.waitFor("q is not bound")
        try terminal.send("Q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }

    @Test("Ctrl-Z suspends to the shell and fg repaints the dashboard")
    func suspend() throws {
        let (folder, workspace) = try prepare()
        let terminal = try TmuxSession(command: "bash --norc --noprofile", width: 100, height: 30,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color", "PS1": "shell$ "])
        try terminal.waitFor("shell$")
        try terminal.type("\(BuiltProducts.executable("podium").path) -w \(workspace)")
        try terminal.send("Enter")
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("C-z")
        try terminal.waitFor("Stopped")
        try terminal.type("fg")
        try terminal.send("Enter")
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("3")
        try terminal.waitFor("Customer Representative — feedback")
        try terminal.send("q")
        try terminal.type("echo back-$((20+22))")
        try terminal.send("Enter")
        try terminal.waitFor("back-42")  // the shell has the terminal again
    }

    @Test("feedback imported from another shell appears in the open dashboard by itself")
    func liveImport() throws {
        let (folder, workspace) = try prepare()
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 120, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("3")
        try terminal.waitFor("200 feedback items")
        let file = folder.url.path + "/new.csv"
        try Data("text,author\nImported while the dashboard was open,zed\n".utf8).write(to: URL(fileURLWithPath: file))
        let result = try run(BuiltProducts.executable("podium"), ["import", "feedback", file, "-w", workspace],
                             environment: ["HOME": folder.url.path])
        #expect(result.status == 0, "\(result.standardError)")
        try terminal.waitFor("201 feedback items")
        try terminal.send("/")
        try terminal.type("while the dashboard")
        try terminal.waitFor("Imported while the dashboard was open")
        try terminal.send("Escape", "q")
        #expect(try waitForExit(folder) == "0")
    }
}
