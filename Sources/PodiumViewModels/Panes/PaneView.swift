import PodiumCore
import PodiumStore

/// One view of a pane: its name, the table and context it builds from the workspace, and
/// the detail of one of its rows. Adding a view to a pane is one of these, listed in the
/// pane's `views`.
public protocol PaneView: Sendable {
    /// What `v` calls it: "Showing the decision log".
    var name: String { get }
    /// Which view it is, wherever the dashboard depends on that (never its place in `v` order).
    var id: PaneViewID { get }
    /// What a job queued while it is shown may take from it (none by default): the filtered
    /// feedback, the selected backlog item or experiment. The job takes those its catalogue
    /// entry asks for (`JobKindInfo.inputs`).
    var jobInputs: JobInputs { get }
    /// Whether K and J move its selected item in the Product Backlog order (no by default).
    var reordersBacklog: Bool { get }
    /// Whether it shows the user's settings (`PaneSettings`), so new settings rebuild it (no by default).
    var showsSettings: Bool { get }

    /// What the view shows now (the pane adds its pending drafts above it).
    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent

    /// The detail lines of the row `id`; none when the view shows no such row.
    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line]
}

extension PaneView {
    public var jobInputs: JobInputs { [] }
    public var reordersBacklog: Bool { false }
    public var showsSettings: Bool { false }
}

/// Which view a `PaneView` is: each view declares its own beside it (`PaneViewID.backlog`).
public struct PaneViewID: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
