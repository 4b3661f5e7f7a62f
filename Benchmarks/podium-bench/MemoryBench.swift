#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumTUI
import PodiumViewModels

/// Memory held per feedback item: each size opens in a fresh child process, which reads the
/// resident set after the store has read the workspace and again once the dashboard's panes
/// are built and a frame drawn (freed memory given back to the system first, so the figure
/// is what is held, not the peak). The per-item figure is the growth between two sizes, so
/// the program's own code and the small collections cancel out. Each workspace is a demo in
/// use: sentiment and themes made by the built-in engine and accepted, links waiting for
/// review. The peer, in the same run: Python's `json.load` holding the same feedback records
/// as a list of dicts.
///
///   swift run -c release podium-bench memory [SMALL,LARGE]   (default 10000,100000)
enum MemoryBench {
    static func run(sizes: [Int]) throws {
        guard sizes.count == 2, sizes[0] < sizes[1] else {
            print("usage: podium-bench memory SMALL,LARGE (two sizes, smaller first)")
            return
        }
        let base = URL(fileURLWithPath: ".build/bench").standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        var figures: [(store: Double, dashboard: Double, python: Double)] = []
        for size in sizes {
            let root = base + "/in-use-\(size)"
            if !FileManager.default.fileExists(atPath: root + "/workspace.json") { try makeInUse(size: size, at: root) }
            let arrayFile = base + "/feedback-\(size).json"
            let snapshot = try WorkspaceStore.open(at: URL(fileURLWithPath: root)).snapshot  // and its open cache
            if !FileManager.default.fileExists(atPath: arrayFile) {
                try WorkspaceJSON.encoder().encode(snapshot.feedback.all).write(to: URL(fileURLWithPath: arrayFile))
            }
            let numbers = try childNumbers([CommandLine.arguments[0], "memory-child", root])
            let python = try childNumbers(["/usr/bin/env", "python3", "-c", pythonPeer, arrayFile])
            guard numbers.count == 2, python.count == 1 else { throw CocoaError(.fileReadCorruptFile) }
            figures.append((numbers[0], numbers[1], python[0]))
            print(String(format: "%7d items: store %.1f MiB, with the dashboard %.1f MiB; Python json.load %.1f MiB",
                         size, numbers[0] / 1_048_576, numbers[1] / 1_048_576, python[0] / 1_048_576))
        }
        let items = Double(sizes[1] - sizes[0])
        let store = (figures[1].store - figures[0].store) / items
        let dashboard = (figures[1].dashboard - figures[0].dashboard) / items
        let python = (figures[1].python - figures[0].python) / items
        print("| per feedback item, \(sizes[0]) → \(sizes[1]) | store | store + dashboard | Python json.load | dashboard ÷ Python |")
        print("|---|---:|---:|---:|---:|")
        print(String(format: "| bytes held | %.0f | %.0f | %.0f | %.2f |", store, dashboard, python, dashboard / python))
    }

    /// A demo of `size` items with sentiment and themes accepted and links waiting.
    static func makeInUse(size: Int, at root: String) throws {
        try? FileManager.default.removeItem(atPath: root)
        let store = try DemoWorkspace(feedbackCount: size).create(at: URL(fileURLWithPath: root))
        let engine = JobEngine(store: store, concurrency: 1, providerFor: { _ in LocalProvider() })
        let review = DraftReview(store: store, actor: "bench")
        for kind in [JobKind.tagSentiment, .clusterThemes, .linkFeedback] {
            let job = try engine.enqueue(kind)
            engine.waitForIdle()
            guard let draft = store.snapshot.jobs[job.id]?.draftID else { throw CocoaError(.featureUnsupported) }
            if kind != .linkFeedback { try review.accept(draft) }
        }
    }

    /// The child: the resident set (bytes) after opening, then with the panes built and drawn.
    static func child(root: String) throws {
        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: root))
        let opened = residentBytes()
        var state = AppState(snapshot: store.snapshot, location: root)
        _ = state.update(.resized(width: 200, height: 50))
        var view = DashboardViewState()
        for key in ["3", "j", "4", "j", "1"] {
            _ = state.update(.key(.character(Character(key))))
            _ = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)
        }
        let drawn = residentBytes()
        print(opened, drawn)
        withExtendedLifetime((store, state, view)) {}
    }

    /// The resident set now, after handing freed memory back to the system.
    static func residentBytes() -> Double {
        _ = trimMalloc(0)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kib * 1024
    }

    static let pythonPeer = """
        import json, sys
        def rss():
            for line in open('/proc/self/status'):
                if line.startswith('VmRSS:'): return int(line.split()[1]) * 1024
        records = json.load(open(sys.argv[1]))
        print(rss())
        """

    private static func childNumbers(_ command: [String]) throws -> [Double] {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: command[0]).resolvingSymlinksInPath()
        child.arguments = Array(command.dropFirst())
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        return output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    }
}

/// glibc's `malloc_trim`, which Swift's Glibc module does not import.
@_silgen_name("malloc_trim")
private func trimMalloc(_ pad: Int) -> Int32

/// What the larger collections of a workspace take when decoded on their own, each read
/// from its files into a fresh list: where the memory per item goes.
///
///   podium-bench memory-breakdown DIR
enum MemoryBreakdown {
    static func run(_ root: String) throws {
        let decoder = WorkspaceJSON.decoder()
        func folder<T: Decodable>(_ name: String, _ type: T.Type) throws -> [T] {
            let path = root + "/" + name
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.map {
                try decoder.decode(T.self, from: Data(contentsOf: URL(fileURLWithPath: path + "/" + $0)))
            }
        }
        // Each draft decoded on its own, so the memory each holds is its own line.
        var before = MemoryBench.residentBytes()
        let draftFolder = root + "/drafts"
        var drafts: [Draft] = []
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: draftFolder).filter({ $0.hasSuffix(".json") }).sorted() {
            let start = MemoryBench.residentBytes()
            let draft = try decoder.decode(Draft.self, from: Data(contentsOf: URL(fileURLWithPath: draftFolder + "/" + name)))
            drafts.append(draft)
            let held = MemoryBench.residentBytes() - start
            let proposal = draft.proposal
            lines.append(String(format: "  %.1f MiB ", held / 1_048_576) + "\(draft.kind) (\(draft.status)): \(draft.content.utf8.count) bytes of text, "
                + "\(draft.evidence.count) evidence, \(proposal?.sentiments?.count ?? 0) sentiments, \(proposal?.themeTags?.count ?? 0) themes, "
                + "\(proposal?.feedbackLinks?.count ?? 0) links, \(draft.appliedChanges?.count ?? 0) applied changes")
        }
        var after = MemoryBench.residentBytes()
        print(String(format: "drafts %.1f MiB", (after - before) / 1_048_576))
        for line in lines { print(line) }
        before = after
        let annotations = try folder("annotations", FeedbackAnnotations.self)
        after = MemoryBench.residentBytes()
        print(String(format: "annotations %.1f MiB", (after - before) / 1_048_576))
        before = after
        let index = FeedbackAnnotationIndex(annotations)
        after = MemoryBench.residentBytes()
        print(String(format: "index %.1f MiB", (after - before) / 1_048_576))
        before = after
        let backlog = try folder("backlog", BacklogItem.self)
        after = MemoryBench.residentBytes()
        print(String(format: "backlog %.1f MiB", (after - before) / 1_048_576))
        withExtendedLifetime((drafts, annotations, index, backlog)) {}
    }
}
