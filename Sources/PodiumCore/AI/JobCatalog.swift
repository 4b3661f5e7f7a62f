/// The job kinds Podium knows, with what each does, where it lives and how risky it is.
extension JobKind {
    public static let visionNarrative: JobKind = "vision-narrative"
    public static let stakeholderSynthesis: JobKind = "stakeholder-synthesis"
    public static let summarizeFeedback: JobKind = "summarize-feedback"
    public static let clusterThemes: JobKind = "cluster-themes"
    public static let buildPersonas: JobKind = "build-personas"
    public static let tagSentiment: JobKind = "tag-sentiment"
    public static let orderBacklog: JobKind = "order-backlog"
    public static let decisionRecord: JobKind = "decision-record"
    public static let proposeExperiments: JobKind = "propose-experiments"
    public static let concludeExperiment: JobKind = "conclude-experiment"
    public static let stakeholderUpdate: JobKind = "stakeholder-update"
    public static let releaseNotes: JobKind = "release-notes"
    public static let ask: JobKind = "ask"
    public static let sprintReviewPack: JobKind = "sprint-review-pack"

    /// What Podium knows about this kind, or nil for a kind from a newer version.
    public var info: JobKindInfo? { JobKindInfo.all.first { $0.kind == self } }
}

/// How much harm a wrong draft of a kind could do once accepted.
public enum JobRisk: String, Codable, Sendable, CaseIterable, Comparable {
    /// Annotations and summaries: easy to spot and undo.
    case low
    /// New records a reader will rely on (personas, experiments).
    case medium
    /// Changes to direction or to what others are told: vision, order, decisions, updates.
    case high

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A job kind's description: its title, stance, risk, and what accepting its draft does.
public struct JobKindInfo: Sendable, Hashable {
    public var kind: JobKind
    public var title: String
    /// A word or two for key hints, e.g. "summary".
    public var shortTitle: String
    public var stance: Stance
    public var risk: JobRisk
    /// One sentence: what the job reads and what it writes.
    public var summary: String
    /// What accepting the draft changes in the workspace.
    public var onAccept: String

    /// Every kind, grouped by stance in pane order.
    public static let all: [JobKindInfo] = [
        JobKindInfo(kind: .visionNarrative, title: "Draft a vision narrative", shortTitle: "vision", stance: .visionary, risk: .high,
                    summary: "A vision narrative and product-goal statement from the goal, its measures and the top feedback themes.",
                    onAccept: "replaces the product's vision and goal"),
        JobKindInfo(kind: .stakeholderSynthesis, title: "Synthesize stakeholder input", shortTitle: "synthesis", stance: .collaborator, risk: .low,
                    summary: "Agreements, conflicts and open questions across the stakeholders' notes.",
                    onAccept: "keeps the synthesis as an accepted draft"),
        JobKindInfo(kind: .summarizeFeedback, title: "Summarize feedback", shortTitle: "summary", stance: .customerRepresentative, risk: .low,
                    summary: "An extractive summary of the feedback in view (filtered or all), with its themes and sentiment.",
                    onAccept: "keeps the summary; the Customer pane shows the latest one"),
        JobKindInfo(kind: .clusterThemes, title: "Cluster feedback into themes", shortTitle: "themes", stance: .customerRepresentative, risk: .low,
                    summary: "Themes found in the feedback, with counts, sentiment and representative quotes.",
                    onAccept: "tags each item with its theme (theme:NAME)"),
        JobKindInfo(kind: .buildPersonas, title: "Build personas", shortTitle: "personas", stance: .customerRepresentative, risk: .medium,
                    summary: "Personas per segment from reviews and surveys: goals, pains and quotes with their source ids.",
                    onAccept: "creates the personas"),
        JobKindInfo(kind: .tagSentiment, title: "Tag sentiment", shortTitle: "sentiment", stance: .customerRepresentative, risk: .low,
                    summary: "A sentiment score from -1 to 1 for each feedback item that has none.",
                    onAccept: "writes the sentiment of each item"),
        JobKindInfo(kind: .orderBacklog, title: "Suggest a backlog order", shortTitle: "order", stance: .decisionMaker, risk: .high,
                    summary: "An order for the open backlog by RICE or WSJF, weighed by demand from linked feedback, with a rationale per item.",
                    onAccept: "re-orders the backlog"),
        JobKindInfo(kind: .decisionRecord, title: "Draft a decision record", shortTitle: "decision record", stance: .decisionMaker, risk: .high,
                    summary: "A decision record (context, options, choice, rationale) for the selected backlog item.",
                    onAccept: "adds the decision to the decision log"),
        JobKindInfo(kind: .proposeExperiments, title: "Propose experiments", shortTitle: "propose", stance: .experimenter, risk: .medium,
                    summary: "Experiments for the top themes: hypothesis, metric, target and duration.",
                    onAccept: "adds the experiments as proposed"),
        JobKindInfo(kind: .concludeExperiment, title: "Conclude an experiment", shortTitle: "conclude", stance: .experimenter, risk: .medium,
                    summary: "Reads the selected experiment's result against its target into a conclusion.",
                    onAccept: "sets the experiment's status and result"),
        JobKindInfo(kind: .stakeholderUpdate, title: "Draft a stakeholder update", shortTitle: "update", stance: .influencer, risk: .high,
                    summary: "An update for an audience: what changed, decisions, experiments, risks.",
                    onAccept: "stores the update as a communication (draft status)"),
        JobKindInfo(kind: .releaseNotes, title: "Draft release notes", shortTitle: "release notes", stance: .influencer, risk: .high,
                    summary: "Release notes from the backlog items done since the last release notes.",
                    onAccept: "stores the notes as a communication (draft status)"),
        JobKindInfo(kind: .ask, title: "Ask the workspace", shortTitle: "ask", stance: .orchestrator, risk: .low,
                    summary: "Answers a question from the workspace, citing the items it used.",
                    onAccept: "keeps the answer as an accepted draft"),
        JobKindInfo(kind: .sprintReviewPack, title: "Prepare a Sprint Review pack", shortTitle: "review pack", stance: .orchestrator, risk: .medium,
                    summary: "A Markdown pack of the sprint's feedback themes, decisions, experiments and done items.",
                    onAccept: "stores the pack as a communication (sprint review)"),
    ]

    /// The kinds a stance's pane offers, in catalogue order.
    public static func kinds(for stance: Stance) -> [JobKindInfo] { all.filter { $0.stance == stance } }
}
