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

    /// Whether writers are kept out (shared) or everyone is (exclusive).
    enum Mode {
        case shared
        case exclusive

        var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    /// Runs `body` while holding the lock in `mode`, waiting for other holders first.
    func withLock<T>(_ mode: Mode, _ body: () throws -> T) throws -> T {
        let fd = try POSIX.openFile(path, O_RDWR | O_CREAT, mode: 0o600)
        defer { _ = close(fd) }
        while flock(fd, mode.operation) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(path: path, operation: "lock", errno: errno)
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
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
