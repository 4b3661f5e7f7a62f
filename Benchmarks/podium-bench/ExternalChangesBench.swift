import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumTUI
import PodiumViewModels

/// Another process writes 1,000 changes to a large workspace the dashboard has open: how
/// long until the dashboard's frame shows them. The dashboard's own path, in process: the
/// store reads what the change feed names, the panes those changes touch are rebuilt, and
/// the new state is drawn. The watcher that starts it checks every 0.5 s, so the worst case
/// adds that. The peer, in the same run: reading the workspace again whole (a full reload)
/// and building every pane, as a dashboard without a change feed would.
///
///   swift run -c release podium-bench external-changes [N] [RUNS]   (default 100000, 5)
enum ExternalChangesBench {
    static let changes = 1_000
    /// How often the dashboard's watcher checks for changes (`WorkspaceWatcher`'s default).
    static let watcherInterval = 0.5

    static func run(size: Int, runs: Int) throws {
        let root = URL(fileURLWithPath: ".build/bench/in-use-\(size)").standardizedFileURL.path
        if !FileManager.default.fileExists(atPath: root + "/workspace.json") { try MemoryBench.makeInUse(size: size, at: root) }
        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: root))
        var state = AppState(snapshot: store.snapshot, location: root)
        _ = state.update(.resized(width: 200, height: 50))
        _ = state.update(.key(.character("3")))
        var view = DashboardViewState()
        _ = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)

        print("| run | another process writes | read the changes | rebuild the panes | swap and draw | shown after | + watcher worst case | full reload | shown ÷ full reload |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        var shown: [Double] = [], ratios: [Double] = []
        for run in 1...runs {
            let triage: FeedbackTriage? = run % 2 == 1 ? .seen : nil
            let writer = try elapsed { try writeInChild(root: root, triage: triage) }
            var found = WorkspaceChanges()
            let read = try elapsed { found = try store.refresh() }
            var prepared: PreparedSnapshot!
            let rebuild = elapsed {
                let (snapshot, generation) = store.versionedSnapshot
                prepared = PreparedSnapshot(snapshot, changes: found, generation: generation)
            }
            var frame = Buffer(width: 1, height: 1)
            let draw = elapsed {
                _ = state.update(.workspacePrepared(prepared))
                frame = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)
            }
            // What the other process wrote is what the state shows.
            let changed = state.snapshot.feedback.values.filter { $0.triage == .seen }.count
            guard changed == (triage == nil ? 0 : changes), !frame.text.isEmpty else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the dashboard shows \(changed) seen items"])
            }
            let full = try elapsed {
                let reopened = try WorkspaceStore.open(at: URL(fileURLWithPath: root))
                var whole = AppState(snapshot: reopened.snapshot, location: root)
                _ = whole.update(.resized(width: 200, height: 50))
                var fresh = DashboardViewState()
                _ = DashboardView.render(whole, view: &fresh, width: 200, height: 50, theme: Themes.dark)
            }
            let total = read + rebuild + draw
            shown.append(total)
            ratios.append(total / full)
            func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
            print("| \(run) | \(ms(writer)) | \(ms(read)) | \(ms(rebuild)) | \(ms(draw)) | \(ms(total)) | \(ms(total + watcherInterval)) | \(ms(full)) | "
                + String(format: "%.2f |", total / full))
        }
        print(String(format: "median: shown %.0f ms after the write (%.0f ms with the watcher's worst case), %.2f× a full reload",
                     median(shown) * 1000, (median(shown) + watcherInterval) * 1000, median(ratios)))
    }

    /// Runs `external-changes-writer` in a child process: it opens the workspace and marks
    /// the oldest `changes` feedback items seen (or new again) in one write.
    static func writeInChild(root: String, triage: FeedbackTriage?) throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        child.arguments = ["external-changes-writer", root, triage?.rawValue ?? "new"]
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The child's side (see `writeInChild`).
    static func write(root: String, triage: String) throws {
        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: root))
        let ids = store.snapshot.feedback.ids.sorted().prefix(changes)
        try store.write { transaction in
            for id in ids {
                try transaction.update(FeedbackItem.self, id: id) { $0.triage = FeedbackTriage(rawValue: triage) }
            }
        }
    }
}
