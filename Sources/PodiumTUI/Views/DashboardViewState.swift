import PodiumRender

/// What the dashboard's view keeps between frames: layout that is the view's own (ratatui's
/// stateful widgets), never the model's. The program owns one and passes it to each frame.
public struct DashboardViewState: Sendable {
    /// The first row in view of each pane's list, by pane index: a list scrolls only when
    /// the selection leaves it.
    var offsets: [Int: Int] = [:]
    /// Text the last frames prepared, reused while the state's revision and the layout stay the same.
    var memo = LineMemo()
    /// How far the text open on top (help, a detail, a draft) can scroll, as the last frame
    /// measured it; nil when none is open. The program hands it to the state (`Msg.scrollLimit`).
    public internal(set) var scrollLimit: Int?

    public init() {}
}
