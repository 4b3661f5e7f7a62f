import MCP
import PodiumCore

/// The tools Podium offers an agent: reading tools, one that files a draft for review, and
/// one that runs a Podium job. `podium mcp --read-only` offers the reading tools alone.
enum AgentTool: String, CaseIterable {
    case searchFeedback = "search_feedback"
    case getRecord = "get_record"
    case listBacklog = "list_backlog"
    case themesAndSignals = "themes_and_signals"
    case listStakeholders = "list_stakeholders"
    case listDecisions = "list_decisions"
    case listRecords = "list_records"
    case proposeDraft = "propose_draft"
    case runJob = "run_job"

    /// Whether it only reads the workspace.
    var reads: Bool { self != .proposeDraft && self != .runJob }

    /// The tool as `tools/list` describes it.
    var tool: Tool {
        Tool(name: rawValue, description: description, inputSchema: schema,
             annotations: .init(readOnlyHint: reads, destructiveHint: false, idempotentHint: reads, openWorldHint: false))
    }

    private var description: String {
        switch self {
        case .searchFeedback:
            "Search the product's customer feedback. Every filter is optional; results are newest first, each with its id (cite it as [#last8]), date, source, segment, rating, sentiment, themes and text."
        case .getRecord:
            "Read any record by its id (the whole id or the 8 characters Podium shows): feedback, backlog item, stakeholder, persona, experiment, decision, communication, draft or job; \"product\" is the vision and goal."
        case .listBacklog:
            "The Product Backlog in order: each item's id, tracker key, title, status, estimate, RICE and WSJF scores, and how many feedback items ask for it (demand) or praise it (validation)."
        case .themesAndSignals:
            "The feedback themes (accepted theme tags) with their counts, and what changed beyond chance this week: themes rising, emerging, fading, souring or improving, with the numbers."
        case .listStakeholders:
            "The stakeholders: name, role, influence and interest (1-5), quadrant and notes."
        case .listDecisions:
            "The decision log: each decision's title, context, options, choice, rationale and review date."
        case .listRecords:
            "Every record of one kind, newest first, with its id: experiments (hypothesis, metric, status, result), personas, communications (updates and release notes, draft or sent), or drafts (waiting, accepted, rejected)."
        case .proposeDraft:
            "File a draft for the Product Owner's review, with its evidence. It lands in Podium's drafts inbox, pending, made by you, and changes nothing until the Product Owner accepts it. Every cited id (evidence, [#id] in the text, ids in the changes) must exist. kind is a Podium job kind; what accepting applies comes from backlog_order (order-backlog), links (link-feedback), decision (decision-record), sentiments (tag-sentiment), themes (cluster-themes), product (vision-narrative), conclusion (conclude-experiment), experiments (propose-experiments), personas (build-personas) or audience (stakeholder-update, release-notes: the text becomes the communication); the other kinds are text (accepting records the decision)."
        case .runJob:
            "Run one of Podium's own AI jobs (on the built-in engine or the provider the Product Owner configured) and return its draft's id and title; the draft waits for the Product Owner's review."
        }
    }

    /// The names of the arguments it takes (its schema's properties).
    var argumentNames: Set<String> {
        Set(schema.objectValue?["properties"]?.objectValue?.keys.map { $0 } ?? [])
    }

