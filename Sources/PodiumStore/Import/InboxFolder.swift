import Foundation
import PodiumCore

/// A folder whose dropped files are imported as feedback: each imported file moves to
/// `done/`, each file that cannot be imported to `failed/` with `NAME.reason` beside it.
///
/// A file is taken only once it has settled: its size and modification time are the same
/// as at the previous check and it has not changed for `settleTime`, so a file still being
/// written or copied is left alone. Hidden files and partial downloads (`.part`, `.tmp`,
/// `.crdownload`, `~`) are never taken.
public final class InboxFolder {
    /// What became of one file.
    public struct Outcome: Sendable {
        public var file: String
        /// The import's report, when the file was imported.
        public var report: ImportReport?
        /// Why it failed, when it did.
        public var failure: String?
        /// Where the file is now.
        public var movedTo: String

        /// One line for the terminal and the dashboard.
        public var summary: String {
            if let report { return report.summary + " (moved to done/)" }
            return "\(file) could not be imported: \(failure ?? "unknown error") (moved to failed/, see \((file as NSString).lastPathComponent).reason)"
        }
    }

    public let folder: URL
    /// How long a file must stay unchanged before it is taken.
    public var settleTime: TimeInterval
    private var lastSeen: [String: FileStamp] = [:]

    public init(folder: URL, settleTime: TimeInterval = 1) {
        self.folder = folder.standardizedFileURL
        self.settleTime = settleTime
    }

    public var doneFolder: URL { folder.appendingPathComponent("done", isDirectory: true) }
    public var failedFolder: URL { folder.appendingPathComponent("failed", isDirectory: true) }

    /// Creates the folder and its `done/` and `failed/` folders when missing.
    public func prepare() throws {
        for path in [folder.path, doneFolder.path, failedFolder.path] {
            do { try POSIX.makeDirectory(path) } catch {
                throw ImportError.unreadable(file: path, reason: "the inbox folder cannot be made: \(error)")
            }
        }
    }

    /// Imports every settled file into `store`, oldest first, and moves it aside.
    public func check(into store: WorkspaceStore, now: Date = Date()) throws -> [Outcome] {
        let names = (try? POSIX.listDirectory(folder.path)) ?? nil
        guard let names else { return [] }
        var seen: [String: FileStamp] = [:]
        var ready: [(String, FileStamp)] = []
        for name in names.sorted() where Self.isCandidate(name) {
            let path = folder.appendingPathComponent(name).path
            guard let stamp = POSIX.stamp(path), Self.isRegularFile(path) else { continue }
            seen[name] = stamp
            let modified = Date(timeIntervalSince1970: Double(stamp.modifiedNanoseconds) / 1e9)
            if lastSeen[name] == stamp && now.timeIntervalSince(modified) >= settleTime { ready.append((name, stamp)) }
        }
        lastSeen = seen
        var outcomes: [Outcome] = []
        for (name, _) in ready.sorted(by: { $0.1.modifiedNanoseconds < $1.1.modifiedNanoseconds }) {
            lastSeen[name] = nil
            outcomes.append(try take(name, into: store))
        }
        return outcomes
    }

    private func take(_ name: String, into store: WorkspaceStore) throws -> Outcome {
        let source = folder.appendingPathComponent(name)
        do {
            let report = try FeedbackImporter.importFile(at: source, into: store, options: FeedbackImportOptions())
            let target = try move(source, to: doneFolder)
            return Outcome(file: name, report: report, failure: nil, movedTo: target.path)
        } catch let error as ImportError {
            let target = try move(source, to: failedFolder)
            let reason = error.description + "\n\nFix the file and drop it in the inbox again, or import it with podium import feedback "
                + "(--map COLUMN=FIELD, --encoding, --date-format; podium import feedback --help).\n"
            try AtomicFile.write(Data(reason.utf8), to: target.path + ".reason", durable: false)
            return Outcome(file: name, report: nil, failure: error.description, movedTo: target.path)
        }
    }

    /// Moves `file` into `folder` under its name, or "name-2.csv"… when that is taken.
    private func move(_ file: URL, to folder: URL) throws -> URL {
        try prepare()
        let name = file.lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var target = folder.appendingPathComponent(name)
        var number = 2
        while FileManager.default.fileExists(atPath: target.path) || FileManager.default.fileExists(atPath: target.path + ".reason") {
            target = folder.appendingPathComponent(ext.isEmpty ? "\(stem)-\(number)" : "\(stem)-\(number).\(ext)")
            number += 1
        }
        guard rename(file.path, target.path) == 0 else {
            throw ImportError.unreadable(file: file.path, reason: "could not be moved to \(target.path): \(String(cString: strerror(errno)))")
        }
        return target
    }

    /// Whether a name can be a dropped file (not hidden, not a partial download, not a report).
    static func isCandidate(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.hasSuffix("~") else { return false }
        let skipped = [".part", ".tmp", ".crdownload", ".partial", ".reason", ".swp"]
        return !skipped.contains { name.lowercased().hasSuffix($0) }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
