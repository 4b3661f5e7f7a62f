import Foundation
import MCP
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore

/// Where an agent works with Podium: it answers the agent's tool calls on one workspace —
/// reading, filing drafts for review, running Podium's jobs — and writes every call to the
/// audit log with the agent's name. It never reads or returns an API key: the workspace
/// holds none, and a job's provider is chosen by the Product Owner's config.
public final class AgentDesk: @unchecked Sendable {
    /// A job run for the agent: the job as it ended and its draft.
    public struct JobOutcome: Sendable {
        public var job: Job
        public var draft: Draft?

        public init(job: Job, draft: Draft?) {
            self.job = job
            self.draft = draft
        }
    }

    /// Runs a Podium job to its end (the command line's job session, on the configured provider).
    public typealias RunJob = @Sendable (_ kind: JobKind, _ parameters: JobParameters, _ inputs: [ArtifactReference]) throws -> JobOutcome

    let store: WorkspaceStore
    /// Only the reading tools are offered (`podium mcp --read-only`).
    public let readOnly: Bool
    /// The kinds of agent drafts accepted without review (low-risk kinds only).
    let trust: TrustPolicy
    let runJob: RunJob?
    private let lock = NSLock()
    private var clientName = "an MCP client"
    private var clientVersion = ""

    public init(store: WorkspaceStore, readOnly: Bool, trust: TrustPolicy = TrustPolicy(), runJob: RunJob? = nil) {
        self.store = store
        self.readOnly = readOnly
        self.trust = trust
        self.runJob = runJob
    }

    /// Takes the agent's name from its `initialize` (made safe to show: it is agent input).
    public func meet(name: String, version: String) {
        var clean = String(name.sanitizedForTerminal().trimmingCharacters(in: .whitespaces).prefix(60))
        // An agent cannot pass for Podium's own engine, automation or the Product Owner.
        if Self.reservedNames.contains(clean.lowercased()) || clean.lowercased() == AuditEntry.currentActor.lowercased() { clean += " (agent)" }
        lock.withLock {
            clientName = clean.isEmpty ? "an MCP client" : clean
            clientVersion = String(version.sanitizedForTerminal().prefix(30))
        }
    }

    /// Names an agent's drafts cannot take as they are.
    static let reservedNames: Set<String> = ["podium", "local", "automation", "podium-insight", "user", "agent"]

    /// The agent's name, as drafts and the audit log name it.
    public var agent: String { lock.withLock { clientName } }
    var agentVersion: String { lock.withLock { clientVersion } }

    /// The tools offered.
    public var tools: [Tool] { AgentTool.allCases.filter { !readOnly || $0.reads }.map(\.tool) }

    /// What a tool call came to: its JSON, a line for the audit log, and whether it was refused.
    struct Answer {
        var json: Any
        var summary: String
        var refused = false
        var subject: ArtifactReference?
        /// Already in the audit log (a filed draft is logged in its own transaction).
        var logged = false
    }

    /// A refusal the agent can read and act on (an unknown id, a kind that needs its changes).
    struct Refusal: Error {
        var message: String
    }

