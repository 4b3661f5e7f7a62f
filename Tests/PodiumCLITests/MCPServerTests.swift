import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium mcp` driven by a real MCP client: the official Python `mcp` package (PyPI,
/// installed by .ci/run) starts it as a subprocess over stdio (`Tests/Fixtures/MCP/agent.py`).
@Suite("Agents over MCP")
struct MCPServerTests {
    /// A demo workspace, a home of its own, and an API key in the environment that must
    /// never come out of the server.
    final class Setup: @unchecked Sendable {
        let folder: TemporaryDirectory
        let workspace: URL
        static let secret = "sk-live-PODIUM-TEST-SECRET-4242"
        var environment: [String: String] {
            ["HOME": folder.url.path, "XDG_CONFIG_HOME": folder.path("config").path, "XDG_DATA_HOME": "", "PODIUM_WORKSPACE": "",
             "OPENAI_API_KEY": Self.secret, "ANTHROPIC_API_KEY": Self.secret]
        }

        init() throws {
            folder = try TemporaryDirectory("podium-mcp")
            workspace = folder.path("ws")
            let made = try podium(["demo", "--no-open", "--size", "80", "-w", workspace.path])
            try #require(made.status == 0, "\(made.standardError)")
        }

        func podium(_ arguments: [String]) throws -> ProcessResult {
            try run(BuiltProducts.executable("podium"), arguments, environment: environment)
        }

        /// What the Python agent saw, playing `scenario` against `podium mcp` on the workspace.
        func agent(_ scenario: String) throws -> [String: Any] {
            let script = LlamaServer.repository.appendingPathComponent("Tests/Fixtures/MCP/agent.py")
            let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, try BuiltProducts.executable("podium").path, workspace.path, scenario],
                                 environment: environment)
            try #require(result.status == 0, "the Python MCP client failed (pip install mcp):\n\(result.standardError.suffix(3000))")
            #expect(!result.standardOutput.contains(Self.secret) && !result.standardError.contains(Self.secret))
            return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        }

        var snapshot: WorkspaceSnapshot { get throws { try WorkspaceStore.open(at: workspace).snapshot } }
    }

    static func json(_ call: Any?) -> [String: Any] { ((call as? [String: Any])?["json"] as? [String: Any]) ?? [:] }

    @Test("a real MCP client lists the tools, searches, reads, files drafts that wait for review made by it, is refused unknown ids, runs a job; every call is audited; no key comes out")
    func agentAtWork() throws {
        let setup = try Setup()
        let before = try setup.snapshot
        let seen = try setup.agent("full")
        #expect(seen["tools"] as? [String] == ["get_record", "list_backlog", "list_decisions", "list_records", "list_stakeholders", "propose_draft", "run_job",
                                               "search_feedback", "themes_and_signals"])
        #expect(seen["resources"] as? [String] == ["podium://product/goal", "podium://product/vision"])
        #expect((seen["vision"] as? String)?.contains(before.product.vision.prefix(40)) == true)

        // Reading: ids with every result, text as Podium shows it (no control characters).
        let search = Self.json(seen["search"])
        let found = try #require(search["feedback"] as? [[String: Any]])
        #expect(!found.isEmpty && found.count <= 5)
        #expect(found.allSatisfy { ($0["text"] as? String)?.lowercased().contains("offline") == true && before.feedback[RecordID(($0["id"] as? String) ?? "")] != nil })
        let everything = try #require(Self.json(seen["everything"])["feedback"] as? [[String: Any]])
        #expect(everything.count == min(200, before.feedback.values.filter { $0.triage != .dismissed }.count))
        #expect(everything.allSatisfy { !(($0["text"] as? String) ?? "").unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } },
                "feedback text comes sanitized")
        let negative = try #require(Self.json(seen["negative"])["feedback"] as? [[String: Any]])
        #expect(!negative.isEmpty && negative.allSatisfy { ($0["sentiment"] as? [String: Any])?["label"] as? String == "negative" })
        #expect(Self.json(seen["record"])["kind"] as? String == "feedback")
        let backlog = try #require(Self.json(seen["backlog"])["backlog"] as? [[String: Any]])
        #expect(backlog.map { $0["id"] as? String } == before.orderedBacklog.map(\.id.rawValue))
        #expect(backlog.first?["demand"] as? Int == before.orderedBacklog.first?.linkedFeedback.count)
        #expect((Self.json(seen["stakeholders"])["stakeholders"] as? [Any])?.count == before.stakeholders.count)
        #expect((Self.json(seen["decisions"])["decisions"] as? [Any])?.count == before.decisions.count)
        #expect(Self.json(seen["themes"])["signals"] != nil)

        // Malformed calls are JSON-RPC errors.
        #expect((seen["bad_argument"] as? [String: Any])?["rpc_error"] as? Int == -32602)
        #expect(((seen["unknown_tool"] as? [String: Any])?["message"] as? String)?.contains("unknown tool") == true)

        // Proposing: pending, made by the agent, with the evidence; unknown ids refused, nothing filed.
        let after = try setup.snapshot
        let filed = try #require(after.drafts[RecordID((Self.json(seen["proposed"])["draft"] as? String) ?? "")])
        #expect(filed.status == .pending && filed.provider.name == "Test Agent" && filed.kind == .summarizeFeedback)
        #expect(filed.evidence.map(\.reference.id) == [found[0]["id"] as? String])
        for refused in ["unknown_id", "unknown_citation"] {
            let call = try #require(seen[refused] as? [String: Any])
            #expect(call["error"] as? Bool == true && (call["text"] as? String)?.hasPrefix("nothing was filed: this id names no record") == true, "\(call)")
        }
        #expect(!after.drafts.values.contains { $0.title.hasPrefix("Cites") })
        let listed = try setup.podium(["drafts", "list", "--json", "-w", setup.workspace.path])
        #expect(listed.standardOutput.contains("What offline users say (agent)"))
        let table = try setup.podium(["drafts", "list", "-w", setup.workspace.path])
        #expect(table.standardOutput.contains("BY") && table.standardOutput.contains("Test Agent"), "the list says who made each draft:\n\(table.standardOutput)")

        // An order the agent proposed applies only when the Product Owner accepts it.
        let order = try #require(after.drafts[RecordID((Self.json(seen["order"])["draft"] as? String) ?? "")])
        #expect(after.orderedBacklog.map(\.id) == before.orderedBacklog.map(\.id), "nothing changed before review")
        // What accepting applies is shown beside the agent's text, which need not say it.
        let shown = try setup.podium(["drafts", "show", order.id.short, "-w", setup.workspace.path])
        #expect(shown.standardOutput.contains("Accepting would change (- now, + after):"), "\(shown.standardOutput)")
        let accepted = try setup.podium(["drafts", "accept", order.id.short, "-w", setup.workspace.path])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        let reordered = try setup.snapshot.orderedBacklog.map(\.id)
        #expect(Array(reordered.prefix(2)) == [before.orderedBacklog[1].id, before.orderedBacklog[0].id])

        // Running a job gives its draft.
        let ran = Self.json(seen["run"])
        #expect(after.drafts[RecordID((ran["draft"] as? String) ?? "")]?.kind == .summarizeFeedback)

        // Every call is in the audit log with the agent's name; no key anywhere in the workspace.
        let audited = after.audit.values.filter { $0.details["agent"] == "Test Agent" }
        #expect(audited.count == 16, "one entry per call, malformed ones too: \(audited.map(\.summary))")
        #expect(audited.contains { $0.details["tool"] == "propose_draft" && $0.action == .create })
        #expect(audited.contains { $0.details["tool"] == "search_feedback" && $0.action == .read })
        #expect(audited.contains { $0.details["tool"] == "drop_tables" && $0.summary.contains("malformed call") })
        let files = FileManager.default.enumerator(at: setup.workspace, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(!files.contains { (try? String(contentsOf: $0, encoding: .utf8))?.contains(Setup.secret) == true })
    }

    @Test("--read-only offers the reading tools only: filing a draft is refused and nothing is written but the audit")
    func readOnly() throws {
        let setup = try Setup()
        let drafts = try setup.snapshot.drafts.count
        let seen = try setup.agent("read-only")
        #expect(seen["tools"] as? [String] == ["get_record", "list_backlog", "list_decisions", "list_records", "list_stakeholders", "search_feedback", "themes_and_signals"], "7 reading tools")
        let proposed = try #require(seen["proposed"] as? [String: Any])
        #expect(proposed["rpc_error"] as? Int == -32602 && (proposed["message"] as? String)?.contains("read-only") == true, "\(proposed)")
        #expect(try setup.snapshot.drafts.count == drafts)
    }

    @Test("200 malformed or fuzzed messages get JSON-RPC errors, never a crash; a good request after them is answered")
    func fuzzed() throws {
        let setup = try Setup()
        var generator = SeededGenerator(seed: 24)
        var lines = [
            "{", "null", "[]", "42", "\"text\"", "{}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such\"}", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":42}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_record\",\"arguments\":{\"id\":[1,2]}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"propose_draft\",\"arguments\":{\"kind\":\"order-backlog\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///etc/passwd\"}}",
            String(repeating: "[", count: 5000), "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"search_feedback\",\"arguments\":{\"since\":\"yesterday\"}}}",
        ]
        let alphabet = Array("{}[]\":,0123456789abcdefjsonrpcidmethodparams \\\u{1B}\u{0}é")
        let templates = ["{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"search_feedback\",\"arguments\":{\"limit\":%@}}}",
                         "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%@\"}"]
        while lines.count < 200 {
            if lines.count % 2 == 0 {
                lines.append(String((0..<Int.random(in: 1...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }).replacingOccurrences(of: "\n", with: " "))
            } else {
                let junk = ["-1", "1e308", "\"x\"", "[]", "{}", "tools/list/", "initialize", "ping"].randomElement(using: &generator)!
                lines.append(String(format: templates[lines.count % 4 == 1 ? 0 : 1], lines.count, junk))
            }
        }
        lines += [
            "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"final\",\"method\":\"tools/call\",\"params\":{\"name\":\"list_backlog\",\"arguments\":{}}}",
        ]
        let server = Process()
        server.executableURL = try BuiltProducts.executable("podium")
        server.arguments = ["mcp", "-w", setup.workspace.path]
        server.environment = ProcessInfo.processInfo.environment.merging(setup.environment) { _, new in new }
        let input = Pipe(), output = Pipe()
        server.standardInput = input
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        var received = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !String(decoding: received, as: UTF8.self).contains("\"id\":\"final\"") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(server.isRunning, "the server is still up after 200 bad messages")
        try input.fileHandleForWriting.close()
        server.waitUntilExit()
        received += output.fileHandleForReading.readDataToEndOfFile()
        #expect(server.terminationStatus == 0)
        let answers = String(decoding: received, as: UTF8.self).split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        #expect(answers.allSatisfy { $0?["jsonrpc"] as? String == "2.0" }, "every line out is JSON-RPC")
        let errors = answers.compactMap { $0?["error"] as? [String: Any] }
        #expect(errors.count >= 100, "\(errors.count) JSON-RPC errors")
        let final = answers.first { $0?["id"] as? String == "final" }
        let content = ((final??["result"] as? [String: Any])?["content"] as? [[String: Any]])?.first?["text"] as? String
        #expect(content?.contains("\"backlog\"") == true, "the good request after the bad ones is answered")
    }

    @Test("the agent trust policy in config.toml accepts an agent's low-risk drafts at once; a high-impact one still waits, whatever the config says")
    func trusted() throws {
        let setup = try Setup()
        let config = setup.folder.path("config/podium")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[agent_trust]\nsummarize-feedback = \"auto-accept\"\norder-backlog = \"auto-accept\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let seen = try setup.agent("full")
        let snapshot = try setup.snapshot
        let summary = try #require(snapshot.drafts[RecordID((Self.json(seen["proposed"])["draft"] as? String) ?? "")])
        #expect(summary.status == .accepted && Self.json(seen["proposed"])["status"] as? String == "accepted")
        #expect(snapshot.audit.values.contains { $0.action == .accept && $0.details["automation"]?.hasPrefix("agent trust policy (Test Agent)") == true })
        let order = try #require(snapshot.drafts[RecordID((Self.json(seen["order"])["draft"] as? String) ?? "")])
        #expect(order.status == .pending, "order-backlog is not low risk: an agent's order always waits for review")
    }

    @Test("a draft an agent filed shows in the dashboard's inbox, made by the agent")
    func inTheDashboard() throws {
        let setup = try Setup()
        _ = try setup.agent("full")
        let environment = setup.environment.merging(["TERM": "xterm-256color"]) { _, new in new }
        let command = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let terminal = try TmuxSession(command: "env \(command) \(try BuiltProducts.executable("podium").path) -w \(setup.workspace.path); sleep 60",
                                       width: 160, height: 45, environment: environment)
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("7", "/")
        try terminal.type("offline users say")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("made by Test Agent")
        #expect(screen.contains("What offline users say (agent)"))
        #expect(!screen.contains(Setup.secret))
    }
}
