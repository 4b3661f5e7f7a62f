#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The write-ahead journal: every transaction is appended and flushed here (one flush per
/// change, whatever its size) before its files are replaced, so a crash at any moment
/// leaves each transaction either whole or absent once the journal is replayed.
///
/// Layout of `.podium/journal`:
/// ```
/// podium-journal 1 <boot id>\n            (header, written with the first record)
/// T <length> <fnv1a64 hex>\n<payload>\n  (a transaction: JSON of its file writes)
/// A\n                                    (its files are in place)
/// ```
/// Within one boot of the machine, files replaced without a flush are still in the page
/// cache, so only a last transaction without its `A` needs replaying (its writer died part
/// way). After a reboot, anything since the last checkpoint may be lost from the page
/// cache, so every transaction is replayed. A checkpoint flushes the file system and
/// empties the journal; it happens when the journal passes `checkpointSize`.
struct Journal {
    let path: String
    static let checkpointSize = 1 << 20
    private static let headerPrefix = "podium-journal 1 "

    /// One file the transaction writes (`content`) or removes (`content == nil`).
    struct Entry: Codable, Equatable {
        var path: String
        var content: String?
        /// The stamp of the file this transaction replaces, as its writer last saw it
        /// (nil: the writer knew of no file). Replay only touches files Podium knew.
        var previous: Stamp?
    }

    /// A file stamp in a form that survives being written down.
    struct Stamp: Codable, Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Int64

        init(_ stamp: FileStamp) {
            inode = stamp.inode
            size = stamp.size
            modified = stamp.modifiedNanoseconds
        }

