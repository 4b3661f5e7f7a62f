/// The records a kind works on, taken from where it is started: the dashboard's focused pane,
/// or the options of `podium run`.
public struct JobInputs: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The feedback in view when the Customer pane's list is filtered (else all feedback);
    /// `--filter` on the command line. The filter's text goes with it as `filter`.
    public static let filteredFeedback = JobInputs(rawValue: 1 << 0)
    /// The backlog item selected in the Decision Maker pane; `--item` on the command line.
    public static let selectedBacklogItem = JobInputs(rawValue: 1 << 1)
    /// The experiment selected in the Experimenter pane; `--experiment` on the command line.
    public static let selectedExperiment = JobInputs(rawValue: 1 << 2)
}

/// A value a kind takes from the person running it, besides its input records.
public enum JobParameter: String, Sendable, Hashable, CaseIterable {
    /// A question in the asker's words: asked before the job runs, and never blank.
    case question
    /// Who the text is for: asked before the job runs; "leadership" when left blank.
    case audience
    /// How the backlog is scored, rice or wsjf: chosen on the command line (rice otherwise).
    case method

    /// Whether the dashboard asks for it on a line before it queues the job.
    public var isAskedFirst: Bool {
        switch self {
        case .question, .audience: true
        case .method: false
        }
    }

    /// What an empty answer stands for; nil: an answer is needed.
    public var valueWhenBlank: String? {
        switch self {
        case .question: nil
        case .audience: "leadership"
        case .method: ScoringMethod.rice.rawValue
        }
    }

    /// The parameter with its article, for messages: "a question".
    public var noun: String {
        switch self {
        case .question: "a question"
        case .audience: "an audience"
        case .method: "a method"
        }
    }
}
