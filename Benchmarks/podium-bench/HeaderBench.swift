import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore

/// Files whose header is the whole problem, next to Python's `csv` reading the same file in
/// the same run: a header line with no delimiter (one enormous column name) of 1, 10 and
/// 50 MB, and headers of 100,000 and 1,000,000 columns. Podium's figure is the dry run up to
/// its refusal ("no column holds feedback text"); the ratio to Python is the figure to watch
/// (it was worse than linear: 1 MB 3.9 s, 2 MB 9.2 s, 50 MB unfinished after 90 s, 100,000
/// columns 52.8 s).
///
///   swift run -c release podium-bench headers
enum HeaderBench {
    static func run(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let root = folder + "/headers-ws"
        try? FileManager.default.removeItem(atPath: root)
        let store = try WorkspaceStore.create(at: URL(fileURLWithPath: root), product: Product(name: "Header bench"))
        print("| file | size | podium dry run | python csv.DictReader | ratio | message length |")
        print("|---|---:|---:|---:|---:|---:|")
        let cases: [(String, () -> String)] = [
            ("one name of 1 MB", { String(repeating: "x", count: 1_000_000) + "\n" }),
            ("one name of 10 MB", { String(repeating: "x", count: 10_000_000) + "\n" }),
            ("one name of 50 MB", { String(repeating: "x", count: 50_000_000) + "\n" }),
            ("100,000 columns", { (0..<100_000).map { "c\($0)" }.joined(separator: ",") + "\n" + Array(repeating: "v", count: 100_000).joined(separator: ",") + "\n" }),
            ("1,000,000 columns", { (0..<1_000_000).map { "c\($0)" }.joined(separator: ",") + "\n" }),
        ]
        for (name, content) in cases {
            let path = folder + "/header-\(name.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ",", with: "")).csv"
            if !FileManager.default.fileExists(atPath: path) { try content().write(toFile: path, atomically: true, encoding: .utf8) }
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            var message = ""
            let podium = try elapsed {
                do {
                    _ = try FeedbackImporter.importFile(at: URL(fileURLWithPath: path), into: store, options: FeedbackImportOptions(dryRun: true))
                } catch {
                    message = "\(error)"
                }
            }
            let python = try ImportBench.pythonSeconds(path)
            print(String(format: "| %@ | %.1f MB | %.2f s | %.2f s | %.1f | %d |", name, Double(size) / 1e6, podium, python, podium / python, message.count))
        }
    }
}
