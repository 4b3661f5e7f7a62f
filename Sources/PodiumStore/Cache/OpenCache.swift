#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// A disposable, machine-local copy of one large collection in binary form, so that a big
/// workspace opens without parsing every JSON file.
///
/// Each entry keeps the stamp (inode, size, modification time) of the file it came from;
/// an entry is used only while its file still has that stamp and was last modified well
/// before the cache was written (so an in-place edit within the same clock tick cannot
/// hide). Anything else is read from its JSON file. A missing, old-format or damaged cache
/// is simply not used. The JSON files stay the only source of truth.
struct OpenCache<Record: CacheableRecord> {
    let path: String

    /// Collections smaller than this are read from JSON alone: the cache would not pay.
    static var minimumRecords: Int { 2_000 }
    /// Files modified this close to the cache's writing are not trusted from it.
    static var racyWindow: Int64 { 2_000_000_000 }

    private static var magic: [UInt8] { Array("podium-open-cache\n".utf8) }
    private static var format: UInt32 { UInt32(1_000 + Record.cacheFormat) }

    struct Entry {
        var stamp: FileStamp
        var record: Record
    }

    /// The cached entries by file name, or nil when there is no usable cache.
    func load() -> [String: Entry]? {
        guard let (data, _) = try? POSIX.readFile(path), data.count > Self.magic.count else { return nil }
        return data.withUnsafeBytes { buffer -> [String: Entry]? in
            var reader = BinaryReader(buffer)
            do {
                for byte in Self.magic where try reader.integer(UInt8.self) != byte { return nil }
                guard try reader.integer(UInt32.self) == Self.format else { return nil }
                let writtenAt = try reader.integer(Int64.self)
                let count = Int(try reader.integer(UInt32.self))
                var entries: [String: Entry] = [:]
                // A damaged count must not ask for a terabyte: an entry takes 8 bytes at least.
                guard count <= data.count / 8 else { return nil }
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let name = try reader.string()
                    let stamp = try reader.stamp()
                    let record = try Record(from: &reader)
                    if stamp.modifiedNanoseconds < writtenAt - Self.racyWindow {
                        entries[name] = Entry(stamp: stamp, record: record)
                    }
                }
                return reader.isAtEnd ? entries : nil
            } catch {
                return nil
            }
        }
    }

    /// Writes the cache for `files` (file name, its stamp, its record).
    func save(_ files: [(name: String, stamp: FileStamp, record: Record)]) throws {
        var writer = BinaryWriter()
        for byte in Self.magic { writer.integer(byte) }
        writer.integer(Self.format)
        writer.integer(Int64(Date().timeIntervalSince1970 * 1e9))
        writer.integer(UInt32(files.count))
        for file in files {
            writer.string(file.name)
            writer.stamp(file.stamp)
            file.record.write(to: &writer)
        }
        try POSIX.makeDirectory((path as NSString).deletingLastPathComponent)
        try AtomicFile.write(Data(writer.bytes), to: path, durable: false)
    }
}

/// Stamps of many files in one folder, read in parallel; nil where a file is gone.
func stampFiles(_ names: [String], in folder: String) -> [FileStamp?] {
    let folderFD = (try? POSIX.openFile(folder, O_RDONLY | O_DIRECTORY)) ?? -1
    defer { if folderFD >= 0 { _ = close(folderFD) } }
    let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
    let size = (names.count + chunks - 1) / chunks
    let results = ResultSlots<[FileStamp?]>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let range = (chunk * size)..<min(names.count, (chunk + 1) * size)
        guard !range.isEmpty else { return }
        results.set(chunk, range.map { index -> FileStamp? in
            var info = stat()
            let found = names[index].withCString { name in
                folderFD >= 0 ? fstatat(folderFD, name, &info, AT_SYMLINK_NOFOLLOW) : stat(folder + "/" + names[index], &info)
            }
            return found == 0 ? FileStamp(info) : nil
        })
    }
    return results.values().flatMap { $0 }
}
