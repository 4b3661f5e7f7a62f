import Foundation
import PodiumCore
import PodiumDemo
import PodiumExchange
import PodiumStore
import PodiumViewModels

/// Time to the first frame with data, in a real terminal: the release `podium` opening a
/// demo workspace of N items in tmux at 200×50, next to VisiData (the peer) opening the same
/// feedback as CSV in the same tmux, alternating, in the same run. The screen is read every
/// few milliseconds with `tmux capture-pane`; a bare `echo` measured the same way is the
/// floor that tmux itself adds.
///
///   swift build -c release --product podium
///   swift run -c release podium-bench first-frame [N] [RUNS]   (default 100000, 5)
enum FirstFrameBench {
    static func run(size: Int, runs: Int) throws {
        let podium = URL(fileURLWithPath: ".build/release/podium").standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: podium) else {
            print("first build the release podium: swift build -c release --product podium")
            return
        }
        let folder = URL(fileURLWithPath: ".build/bench/first-frame-\(size)").standardizedFileURL
        let csv = folder.path + ".csv"
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("workspace.json").path) {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try DemoWorkspace(feedbackCount: size).create(at: folder)
        }
        let store = try WorkspaceStore.open(at: folder)  // also writes the open cache, as a first open on this machine does
        let vision = String(store.snapshot.product.vision.prefix(30))
        let first = try require(store.snapshot.feedback.all.first)
        try WorkspaceExporter.csv(store.snapshot, collection: .feedback).write(toFile: csv, atomically: true, encoding: .utf8)
        let firstText = String(first.id.rawValue.prefix(16))  // the first column, as VisiData cuts it

        print("| run | echo (tmux floor) | Podium: first frame with data | Podium: every item read | VisiData: first rows | VisiData: every row | first frame ÷ VisiData's |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        // One tmux server for every run (a session that only waits keeps it), so that each
        // run measures the program, not a server starting.
        try tmux(["new-session", "-d", "-s", "keeper", "sleep 3600"])
        defer { try? tmux(["kill-server"], check: false) }
        var ratios: [Double] = []
        var podiumFirst: [Double] = []
        for run in 1...runs {
            let floor = try time("echo podium-floor; sleep 5", first: "podium-floor").first
            let podiumTimes = try time("\(podium) --workspace \(folder.path)", first: vision, whole: [vision, "? help"], wholeAbsent: "Reading the")
            let vdTimes = try time("vd \(csv)", first: firstText, whole: [firstText, " \(size) rows"])
            let ratio = podiumTimes.first / vdTimes.first
            ratios.append(ratio)
            podiumFirst.append(podiumTimes.first)
            func ms(_ seconds: Double?) -> String { seconds.map { String(format: "%.0f ms", $0 * 1000) } ?? "—" }
            print("| \(run) | \(ms(floor)) | \(ms(podiumTimes.first)) | \(ms(podiumTimes.whole)) | \(ms(vdTimes.first)) | \(ms(vdTimes.whole)) | \(String(format: "%.2f", ratio)) |")
        }
        print(String(format: "median: first frame with data %.0f ms, %.2f× VisiData's", median(podiumFirst) * 1000, median(ratios)))
    }

    /// Starts `command` in a fresh tmux session at 200×50 and reads the screen until it holds
    /// `first` (the first time) and `whole` (the second, when given); both from the session's
    /// start. The polling runs in Python: a `tmux capture-pane` started from there costs a
    /// millisecond or two, against tens from Foundation's `Process`.
    private static func time(_ command: String, first: String, whole: [String]? = nil, wholeAbsent: String? = nil, timeout: Double = 60) throws -> (first: Double, whole: Double?) {
        let script = """
        import subprocess, sys, time
        session, command, first, whole, absent, timeout = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split("\\t") if sys.argv[4] else [], sys.argv[5], float(sys.argv[6])
        tmux = ["tmux", "-L", "podium-bench"]
        subprocess.run(tmux + ["kill-session", "-t", session], stderr=subprocess.DEVNULL)
        start = time.perf_counter()
        subprocess.run(tmux + ["new-session", "-d", "-s", session, "-x", "200", "-y", "50", command], check=True)
        seen = None
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(tmux + ["capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            now = time.perf_counter() - start
            if seen is None and first in screen:
                seen = now
                if not whole: break
            if seen is not None and all(w in screen for w in whole) and not (absent and absent in screen):
                print(seen, now); break
            time.sleep(0.001)
        else:
            print(seen if seen is not None else timeout, -1)
        if seen is not None and not whole: print(seen, -1)
        subprocess.run(tmux + ["kill-session", "-t", session], stderr=subprocess.DEVNULL)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, "podium-bench-\(getpid())", command, first,
                             (whole ?? []).joined(separator: "\t"), wholeAbsent ?? "", String(timeout)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard numbers.count == 2 else { throw CocoaError(.executableLoad) }
        return (numbers[0], numbers[1] < 0 ? nil : numbers[1])
    }

    /// Runs tmux on the benchmark's own server, through Python: a tmux server started
    /// straight from Foundation's `Process` inherits the descriptor it watches for the end of
    /// the child, and the wait never ends; Python's `subprocess` closes it.
    private static func tmux(_ arguments: [String], check: Bool = true) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)",
                             "tmux", "-L", "podium-bench"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if check, process.terminationStatus != 0 { throw CocoaError(.executableLoad) }
    }
}

/// Unwraps or throws, for benchmark set-up.
func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CocoaError(.coderValueNotFound) }
    return value
}

extension FirstFrameBench {
    /// Where the time to the first frame goes, step by step, in this process.
    static func steps(folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        var large = false
        let check = elapsed { large = WorkspaceStore.isLarge(at: root) }
        var store: WorkspaceStore!
        let open = try elapsed { store = try WorkspaceStore.open(at: root, deferring: WorkspaceStore.largeCollections) }
        let panes = elapsed { _ = AppState(snapshot: store.snapshot, location: folder) }
        let rest = try elapsed { try store.finishLoading() }
        let whole = elapsed { _ = AppState(snapshot: store.snapshot, location: folder) }
        print(String(format: "large %@ %.0f ms · open the small collections %.0f ms · panes %.0f ms · read the rest %.0f ms · panes again %.0f ms",
                     large ? "yes" : "no", check * 1000, open * 1000, panes * 1000, rest * 1000, whole * 1000))
    }
}
