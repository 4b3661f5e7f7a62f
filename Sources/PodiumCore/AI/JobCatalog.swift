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
    public static let linkFeedback: JobKind = "link-feedback"
    public static let proposeExperiments: JobKind = "propose-experiments"
    public static let concludeExperiment: JobKind = "conclude-experiment"
    public static let whatChanged: JobKind = "what-changed"
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

/// Everything Podium knows about a job kind, in one entry: its names, its pane and key, what
/// it works on and asks for, how risky it is, how much work it saves, and what accepting its
/// draft does. The dashboard's keys, help and palette, `podium run`, automation and the
/// metrics all read these entries; how a kind is made (its recipe and prompt) is registered
/// in PodiumAI.
public struct JobKindInfo: Sendable, Hashable {
    public var kind: JobKind
    public var title: String
    /// A word or two for key hints, e.g. "summary".
    public var shortTitle: String
    /// The pane it belongs to: its key works there, its drafts are filed there.
    public var stance: Stance
    /// Its key in its pane, unless the config file binds another.
    public var key: Character
    /// The records it works on, from the pane it is started in or the command line.
    public var inputs: JobInputs
    /// The values it takes from the person running it.
    public var parameters: [JobParameter]
    /// The label of the line the dashboard asks its first asked-for parameter on (nil: the title).
    public var prompt: String?
    public var risk: JobRisk
    /// Minutes of a Product Owner's routine work one accepted draft replaces: an estimate to
    /// start from (the config file's `[minutes_saved]` changes it).
    public var minutesSaved: Double
    /// Whether, run by an import rule, it works on the newly imported items only (the other
    /// kinds read the whole workspace, e.g. clustering themes again over all feedback).
    public var runsInBatches: Bool
    /// What a blank answer to a parameter stands for in this kind, where it differs from
    /// the parameter's own (`JobParameter.valueWhenBlank`): release notes are for customers.
    public var blankValues: [JobParameter: String]
    /// One sentence: what the job reads and what it writes.
    public var summary: String
    /// What accepting the draft changes in the workspace.
    public var onAccept: String

    public init(
        kind: JobKind, title: String, shortTitle: String, stance: Stance, key: Character, inputs: JobInputs = [],
        parameters: [JobParameter] = [], prompt: String? = nil, risk: JobRisk, minutesSaved: Double,
        runsInBatches: Bool = false, blankValues: [JobParameter: String] = [:], summary: String, onAccept: String
    ) {
        self.kind = kind
        self.title = title
        self.shortTitle = shortTitle
        self.stance = stance
        self.key = key
        self.inputs = inputs
        self.parameters = parameters
        self.prompt = prompt
        self.risk = risk
        self.minutesSaved = minutesSaved
        self.runsInBatches = runsInBatches
        self.blankValues = blankValues
        self.summary = summary
        self.onAccept = onAccept
    }

    /// What a blank answer to `parameter` stands for in this kind; nil: an answer is needed.
    public func valueWhenBlank(_ parameter: JobParameter) -> String? {
        blankValues[parameter] ?? parameter.valueWhenBlank
    }

    /// The parameter the dashboard asks for before it queues the job, if any.
    public var askedFirst: JobParameter? { parameters.first(where: \.isAskedFirst) }

