#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PodiumCore
import PodiumDemo
import PodiumStore

// Storage benchmark: for workspaces of 1k, 10k and 100k feedback items, measures
// opening the workspace, persisting one change, and peak memory, each next to a peer
// measured in the same run on the same disk (see docs/BENCHMARKS.md):
//   - persist one change  vs  one fsync'd write of a small new file
//   - open                vs  `jq .` parsing the same records as one JSON file
//
//   swift run -c release podium-bench [--sizes 1000,10000,100000] [--dir DIR] [--runs N]
//   swift run -c release podium-bench dashboard [SIZES]   (key press to frame, see DashboardBench)
//   swift run -c release podium-bench engine [JOBS]       (engine overhead per job, see EngineBench)
//   swift run -c release podium-bench insight [SIZES]     (themes, summaries; see InsightBench)
//   swift run -c release podium-bench recipes [SIZES]     (whole offline jobs; see RecipeBench)
//   swift run -c release podium-bench import [ROWS]       (a large CSV vs Python's csv; see ImportBench)
//   swift run -c release podium-bench themes              (themes on the labelled sets vs tf-idf + k-means told k; see ThemeBench)
//   swift run -c release podium-bench sentiment [EXTERNAL.jsonl]  (Podium vs VADER on labelled feedback; see SentimentBench)
//   swift run -c release podium-bench headers             (enormous header lines and 1,000,000 columns vs Python's csv; see HeaderBench)
//   swift run -c release podium-bench links [explain NAME] (evidence links on the labelled sets; see LinkBench)
//   swift run -c release podium-bench first-frame [N] [RUNS]  (first frame with data in tmux vs VisiData; see FirstFrameBench)
//   swift run -c release podium-bench bulk-accept [N]     (accept and undo of bulk drafts, paths in git; see BulkAcceptBench)
//   swift run -c release podium-bench memory [SMALL,LARGE] (bytes held per feedback item vs Python's json.load; see MemoryBench)
//   swift run -c release podium-bench external-changes [N] [RUNS] (another process's 1,000 changes shown; see ExternalChangesBench)
//   swift run -c release podium-bench memory-breakdown DIR (what drafts, annotations and the backlog take; see MemoryBreakdown)
//   swift run -c release podium-bench portfolio [ITEMS] [WORKSPACES] (the inbox across 7 products of 10,000 items; see PortfolioBench)
//
// Each open runs in a fresh child process, so its peak memory is its own.

func elapsed(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #endif
    #if canImport(Darwin)
    return Double(usage.ru_maxrss) / 1_048_576
    #else
    return Double(usage.ru_maxrss) / 1024
    #endif
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

/// One fsync'd write of a small new file: the peer of "persist one change".
func fsyncedWrite(in folder: String, index: Int) -> Double {
    let path = folder + "/baseline-\(index).json"
    let bytes = Array(repeating: UInt8(ascii: "x"), count: 400)
    return elapsed {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
    }
}

/// Child mode: open a workspace, then persist changes, each next to one fsync'd small
/// write in the same folder; prints "open persist accept fsync peak".
func measureChild(_ root: String, changes: Int, cold: Bool) throws {
    if cold { try? FileManager.default.removeItem(atPath: root + "/.podium/cache") }
    var store: WorkspaceStore!
    let openTime = try elapsed { store = try WorkspaceStore.open(at: URL(fileURLWithPath: root)) }
    let peak = peakMemoryMiB()
    let ids = store.snapshot.feedback.values.prefix(changes).map(\.id)
    var single: [Double] = []
    var draftAccepts: [Double] = []
    var baseline: [Double] = []
    for (index, id) in ids.enumerated() {
        baseline.append(fsyncedWrite(in: root, index: index))
        try? FileManager.default.removeItem(atPath: root + "/baseline-\(index).json")
        single.append(try elapsed {
            try store.write { try $0.update(FeedbackItem.self, id: id) { $0.tags = ["bench-\(index)"] } }
        })
        // Accepting a draft: the draft, the record it changes, and an audit entry, all or nothing.
        let draft = Draft(kind: "tag-sentiment", stance: .customerRepresentative, title: "t", content: "c")
        try store.write { try $0.save(draft) }
        draftAccepts.append(try elapsed {
            try store.write { transaction in
                try transaction.update(Draft.self, id: draft.id) { $0.status = .accepted }
                try transaction.update(FeedbackItem.self, id: id) { $0.sentiment = 0.5 }
                try transaction.log(AuditEntry(actor: "bench", action: .accept, summary: "accepted"))
            }
        })
    }
    print(openTime, median(single), median(draftAccepts), median(baseline), peak)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "dashboard" {
    let sizes = arguments.dropFirst().first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10_000, 100_000]
    DashboardBench.run(sizes: sizes)
    exit(0)
}
if arguments.first == "external-changes-writer", arguments.count == 3 {
    try ExternalChangesBench.write(root: arguments[1], triage: arguments[2])
    exit(0)
}
if arguments.first == "external-changes" {
    try ExternalChangesBench.run(size: arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000,
                                 runs: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5)
    exit(0)
}
if arguments.first == "portfolio" {
    try PortfolioBench.run(items: arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000,
                           count: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 7)
    exit(0)
}
if arguments.first == "memory-breakdown", arguments.count == 2 {
    try MemoryBreakdown.run(arguments[1])
    exit(0)
}
if arguments.first == "memory-child", arguments.count == 2 {
    try MemoryBench.child(root: arguments[1])
    exit(0)
}
if arguments.first == "memory" {
    try MemoryBench.run(sizes: arguments.dropFirst().first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10_000, 100_000])
    exit(0)
}
if arguments.first == "engine" {
    try EngineBench.run(jobs: arguments.dropFirst().first.flatMap { Int($0) } ?? 200)
    exit(0)
}
if arguments.first == "import" {
    try ImportBench.run(rows: arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000, folder: ".build/bench",
                        full: !arguments.contains("dry"))
    exit(0)
}
if arguments.first == "accept-keys" {
    try AcceptBench.run(size: arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000)
    exit(0)
}
if arguments.first == "first-frame-steps", arguments.count == 2 {
    try FirstFrameBench.steps(folder: arguments[1])
    exit(0)
}
if arguments.first == "first-frame" {
    try FirstFrameBench.run(size: arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000,
                            runs: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5)
    exit(0)
}
if arguments.first == "bulk-accept-once", arguments.count == 3 {
    try BulkAcceptBench.once(folder: arguments[1], kind: arguments[2])
    exit(0)
}
if arguments.first == "bulk-accept" {
    try BulkAcceptBench.run(size: arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000)
    exit(0)
}
if arguments.first == "themes" {
    try ThemeBench.run()
    exit(0)
}
if arguments.first == "sentiment" {
    try SentimentBench.run(external: arguments.dropFirst().first)
    exit(0)
}
if arguments.first == "headers" {
    try HeaderBench.run(folder: ".build/bench")
    exit(0)
}
if arguments.first == "recipes" {
    let sizes = arguments.dropFirst().first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000, 100_000]
    try RecipeBench.run(sizes: sizes)
    exit(0)
}
if arguments.first == "links" {
    if arguments.dropFirst().first == "explain", let name = arguments.dropFirst(2).first { try LinkBench.explain(name) } else { try LinkBench.run() }
    exit(0)
}
if arguments.first == "insight" {
    let sizes = arguments.dropFirst().first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000, 100_000]
    // Quality on the hand-labelled sets first, each next to its peer in the same run:
    // themes against tf-idf + k-means told the true number, sentiment against VADER.
    print("## Themes (podium vs tf-idf + k-means told the true number of themes)\n")
    try ThemeBench.run()
    print("\n## Sentiment (podium vs VADER)\n")
    try SentimentBench.run(external: nil)
    print("\n## Speed on demo workspaces\n")
    InsightBench.run(sizes: sizes)
    exit(0)
}
if arguments.first == "child" {
    try measureChild(arguments[1], changes: Int(arguments[2]) ?? 20, cold: arguments.count > 3 && arguments[3] == "cold")
    exit(0)
}

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let runs = Int(option("--runs") ?? "3") ?? 3
let base = option("--dir") ?? FileManager.default.currentDirectoryPath + "/.build/bench"
try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
let hasJQ = (try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["jq", "--version"]).waitUntilExitStatus()) == 0

