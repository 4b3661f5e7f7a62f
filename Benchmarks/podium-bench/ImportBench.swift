import Foundation
import PodiumCore
import PodiumDemo
import PodiumExchange
import PodiumStore

/// Importing a large CSV, next to Python's `csv` module reading the same file in the same
/// run. Podium's figure is the whole dry run (decode, parse, recognise the layout, map every
/// row to a feedback item, check duplicates against the workspace); Python's is
/// `csv.DictReader` turning every row into a dict. The full import (the items written to the
/// workspace, one file each) is timed too.
enum ImportBench {
    static func run(rows: Int, folder: String, full: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let csv = folder + "/feedback-\(rows).csv"
        if !FileManager.default.fileExists(atPath: csv) { try write(rows: rows, to: csv) }
        let size = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
        print("file: \(csv), \(rows) rows, \(size / 1_000_000) MB")
        print("| run | podium reads the file | python csv.DictReader | reading ÷ python | podium dry run (read + map + check) | dry run ÷ python | full import | peak memory |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for run in 1...3 {
            let root = folder + "/import-ws"
            try? FileManager.default.removeItem(atPath: root)
            let store = try WorkspaceStore.create(at: URL(fileURLWithPath: root), product: Product(name: "Import bench"))
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: csv)))
            let read = try elapsed { _ = try TabularReader.read(bytes, fileName: "feedback.csv") }
            var dryReport: ImportReport?
            let dry = try elapsed {
                dryReport = try FeedbackImporter.importFile(at: URL(fileURLWithPath: csv), into: store, options: FeedbackImportOptions(dryRun: true))
            }
            let python = try pythonSeconds(csv)
            var fullReport: ImportReport?
            let fullTime = full ? try elapsed {
                fullReport = try FeedbackImporter.importFile(at: URL(fileURLWithPath: csv), into: store)
            } : .nan
            guard dryReport?.imported == rows, !full || fullReport?.imported == rows else {
                print("unexpected counts: \(dryReport?.imported ?? -1), \(fullReport?.imported ?? -1)")
                return
            }
            print(String(format: "| %d | %.2f s | %.2f s | %.2f | %.2f s | %.2f | %.1f s | %.0f MiB |",
                         run, read, python, read / python, dry, dry / python, fullTime, peakMemoryMiB()))
        }
    }

    /// Python reading the file with csv.DictReader, timed inside Python (start-up excluded).
    static func pythonSeconds(_ path: String) throws -> Double {
        let script = """
            import csv, sys, time
            csv.field_size_limit(sys.maxsize)  # its default refuses a field over 128 KiB
            start = time.perf_counter()
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                rows = list(csv.DictReader(f))
            print(time.perf_counter() - start, len(rows))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Double(output.split(separator: " ").first ?? "") ?? .nan
    }

    /// The demo's feedback as an export would look: text, author, segment, rating, date, source.
    static func write(rows: Int, to path: String) throws {
        let items = DemoWorkspace(feedbackCount: rows).makeContent().feedback
        var text = "id,text,author,segment,rating,date,source\n"
        for (index, item) in items.enumerated() {
            let quoted = "\"" + item.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            // Every row unique (an export has no exact duplicates): the row number is in the text.
            text += "\(index),\(quoted.dropLast()) (#\(index))\",\(item.author ?? ""),\(item.segment ?? ""),"
                + "\(item.rating.map { String(Int($0.value)) } ?? ""),\(item.createdAt.formatted(.iso8601)),\(item.source.rawValue)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
