import Foundation
import TOMLKit

/// Reads config.toml into the same JSON object config.json gives, in a child process.
///
/// The TOML parser TOMLKit bundles (toml++) stops the whole process on an assertion for
/// some malformed files (`[{`, `d=[}`, found by fuzzing: about 90 such assertions, live in
/// release builds too), where a bad config must get a warning and the defaults. So the
/// parse runs in a child — this same executable, started with `childFlag` — that prints the
/// document as JSON; a child that dies is a file the parser could not read, and says so.
enum TOMLReader {
    /// The first argument that makes `podium` a TOML-to-JSON child (not a user command).
    static let childFlag = "--podium-internal-read-toml"

    /// Why a file could not be read: where, when the parser said.
    struct Failure: Error {
        var line: Int?
        var column: Int?
        var message: String
    }

    /// The TOML `text` as a JSON document's text.
    static func json(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = [childFlag]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        // A child that crashes prints no crash report over the terminal.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationReason == .exit && process.terminationStatus == 0 { return String(decoding: json, as: UTF8.self) }
        if process.terminationReason == .exit, process.terminationStatus == 2 {
            // "LINE COLUMN message" from the child.
            let parts = said.split(separator: " ", maxSplits: 2).map(String.init)
            if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) {
                throw Failure(line: line, column: column, message: parts[2].trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        throw Failure(message: "not valid TOML: the parser gave up on it (look for an unclosed [ or {, or a key without a value)")
    }

    /// The child's side: TOML on standard input, JSON on standard output; a parse error as
    /// "LINE COLUMN message" on standard error with exit status 2.
    static func runChild() -> Never {
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        do {
            let table = try TOMLTable(string: text)
            FileHandle.standardOutput.write(Data(table.convert(to: .json).utf8))
            exit(0)
        } catch let error as TOMLParseError {
            FileHandle.standardError.write(Data("\(error.source.begin.line) \(error.source.begin.column) \(error.description)".utf8))
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("0 0 \(error)".utf8))
            exit(2)
        }
    }
}
