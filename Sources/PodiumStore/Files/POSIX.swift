#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CPodiumSystem

/// Thin, throwing wrappers over the POSIX calls the store relies on for durability.
/// The few that other targets use (the inbox folder) are public.
public enum POSIX {
    /// Opens `path`, retrying on EINTR, and throws a `StoreError.io` naming the path on failure.
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws -> Int32 {
        while true {
            let fd = path.withCString { open($0, flags | O_CLOEXEC, mode) }
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw StoreError.io(path: path, operation: "open", errno: errno)
        }
    }

    /// Writes all of `data` to `fd`.
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io(path: path, operation: "write", errno: errno)
                }
                remaining -= written
                pointer += written
            }
        }
    }

    /// Reads the whole file at `path`; nil when it does not exist.
    ///
    /// Record files are only ever replaced by rename, never appended to, so the size
    /// from `fstat` is the size to read.
    static func readFile(_ path: String) throws -> (Data, FileStamp)? {
        let fd: Int32
        do {
            fd = try openFile(path, O_RDONLY)
        } catch StoreError.io(_, _, let code) where code == ENOENT {
            return nil
        }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(path: path, operation: "stat", errno: errno) }
        let data = try readAll(fd, expected: Int(info.st_size), path: path)
        return (data, FileStamp(info))
    }

    /// Reads the file `name` inside the open folder `folder`; nil when it does not exist.
    /// Opening relative to the folder skips the path walk for each of many files.
    static func readFile(named name: String, in folder: Int32, folderPath: String) throws -> (Data, FileStamp)? {
        let fd = name.withCString { openat(folder, $0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw StoreError.io(path: folderPath + "/" + name, operation: "open", errno: errno)
        }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(path: folderPath + "/" + name, operation: "stat", errno: errno) }
        return (try readAll(fd, expected: Int(info.st_size), path: folderPath + "/" + name), FileStamp(info))
    }

    /// Reads `size` bytes from `fd`'s current offset (fewer if the file is shorter).
    static func readAll(_ fd: Int32, expected size: Int, path: String) throws -> Data {
        var data = Data(count: size)
        var filled = 0
        while filled < size {
            let count = data.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path: path, operation: "read", errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return data
    }

    /// Flushes `fd` to stable storage.
    static func syncFile(_ fd: Int32, path: String) throws {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(path: path, operation: "fsync", errno: errno)
        }
    }

    /// Flushes `fd`'s data (and the size needed to read it back) to stable storage.
    static func syncData(_ fd: Int32, path: String) throws {
        #if canImport(Darwin)
        try syncFile(fd, path: path)
        #else
        while fdatasync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(path: path, operation: "fdatasync", errno: errno)
        }
        #endif
    }

    /// Flushes a directory's entries (names created, renamed or removed) to stable storage.
    static func syncDirectory(_ path: String) throws {
        let fd = try openFile(path, O_RDONLY | O_DIRECTORY)
        defer { _ = close(fd) }
        try syncFile(fd, path: path)
    }

    static func renameFile(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else { throw StoreError.io(path: to, operation: "rename", errno: errno) }
    }

    /// Removes a file; a file that is already gone is not an error.
    static func removeFile(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw StoreError.io(path: path, operation: "remove", errno: errno)
        }
    }

    /// Creates a directory with mode 0700 (and its parents); an existing one is kept.
    public static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o700) == 0 { return }
        switch errno {
        case EEXIST: return
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { break }
            try makeDirectory(parent)
            if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        default: break
        }
        throw StoreError.io(path: path, operation: "create folder", errno: errno)
    }

    /// Why `path` cannot be written (a read-only mount, no permission), or nil when it can.
    public static func unwritableReason(_ path: String) -> String? {
        guard access(path, W_OK) != 0 else { return nil }
        switch errno {
        case EROFS: return "it is on a read-only file system"
        case EACCES, EPERM: return "this user may not write to it"
        default: return nil
        }
    }

    /// The stamp of `path`, or nil when it does not exist.
    public static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Names in a directory (no "." or ".."); nil when the directory does not exist.
    public static func listDirectory(_ path: String) throws -> [String]? {
        guard let directory = opendir(path) else {
            if errno == ENOENT { return nil }
            throw StoreError.io(path: path, operation: "list", errno: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether some entry of a directory satisfies `test`, which sees each name as C text
    /// (no String is made per entry: a folder of 100,000 records is scanned in milliseconds).
    /// Stops at the first that does; false when the directory cannot be read.
    static func anyEntry(in path: String, _ test: (UnsafePointer<CChar>) -> Bool) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let found = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { test($0) }
            }
            if found { return true }
        }
        return false
    }

    /// How many entries a directory holds, counting no further than `limit`.
    static func countEntries(in path: String, upTo limit: Int) -> Int {
        var count = 0
        _ = anyEntry(in: path) { name in
            if !(name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))) { count += 1 }
            return count >= limit
        }
        return count
    }

    /// Flushes the whole file system holding `path` (one call for a batch of writes).
    static func syncFileSystem(containing path: String) throws {
        let fd = try openFile(path, O_RDONLY | O_DIRECTORY)
        defer { _ = close(fd) }
        guard podium_syncfs(fd) == 0 else { throw StoreError.io(path: path, operation: "sync", errno: errno) }
    }

    static func setMode(_ path: String, _ mode: mode_t) {
        _ = chmod(path, mode)
    }

    /// A human-readable text for an errno value.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Identity and version of a file on disk: a changed stamp means the file was replaced or edited.
public struct FileStamp: Hashable, Sendable {
    var inode: UInt64
    /// The file's size in bytes.
    public internal(set) var size: Int64
    /// When the file was last modified, in nanoseconds since 1970.
    public internal(set) var modifiedNanoseconds: Int64

    init(inode: UInt64, size: Int64, modifiedNanoseconds: Int64) {
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ info: stat) {
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
