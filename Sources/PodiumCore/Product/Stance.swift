/// One of the seven stances a Product Owner takes; each has its own pane.
public enum Stance: String, CaseIterable, Codable, Sendable, Hashable {
    case visionary
    case collaborator
    case customerRepresentative = "customer-representative"
    case decisionMaker = "decision-maker"
    case experimenter
    case influencer
    case orchestrator

    /// The stance's name as shown to people.
    public var title: String {
        switch self {
        case .visionary: "Visionary"
        case .collaborator: "Collaborator"
        case .customerRepresentative: "Customer Representative"
        case .decisionMaker: "Decision Maker"
        case .experimenter: "Experimenter"
        case .influencer: "Influencer"
        case .orchestrator: "Orchestrator"
        }
    }

    /// What the stance is about, in one line.
    public var purpose: String {
        switch self {
        case .visionary: "Vision and product goal"
        case .collaborator: "Stakeholders and their input"
        case .customerRepresentative: "Feedback, reviews, surveys and personas"
        case .decisionMaker: "Backlog ordering and the decision log"
        case .experimenter: "Hypotheses, metrics and results"
        case .influencer: "Stakeholder updates and release notes"
        case .orchestrator: "AI jobs, the drafts inbox and automation"
        }
    }
}
