import Foundation
import PodiumCore
import PodiumRender
import PodiumTUI
@testable import PodiumViewModels
import Testing

/// Where the recorded screens live; `PODIUM_RECORD_SNAPSHOTS=1 swift test` writes them anew.
private let snapshotFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Draws a frame as the program does: the view measures how far the text open on top can
/// scroll, and the state hears it.
private func draw(_ state: inout AppState, width: Int, height: Int) -> Buffer {
    var view = DashboardViewState()
    let frame = DashboardView.render(state, view: &view, width: width, height: height, theme: .monochrome)
    if let limit = view.scrollLimit { _ = state.update(.scrollLimit(limit)) }
    return frame
}

@Suite("Pane snapshots")
struct PaneSnapshotTests {
    static let panes = ["visionary", "collaborator", "customer", "decision", "experimenter", "influencer", "orchestrator"]

    /// Compares a rendered screen with its recorded file (or records it).
    private func expectScreen(_ text: String, named name: String) throws {
        let file = snapshotFolder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["PODIUM_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshotFolder, withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: file)
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(recorded == text + "\n", "\(name) differs from \(file.path); re-record with PODIUM_RECORD_SNAPSHOTS=1 if the change is right")
    }

    @Test("each pane at 100x30 on the demo workspace", arguments: panes.indices)
    func pane(index: Int) throws {
        var state = AppState(snapshot: demoSnapshot(), location: "~/demo")
        _ = state.update(.focus(pane: index))
        let frame = draw(&state, width: 100, height: 30)
        try expectScreen(frame.text, named: Self.panes[index])
    }

    @Test("help scrolls to its last line on any screen and no further; k comes straight back", arguments: [(100, 30), (80, 24), (60, 16)])
    func helpEnds(width: Int, height: Int) throws {
        var state = AppState(snapshot: demoSnapshot(), location: "~/demo")
        _ = state.update(.resized(width: width, height: height))
        _ = state.update(.key(.character("?")))
        _ = state.update(.key(.character("G")))
        let frame = draw(&state, width: width, height: height)
        let last = try #require(Help.modal.last?.title)
        #expect(frame.text.contains(String(last.prefix(25))), "the last line of help is in view at \(width)x\(height)")
        guard case let .help(end) = state.mode else { Issue.record("help is open"); return }
        _ = state.update(.key(.character("k")))
        #expect(state.mode == .help(scroll: end - 1), "one line up from the end, not from past it")
    }

    @Test("G in a draft's review goes to the end of its text and no further")
    func draftScrollEnds() {
        var snapshot = demoSnapshot()
        let draft = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Summary",
                          content: (1...80).map { "Line \($0) of the summary." }.joined(separator: "\n"))
        snapshot.drafts[draft.id] = draft
        var state = AppState(snapshot: snapshot, location: "~/demo")
        state.mode = .draft(AppState.DraftView(id: draft.id))
        _ = state.update(.key(.character("G")))
        let frame = draw(&state, width: 100, height: 30)
        #expect(frame.text.contains("Line 80 of the summary."), "the last line is in view")
        guard case let .draft(view) = state.mode else { Issue.record("still reviewing"); return }
        #expect(view.scroll < 80, "the scroll was brought back to the end: \(view.scroll)")
    }

    @Test("a filtered list says how many items match, in the pane and the status bar")
    func filtered() {
        var state = AppState(snapshot: demoSnapshot(), location: "~/demo")
        _ = state.update(.key(.character("3")))
        _ = state.update(.key(.character("/")))
        for character in "offline" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.enter))
        let count = state.visibleRows(2).count
        let text = draw(&state, width: 120, height: 30).text
        #expect(text.contains("Showing \(count) of 120 that match \"offline\""))
        #expect(text.contains("\(count) of 120 feedback items"))
    }

    @Test("side detail at 140 columns, help and palette overlays, and a tiny terminal")
    func layouts() throws {
        var state = AppState(snapshot: demoSnapshot(), location: "~/demo")
        _ = state.update(.key(.character("4")))
        _ = state.update(.key(.character("j")))
        try expectScreen(draw(&state, width: 140, height: 30).text, named: "decision-wide")
        _ = state.update(.key(.character("?")))
        try expectScreen(draw(&state, width: 100, height: 30).text, named: "help")
        _ = state.update(.key(.escape))
        _ = state.update(.key(.character(":")))
        for character in "filt" { _ = state.update(.key(.character(character))) }
        try expectScreen(draw(&state, width: 100, height: 30).text, named: "palette")
        try expectScreen(draw(&state, width: 30, height: 8).text, named: "too-small")
        // Smaller still, the size Podium needs is said whole, wrapped, never cut.
        for (width, height) in [(20, 5), (12, 4), (9, 3)] {
            let text = draw(&state, width: width, height: height).text
            #expect(text.contains("40×10") && !text.contains("…") && text.contains("q quits"), "\(width)×\(height):\n\(text)")
        }
    }
}
