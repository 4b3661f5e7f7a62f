import ArgumentParser
import Foundation
import PodiumRender
import PodiumTUI
import PodiumViewModels

/// `podium snapshot`: one frame of the dashboard as plain text, without a terminal.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one frame of the dashboard as plain text (for scripts, docs and tests).")

    /// The panes by their short names.
    enum Pane: String, ExpressibleByArgument, CaseIterable {
        case visionary, collaborator, customer, decision, experimenter, influencer, orchestrator, all
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The pane to show: \(Pane.allValueStrings.joined(separator: ", ")).")
    var pane: Pane = .visionary

    @Option(help: "The screen size, COLUMNSxROWS.")
    var size = "120x40"

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
            throw ValidationError("--size must look like 120x40")
        }
        let store = try workspaceOptions.open()
        let config = UserConfig.load()
        for warning in config.warnings { Console.warning(warning) }
        var state = AppState(snapshot: store.snapshot, location: store.layout.rootPath, keyMap: config.keyMap)
        _ = state.update(.resized(width: parts[0], height: parts[1]))
        let panes = pane == .all ? Array(Pane.allCases.dropLast()) : [pane]
        for (index, name) in panes.enumerated() {
            state.focused = Pane.allCases.firstIndex(of: name) ?? 0
            let frame = DashboardView.render(state, width: parts[0], height: parts[1], theme: .monochrome)
            if panes.count > 1 { Console.line((index == 0 ? "" : "\n") + "=== \(name.rawValue) ===") }
            Console.line(frame.text)
        }
    }
}
