import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What every harness shares: the input as bytes, a scratch folder of its own, and a way
/// to stop on a broken promise so that libFuzzer keeps the input as a crash.
public enum Fuzz {
    /// The input libFuzzer passes, copied into an array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A folder for this process's files, inside `$TMPDIR` (scripts/fuzz.sh gives each run a
    /// fresh one, in memory under /dev/shm where there is one, and removes it after); the
    /// process removes it too when it ends normally. Harnesses write nowhere else.
    public static let scratch: URL = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let folder = URL(fileURLWithPath: base).appendingPathComponent("podium-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Removed when the process ends normally (a crash leaves it for a look).
        atexit { try? FileManager.default.removeItem(at: Fuzz.scratch) }
        return folder
    }()

    /// A subfolder of the scratch folder, created when missing.
    public static func folder(_ name: String) -> URL {
        let folder = scratch.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `bytes` to `name` in `folder`, replacing what was there. A plain write, without
    /// the temporary file and flush of Foundation's atomic writes (which cost most of an
    /// execution's time).
    @discardableResult
    public static func write(_ bytes: [UInt8], named name: String, in folder: URL) -> URL {
        let file = folder.appendingPathComponent(name)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { fatalError("fuzz harness: cannot write \(file.path) (errno \(errno))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { fatalError("fuzz harness: cannot write \(file.path) (errno \(errno))") }
            written += count
        }
        return file
    }

    /// Stops the process (libFuzzer saves the input as a crash) when a promise the code
    /// makes does not hold.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        guard !condition() else { return }
        FileHandle.standardError.write(Data("fuzz harness: broken promise at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}
