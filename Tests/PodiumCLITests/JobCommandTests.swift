import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium run`, `podium drafts` and `podium jobs`, run as a script or cron job would.
@Suite("AI jobs from the command line")
struct JobCommandTests {
    private func podium(_ arguments: [String], home: URL, environment: [String: String] = [:]) throws -> ProcessResult {
        var base = ["HOME": home.path, "XDG_DATA_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "120"]
        base.merge(environment) { _, new in new }
        return try run(BuiltProducts.executable("podium"), arguments, environment: base)
    }

    private func demo() throws -> TemporaryDirectory {
        let home = try TemporaryDirectory("podium-jobs")
        let made = try podium(["demo", "--no-open", "--bare", "--size", "200"], home: home.url)
        try #require(made.status == 0, "\(made.standardError)")
        return home
    }

    /// The draft object `--json` prints.
    struct DraftJSON: Decodable {
        var id: String
        var kind: String
        var status: String
        var content: String
        var evidence: [EvidenceJSON]
        var evidenceGroups: [String: [String]]?
        struct EvidenceJSON: Decodable { var kind: String; var id: String }
    }

    @Test("run --json prints the draft with its evidence; accept applies it, undo takes it back")
    func runAcceptUndo() throws {
        let home = try demo()
        let result = try podium(["run", "cluster-themes", "--json"], home: home.url)
        #expect(result.status == 0, "\(result.standardError)")
        let draft = try JSONDecoder().decode(DraftJSON.self, from: Data(result.standardOutput.utf8))
        #expect(draft.kind == "cluster-themes" && draft.status == "pending")
        let groups = try #require(draft.evidenceGroups)
        #expect(groups.count >= 3 && groups.values.allSatisfy { !$0.isEmpty }, "ids per theme")

        let store = try WorkspaceStore.open(at: home.path("ws"))
        #expect(store.snapshot.feedback.values.allSatisfy { !$0.currentTags.contains { $0.hasPrefix("theme:") } })
        let short = String(draft.id.suffix(8))
        let accept = try podium(["drafts", "accept", short, "--note", "good split"], home: home.url)
        #expect(accept.status == 0 && accept.standardOutput.contains("Accepted \(short)"), "\(accept.standardError)")
        _ = try store.refresh()
        let tagged = store.snapshot.feedback.values.filter { $0.currentTags.contains { $0.hasPrefix("theme:") } }
        #expect(tagged.count == groups.values.reduce(0) { $0 + $1.count })

        let again = try podium(["drafts", "accept", short], home: home.url)
        #expect(again.status == 1 && again.standardError.contains("already accepted"))
        let undo = try podium(["drafts", "undo", short], home: home.url)
        #expect(undo.status == 0, "\(undo.standardError)")
        _ = try store.refresh()
        #expect(store.snapshot.feedback.values.allSatisfy { !$0.currentTags.contains { $0.hasPrefix("theme:") } })
        #expect(store.snapshot.drafts[RecordID(draft.id)]?.status == .pending)
        let actions = store.snapshot.audit.values.map(\.action)
        #expect(actions.contains(.accept) && actions.contains(.undo))
    }

    @Test("ask takes the question as an argument and cites what it found")
    func ask() throws {
        let home = try demo()
        let result = try podium(["run", "ask", "What do customers say about invoices?"], home: home.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("# What do customers say about invoices?"))
        #expect(result.standardOutput.contains("[#"))
        #expect(result.standardError.contains("running ask on local (podium-insight)"))
        let missing = try podium(["run", "ask"], home: home.url)
        #expect(missing.status == 64 && missing.standardError.contains("ask needs a question"))
    }

    @Test("reject with a reason, edit from a file, list and show")
    func rejectEditList() throws {
        let home = try demo()
        let first = try JSONDecoder().decode(DraftJSON.self, from: Data(try podium(["run", "release-notes", "--json"], home: home.url).standardOutput.utf8))
        let second = try JSONDecoder().decode(DraftJSON.self, from: Data(try podium(["run", "stakeholder-update", "--audience", "board", "--json"], home: home.url).standardOutput.utf8))
        let text = home.path("edited.md")
        try "# Update for the board\n\nShort and sweet.\n".write(to: text, atomically: true, encoding: .utf8)
        #expect(try podium(["drafts", "edit", second.id, "--from", text.path], home: home.url).status == 0)
        #expect(try podium(["drafts", "reject", first.id, "--reason", "too early"], home: home.url).status == 0)
        let list = try podium(["drafts", "list"], home: home.url)
        #expect(list.standardOutput.contains(String(second.id.suffix(8))) && !list.standardOutput.contains(String(first.id.suffix(8))))
        let all = try podium(["drafts", "list", "--all"], home: home.url)
        #expect(all.standardOutput.contains("rejected"))
        let unreject = try podium(["drafts", "undo", first.id], home: home.url)
        #expect(unreject.status == 0 && unreject.standardOutput.contains("Undone: the rejection"), "\(unreject.standardError)")
        #expect(try podium(["drafts", "list"], home: home.url).standardOutput.contains(String(first.id.suffix(8))), "back in the inbox")
        #expect(try podium(["drafts", "reject", first.id, "--reason", "too early"], home: home.url).status == 0)
        let show = try podium(["drafts", "show", second.id], home: home.url)
        #expect(show.standardOutput.contains("Short and sweet."))
        #expect(try podium(["drafts", "accept", second.id], home: home.url).status == 0)
        let communications = try WorkspaceStore.open(at: home.path("ws")).snapshot.communications.values
        #expect(communications.contains { $0.audience == "board" && $0.body.contains("Short and sweet.") })
    }

    @Test("drafts show warns of flagged citations and lists them; --json carries them")
    func flaggedCitations() throws {
        let home = try TemporaryDirectory("podium-jobs")
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "20"], home: home.url).status == 0)
        let store = try WorkspaceStore.open(at: home.path("ws"))
        var draft = Draft(kind: .ask, stance: .orchestrator, title: "Q: invoices", content: "Customers want a moon base [#0badc0de].")
        draft.flaggedCitations = [FlaggedCitation(sentence: "Customers want a moon base [#0badc0de].", id: "0badc0de", reason: .notSent)]
        try store.write { try $0.save(draft) }
        let show = try podium(["drafts", "show", draft.id.short], home: home.url)
        #expect(show.status == 0, "\(show.standardError)")
        #expect(show.standardOutput.contains("Warning: 1 sentence(s) cite a record not given to the model or that does not say it:\n"
            + "  [#0badc0de] cites a record it was not given: “Customers want a moon base [#0badc0de].”"), "\(show.standardOutput)")
        let json = try podium(["drafts", "show", draft.id.short, "--json"], home: home.url)
        #expect(json.standardOutput.contains("\"flaggedCitations\"") && json.standardOutput.contains("\"not-sent\""))
    }

    @Test("jobs kinds lists every kind with its risk; jobs list shows what ran")
    func jobs() throws {
        let home = try demo()
        let kinds = try podium(["jobs", "kinds", "--json"], home: home.url)
        struct Kind: Decodable { var kind: String; var risk: String }
        let list = try JSONDecoder().decode([Kind].self, from: Data(kinds.standardOutput.utf8))
        #expect(list.map(\.kind) == JobKindInfo.all.map(\.kind.rawValue))
        #expect(list.first { $0.kind == "order-backlog" }?.risk == "high" && list.first { $0.kind == "tag-sentiment" }?.risk == "low")
        _ = try podium(["run", "tag-sentiment"], home: home.url)
        let jobs = try podium(["jobs"], home: home.url)
        #expect(jobs.standardOutput.contains("tag-sentiment") && jobs.standardOutput.contains("done"))
    }

    @Test("mistakes get one clear line: unknown job, unknown draft, nothing to work on")
    func mistakes() throws {
        let home = try demo()
        let typo = try podium(["run", "sumarize-feedback"], home: home.url)
        #expect(typo.status == 64 && typo.standardError.contains("did you mean summarize-feedback?"))
        let unknown = try podium(["drafts", "accept", "zzzzzzzz"], home: home.url)
        #expect(unknown.status == 1 && unknown.standardError.contains("no draft \"zzzzzzzz\""))
        let empty = try TemporaryDirectory("podium-empty")
        _ = try podium(["init", "--name", "Empty"], home: empty.url)
        let nothing = try podium(["run", "summarize-feedback"], home: empty.url)
        #expect(nothing.status == 1 && nothing.standardError.contains("There is no feedback in the workspace yet"))
        let wrongMethod = try podium(["run", "order-backlog", "--method", "moscow"], home: home.url)
        #expect(wrongMethod.status == 64 && wrongMethod.standardError.contains("--method moscow: use rice or wsjf"))
        let misplaced = try podium(["run", "ask", "why?", "--audience", "board"], home: home.url)
        #expect(misplaced.status == 64 && misplaced.standardError.contains("--audience does not apply to ask"))
        let wrongStance = try podium(["run", "tag-sentiment", "--stance", "customer"], home: home.url)
        #expect(wrongStance.status == 64 && wrongStance.standardError.contains("unknown stance \"customer\"; stances: visionary, collaborator, customer-representative"))
        let filed = try podium(["run", "tag-sentiment", "--stance", "decision-maker", "--json"], home: home.url)
        #expect(filed.status == 0 && filed.standardOutput.contains("\"stance\" : \"decision-maker\""), "\(filed.standardOutput.prefix(300))")
        let missingFile = try podium(["drafts", "edit", "zzzz", "--from", "/nope.md"], home: home.url)
        #expect(missingFile.status == 1)
        #expect(try podium(["-w", home.path("ws").path, "jobs", "kinds"], home: home.url).status == 0, "-w is accepted before any command")
    }

    @Test("import --dry-run previews a recognised export and writes nothing; several questions ask which")
    func importPreview() throws {
        let home = try demo()
        let file = home.path("typeform.csv")
        try Data(("#,What do you like most?,What should we improve?,Response Type,Start Date (UTC),Stage Date (UTC),Submit Date (UTC),Network ID,Tags\n"
            + "a1,The dispatch board,Offline mode loses my notes,completed,2026-10-02 06:20:00,,2026-10-02 06:24:12,n1,\n").utf8).write(to: file)
        let asked = try podium(["import", "feedback", file.path, "--dry-run"], home: home.url)
        #expect(asked.status == 1 && asked.standardError.contains("2 columns hold free-text answers") && asked.standardError.contains("--text-columns"))
        let preview = try podium(["import", "feedback", file.path, "--dry-run", "--map", "What should we improve?=text"], home: home.url)
        #expect(preview.status == 0, "\(preview.standardError)")
        #expect(preview.standardOutput.contains("Would import 1 feedback item from typeform.csv"))
        #expect(preview.standardOutput.contains("Typeform responses") && preview.standardOutput.contains("first items as they would be stored"))
        #expect(preview.standardOutput.contains("2026-10-02 · survey — Offline mode loses my notes"))
        #expect(preview.standardOutput.contains("Dry run: nothing was written."))
        #expect(try WorkspaceStore.open(at: home.path("ws")).snapshot.feedback.count == 200)
    }

    @Test("config.toml: keys and theme apply, unknown settings and broken TOML are reported with the place")
    func tomlConfig() throws {
        let home = try demo()
        let folder = home.path("config/podium")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try Data("theme = \"light\"\ncolour = \"blue\"\njobs_at_once = 9\n\n[keys]\nquit = [\"x\"]\n".utf8).write(to: file)
        let environment = ["XDG_CONFIG_HOME": home.path("config").path]
        let good = try podium(["snapshot", "--pane", "visionary", "--size", "200x12"], home: home.url, environment: environment)
        #expect(good.status == 0 && good.standardOutput.contains("x quit"))
        #expect(good.standardError.contains("unknown setting \"colour\""))
        #expect(good.standardError.contains("jobs_at_once must be a whole number from 1 to 8"))
        try Data("theme = \"light\n".utf8).write(to: file)
        let broken = try podium(["snapshot", "--pane", "visionary", "--size", "200x12"], home: home.url, environment: environment)
        #expect(broken.status == 0 && broken.standardOutput.contains("q quit"), "the defaults apply")
        #expect(broken.standardError.contains("config.toml:1:"))
    }

    @Test("providers list shows profiles and where keys come from, never a key; prompts show prints the template")
    func providersAndPrompts() throws {
        let home = try demo()
        let folder = home.path("config/podium")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try Data("""
            provider = "ollama"
            [providers.ollama]
            kind = "openai"
            base_url = "http://127.0.0.1:11434/v1"
            model = "llama3.1"
            [providers.claude]
            kind = "anthropic"
            base_url = "https://api.anthropic.com/v1"
            model = "claude-x"
            api_key = "sk-secret-in-a-shared-file"
            """.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let environment = ["XDG_CONFIG_HOME": home.path("config").path]
        let list = try podium(["providers", "list"], home: home.url, environment: environment)
        #expect(list.status == 0 && list.standardOutput.contains("ollama") && list.standardOutput.contains("http://127.0.0.1:11434/v1"))
        #expect(list.standardError.contains("api_key is refused because") && !list.standardOutput.contains("sk-secret") && !list.standardError.contains("sk-secret"))
        let prompt = try podium(["prompts", "show", "release-notes"], home: home.url, environment: environment)
        #expect(prompt.status == 0 && prompt.standardOutput.contains("<workspace-data>") && prompt.standardOutput.contains("## Output format"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        try Data("My own notes prompt: {{data}}".utf8).write(to: folder.appendingPathComponent("prompts/release-notes.md"))
        let mine = try podium(["prompts", "show", "release-notes"], home: home.url, environment: environment)
        #expect(mine.standardOutput.contains("My own notes prompt") && mine.standardError.contains("prompts/release-notes.md"))
        let unknown = try podium(["run", "ask", "why?", "--provider", "gpt9"], home: home.url, environment: environment)
        #expect(unknown.status == 64 && unknown.standardError.contains("no provider \"gpt9\""))
    }
}

