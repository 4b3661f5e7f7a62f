#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An append-only list of the files each transaction changed, so that other processes
/// sharing the workspace can reload exactly those files.
///
/// Writers append under the exclusive lock after their changes are on disk; readers
/// remember how far they have read. When the feed grows past `rotationSize` a writer
/// starts a new one (a new inode): readers notice and fall back to a full comparison
/// of file stamps. The feed is a hint for live processes, not a source of truth, so it
/// is not flushed to disk.
struct ChangeFeed {
    let path: String
    static let rotationSize: Int64 = 1 << 20

    /// How far a reader has read: which file (inode) and up to which byte.
    struct Position: Hashable, Sendable {
        var inode: UInt64
        var offset: Int64
    }

    /// The end of the feed as it is now (nil when it does not exist yet).
    func end() -> Position? {
        POSIX.stamp(path).map { Position(inode: $0.inode, offset: $0.size) }
    }

    /// What a reader at `position` has not seen yet.
    enum Unseen {
        /// These relative paths changed; read up to `next`.
        case paths(Set<String>, next: Position?)
        /// The feed was replaced or shortened: compare every file's stamp instead.
        case unknown(next: Position?)
    }

    /// Reads the lines appended since `position` (only those bytes are read).
    func unseen(since position: Position?) throws -> Unseen {
        let fd: Int32
        do {
            fd = try POSIX.openFile(path, O_RDONLY)
        } catch StoreError.io(_, _, let code) where code == ENOENT {
            return position == nil ? .paths([], next: nil) : .unknown(next: nil)
        }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(path: path, operation: "stat", errno: errno) }
        let stamp = FileStamp(info)
        guard let position, position.inode == stamp.inode, position.offset <= stamp.size else {
            return .unknown(next: Position(inode: stamp.inode, offset: stamp.size))
        }
        guard stamp.size > position.offset else { return .paths([], next: position) }
        guard lseek(fd, off_t(position.offset), SEEK_SET) >= 0 else {
            throw StoreError.io(path: path, operation: "seek", errno: errno)
        }
        let tail = try POSIX.readAll(fd, expected: Int(stamp.size - position.offset), path: path)
        guard let lastNewline = tail.lastIndex(of: 0x0A) else { return .paths([], next: position) }
        let complete = tail[tail.startIndex...lastNewline]
        let lines = String(decoding: complete, as: UTF8.self).split(separator: "\n").map(String.init)
        let next = Position(inode: stamp.inode, offset: position.offset + Int64(lastNewline - tail.startIndex + 1))
        return .paths(Set(lines), next: next)
    }

    /// Appends the paths one transaction changed. Call with the exclusive lock held.
    func append(_ relativePaths: [String]) throws -> Position? {
        if let stamp = POSIX.stamp(path), stamp.size > Self.rotationSize {
            try AtomicFile.write(Data(), to: path, durable: false)
        }
        let fd = try POSIX.openFile(path, O_WRONLY | O_CREAT | O_APPEND, mode: 0o600)
        defer { _ = close(fd) }
        let text = relativePaths.map { $0 + "\n" }.joined()
        try POSIX.writeAll(fd, Data(text.utf8), path: path)
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let stamp = FileStamp(info)
        return Position(inode: stamp.inode, offset: stamp.size)
    }
}
