import PodiumCore
import PodiumRender
import PodiumStore

/// The Decision Maker's pane: the Product Backlog in its order, with RICE, WSJF and
/// evidence, and the decision log.
public struct DecisionMakerPane: Pane {
    public var stance: Stance { .decisionMaker }
    public var name: String { "decision" }
    public var views: [any PaneView] { [BacklogView(), DecisionLogView()] }
    public var shortTitle: String { "Decision" }
    public var tinyTitle: String { "Decision" }
    public var themeRole: ThemeRole { .decision }
    public var showAction: Action { .showDecision }
    /// Feedback and personas too: the backlog counts and quotes its evidence.
    public var collections: Set<RecordCollection> { [.backlog, .decisions, .feedback, .personas] }
}

extension ThemeRole {
    /// The Decision Maker pane's tab.
    public static let decision = ThemeRole(rawValue: "decision")
}