extension Process {
    func waitUntilExitStatus() -> Int32 {
        waitUntilExit()
        return terminationStatus
    }
}

print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, folder \(base)")
print("| items | first open (no cache) | open | jq . (same records) | open ÷ jq | first open ÷ jq | persist 1 record | accept a draft (3 records) | fsync'd small write | persist ÷ fsync | accept ÷ fsync | peak memory |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for size in sizes {
    let root = base + "/ws-\(size)"
    if !FileManager.default.fileExists(atPath: root + "/workspace.json") {
        try? FileManager.default.removeItem(atPath: root)
        _ = try DemoWorkspace(feedbackCount: size).create(at: URL(fileURLWithPath: root))
        sleep(3)  // let the files age past the open cache's racy window, as they would in real use
    }
    let arrayFile = base + "/feedback-\(size).json"
    if !FileManager.default.fileExists(atPath: arrayFile) {
        let snapshot = try WorkspaceStore.open(at: URL(fileURLWithPath: root)).snapshot
        try WorkspaceJSON.encoder().encode(snapshot.feedback.all).write(to: URL(fileURLWithPath: arrayFile))
    }
    func child(cold: Bool) throws -> [Double] {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        child.arguments = ["child", root, "20"] + (cold ? ["cold"] : [])
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        let numbers = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard numbers.count == 5 else { fatalError("child failed: \(output)") }
        return numbers
    }
    let coldRun = try child(cold: true)
    var opens: [Double] = [], singles: [Double] = [], accepts: [Double] = [], baselines: [Double] = [], peaks = [coldRun[4]]
    for _ in 0..<runs {
        let numbers = try child(cold: false)
        opens.append(numbers[0]); singles.append(numbers[1]); accepts.append(numbers[2]); baselines.append(numbers[3])
        peaks.append(numbers[4])
    }
    var jq = Double.nan
    if hasJQ {
        jq = median(try (0..<runs).map { _ in
            try elapsed {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["jq", ".", arrayFile]
                process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
                try process.run()
                process.waitUntilExit()
            }
        })
    }
    let open = median(opens)
    let baseline = median(baselines)
    print("| \(size) | \(milliseconds(coldRun[0])) | \(milliseconds(open)) | \(milliseconds(jq)) | "
        + "\(String(format: "%.2f", open / jq)) | \(String(format: "%.2f", coldRun[0] / jq)) | "
        + "\(milliseconds(median(singles))) | \(milliseconds(median(accepts))) | \(milliseconds(baseline)) | "
        + "\(String(format: "%.2f", median(singles) / baseline)) | \(String(format: "%.2f", median(accepts) / baseline)) | "
        + "\(String(format: "%.0f MiB", peaks.max() ?? 0)) |")
}
