import Foundation
import PodiumCore

/// One record's identity as an import checks new rows against it, without the record.
public struct RecordKey: Sendable, Hashable {
    /// The record's file name in its collection folder.
    public var file: String
    /// A digest of its duplicate key (stable across processes; see `DuplicateKey.stableDigest`).
    public var digest: UInt64
    /// Its id in the tool it came from (a ticket id), when it has one.
    public var externalID: String?

    public init(file: String, digest: UInt64, externalID: String?) {
        self.file = file
        self.digest = digest
        self.externalID = externalID
    }
}

/// A disposable, machine-local file of every record's `RecordKey` in one collection, each
/// with the stamp of the file it was computed from, so that an import into 100,000 items
/// reads a few megabytes instead of every record.
///
/// Like `OpenCache`, an entry counts only while its file still has that stamp and was last
/// modified well before the index was written; anything else is computed again from the
/// file. The JSON files stay the only source of truth: a missing or damaged index is
/// rebuilt from them. `format` names how the key is made, so a change of key is a new file.
struct KeyIndexFile {
    let path: String
    let format: String

    private static var magic: [UInt8] { Array("podium-key-index\n".utf8) }
    private static var version: UInt32 { 1 }

    struct Entry {
        var stamp: FileStamp
        var key: RecordKey
    }

    /// The entries that may be trusted, by file name; empty when there is no usable index.
    func load() -> [String: Entry] {
        guard let (data, _) = try? POSIX.readFile(path), data.count > Self.magic.count else { return [:] }
        return data.withUnsafeBytes { buffer -> [String: Entry] in
            var reader = BinaryReader(buffer)
            do {
                for byte in Self.magic where try reader.integer(UInt8.self) != byte { return [:] }
                guard try reader.integer(UInt32.self) == Self.version, try reader.string() == format else { return [:] }
                let writtenAt = try reader.integer(Int64.self)
                let count = Int(try reader.integer(UInt32.self))
                guard count <= data.count / 8 else { return [:] }
                var entries: [String: Entry] = [:]
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let name = try reader.string()
                    let stamp = try reader.stamp()
                    let digest = try reader.integer(UInt64.self)
                    let externalID = try reader.optional { try $0.string() }
                    if stamp.modifiedNanoseconds < writtenAt - OpenCache<FeedbackItem>.racyWindow {
                        entries[name] = Entry(stamp: stamp, key: RecordKey(file: name, digest: digest, externalID: externalID))
                    }
                }
                return reader.isAtEnd ? entries : [:]
            } catch {
                return [:]
            }
        }
    }

    func save(_ entries: [Entry]) throws {
        var writer = BinaryWriter()
        for byte in Self.magic { writer.integer(byte) }
        writer.integer(Self.version)
        writer.string(format)
        writer.integer(Int64(Date().timeIntervalSince1970 * 1e9))
        writer.integer(UInt32(entries.count))
        for entry in entries {
            writer.string(entry.key.file)
            writer.stamp(entry.stamp)
            writer.integer(entry.key.digest)
            writer.optional(entry.key.externalID) { $0.string($1) }
        }
        try POSIX.makeDirectory((path as NSString).deletingLastPathComponent)
        try AtomicFile.write(Data(writer.bytes), to: path, durable: false)
    }
}
