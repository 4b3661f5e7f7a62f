import Foundation
import PodiumDemo
import PodiumEngine
import PodiumStore

/// The inbox across products (issue 23): seven demo workspaces of 10,000 feedback items each
/// on one list, and `podium drafts list --all-workspaces` from the shell — the first time
/// (no open cache yet) and then three times — next to its peer measured in the same run:
/// `podium drafts list` on each of the seven in turn, which is what a Product Owner without
/// the list would run.
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
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(count) workspaces of \(items) feedback items")
        print("| run | all workspaces, one command | each workspace in turn (peer) | ratio |")
        print("|---|---:|---:|---:|")
        print(String(format: "| first (no open cache) | %.2f s | — | — |", first))
        for (index, (ours, theirs)) in zip(after, peer).enumerated() {
            print(String(format: "| %d | %.2f s | %.2f s | %.2f |", index + 1, ours, theirs, ours / theirs))
        }
    }
}