    /// Answers one tool call. A malformed call (unknown tool, wrong argument) throws an MCP
    /// error, which the server sends as a JSON-RPC error; a refusal is a tool result marked
    /// as an error, with the reason.
    public func call(_ name: String, arguments: [String: Value]?) throws -> CallTool.Result {
        let answer: Answer
        do {
            guard let tool = AgentTool(rawValue: name) else {
                throw MCPError.invalidParams("unknown tool \"\(name.sanitizedForTerminal())\" (tools/list names them)")
            }
            if readOnly && !tool.reads {
                throw MCPError.invalidParams("\(name) is not offered: this server is read-only (podium mcp --read-only)")
            }
            _ = try? store.refresh()
            let given = ToolArguments(tool: name, arguments)
            try given.onlyKnown(tool.argumentNames)
            do {
                answer = try respond(tool, given)
            } catch let refusal as Refusal {
                answer = Answer(json: ["error": refusal.message], summary: "refused: " + refusal.message, refused: true)
            }
            if !answer.logged { log(tool.rawValue, action: tool.reads || answer.refused ? .read : .create, answer) }
        } catch let error as MCPError {
            // A malformed call is answered with its JSON-RPC error, and logged all the same.
            log(name, action: .read, Answer(json: [:], summary: "malformed call: \(error.localizedDescription)", refused: true))
            throw error
        }
        let data = try JSONSerialization.data(withJSONObject: answer.json, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        let text = answer.refused ? (answer.json as? [String: String])?["error"] ?? "" : String(decoding: data, as: UTF8.self)
        return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], isError: answer.refused)
    }

    private func respond(_ tool: AgentTool, _ arguments: ToolArguments) throws -> Answer {
        let snapshot = store.snapshot
        switch tool {
        case .searchFeedback: return try FeedbackSearch(arguments).answer(in: snapshot)
        case .getRecord:
            let id = try arguments.requiredString("id")
            guard let found = try RecordFinder(snapshot: snapshot).find(id) else {
                throw Refusal(message: "no record has the id \"\(id.sanitizedForTerminal())\" (give the whole id, or its last 8 characters)")
            }
            return Answer(json: ["kind": found.reference.kind.rawValue, "id": found.reference.id, "record": found.json],
                          summary: "read \(found.reference.kind.rawValue) \(found.reference.id.suffix(8))", subject: found.reference)
        case .listBacklog: return Self.backlog(snapshot)
        case .themesAndSignals: return try Self.themesAndSignals(snapshot)
        case .listStakeholders:
            let people = try snapshot.stakeholders.all.map { person -> Any in
                var json = try RecordFinder.json(person) as? [String: Any] ?? [:]
                json["quadrant"] = person.quadrant.rawValue
                return json
            }
            return Answer(json: ["stakeholders": people], summary: "listed \(people.count) stakeholders")
        case .listDecisions:
            let decisions = try snapshot.decisions.all.sorted { $0.decidedAt > $1.decidedAt }.map(RecordFinder.json)
            return Answer(json: ["decisions": decisions], summary: "listed \(decisions.count) decisions")
        case .listRecords: return try Self.records(arguments, snapshot)
        case .proposeDraft: return try file(AgentDraftRequest(arguments, snapshot: snapshot))
        case .runJob: return try run(arguments, snapshot: snapshot)
        }
    }

    // MARK: Reading

    private static func backlog(_ snapshot: WorkspaceSnapshot) -> Answer {
        let items = snapshot.orderedBacklog.map { item -> [String: Any] in
            var json: [String: Any] = [
                "id": item.id.rawValue, "title": item.title.sanitizedForTerminal(), "status": item.status.rawValue, "order": item.order,
                "demand": item.linkedFeedback.count, "validation": item.validatingFeedback.count,
                "description": String(item.description.sanitizedForTerminal(keepingLineBreaks: true).prefix(400)),
            ]
            if let key = item.key { json["key"] = key.sanitizedForTerminal() }
            if let estimate = item.estimate { json["estimate"] = estimate }
            if let rice = item.rice.score { json["rice"] = (rice * 10).rounded() / 10 }
            if let wsjf = item.wsjf.score { json["wsjf"] = (wsjf * 10).rounded() / 10 }
            return json
        }
        return Answer(json: ["backlog": items], summary: "listed the backlog (\(items.count) items)")
    }

    private static func records(_ arguments: ToolArguments, _ snapshot: WorkspaceSnapshot) throws -> Answer {
        let kind = try arguments.requiredString("kind")
        let limit = try arguments.int("limit", default: 100, range: 1...500)
        func newest<Record: WorkspaceRecord & Encodable>(_ table: RecordTable<Record>) throws -> [Any] {
            try table.all.reversed().prefix(limit).map(RecordFinder.json)
        }
        let records: [Any]
        switch kind {
        case "experiment": records = try newest(snapshot.experiments)
        case "persona": records = try newest(snapshot.personas)
        case "communication": records = try newest(snapshot.communications)
        case "draft":
            // A draft without its proposal and evidence lists (get_record gives them whole).
            records = try snapshot.drafts.all.reversed().prefix(limit).map { draft in
                var light = draft
                light.proposal = nil
                light.appliedChanges = nil
                var json = try RecordFinder.json(light) as? [String: Any] ?? [:]
                json["evidence"] = draft.evidence.count
                return json
            }
        default: throw MCPError.invalidParams("list_records: \"kind\" must be experiment, persona, communication or draft")
        }
        return Answer(json: ["kind": kind, "records": records], summary: "listed \(records.count) \(kind) records")
    }

    private static func themesAndSignals(_ snapshot: WorkspaceSnapshot) throws -> Answer {
        var counts: [String: Int] = [:]
        let tagged = WorkspaceSignals.usesThemeTags(snapshot)
        for item in snapshot.feedback.values where item.triage != .dismissed {
            for theme in WorkspaceSignals.themes(of: item, usesThemeTags: tagged) { counts[theme, default: 0] += 1 }
        }
        let themes = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ["theme": $0.key.sanitizedForTerminal(), "feedback": $0.value] as [String: Any] }
        let report = WorkspaceSignals.report(snapshot)
        return Answer(json: ["themes": themes, "signals": try RecordFinder.json(report)],
                      summary: "read the themes (\(themes.count)) and signals")
    }

    // MARK: The audit log

    /// Writes what the agent asked for and what it got to the audit log (when the workspace can be written).
    func log(_ tool: String, action: AuditAction, _ answer: Answer) {
        guard store.readOnlyReason == nil else { return }
        let name = String(tool.sanitizedForTerminal().prefix(60))
        let entry = AuditEntry(actor: "agent", action: action, subject: answer.subject,
                               summary: "\(agent) (MCP) \(name): " + String(answer.summary.sanitizedForTerminal().prefix(300)),
                               details: [AuditEntry.agentDetail: agent, "tool": name])
        do {
            try store.write { try $0.log(entry) }
        } catch {
            FileHandle.standardError.write(Data("podium mcp: could not write the audit log: \(error)\n".utf8))
        }
    }
}
