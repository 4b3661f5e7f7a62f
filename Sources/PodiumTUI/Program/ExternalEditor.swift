import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens text in the user's editor ($VISUAL, then $EDITOR, then vi) and reads it back.
///
/// The text goes to a private temporary file (0600) that is removed afterwards. The
/// editor command runs through `/bin/sh`, so `EDITOR="code --wait"` works.
public enum ExternalEditor {
    /// Why editing did not happen.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The editor command to run.
    public static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Edits `text` in a file named `name` + `fileExtension` (the extension lets the editor
    /// colour it); returns the new text, or nil when the file was left unchanged.
    public static func edit(_ text: String, name: String, fileExtension: String = "md") throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podium-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(name).\(fileExtension)")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "could not write a temporary file for the editor in \(folder.path)")
        }
        let editor = command()
        let status = try run(["/bin/sh", "-c", editor + " \"$1\"", "podium-editor", file.path])
        guard status == 0 else {
            throw Failure(description: "the editor (\(editor)) exited with status \(status); nothing was changed")
        }
        let edited = try String(contentsOf: file, encoding: .utf8)
        return edited == text ? nil : edited
    }

    /// Runs a program in the foreground with this terminal and waits for it.
    private static func run(_ arguments: [String]) throws -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, arguments[0], nil, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "lost track of the editor: \(String(cString: strerror(errno)))") }
        }
        let exited = status & 0x7f == 0
        return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
