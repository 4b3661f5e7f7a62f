import PodiumStore

/// One view of a pane: its name, the table and context it builds from the workspace, and
/// the detail of one of its rows. Adding a view to a pane is one of these, listed in the
/// pane's `views`.
public protocol PaneView: Sendable {
    /// What `v` calls it: "Showing the decision log".
    var name: String { get }

    /// What the view shows now (the pane adds its pending drafts above it).
    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent

    /// The detail lines of the row `id`; none when the view shows no such row.
    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: [String: [String]], settings: PaneSettings) -> [PaneContent.Line]
}
