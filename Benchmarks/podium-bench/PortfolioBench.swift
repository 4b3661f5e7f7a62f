import Foundation
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// The inbox across products (issue 23): seven demo workspaces of 10,000 feedback items each
/// on one list, and `podium drafts list --all-workspaces` from the shell — the first time
/// (no open cache yet) and then three times — next to its peer measured in the same run:
/// `podium drafts list` on each of the seven in turn, which is what a Product Owner without
/// the list would run. Then the dashboard's Orchestrator "All products" view, in this process:
/// the portfolio read (`PortfolioInbox.read`) and the view's rows built, the first time (no
/// open cache) and three times after, next to each workspace opened whole in turn.
///
///   swift run -c release podium-bench portfolio [ITEMS] [WORKSPACES]
enum PortfolioBench {
    static func run(items: Int = 10_000, count: Int = 7) throws {
        let podium = URL(fileURLWithPath: ".build/release/podium").standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: podium) else {
            print("build podium first: swift build -c release --product podium")
            return
        }
        let folder = URL(fileURLWithPath: ".build/bench/portfolio-\(items)").standardizedFileURL
        let config = folder.appendingPathComponent("config/podium")
        try? FileManager.default.removeItem(at: config)
        var portfolio = try Portfolio.load(from: config)
        var paths: [String] = []
        for index in 1...count {
            let root = folder.appendingPathComponent("product-\(index)")
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent("workspace.json").path) {
                print("writing product \(index) of \(count) (\(items) feedback items)…")
                _ = try DemoWorkspace(feedbackCount: items).create(at: root)
            }
            try waitingDrafts(at: root)
            // The first open is measured without the open cache.
            try? FileManager.default.removeItem(at: root.appendingPathComponent(".podium/cache"))
            try portfolio.add(path: root.path, name: "Product \(index)")
            paths.append(root.path)
        }
        try portfolio.save()
        let environment = ["HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "COLUMNS": "160"]
        func timed(_ arguments: [String]) throws -> Double {
            try elapsed {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: podium)
                process.arguments = arguments
                process.environment = environment
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus != 0 { throw CocoaError(.executableLoad) }
            }
        }
        let first = try timed(["drafts", "list", "--all-workspaces", "--json"])
        var after: [Double] = [], peer: [Double] = []
        for _ in 0..<3 {
            after.append(try timed(["drafts", "list", "--all-workspaces", "--json"]))
            peer.append(try paths.map { try timed(["drafts", "list", "--json", "-w", $0]) }.reduce(0, +))
        }
        // The dashboard's All products view: read the portfolio and build the view's rows.
        for path in paths { try? FileManager.default.removeItem(atPath: path + "/.podium/cache") }
        let allProducts = Panes.index(of: .orchestrator) ?? Panes.all.count - 1
        let snapshot = try WorkspaceStore.open(at: URL(fileURLWithPath: paths[0]), deferring: PortfolioMember.notForTheInbox).snapshot
        func view() -> Double {
            elapsed {
                let inbox = PortfolioInbox.read(portfolio, current: paths[0])
                let content = Panes.all[allProducts].content(view: 1, in: snapshot, settings: PaneSettings(portfolio: inbox))
                precondition(content.rows.count == 3 * count && inbox.products.count == count, "\(content.rows.count) rows")
            }
        }
        let firstView = view()
        var views: [Double] = [], opens: [Double] = []
        for _ in 0..<3 {
            views.append(view())
            opens.append(try elapsed { for path in paths { _ = try WorkspaceStore.open(at: URL(fileURLWithPath: path)) } })
        }
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(count) workspaces of \(items) feedback items")
        print("| run | all workspaces, one command | each workspace in turn (peer) | ratio |")
        print("|---|---:|---:|---:|")
        print(String(format: "| first (no open cache) | %.2f s | — | — |", first))
        for (index, (ours, theirs)) in zip(after, peer).enumerated() {
            print(String(format: "| %d | %.2f s | %.2f s | %.2f |", index + 1, ours, theirs, ours / theirs))
        }
        print("")
        print("The dashboard's All products view (the portfolio read and the view's rows built, in process):")
        print("| run | all products view | each workspace opened whole in turn (peer) | ratio |")
        print("|---|---:|---:|---:|")
        print(String(format: "| first (no open cache) | %.3f s | — | — |", firstView))
        for (index, (ours, theirs)) in zip(views, opens).enumerated() {
            print(String(format: "| %d | %.3f s | %.2f s | %.3f |", index + 1, ours, theirs, ours / theirs))
        }
    }

    /// Three drafts waiting in the workspace at `root` (once): a summary, an update and a
    /// sentiment draft proposing a score for every feedback item, the heavy one to read.
    private static func waitingDrafts(at root: URL) throws {
        let store = try WorkspaceStore.open(at: root)
        guard !store.snapshot.drafts.values.contains(where: { $0.status == .pending }) else { return }
        let sentiments = store.snapshot.feedback.values.map { SentimentAssignment(feedbackID: $0.id, score: 0.2) }
        try store.write { transaction in
            try transaction.save(Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Feedback summary", content: "- a point"))
            try transaction.save(Draft(kind: .stakeholderUpdate, stance: .influencer, title: "Update for leadership", content: "## Done\n- a thing"))
            try transaction.save(Draft(kind: .tagSentiment, stance: .customerRepresentative, title: "Sentiment of \(sentiments.count) items",
                                       content: "-", proposal: DraftProposal(sentiments: sentiments)))
        }
    }
}
