import PodiumCore
import PodiumRender
import PodiumStore

/// One pane of the dashboard, described in one place: its stance, its views, the
/// collections that change what it shows, its tab titles, its color and the action that
/// shows it. `Panes.all` lists them in their order on screen.
public protocol Pane: Sendable {
    /// The stance the pane serves.
    var stance: Stance { get }
    /// Its short name: the value of `podium snapshot --pane`.
    var name: String { get }
    /// The views `v` switches between, the first shown at start (at least one).
    var views: [any PaneView] { get }
    /// Its tab's title from 100 columns on (`title` from 150 on).
    var shortTitle: String { get }
    /// Its tab's title below 100 columns, short enough for all the tabs at 80.
    var tinyTitle: String { get }
    /// The role its tab is colored by (a key of theme files).
    var themeRole: ThemeRole { get }
    /// The action that focuses it (a key, the palette).
    var showAction: Action { get }
    /// The collections its views show: a change to one rebuilds the pane.
    var collections: Set<RecordCollection> { get }
    /// Whether it shows the product itself (vision, goal), so that a change to it rebuilds the pane.
    var showsProduct: Bool { get }
    /// Whether it is the inbox of every stance's AI work (the Orchestrator): the review key
    /// there opens the newest draft of any stance, and notices of background work need no
    /// pointer to it.
    var isInbox: Bool { get }
    /// Whether its first lines say which of its stance's drafts wait for review (the inbox
    /// lists them all already).
    var showsPendingDrafts: Bool { get }
}

extension Pane {
    /// Its tab's title on a wide screen: the stance's name.
    public var title: String { stance.title }
    public var showsProduct: Bool { false }
    public var isInbox: Bool { false }
    public var showsPendingDrafts: Bool { !isInbox }

    /// The names of its views, in `v` order.
    public var viewNames: [String] { views.map(\.name) }

    /// Its view number `index` in `v` order (the first for a number it does not have).
    public func view(at index: Int) -> any PaneView {
        views.indices.contains(index) ? views[index] : views[0]
    }

    /// The number in `v` order of its view `id` (nil: it has no such view).
    public func viewIndex(of id: PaneViewID) -> Int? {
        views.firstIndex { $0.id == id }
    }

    /// Whether `changes` touch what the pane shows (a draft changes every pane that lists
    /// its pending drafts).
    public func isAffected(by changes: WorkspaceChanges) -> Bool {
        if showsProduct && changes.productChanged { return true }
        return changes.records.keys.contains { collections.contains($0) || ($0 == .drafts && showsPendingDrafts) }
    }

    /// The content of its view number `view` (the first view for a number it does not have).
    public func content(view: Int = 0, in snapshot: WorkspaceSnapshot, settings: PaneSettings = PaneSettings()) -> PaneContent {
        guard let shown = views.indices.contains(view) ? views[view] : views.first else {
            return PaneContent(title: title, columns: [], rows: [], emptyMessage: "", hints: "", counts: "")
        }
        var content = shown.content(in: snapshot, settings: settings)
        let loading = snapshot.loading.intersection(collections)
        if !loading.isEmpty { content.markLoading(loading) }
        return showsPendingDrafts ? PendingDrafts.announce(stance, in: snapshot, above: content) : content
    }

    /// The detail lines of one of its rows, from whichever of its views shows that row
    /// (`evidence`: see ``EvidenceIndex``, built once per workspace change).
    public func detail(
        of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex = .empty, settings: PaneSettings = PaneSettings()
    ) -> [PaneContent.Line] {
        for view in views {
            let lines = view.detail(of: id, in: snapshot, evidence: evidence, settings: settings)
            if !lines.isEmpty { return lines }
        }
        return []
    }
}