    private var schema: Value {
        func object(_ properties: [String: Value], required: [String] = []) -> Value {
            .object(["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) }), "additionalProperties": false])
        }
        func text(_ description: String) -> Value { .object(["type": "string", "description": .string(description)]) }
        func list(_ description: String) -> Value {
            .object(["type": "array", "items": .object(["type": "string"]), "description": .string(description)])
        }
        let kinds = Value.array(JobKindInfo.all.map { .string($0.kind.rawValue) })
        switch self {
        case .searchFeedback:
            return object([
                "text": text("words the feedback contains (all of them, any case)"),
                "theme": text("a theme, as themes_and_signals names it"),
                "sentiment": .object(["type": "string", "enum": ["negative", "neutral", "positive"]]),
                "since": text("YYYY-MM-DD: given on or after this day"),
                "until": text("YYYY-MM-DD: given on or before this day"),
                "source": text("where it came from, e.g. review, support, survey, interview, email"),
                "limit": .object(["type": "integer", "minimum": 1, "maximum": 200, "description": "at most this many (20 if not given)"]),
            ])
        case .getRecord:
            return object(["id": text("the record's id, or its last 8 characters, or \"product\"")], required: ["id"])
        case .listBacklog, .themesAndSignals, .listStakeholders, .listDecisions:
            return object([:])
        case .listRecords:
            return object(["kind": .object(["type": "string", "enum": ["experiment", "persona", "communication", "draft"]]),
                           "limit": .object(["type": "integer", "minimum": 1, "maximum": 500, "description": "at most this many (100 if not given)"])],
                          required: ["kind"])
        case .proposeDraft:
            let link = object(["feedback": text("feedback id"), "backlog": text("backlog item id"),
                               "kind": .object(["type": "string", "enum": ["demand", "praise"]]), "phrase": text("the words that connect them")],
                              required: ["feedback", "backlog", "kind"])
            return object([
                "kind": .object(["type": "string", "enum": kinds, "description": "the job kind whose shape the draft has"]),
                "title": text("the draft's title"),
                "content": text("the draft in Markdown; cite records as [#1a2b3c4d]"),
                "evidence": list("ids of the records the draft rests on (at least one)"),
                "audience": text("who a stakeholder update or release notes are for"),
                "backlog_order": list("order-backlog: backlog item ids, the first at the top"),
                "links": .object(["type": "array", "items": link]),
                "decision": object(["title": text("what was decided"), "context": text("why it came up"), "options": list("the options weighed"),
                                    "choice": text("the option chosen"), "rationale": text("why")], required: ["title", "choice"]),
                "sentiments": .object(["type": "array", "items": object(["feedback": text("feedback id"), "score": .object(["type": "number", "minimum": -1, "maximum": 1])],
                                                                            required: ["feedback", "score"])]),
                "themes": .object(["type": "array", "items": object(["tag": text("the theme's name"), "feedback": list("feedback ids")], required: ["tag", "feedback"])]),
                "product": object(["vision": text("the proposed vision"), "goal": text("the proposed product goal")], required: ["vision", "goal"]),
                "conclusion": object(["experiment": text("experiment id"), "status": .object(["type": "string", "enum": ["succeeded", "failed", "inconclusive", "abandoned"]]),
                                      "result": text("what was learned")], required: ["experiment", "status", "result"]),
                "experiments": .object(["type": "array", "items": object(["title": text("title"), "hypothesis": text("we believe … will …"),
                                                                         "metric": text("what is measured"), "target": text("what counts as success")],
                                                                        required: ["title", "hypothesis", "metric", "target"])]),
                "personas": .object(["type": "array", "items": object([
                    "name": text("the persona's name"), "summary": text("who they are"), "segment": text("their segment"),
                    "goals": list("what they want, in their words"), "pains": list("what blocks them, in their words"),
                    "quotes": .object(["type": "array", "items": object(["feedback": text("feedback id"), "text": text("the quoted words")], required: ["feedback", "text"])]),
                ], required: ["name"])]),
            ], required: ["kind", "title", "content", "evidence"])
        case .runJob:
            return object([
                "kind": .object(["type": "string", "enum": kinds, "description": "the Podium job to run"]),
                "question": text("ask: the question"),
                "audience": text("stakeholder-update, release-notes: who it is for"),
                "feedback": list("feedback ids the job works on (all feedback if not given)"),
                "item": text("decision-record: the backlog item's id"),
                "experiment": text("conclude-experiment: the experiment's id"),
            ], required: ["kind"])
        }
    }
}
