import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// The agent's work: drafts filed for the Product Owner's review, and Podium jobs run.
extension AgentDesk {
    /// Files the draft, pending, made by the agent, with its audit entry in the same write;
    /// the agent trust policy (`[agent_trust]` in config.toml) may accept a low-risk kind at once.
    func file(_ request: AgentDraftRequest) throws -> Answer {
        let agent = agent
        let draft = Draft(kind: request.info.kind, stance: request.info.stance, title: request.title, content: request.content,
                          evidence: request.evidence.map { Evidence($0) },
                          provider: ProviderInfo(name: agent, model: "MCP client" + (agentVersion.isEmpty ? "" : " " + agentVersion)),
                          proposal: request.proposal)
        try store.write { transaction in
            try transaction.save(draft)
            try transaction.log(AuditEntry(actor: "agent", action: .create, subject: ArtifactReference(.draft, draft.id),
                                           summary: "\(agent) (MCP) propose_draft: filed “\(draft.title)” (\(draft.kind), \(draft.evidence.count) evidence records) for review",
                                           details: [AuditEntry.agentDetail: agent, "tool": AgentTool.proposeDraft.rawValue, "kind": draft.kind.rawValue,
                                                     "stance": draft.stance.rawValue]))
        }
        var status = DraftStatus.pending
        if trust.autoAccepts(draft.kind) {
            status = try DraftReview(store: store, actor: "automation", automation: "agent trust policy (\(agent))").accept(draft.id).status
        }
        let note = status == .accepted ? "accepted at once: the Product Owner trusts agents' \(draft.kind) drafts (it can be undone)"
            : "waiting for the Product Owner's review in Podium (the Orchestrator's inbox, 7); nothing changes until it is accepted"
        return Answer(json: ["draft": draft.id.rawValue, "short": draft.id.short, "status": status.rawValue, "kind": draft.kind.rawValue,
                             "evidence": draft.evidence.map(\.reference.id), "note": note],
                      summary: "filed “\(draft.title)”", subject: ArtifactReference(.draft, draft.id), logged: true)
    }

    /// Runs one of Podium's jobs to its end and gives its draft.
    func run(_ arguments: ToolArguments, snapshot: WorkspaceSnapshot) throws -> Answer {
        guard let runJob else { throw Refusal(message: "jobs cannot run here") }
        let name = try arguments.requiredString("kind")
        guard let info = JobKind(rawValue: name).info else {
            throw Refusal(message: "\"\(name.sanitizedForTerminal())\" is not a Podium job; one of " + JobKindInfo.all.map(\.kind.rawValue).joined(separator: ", "))
        }
        let finder = RecordFinder(snapshot: snapshot)
        var inputs: [ArtifactReference] = []
        var unknown: [String] = []
        for id in try arguments.strings("feedback") {
            if let reference = finder.reference(id), reference.kind == .feedback { inputs.append(reference) } else { unknown.append(id.sanitizedForTerminal()) }
        }
        if let experiment = try arguments.string("experiment") {
            if let reference = finder.reference(experiment), reference.kind == .experiment { inputs.append(reference) } else { unknown.append(experiment) }
        }
        if let item = try arguments.string("item") {
            if let reference = finder.reference(item), reference.kind == .backlog { inputs.append(reference) } else { unknown.append(item.sanitizedForTerminal()) }
        }
        guard unknown.isEmpty else { throw Refusal(message: "no job was run: these ids name no record of the kind asked for: " + unknown.joined(separator: ", ")) }
        let parameters = JobParameters(question: try arguments.string("question"), audience: try arguments.string("audience"))
        let outcome = try runJob(info.kind, parameters, inputs)
        guard let draft = outcome.draft else {
            throw Refusal(message: "\(info.kind) ended \(outcome.job.status.rawValue)" + (outcome.job.error.map { ": " + $0.sanitizedForTerminal() } ?? "") + "; no draft")
        }
        return Answer(json: ["job": outcome.job.id.rawValue, "draft": draft.id.rawValue, "short": draft.id.short, "title": draft.title.sanitizedForTerminal(),
                             "status": draft.status.rawValue, "made_by": draft.provider.name.sanitizedForTerminal()],
                      summary: "ran \(info.kind): draft “\(draft.title)”", subject: ArtifactReference(.draft, draft.id))
    }
}