        func matches(_ stamp: FileStamp?) -> Bool {
            guard let stamp else { return false }
            return stamp.inode == inode && stamp.size == size && stamp.modifiedNanoseconds == modified
        }
    }

    /// A parsed transaction record.
    struct Record: Equatable {
        var entries: [Entry]
        var applied: Bool
    }

    // MARK: Writing (exclusive lock held)

    /// Appends a transaction and flushes it to stable storage.
    func append(_ entries: [Entry]) throws {
        let payload = try JSONEncoder().encode(entries)
        let fd = try POSIX.openFile(path, O_RDWR | O_CREAT | O_APPEND, mode: 0o600)
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(path: path, operation: "stat", errno: errno) }
        var bytes = Data()
        if info.st_size == 0 { bytes.append(contentsOf: (Self.headerPrefix + BootIdentity.current + "\n").utf8) }
        bytes.append(contentsOf: "T \(payload.count) \(String(Self.checksum(payload), radix: 16))\n".utf8)
        bytes.append(payload)
        bytes.append(0x0A)
        do {
            try POSIX.writeAll(fd, bytes, path: path)
            try POSIX.syncData(fd, path: path)
        } catch {
            // A part-written transaction (a full disk) is cut off, so the next one starts
            // on a clean line; the transaction never happened.
            _ = ftruncate(fd, info.st_size)
            throw error
        }
    }

    /// Marks the last transaction as applied (no flush: see the type's description).
    func markApplied() throws -> Int64 {
        let fd = try POSIX.openFile(path, O_WRONLY | O_APPEND, mode: 0o600)
        defer { _ = close(fd) }
        try POSIX.writeAll(fd, Data("A\n".utf8), path: path)
        var info = stat()
        return fstat(fd, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Up to this many files, a checkpoint flushes them one by one; beyond, the whole file
    /// system at once (a large import).
    static let perFileFlushLimit = 512

    /// Makes every file the journal replaced durable, then empties the journal.
    ///
    /// The journal names those files, so a checkpoint flushes just them and their folders,
    /// and does not wait for unrelated writes of other programs on the same disk.
    func checkpoint(root: String) throws {
        let paths = Set(try read(PathOnly.self).records.flatMap { $0.entries.map(\.path) })
        if paths.count > Self.perFileFlushLimit {
            try POSIX.syncFileSystem(containing: root)
        } else {
            var folders = Set<String>()
            for path in paths {
                let full = root + "/" + path
                folders.insert((full as NSString).deletingLastPathComponent)
                guard let fd = try? POSIX.openFile(full, O_RDONLY) else { continue }  // removed since
                defer { _ = close(fd) }
                try POSIX.syncFile(fd, path: full)
            }
            for folder in folders.sorted() { try POSIX.syncDirectory(folder) }
        }
        let fd = try POSIX.openFile(path, O_WRONLY | O_CREAT, mode: 0o600)
        defer { _ = close(fd) }
        guard ftruncate(fd, 0) == 0 else { throw StoreError.io(path: path, operation: "truncate", errno: errno) }
        try POSIX.syncFile(fd, path: path)
    }

    // MARK: Reading

    /// Whether the journal may hold a transaction whose files are not all in place:
    /// it is non-empty and either ends without an `A` or comes from another boot.
    func needsRecovery() throws -> Bool {
        guard let stamp = POSIX.stamp(path), stamp.size > 0 else { return false }
        let fd = try POSIX.openFile(path, O_RDONLY)
        defer { _ = close(fd) }
        let headerBytes = try POSIX.readAll(fd, expected: min(Int(stamp.size), 128), path: path)
        let header = String(decoding: headerBytes.prefix { $0 != 0x0A }, as: UTF8.self)
        guard header == Self.headerPrefix + BootIdentity.current, stamp.size >= 3 else { return true }
        guard lseek(fd, off_t(stamp.size - 3), SEEK_SET) >= 0 else { return true }
        let tail = try POSIX.readAll(fd, expected: 3, path: path)
        return tail != Data("\nA\n".utf8)
    }

    /// Reads the journal: its boot identity and its complete transactions (a torn last
    /// record, whose flush never finished, is left out).
    func read() throws -> (boot: String?, records: [Record]) {
        let (boot, records) = try read(Entry.self)
        return (boot, records.map { Record(entries: $0.entries, applied: $0.applied) })
    }

    /// A journal entry's path alone: what a checkpoint needs, without the files' contents.
    private struct PathOnly: Decodable {
        var path: String
    }

    /// The journal's transactions with their entries read as `Item`.
    private func read<Item: Decodable>(_ item: Item.Type) throws -> (boot: String?, records: [(entries: [Item], applied: Bool)]) {
        guard let (data, _) = try POSIX.readFile(path), !data.isEmpty else { return (nil, []) }
        let bytes = [UInt8](data)
        var index = 0
        func line() -> String? {
            guard let end = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            defer { index = end + 1 }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        }
        guard let header = line(), header.hasPrefix(Self.headerPrefix) else { return (nil, []) }
        let boot = String(header.dropFirst(Self.headerPrefix.count))
        var records: [(entries: [Item], applied: Bool)] = []
        while index < bytes.count, let marker = line() {
            if marker == "A" {
                if !records.isEmpty { records[records.count - 1].applied = true }
                continue
            }
            let parts = marker.split(separator: " ")
            guard parts.count == 3, parts[0] == "T", let length = Int(parts[1]), let sum = UInt64(parts[2], radix: 16),
                  index + length < bytes.count, bytes[index + length] == 0x0A else { break }
            let payload = Data(bytes[index..<(index + length)])
            guard Self.checksum(payload) == sum, let entries = try? JSONDecoder().decode([Item].self, from: payload) else { break }
            records.append((entries, false))
            index += length + 1
        }
        return (boot, records)
    }

    /// FNV-1a, 64 bits: enough to tell a torn record from a whole one.
    static func checksum(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }
}

/// Identifies the current boot of the machine, so the journal knows whether the page
/// cache it relied on survived.
public enum BootIdentity {
    public static let current: String = {
        #if os(Linux)
        if let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #elseif canImport(Darwin)
        var time = timeval()
        var size = MemoryLayout<timeval>.size
        if sysctlbyname("kern.boottime", &time, &size, nil, 0) == 0 { return "boottime-\(time.tv_sec)-\(time.tv_usec)" }
        #endif
        // Unknown: a fresh value per process makes every open replay the journal (safe, slower).
        return "unknown-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }()
}
