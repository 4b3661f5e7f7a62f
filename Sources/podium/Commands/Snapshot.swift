import ArgumentParser
import Foundation
import PodiumRender
import PodiumTUI
import PodiumViewModels

/// `podium snapshot`: one frame of the dashboard as plain text, without a terminal.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one frame of the dashboard as plain text (for scripts, docs and tests).")

    /// A pane by its short name (`Pane.name` in the pane registry), or all of them (named so as
    /// not to shadow the view-models' `Pane`).
    struct PaneName: RawRepresentable, CaseIterable, Equatable, ExpressibleByArgument {
        /// Every pane, one after the other.
        static let all = PaneName(name: "all")
        /// The panes' names in their order, then "all".
        static var allCases: [PaneName] { Panes.all.map { PaneName(name: $0.name) } + [all] }
        /// The first pane, shown when none is named.
        static var first: PaneName { allCases[0] }

        let rawValue: String

        init?(rawValue: String) {
            guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
            self.rawValue = rawValue
        }

        private init(name: String) {
            rawValue = name
        }
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The pane to show: \(PaneName.allValueStrings.joined(separator: ", ")).")
    var pane: PaneName = .first

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
        let panes = pane == .all ? Array(PaneName.allCases.dropLast()) : [pane]
        for (index, name) in panes.enumerated() {
            _ = state.update(.focus(pane: PaneName.allCases.firstIndex(of: name) ?? 0))
            let frame = DashboardView.render(state, width: parts[0], height: parts[1], theme: .monochrome)
            if panes.count > 1 { Console.line((index == 0 ? "" : "\n") + "=== \(name.rawValue) ===") }
            Console.line(frame.text)
        }
    }
}