    /// Every kind, grouped by stance in pane order.
    public static let all: [JobKindInfo] = [
        JobKindInfo(kind: .visionNarrative, title: "Draft a vision narrative", shortTitle: "vision", stance: .visionary, key: "n",
                    risk: .high, minutesSaved: 60,
                    summary: "A vision narrative and product-goal statement from the goal, its measures and the top feedback themes.",
                    onAccept: "replaces the product's vision and goal"),
        JobKindInfo(kind: .stakeholderSynthesis, title: "Synthesize stakeholder input", shortTitle: "synthesis", stance: .collaborator, key: "y",
                    risk: .low, minutesSaved: 30,
                    summary: "Agreements, conflicts and open questions across the stakeholders' notes.",
                    onAccept: "keeps the synthesis as an accepted draft"),
        JobKindInfo(kind: .summarizeFeedback, title: "Summarize feedback", shortTitle: "summary", stance: .customerRepresentative, key: "m",
                    inputs: .filteredFeedback, risk: .low, minutesSaved: 30, runsInBatches: true,
                    summary: "An extractive summary of the feedback in view (filtered or all), with its themes and sentiment.",
                    onAccept: "keeps the summary; the Customer pane shows the latest one"),
        JobKindInfo(kind: .clusterThemes, title: "Cluster feedback into themes", shortTitle: "themes", stance: .customerRepresentative, key: "t",
                    inputs: .filteredFeedback, risk: .low, minutesSaved: 45,
                    summary: "Themes found in the feedback, with counts, sentiment and representative quotes.",
                    onAccept: "tags each item with its theme (theme:NAME)"),
        JobKindInfo(kind: .buildPersonas, title: "Build personas", shortTitle: "personas", stance: .customerRepresentative, key: "p",
                    inputs: .filteredFeedback, risk: .medium, minutesSaved: 90,
                    summary: "Personas per segment from reviews and surveys: goals, pains and quotes with their source ids.",
                    onAccept: "creates the personas"),
        JobKindInfo(kind: .tagSentiment, title: "Tag sentiment", shortTitle: "sentiment", stance: .customerRepresentative, key: "i",
                    inputs: .filteredFeedback, risk: .low, minutesSaved: 20, runsInBatches: true,
                    summary: "A sentiment score from -1 to 1 for each feedback item that has none.",
                    onAccept: "writes the sentiment of each item"),
        JobKindInfo(kind: .orderBacklog, title: "Suggest a backlog order", shortTitle: "order", stance: .decisionMaker, key: "o",
                    parameters: [.method], risk: .high, minutesSaved: 30,
                    summary: "An order for the open backlog by RICE or WSJF, weighed by demand from linked feedback, with a rationale per item.",
                    onAccept: "re-orders the backlog"),
        JobKindInfo(kind: .decisionRecord, title: "Draft a decision record", shortTitle: "decision record", stance: .decisionMaker, key: "d",
                    inputs: .selectedBacklogItem, parameters: [.method], risk: .high, minutesSaved: 20,
                    summary: "A decision record (context, options, choice, rationale) for the selected backlog item.",
                    onAccept: "adds the decision to the decision log"),
        JobKindInfo(kind: .linkFeedback, title: "Find each item's evidence in the feedback", shortTitle: "evidence", stance: .decisionMaker, key: "E",
                    inputs: .filteredFeedback, risk: .medium, minutesSaved: 40, runsInBatches: true,
                    summary: "Links between feedback and the backlog items it is about, by meaning: complaints and requests as demand, praise apart as validation, each with the sentence that connects them.",
                    onAccept: "links the feedback to the backlog items (demand and praise apart)"),
        JobKindInfo(kind: .proposeExperiments, title: "Propose experiments", shortTitle: "propose", stance: .experimenter, key: "p",
                    inputs: .filteredFeedback, risk: .medium, minutesSaved: 30,
                    summary: "Experiments for the top themes: hypothesis, metric, target and duration.",
                    onAccept: "adds the experiments as proposed"),
        JobKindInfo(kind: .concludeExperiment, title: "Conclude an experiment", shortTitle: "conclude", stance: .experimenter, key: "c",
                    inputs: .selectedExperiment, risk: .medium, minutesSaved: 15,
                    summary: "Reads the selected experiment's result against its target into a conclusion.",
                    onAccept: "sets the experiment's status and result"),
        JobKindInfo(kind: .whatChanged, title: "Draft what changed this week", shortTitle: "what changed", stance: .experimenter, key: "W",
                    risk: .low, minutesSaved: 30,
                    summary: "What changed in the feedback this week: rising, emerging and fading themes and sentiment shifts with their numbers, quotes and the releases they follow.",
                    onAccept: "keeps the note as an accepted draft"),
        JobKindInfo(kind: .stakeholderUpdate, title: "Draft a stakeholder update", shortTitle: "update", stance: .influencer, key: "w",
                    parameters: [.audience], prompt: "Stakeholder update for team, leadership or customers (Enter alone: leadership)", risk: .high, minutesSaved: 45,
                    summary: "An update for its audience: the team gets done, next and blocked with keys; leadership goal progress, risks and decisions needed; customers what changed for them.",
                    onAccept: "stores the update as a communication (draft status)"),
        JobKindInfo(kind: .releaseNotes, title: "Draft release notes", shortTitle: "release notes", stance: .influencer, key: "r",
                    parameters: [.audience], prompt: "Release notes for customers, team or leadership (Enter alone: customers)", risk: .high, minutesSaved: 30,
                    blankValues: [.audience: Audience.customers.rawValue],
                    summary: "Release notes from the backlog items done since the last release notes for that audience.",
                    onAccept: "stores the notes as a communication (draft status)"),
        JobKindInfo(kind: .ask, title: "Ask the workspace", shortTitle: "ask", stance: .orchestrator, key: "A",
                    parameters: [.question], risk: .low, minutesSaved: 10,
                    summary: "Answers a question from the workspace, citing the items it used.",
                    onAccept: "keeps the answer as an accepted draft"),
        JobKindInfo(kind: .sprintReviewPack, title: "Prepare a Sprint Review pack", shortTitle: "review pack", stance: .orchestrator, key: "b",
                    risk: .medium, minutesSaved: 60,
                    summary: "A Markdown pack of the sprint's feedback themes, decisions, experiments and done items.",
                    onAccept: "stores the pack as a communication (sprint review)"),
    ]

    /// The kinds a stance's pane offers, in catalogue order.
    public static func kinds(for stance: Stance) -> [JobKindInfo] { all.filter { $0.stance == stance } }

    /// The kinds that take `inputs` (any of them), in catalogue order.
    public static func kinds(taking inputs: JobInputs) -> [JobKindInfo] { all.filter { !$0.inputs.isDisjoint(with: inputs) } }

    /// The kinds that take `parameter`, in catalogue order.
    public static func kinds(taking parameter: JobParameter) -> [JobKindInfo] { all.filter { $0.parameters.contains(parameter) } }
}
