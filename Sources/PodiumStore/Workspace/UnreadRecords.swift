import Foundation
import PodiumCore

/// The records of a collection a transaction did not read (`WorkspaceStore.write(reading:)`),
/// reached file by file while it holds the workspace's lock: every record's key from a key
/// index, and the few records a caller then needs, read whole.
///
/// An import of 500 rows into 100,000 feedback items checks its duplicates this way: the
/// keys come from a small index kept beside the open cache (checked against every file's
/// stamp, rebuilt from the files where it does not match), and only the items whose key
/// digest or tracker id a row shares are read.
public struct UnreadRecords: Sendable {
    let layout: WorkspaceLayout
    /// Whether the key index may be written (not in a read-only workspace).
    let mayWriteIndex: Bool

    /// The key of every record file of `type`'s collection as the files are now. `format`
    /// names the key `key` makes: a different key keeps its own index.
    public func keys<Record: WorkspaceRecord>(
        _ type: Record.Type, format: String, key: (Record) -> (digest: UInt64, externalID: String?)
    ) -> [RecordKey] {
        let folder = layout.folder(Record.collection)
        let names = ((try? POSIX.listDirectory(folder)) ?? nil ?? []).filter(isRecordFileName)
        let stamps = stampFiles(names, in: folder)
        let file = KeyIndexFile(path: layout.keyIndexFile(Record.collection, format: format), format: format)
        let indexed = file.load()
        var entries: [KeyIndexFile.Entry] = []
        entries.reserveCapacity(names.count)
        var stale: [(name: String, stamp: FileStamp)] = []
        for (name, stamp) in zip(names, stamps) {
            guard let stamp else { continue }  // gone since the listing
            if let entry = indexed[name], entry.stamp == stamp {
                entries.append(entry)
            } else {
                stale.append((name, stamp))
            }
        }
        if !stale.isEmpty {
            for (name, stamp, record) in read(Record.self, stale) {
                let (digest, externalID) = key(record)
                entries.append(.init(stamp: stamp, key: RecordKey(file: name, digest: digest, externalID: externalID)))
            }
        }
        if mayWriteIndex && (!stale.isEmpty || indexed.count != entries.count) {
            // The index only speeds up the next import; failing to write it changes nothing else.
            try? file.save(entries)
        }
        return entries.map(\.key)
    }

    /// The records in `files` (file names in `type`'s folder), read now; a file gone or
    /// unreadable is left out.
    public func records<Record: WorkspaceRecord>(_ type: Record.Type, files: [String]) -> [Record] {
        RecordLoader<Record>(folder: layout.folder(Record.collection)).load(files).records.map(\.record)
    }

    /// The records of `files` (with their stamps now), from the open cache where it holds
    /// them as they are (a large workspace's first import after an open), else from JSON.
    private func read<Record: WorkspaceRecord>(_ type: Record.Type, _ files: [(name: String, stamp: FileStamp)]) -> [(String, FileStamp, Record)] {
        var fromJSON = files.map(\.name)
        var result: [(String, FileStamp, Record)] = []
        if files.count >= OpenCache<FeedbackItem>.minimumRecords, let cacheable = type as? any CacheableRecord.Type {
            func fromCache<Cached: CacheableRecord>(_ cached: Cached.Type) -> [String] {
                guard let entries = OpenCache<Cached>(path: layout.cacheFile(Record.collection)).load() else { return fromJSON }
                var left: [String] = []
                for (name, stamp) in files {
                    if let entry = entries[name], entry.stamp == stamp, let record = entry.record as? Record {
                        result.append((name, stamp, record))
                    } else {
                        left.append(name)
                    }
                }
                return left
            }
            fromJSON = fromCache(cacheable)
        }
        result += RecordLoader<Record>(folder: layout.folder(Record.collection)).load(fromJSON).records
        return result
    }
}
