#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import PodiumCore

/// Reads record files from one collection folder, in parallel when there are many.
struct RecordLoader<Record: WorkspaceRecord> {
    let folder: String

    /// A file that could not be decoded.
    struct Unreadable {
        var name: String
        var reason: String
        var size: Int
    }

    /// What reading a set of file names found.
    struct Batch {
        var records: [(name: String, stamp: FileStamp, record: Record)] = []
        var unreadable: [Unreadable] = []
        var missing: [String] = []

        mutating func absorb(_ other: Batch) {
            records += other.records
            unreadable += other.unreadable
            missing += other.missing
        }
    }

    /// Below this many files the work is done on the calling thread. Low, because a few
    /// files can be large (a backlog item of a big workspace lists thousands of links).
    static var parallelThreshold: Int { 16 }

    /// Reads and decodes the files `names` (file names inside the folder).
    func load(_ names: [String]) -> Batch {
        guard names.count >= Self.parallelThreshold else { return loadSerially(names[...]) }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = workers * 4
        let chunkSize = (names.count + chunkCount - 1) / chunkCount
        let results = ResultSlots<Batch>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = min(names.count, start + chunkSize)
            guard start < end else { return }
            results.set(chunk, loadSerially(names[start..<end]))
        }
        var batch = Batch()
        for result in results.values() { batch.absorb(result) }
        return batch
    }

    private func loadSerially(_ names: ArraySlice<String>) -> Batch {
        let decoder = RecordCodec.makeDecoder()
        var batch = Batch()
        batch.records.reserveCapacity(names.count)
        let folderFD = (try? POSIX.openFile(folder, O_RDONLY | O_DIRECTORY)) ?? -1
        defer { if folderFD >= 0 { _ = close(folderFD) } }
        for name in names {
            do {
                let file = folderFD >= 0
                    ? try POSIX.readFile(named: name, in: folderFD, folderPath: folder)
                    : try POSIX.readFile(folder + "/" + name)
                guard let (data, stamp) = file else {
                    batch.missing.append(name)
                    continue
                }
                do {
                    batch.records.append((name, stamp, try decoder.decode(Record.self, from: data)))
                } catch {
                    batch.unreadable.append(Unreadable(name: name, reason: RecordCodec.describe(error, data: data), size: data.count))
                }
            } catch {
                batch.unreadable.append(Unreadable(name: name, reason: "\(error)", size: 0))
            }
        }
        return batch
    }
}

/// Fixed slots that concurrent workers fill, one slot each.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    func values() -> [Value] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

/// Whether a folder entry is a record file (not a temporary file or anything else).
func isRecordFileName(_ name: String) -> Bool {
    name.hasSuffix(".json") && !name.hasPrefix(".")
}
