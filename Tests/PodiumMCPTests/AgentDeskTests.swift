import Foundation
import MCP
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumStore
import PodiumTestSupport
@testable import PodiumMCP
import Testing

/// The agent's desk without a transport: each job kind's shape filed as a draft whose
/// acceptance applies it, every cited id checked, text sanitized, the trust policy.
@Suite("Agent desk")
struct AgentDeskTests {
    /// The demo workspace on disk, and a desk on it that an agent called "Helper" met.
    func desk(readOnly: Bool = false, trust: TrustPolicy = TrustPolicy()) throws -> (TemporaryDirectory, WorkspaceStore, AgentDesk) {
        let folder = try TemporaryDirectory("podium-agent")
        let store = try DemoWorkspace(feedbackCount: 60).create(at: folder.path("ws"))
        let desk = AgentDesk(store: store, readOnly: readOnly, trust: trust)
        desk.meet(name: "Helper\u{1B}[31m", version: "2.0")
        return (folder, store, desk)
    }

    func text(_ result: CallTool.Result) -> String {
        result.content.compactMap { if case let .text(text, _, _) = $0 { text } else { nil } }.joined()
    }

    func json(_ result: CallTool.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text(result).utf8)) as? [String: Any], "\(text(result))")
    }

    /// Files a draft and accepts it as the Product Owner would; returns the draft as accepted.
    func fileAndAccept(_ desk: AgentDesk, _ store: WorkspaceStore, _ arguments: [String: Value]) throws -> Draft {
        let result = try desk.call("propose_draft", arguments: arguments)
        #expect(result.isError != true, "\(text(result))")
        let id = try #require(try json(result)["draft"] as? String)
        let pending = try #require(store.snapshot.drafts[RecordID(id)])
        #expect(pending.status == .pending && pending.provider.name == "Helper" && !pending.provider.name.contains("\u{1B}"))
        return try DraftReview(store: store).accept(pending.id)
    }

    @Test("each job kind's shape: a vision change, personas with quotes, experiments, a conclusion, links, themes — applied only on accept")
    func shapes() throws {
        let (folder, store, desk) = try desk()
        defer { withExtendedLifetime(folder) {} }
        let snapshot = store.snapshot
        let feedback = snapshot.feedback.all.prefix(3).map(\.id.rawValue)
        let item = try #require(snapshot.orderedBacklog.first).id.rawValue
        let common: [String: Value] = ["title": "From the agent", "content": "Because of [#\(feedback[0].suffix(8))].", "evidence": [.string(feedback[0])]]

        _ = try fileAndAccept(desk, store, common.merging(["kind": "vision-narrative",
                                                           "product": ["vision": "Field work without paperwork", "goal": "Invoice every job on site by Q2"]]) { $1 })
        #expect(store.snapshot.product.vision == "Field work without paperwork" && store.snapshot.product.productGoal == "Invoice every job on site by Q2")

        let personas = store.snapshot.personas.count
        _ = try fileAndAccept(desk, store, common.merging(["kind": "build-personas", "personas": [[
            "name": "Night-shift plumber", "segment": "smb", "goals": ["finish the invoice in the van"], "pains": ["sync fails in basements"],
            "quotes": [["feedback": .string(feedback[1]), "text": "sync fails"]]]]]) { $1 })
        #expect(store.snapshot.personas.count > 0 && store.snapshot.personas.values.contains { $0.name == "Night-shift plumber" && $0.quotes.first?.sourceID.rawValue == feedback[1] },
                "was \(personas)")

        _ = try fileAndAccept(desk, store, common.merging(["kind": "propose-experiments", "evidence": [.string(item)], "content": "Try it.", "experiments": [[
            "title": "Offline banner", "hypothesis": "A banner cuts sync tickets", "metric": "sync tickets a week", "target": "-30%"]]]) { $1 })
        let experiment = try #require(store.snapshot.experiments.values.first { $0.title == "Offline banner" })
        #expect(experiment.linkedBacklog.map(\.rawValue) == [item])

        _ = try fileAndAccept(desk, store, common.merging(["kind": "conclude-experiment", "evidence": [.string(experiment.id.rawValue)], "content": "It worked.",
                                                           "conclusion": ["experiment": .string(experiment.id.rawValue), "status": "succeeded", "result": "-35% tickets"]]) { $1 })
        #expect(store.snapshot.experiments[experiment.id]?.status == .succeeded)

        _ = try fileAndAccept(desk, store, common.merging(["kind": "link-feedback", "evidence": [.string(feedback[2]), .string(item)], "content": "Linked.",
                                                           "links": [["feedback": .string(feedback[2]), "backlog": .string(item), "kind": "praise"]]]) { $1 })
        #expect(store.snapshot.backlog[RecordID(item)]?.validatingFeedback.map(\.rawValue).contains(feedback[2]) == true)

        _ = try fileAndAccept(desk, store, common.merging(["kind": "cluster-themes", "content": "One theme.",
                                                           "themes": [["tag": "Bank connection drops!", "feedback": [.string(feedback[0]), .string(feedback[1])]]]]) { $1 })
        #expect(store.snapshot.feedback[RecordID(feedback[0])]?.currentTags.contains("theme:bank-connection-drops") == true)
    }

    @Test("unknown or wrong-kind ids anywhere refuse the whole draft; a missing change is refused with what to give; nothing is filed")
    func refusals() throws {
        let (folder, store, desk) = try desk()
        defer { withExtendedLifetime(folder) {} }
        let feedback = try #require(store.snapshot.feedback.all.first).id.rawValue
        let drafts = store.snapshot.drafts.count
        let cases: [([String: Value], String)] = [
            (["kind": "order-backlog", "title": "t", "content": "c", "evidence": [.string(feedback)], "backlog_order": [.string(feedback)]],
             "backlog_order: no backlog has it"),
            (["kind": "order-backlog", "title": "t", "content": "c", "evidence": [.string(feedback)]], "give the new order in \"backlog_order\""),
            (["kind": "summarize-feedback", "title": "t", "content": "c", "evidence": []], "give the ids of the records"),
            (["kind": "build-personas", "title": "t", "content": "c", "evidence": [.string(feedback)],
              "personas": [["name": "P", "quotes": [["feedback": "ffffffff", "text": "x"]]]]], "ffffffff"),
        ]
        for (arguments, expected) in cases {
            let result = try desk.call("propose_draft", arguments: arguments)
            #expect(result.isError == true && text(result).contains(expected), "\(text(result))")
        }
        #expect(throws: MCPError.self) { try desk.call("propose_draft", arguments: ["kind": "no-such-kind", "title": "t", "content": "c", "evidence": [.string(feedback)]]) }
        #expect(throws: MCPError.self) {
            try desk.call("propose_draft", arguments: ["kind": "conclude-experiment", "title": "t", "content": "c", "evidence": [.string(feedback)],
                                                      "conclusion": ["experiment": .string(feedback), "status": "running", "result": "r"]])
        }
        #expect(store.snapshot.drafts.count == drafts)
    }

    @Test("a partial backlog order, an unknown argument, an empty title, an oversized text are refused; ids in any case are found")
    func hardening() throws {
        let (folder, store, desk) = try desk()
        defer { withExtendedLifetime(folder) {} }
        let backlog = store.snapshot.orderedBacklog.map(\.id.rawValue)
        let feedback = try #require(store.snapshot.feedback.all.first).id.rawValue
        let partial = try desk.call("propose_draft", arguments: ["kind": "order-backlog", "title": "t", "content": "c", "evidence": [.string(backlog[0])],
                                                                "backlog_order": [.string(backlog[1]), .string(backlog[0])]])
        #expect(partial.isError == true && text(partial).contains("must list every backlog item"), "\(text(partial))")
        #expect(throws: MCPError.self) { try desk.call("search_feedback", arguments: ["txet": "typo"]) }
        #expect(throws: MCPError.self) { try desk.call("propose_draft", arguments: ["kind": "ask", "title": "\u{1B}[31m", "content": "c", "evidence": [.string(feedback)]]) }
        let huge = try desk.call("propose_draft", arguments: ["kind": "ask", "title": "t", "content": .string(String(repeating: "a", count: 100_001)), "evidence": [.string(feedback)]])
        #expect(huge.isError == true && text(huge).contains("at most 100000"))
        let upper = try json(try desk.call("get_record", arguments: ["id": .string("[#" + feedback.suffix(8).uppercased() + "]")]))
        #expect(upper["id"] as? String == feedback)
        let filed = try json(try desk.call("propose_draft", arguments: ["kind": "decision-record", "title": "Keep pricing", "content": "We keep \u{1B}[31mit",
                                                                        "evidence": [.string(feedback), .string(feedback)],
                                                                        "decision": ["title": "Keep pricing", "choice": "Keep \u{1B}[2Jper seat"]]))
        let draft = try #require(store.snapshot.drafts[RecordID((filed["draft"] as? String) ?? "")])
        #expect(draft.evidence.count == 1, "the same id twice is one piece of evidence")
        #expect(!draft.content.contains("\u{1B}") && draft.proposal?.decision?.choice == "Keep per seat", "agent text is kept without its escape codes")
    }

    @Test("themes are the signals' themes (the item's own tags when none is accepted); list_records lists experiments, drafts without their bulk; an agent cannot pass for Podium")
    func themesRecordsAndNames() throws {
        let (folder, store, desk) = try desk()
        defer { withExtendedLifetime(folder) {} }
        let themes = try #require(try json(try desk.call("themes_and_signals", arguments: [:]))["themes"] as? [[String: Any]])
        #expect(!themes.isEmpty, "the demo's feedback is tagged")
        let first = try #require(themes.first?["theme"] as? String)
        let found = try json(try desk.call("search_feedback", arguments: ["theme": .string(first), "limit": 200]))
        #expect(found["matched"] as? Int == themes.first?["feedback"] as? Int)
        let experiments = try json(try desk.call("list_records", arguments: ["kind": "experiment"]))
        #expect((experiments["records"] as? [Any])?.count == store.snapshot.experiments.count)
        let drafts = try #require(try json(try desk.call("list_records", arguments: ["kind": "draft"]))["records"] as? [[String: Any]])
        #expect(drafts.count == store.snapshot.drafts.count && drafts.allSatisfy { $0["proposal"] == nil && $0["evidence"] is Int })
        desk.meet(name: "Podium", version: "1")
        #expect(desk.agent == "Podium (agent)")
    }

    @Test("get_record finds any record by its short id and sanitizes its strings; an ambiguous or unknown id is refused")
    func records() throws {
        let (folder, store, desk) = try desk()
        defer { withExtendedLifetime(folder) {} }
        let item = try #require(store.snapshot.feedback.all.first)
        try store.write { transaction in
            var hostile = item
            hostile.text = "Crashes \u{1B}]0;owned\u{07}on save"
            try transaction.save(hostile)
        }
        let found = try json(try desk.call("get_record", arguments: ["id": .string(item.id.short)]))
        #expect(found["kind"] as? String == "feedback" && found["id"] as? String == item.id.rawValue)
        let record = try #require(found["record"] as? [String: Any])
        #expect((record["text"] as? String)?.unicodeScalars.contains { $0.value < 0x20 } == false)
        let unknown = try desk.call("get_record", arguments: ["id": "12345678"])
        #expect(unknown.isError == true && text(unknown).hasPrefix("no record has the id"))
        #expect(throws: MCPError.self) { try desk.call("get_record", arguments: [:]) }
    }

    @Test("the agent trust policy accepts only the kinds it lists, low risk; read-only offers no way to write")
    func trustAndReadOnly() throws {
        var trust = TrustPolicy()
        try trust.allowAutoAccept(.summarizeFeedback)
        #expect(throws: TrustPolicy.Refusal.self) { try trust.allowAutoAccept(.stakeholderUpdate) }
        let (folder, store, desk) = try desk(trust: trust)
        defer { withExtendedLifetime(folder) {} }
        let feedback = try #require(store.snapshot.feedback.all.first).id.rawValue
        let summary = try json(try desk.call("propose_draft", arguments: ["kind": "summarize-feedback", "title": "S", "content": "c", "evidence": [.string(feedback)]]))
        #expect(summary["status"] as? String == "accepted")
        let update = try json(try desk.call("propose_draft", arguments: ["kind": "stakeholder-update", "title": "U", "content": "c", "evidence": [.string(feedback)],
                                                                         "audience": "leadership"]))
        #expect(update["status"] as? String == "pending")
        #expect(store.snapshot.drafts[RecordID((update["draft"] as? String) ?? "")]?.proposal?.communication?.audience == "leadership")

        let (other, _, reader) = try self.desk(readOnly: true)
        defer { withExtendedLifetime(other) {} }
        #expect(reader.tools.map(\.name).sorted() == ["get_record", "list_backlog", "list_decisions", "list_records", "list_stakeholders", "search_feedback", "themes_and_signals"])
        #expect(throws: MCPError.self) { try reader.call("run_job", arguments: ["kind": "summarize-feedback"]) }
    }
}
