#if canImport(Glibc)
import Glibc
#endif
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
            if full && run == 3 { try floorAndSmallImport(store: store, folder: folder, fullTime: fullTime) }
        }
    }

    /// The same-disk floor of a full import: the records just imported, encoded as Podium
    /// encodes them and written one file each into a fresh folder (a plain write, no
    /// temporary file, no journal), then one `sync`. And 500 new rows imported into the
    /// workspace that now holds every row: in this process (the store open) and as a user
    /// runs it (`podium import`, which opens the workspace first) when the release binary is built.
    static func floorAndSmallImport(store: WorkspaceStore, folder: String, fullTime: Double) throws {
        let records = store.snapshot.feedback.all
        let floorFolder = folder + "/import-floor"
        try? FileManager.default.removeItem(atPath: floorFolder)
        try FileManager.default.createDirectory(atPath: floorFolder, withIntermediateDirectories: true)
        let floor = try elapsed {
            for record in records {
                let data = try WorkspaceJSON.encode(record, what: "bench")
                let fd = open(floorFolder + "/" + record.id.rawValue + ".json", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                _ = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            sync()
        }
        try? FileManager.default.removeItem(atPath: floorFolder)
        print(String(format: "floor: %d records encoded and written one file each, then sync: %.1f s · full import ÷ floor: %.2f",
                     records.count, floor, fullTime / floor))

        let small = folder + "/feedback-500-more.csv"
        var lines = ["id,text,author,segment,rating,date,source"]
        for index in 0..<500 {
            lines.append("more-\(index),\"A new remark \(index) about the export limit and slow sync\",New customer \(index),solo,4,2026-12-01T10:00:00Z,review")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: small, atomically: true, encoding: .utf8)
        let inProcess = try elapsed { _ = try FeedbackImporter.importFile(at: URL(fileURLWithPath: small), into: store) }
        print(String(format: "500 rows into the workspace of %d items, the store open: %.2f s", records.count, inProcess))
        let podium = URL(fileURLWithPath: ".build/release/podium").standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: podium) else { return }
        // Three imports from the shell, each of 500 new rows: the first builds the feedback's
        // key index (from the open cache, or the files when it is stale), the next read it.
        for run in 1...3 {
            var rows = ["id,text,author,segment,rating,date,source"]
            for index in 0..<500 {
                rows.append("again-\(run)-\(index),\"Another remark \(index) on invoices sent twice\",Other customer \(run)-\(index),team,2,2026-12-02T10:00:00Z,review")
            }
            let file = folder + "/feedback-500-again-\(run).csv"
            try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: podium)
            process.arguments = ["import", "feedback", file, "--workspace", store.layout.rootPath]
            process.standardOutput = FileHandle.nullDevice
            let cli = try elapsed {
                try process.run()
                process.waitUntilExit()
            }
            print(String(format: "500 rows into the same workspace with `podium import` (opening it included), import %d: %.2f s, exit %d",
                         run, cli, process.terminationStatus))
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
