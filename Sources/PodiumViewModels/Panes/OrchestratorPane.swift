import PodiumCore
import PodiumRender
import PodiumStore

/// The Orchestrator's pane: the AI jobs and the drafts inbox, the inbox across every product
/// of the portfolio, the automation rules, the metrics (time won back, stance balance) and
/// the audit log.
public struct OrchestratorPane: Pane {
    public var stance: Stance { .orchestrator }
    public var name: String { "orchestrator" }
    public var views: [any PaneView] { [JobsView(), AllProductsView(), RulesView(), MetricsView(), AuditView()] }
    public var shortTitle: String { "Orchestrator" }
    public var tinyTitle: String { "Orchestr" }
    public var themeRole: ThemeRole { .orchestrator }
    public var showAction: Action { .showOrchestrator }
    public var collections: Set<RecordCollection> { [.jobs, .drafts, .rules, .audit] }
    /// Its jobs and drafts view lists every stance's jobs and drafts.
    public var isInbox: Bool { true }
}

extension ThemeRole {
    /// The Orchestrator pane's tab.
    public static let orchestrator = ThemeRole(rawValue: "orchestrator")
}
