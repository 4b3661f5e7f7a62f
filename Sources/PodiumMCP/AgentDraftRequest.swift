import Foundation
import MCP
import PodiumCore
import PodiumStore

/// A draft an agent files (`propose_draft`), read and checked: the job kind whose shape it
/// has, its text and evidence, and what accepting it would apply. Every id it cites — as
/// evidence, as `[#1a2b3c4d]` in its text, in its changes — must name a record of the
/// workspace; otherwise nothing is filed and the agent is told which ids are unknown.
struct AgentDraftRequest {
    var info: JobKindInfo
    var title: String
    var content: String
    var evidence: [ArtifactReference]
    var proposal: DraftProposal?

    init(_ arguments: ToolArguments, snapshot: WorkspaceSnapshot) throws {
        let kindName = try arguments.requiredString("kind")
        guard let info = JobKind(rawValue: kindName).info else {
            throw MCPError.invalidParams("propose_draft: \"\(kindName.sanitizedForTerminal())\" is not a Podium job kind; one of "
                + JobKindInfo.all.map(\.kind.rawValue).joined(separator: ", "))
        }
        self.info = info
        title = String(try arguments.requiredString("title").replacingOccurrences(of: "\n", with: " ").prefix(200))
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MCPError.invalidParams("propose_draft: \"title\" is empty once control characters are taken out")
        }
        content = try arguments.requiredString("content")
        guard content.count <= Self.longestContent else {
            throw Refusal("nothing was filed: the text is \(content.count) characters; a draft is at most \(Self.longestContent) (a reviewer reads it whole)")
        }
        let finder = RecordFinder(snapshot: snapshot)
        var unknown: [String] = []
        /// The record `id` names, of `kind` when given; nil (and noted) when there is none.
        func resolve(_ id: String, as kind: ArtifactKind? = nil, for place: String) -> ArtifactReference? {
            guard let reference = finder.reference(id), kind == nil || reference.kind == kind else {
                unknown.append("\(id.sanitizedForTerminal())" + (kind.map { " (\(place): no \($0.rawValue) has it)" } ?? " (\(place))"))
                return nil
            }
            return reference
        }
        var ids: [String] = []
        for id in try arguments.strings("evidence") where !ids.contains(id) { ids.append(id) }
        guard !ids.isEmpty else { throw Refusal("propose_draft: give the ids of the records the draft rests on in \"evidence\"") }
        guard ids.count <= Self.mostEvidence else {
            throw Refusal("nothing was filed: \(ids.count) evidence ids; a draft rests on at most \(Self.mostEvidence) (cite the ones that decide)")
        }
        var evidence = ids.compactMap { resolve($0, for: "evidence") }
        for cited in Self.citations(in: content) {
            if let reference = resolve(cited, for: "cited in the text"), !evidence.contains(reference) { evidence.append(reference) }
        }
        var proposal = DraftProposal()
        switch info.kind {
        case .orderBacklog:
            let order = try arguments.strings("backlog_order")
            guard !order.isEmpty else { throw Refusal("order-backlog: give the new order in \"backlog_order\" (backlog item ids, the first at the top)") }
            let items = order.compactMap { resolve($0, as: .backlog, for: "backlog_order") }.map { RecordID<BacklogItem>($0.id) }
            guard Set(items).count == items.count else { throw Refusal("order-backlog: an item is listed twice in \"backlog_order\"") }
            // The whole order: a partial list would only swap the places its items hold.
            let missing = snapshot.backlog.values.filter { !items.contains($0.id) }
            guard missing.isEmpty || items.count < order.count else {
                throw Refusal("order-backlog: \"backlog_order\" must list every backlog item, in the new order (\(snapshot.backlog.count); list_backlog gives them): "
                    + "\(missing.count) missing, e.g. \(missing.prefix(3).map { $0.id.short }.joined(separator: ", "))")
            }
            proposal.backlogOrder = items
        case .linkFeedback:
            let links = try arguments.objects("links")
            guard !links.isEmpty else { throw Refusal("link-feedback: give the links in \"links\" (feedback, backlog, kind demand or praise)") }
            proposal.feedbackLinks = try links.enumerated().compactMap { index, link in
                let place = "links[\(index)]"
                let feedback = try arguments.field("feedback", of: link, at: place).flatMap { resolve($0, as: .feedback, for: place) }
                let item = try arguments.field("backlog", of: link, at: place).flatMap { resolve($0, as: .backlog, for: place) }
                let kind: FeedbackLinkKind
                switch try arguments.field("kind", of: link, at: place) {
                case "demand": kind = .demand
                case "praise", "validation": kind = .validation
                default: throw MCPError.invalidParams("propose_draft: \(place).kind must be demand or praise")
                }
                guard let feedback, let item else { return nil }
                let phrase = try arguments.field("phrase", of: link, at: place, required: false) ?? ""
                return FeedbackLink(feedbackID: RecordID(feedback.id), backlogID: RecordID(item.id), kind: kind, strength: 0.7,
                                    phrase: String(phrase.sanitizedForTerminal().prefix(300)), itemWords: [])
            }
        case .decisionRecord:
            guard let decision = try arguments.object("decision") else {
                throw Refusal("decision-record: give the decision in \"decision\" (title, choice, and context, options, rationale)")
            }
            let options = (decision["options"]?.arrayValue ?? []).compactMap(\.stringValue)
            proposal.decision = Decision(
                title: try arguments.field("title", of: decision, at: "decision") ?? title,
                context: try arguments.field("context", of: decision, at: "decision", required: false) ?? "", options: options,
                choice: try arguments.field("choice", of: decision, at: "decision") ?? "",
                rationale: try arguments.field("rationale", of: decision, at: "decision", required: false) ?? "",
                linkedBacklog: evidence.filter { $0.kind == .backlog }.map { RecordID($0.id) },
                linkedFeedback: evidence.filter { $0.kind == .feedback }.map { RecordID($0.id) })
        case .tagSentiment:
            let scores = try arguments.objects("sentiments")
            guard !scores.isEmpty else { throw Refusal("tag-sentiment: give the scores in \"sentiments\" (feedback, score from -1 to 1)") }
            proposal.sentiments = try scores.enumerated().compactMap { index, entry in
                let place = "sentiments[\(index)]"
                guard let score = try arguments.double("score", in: entry), (-1...1).contains(score) else {
                    throw MCPError.invalidParams("propose_draft: \(place).score must be a number from -1 to 1")
                }
                let feedback = try arguments.field("feedback", of: entry, at: place).flatMap { resolve($0, as: .feedback, for: place) }
                return feedback.map { SentimentAssignment(feedbackID: RecordID($0.id), score: score) }
            }
        case .clusterThemes:
            let themes = try arguments.objects("themes")
            guard !themes.isEmpty else { throw Refusal("cluster-themes: give the themes in \"themes\" (tag, feedback ids)") }
            proposal.themeTags = try themes.enumerated().map { index, theme in
                let place = "themes[\(index)]"
                let name = try arguments.field("tag", of: theme, at: place) ?? ""
                let members = (theme["feedback"]?.arrayValue ?? []).compactMap(\.stringValue)
                    .compactMap { resolve($0, as: .feedback, for: place) }.map { RecordID<FeedbackItem>($0.id) }
                return ThemeAssignment(tag: "theme:" + Self.slug(name), feedbackIDs: members)
            }
        case .visionNarrative:
            guard let product = try arguments.object("product") else {
                throw Refusal("vision-narrative: give the proposed vision and goal in \"product\" (vision, goal)")
            }
            proposal.product = ProductChange(vision: try arguments.field("vision", of: product, at: "product") ?? "",
                                             productGoal: try arguments.field("goal", of: product, at: "product") ?? "")
        case .concludeExperiment:
            guard let conclusion = try arguments.object("conclusion") else {
                throw Refusal("conclude-experiment: give \"conclusion\" (experiment id, status, result)")
            }
            let statusName = try arguments.field("status", of: conclusion, at: "conclusion") ?? ""
            guard let status = ExperimentStatus(rawValue: statusName), status.isConcluded else {
                throw MCPError.invalidParams("propose_draft: conclusion.status must be succeeded, failed, inconclusive or abandoned")
            }
            let result = try arguments.field("result", of: conclusion, at: "conclusion") ?? ""
            if let experiment = try arguments.field("experiment", of: conclusion, at: "conclusion").flatMap({ resolve($0, as: .experiment, for: "conclusion") }) {
                proposal.experimentConclusion = ExperimentConclusion(experimentID: RecordID(experiment.id), status: status,
                                                                     result: result.sanitizedForTerminal(keepingLineBreaks: true))
            }
        case .proposeExperiments:
            let experiments = try arguments.objects("experiments")
            guard !experiments.isEmpty else { throw Refusal("propose-experiments: give \"experiments\" (title, hypothesis, metric, target)") }
            proposal.experiments = try experiments.enumerated().map { index, entry in
                let place = "experiments[\(index)]"
                return Experiment(title: try arguments.field("title", of: entry, at: place) ?? "",
                                  hypothesis: try arguments.field("hypothesis", of: entry, at: place) ?? "",
                                  metric: try arguments.field("metric", of: entry, at: place) ?? "",
                                  target: try arguments.field("target", of: entry, at: place) ?? "",
                                  linkedBacklog: evidence.filter { $0.kind == .backlog }.map { RecordID($0.id) },
                                  linkedFeedback: evidence.filter { $0.kind == .feedback }.map { RecordID($0.id) })
            }
        case .buildPersonas:
            let personas = try arguments.objects("personas")
            guard !personas.isEmpty else { throw Refusal("build-personas: give \"personas\" (name, summary, segment, goals, pains, quotes)") }
            proposal.personas = try personas.enumerated().map { index, entry in
                let place = "personas[\(index)]"
                func texts(_ name: String) -> [String] { (entry[name]?.arrayValue ?? []).compactMap(\.stringValue).map { $0.sanitizedForTerminal() } }
                let quotes = try (entry["quotes"]?.arrayValue ?? []).enumerated().compactMap { number, value -> Persona.Quote? in
                    guard let quote = value.objectValue else { throw MCPError.invalidParams("propose_draft: \(place).quotes[\(number)] must be an object") }
                    let at = "\(place).quotes[\(number)]"
                    let text = try arguments.field("text", of: quote, at: at) ?? ""
                    return try arguments.field("feedback", of: quote, at: at).flatMap { resolve($0, as: .feedback, for: at) }
                        .map { Persona.Quote(text: text.sanitizedForTerminal(), sourceID: RecordID($0.id)) }
                }
                return Persona(name: try arguments.field("name", of: entry, at: place) ?? "",
                               summary: try arguments.field("summary", of: entry, at: place, required: false) ?? "",
                               goals: texts("goals"), pains: texts("pains"), quotes: quotes,
                               segment: try arguments.field("segment", of: entry, at: place, required: false))
            }
        case .stakeholderUpdate, .releaseNotes:
            let audience = (try arguments.string("audience")).map { $0.sanitizedForTerminal() } ?? "stakeholders"
            proposal.communication = Communication(title: title, audience: audience, kind: info.kind == .releaseNotes ? .releaseNotes : .stakeholderUpdate,
                                                   body: content, evidence: evidence)
        default:
            break
        }
        guard unknown.isEmpty else {
            throw Refusal("nothing was filed: " + (unknown.count == 1 ? "this id names no record: " : "\(unknown.count) ids name no record: ")
                + unknown.prefix(10).joined(separator: ", ") + (unknown.count > 10 ? "…" : "")
                + " (search_feedback, list_backlog and get_record give the ids)")
        }
        self.evidence = evidence
        self.proposal = proposal.isEmpty ? nil : proposal
    }

    /// The longest draft text an agent may file, in characters.
    static let longestContent = 100_000
    /// The most evidence ids one draft may cite.
    static let mostEvidence = 2_000

    /// The ids a text cites as `[#1a2b3c4d]`.
    static func citations(in text: String) -> [String] {
        text.matches(of: /\[#([0-9A-Za-z-]{4,40})\]/).map { String($0.output.1) }
    }

    /// A theme's name as a tag: "Bank connection drops" → "bank-connection-drops".
    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "unnamed" : words.joined(separator: "-")
    }
}

private func Refusal(_ message: String) -> AgentDesk.Refusal { AgentDesk.Refusal(message: message) }
