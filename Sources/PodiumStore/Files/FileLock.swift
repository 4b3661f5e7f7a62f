#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An advisory `flock` on a lock file, held only for the length of one transaction.
///
/// The kernel drops the lock when its process dies, so a `kill -9`ed writer never
/// leaves a stale lock behind.
struct FileLock: Sendable {
    let path: String
    /// A workspace open read-only takes only shared locks, on the lock file as it is (it
    /// cannot be created there); without one, readers go unlocked, as no one can write.
    var readOnly = false

    /// Whether writers are kept out (shared) or everyone is (exclusive).
    enum Mode {
        case shared
        case exclusive

        var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    /// Runs `body` while holding the lock in `mode`, waiting for other holders first.
    func withLock<T>(_ mode: Mode, _ body: () throws -> T) throws -> T {
        if readOnly {
            guard let fd = try? POSIX.openFile(path, O_RDONLY) else { return try body() }
            defer { _ = close(fd) }
            while flock(fd, LOCK_SH) != 0 {
                if errno == EINTR { continue }
                return try body()  // a file system without locks: nothing writes it anyway
            }
            defer { _ = flock(fd, LOCK_UN) }
            return try body()
        }
        let fd = try POSIX.openFile(path, O_RDWR | O_CREAT, mode: 0o600)
        defer { _ = close(fd) }
        while flock(fd, mode.operation) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(path: path, operation: "lock", errno: errno)
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }

    /// Why the lock file cannot be opened for writing (a read-only mount, no permission),
    /// or nil when it can: then the workspace can be written.
    func unwritableReason() -> String? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            _ = close(fd)
            return nil
        }
        switch errno {
        case EROFS: return "it is on a read-only file system"
        case EACCES, EPERM: return "this user may not write to it"
        default: return nil  // anything else is reported by the write that meets it
        }
    }

    /// Whether the lock could be taken exclusively right now (used by tests and diagnostics).
    func isFree() -> Bool {
        guard let fd = try? POSIX.openFile(path, O_RDWR | O_CREAT, mode: 0o600) else { return false }
        defer { _ = close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        _ = flock(fd, LOCK_UN)
        return true
    }
}
