#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes files so that a crash at any moment leaves either the old or the new content.
///
/// The bytes go to a temporary file in the same folder (created 0600), which is flushed,
/// renamed over the target, and then the folder itself is flushed so the rename survives.
public enum AtomicFile {
    /// The prefix of temporary files; leftovers of a crashed writer are removed on open.
    static let temporaryPrefix = ".tmp-"

    /// Replaces the file at `path` with `data` durably.
    ///
    /// With `durable: false` the flushes are left to the journal's next checkpoint; the
    /// journal, flushed before any file is replaced, keeps the change safe meanwhile.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/" + temporaryPrefix + url.lastPathComponent + "-" + String(getpid())
            + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let fd = try POSIX.openFile(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        do {
            _ = fchmod(fd, 0o600)
            try POSIX.writeAll(fd, data, path: temporary)
            if durable { try POSIX.syncFile(fd, path: temporary) }
            _ = close(fd)
            try POSIX.renameFile(temporary, path)
        } catch {
            _ = close(fd)
            try? POSIX.removeFile(temporary)
            throw error
        }
        if durable { try POSIX.syncDirectory(folder) }
    }

    /// Whether `name` is a temporary file left by `write`.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(temporaryPrefix)
    }
}
