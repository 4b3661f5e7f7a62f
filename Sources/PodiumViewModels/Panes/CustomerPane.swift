import PodiumCore
import PodiumRender
import PodiumStore

/// The Customer Representative's pane: the feedback (reviews, surveys, tickets) and the
/// personas built from it.
public struct CustomerPane: Pane {
    public var stance: Stance { .customerRepresentative }
    public var name: String { "customer" }
    public var views: [any PaneView] { [FeedbackView(), PersonasView()] }
    public var shortTitle: String { "Customer" }
    public var tinyTitle: String { "Customer" }
    public var themeRole: ThemeRole { .customer }
    public var showAction: Action { .showCustomer }
    public var collections: Set<RecordCollection> { [.feedback, .personas] }
}

extension ThemeRole {
    /// The Customer Representative pane's tab.
    public static let customer = ThemeRole(rawValue: "customer")
}
