import Foundation
import PodiumCore
import PodiumStore

/// A folder whose dropped files are imported as feedback: each imported file moves to
/// `done/`, each file that cannot be imported to `failed/` with `NAME.reason` beside it.
///
/// A file is taken only once it has settled: its size and modification time are the same
/// as at the previous check and it has not changed for `settleTime`, so a file still being
/// written or copied is left alone. Only the files the importer reads are taken (`.csv`,
/// `.tsv`, `.txt`, `.json`, `.jsonl`, `.ndjson`); hidden files and partial downloads never.
///
/// Several processes may watch one folder (the dashboard and `podium watch`): a file is
/// claimed by renaming it into `.taking/PID/` first, so only one of them imports it, and no
/// move ever replaces a file already in `done/` or `failed/`.
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
            let place = (movedTo as NSString).lastPathComponent
            if let report {
                let inDone = (movedTo as NSString).deletingLastPathComponent.hasSuffix("/done")
                return report.summary + (inDone ? " (moved to done/\(place))" : " (could not be moved to done/: it is in \(movedTo))")
            }
            return "\(file) could not be imported: \(reason) (moved to failed/\(place); failed/\(place).reason says why)"
        }

        /// The failure without the file's name it starts with ("line 3: not valid JSON").
        private var reason: String {
            guard let failure else { return "unknown error" }
            guard failure.hasPrefix(file + ":") else { return failure }
            let rest = failure.dropFirst(file.count + 1)
            if let line = rest.firstMatch(of: /^(\d+):\s*/) { return "line \(line.1): " + rest[line.range.upperBound...] }
            return rest.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Who its imports are in the audit log ("auto: inbox").
    public static let auditName = "inbox"

    /// The extensions of files the inbox takes.
    public static let extensions: Set<String> = ["csv", "tsv", "txt", "json", "jsonl", "ndjson"]

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
    private var takingFolder: URL { folder.appendingPathComponent(".taking", isDirectory: true) }

    /// The inbox's folder inside a workspace, the one folder there an inbox may be.
    public static let workspaceFolderName = "inbox"

    /// Why `folder` must not be an inbox (files there would be moved away), or nil: the
    /// workspace itself, a folder holding it or inside it (but its `inbox/`), the home
    /// folder, the file system's root.
    public static func unsafeReason(_ folder: URL, workspace: URL, home: String?) -> String? {
        let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let root = workspace.standardizedFileURL.resolvingSymlinksInPath().path
        if path == "/" { return "the inbox cannot be the root folder" }
        if let home, path == URL(fileURLWithPath: home).standardizedFileURL.resolvingSymlinksInPath().path {
            return "the inbox cannot be the home folder: its files would be moved into done/ and failed/"
        }
        if path == root || root.hasPrefix(path + "/") {
            return "the inbox cannot be the workspace or a folder holding it: its own files would be moved away (use \(root)/inbox)"
        }
        if path.hasPrefix(root + "/"), path != root + "/" + Self.workspaceFolderName {
            return "the inbox cannot be a folder inside the workspace other than inbox/: its records would be moved away (use \(root)/inbox)"
        }
        if FileManager.default.fileExists(atPath: path + "/workspace.json") {
            return "\(path) is a Podium workspace, not an inbox folder"
        }
        return nil
    }

    /// Creates the folder, its `done/` and `failed/` folders, and an `inbox/.gitignore`
    /// that keeps the dropped exports out of git; puts back files a stopped process had claimed.
    public func prepare() throws {
        for path in [folder.path, doneFolder.path, failedFolder.path, takingFolder.path] {
            do { try POSIX.makeDirectory(path) } catch {
                throw ImportError.unreadable(file: path, reason: "the inbox folder cannot be made: \(error)")
            }
        }
        let ignore = folder.appendingPathComponent(".gitignore").path
        if !FileManager.default.fileExists(atPath: ignore) {
            try? AtomicFile.write(Data("# Podium's inbox: dropped exports stay out of git.\n*\n".utf8), to: ignore, durable: false)
        }
        returnDeadClaims()
    }

    /// Puts back files that a process which stopped (on this machine) had claimed. Each is
    /// first renamed into this process's own claim folder, which only one process can do,
    /// so two processes finding the same dead claim return its files once.
    private func returnDeadClaims() {
        let mine = takingFolder.appendingPathComponent(Claimant.current.folderName)
        for owner in (try? POSIX.listDirectory(takingFolder.path)) ?? [] where owner != Claimant.current.folderName {
            guard let claimant = Claimant(folderName: owner), claimant.hasStopped else { continue }
            let claimed = takingFolder.appendingPathComponent(owner)
            try? POSIX.makeDirectory(mine.path)
            for name in (try? POSIX.listDirectory(claimed.path)) ?? [] {
                let taken = mine.appendingPathComponent(name)
                guard !FileManager.default.fileExists(atPath: taken.path),
                      rename(claimed.appendingPathComponent(name).path, taken.path) == 0 else { continue }
                _ = try? Self.moveKeepingBoth(taken, into: folder)
            }
            rmdir(claimed.path)
        }
        rmdir(mine.path)  // only when empty
    }

    /// Imports every settled file into `store`, oldest first, and moves it aside.
    public func check(into store: WorkspaceStore, now: Date = Date()) throws -> [Outcome] {
        guard let names = (try? POSIX.listDirectory(folder.path)) ?? nil else { return [] }
        var seen: [String: FileStamp] = [:]
        var ready: [(String, FileStamp)] = []
        for name in names.sorted() where Self.isCandidate(name) {
            let path = folder.appendingPathComponent(name).path
            guard let stamp = POSIX.stamp(path), Self.isRegularFile(path) else { continue }  // not a folder or a pipe named x.csv
            seen[name] = stamp
            let modified = Date(timeIntervalSince1970: Double(stamp.modifiedNanoseconds) / 1e9)
            if lastSeen[name] == stamp && now.timeIntervalSince(modified) >= settleTime { ready.append((name, stamp)) }
        }
        lastSeen = seen
        var outcomes: [Outcome] = []
        defer { rmdir(takingFolder.appendingPathComponent(Claimant.current.folderName).path) }  // only when empty
        for (name, stamp) in ready.sorted(by: { $0.1.modifiedNanoseconds < $1.1.modifiedNanoseconds }) {
            lastSeen[name] = nil
            if let outcome = try take(name, settled: stamp, into: store) { outcomes.append(outcome) }
        }
        return outcomes
    }

    /// Claims, imports and files one dropped file; nil when another process took it first,
    /// or when it changed since it settled (it is put back, to settle again).
    private func take(_ name: String, settled: FileStamp, into store: WorkspaceStore) throws -> Outcome? {
        let mine = takingFolder.appendingPathComponent(Claimant.current.folderName, isDirectory: true)
        try? prepare()
        try? POSIX.makeDirectory(mine.path)
        let claimed = mine.appendingPathComponent(name)
        guard rename(folder.appendingPathComponent(name).path, claimed.path) == 0 else {
            if errno == ENOENT { return nil }  // another watcher took it
            throw ImportError.unreadable(file: folder.appendingPathComponent(name).path, reason: "could not be taken: \(String(cString: strerror(errno)))")
        }
        // Written to again between the look that found it settled and the claim: not yet.
        guard let now = POSIX.stamp(claimed.path), now.size == settled.size, now.modifiedNanoseconds == settled.modifiedNanoseconds else {
            _ = try? Self.moveKeepingBoth(claimed, into: folder)
            return nil
        }
        let report: ImportReport
        var options = FeedbackImportOptions()
        options.auditDetails = [AuditEntry.automationDetail: Self.auditName]
        do {
            report = try FeedbackImporter.importFile(at: claimed, into: store, options: options)
        } catch let error as ImportError {
            let target = try Self.moveKeepingBoth(claimed, into: failedFolder)
            let reason = error.description + "\n\nFix the file and drop it in the inbox again, or import it with podium import feedback "
                + "(--map COLUMN=FIELD, --encoding, --date-format; podium import feedback --help).\n"
            try? AtomicFile.write(Data(reason.sanitizedForTerminal(keepingLineBreaks: true).utf8), to: target.path + ".reason", durable: false)
            let outcome = Outcome(file: name, report: nil, failure: error.description, movedTo: target.path)
            // The audit log says what became of every dropped file, the failed ones too.
            try? store.write { transaction in
                try transaction.log(AuditEntry(actor: "automation", action: .importData, summary: outcome.summary,
                                               details: [AuditEntry.automationDetail: Self.auditName, "stance": Stance.customerRepresentative.rawValue, "file": name, "imported": "0",
                                                         "failed": target.lastPathComponent]))
            }
            return outcome
        } catch {
            // Not the file's fault (the workspace could not be written: a full disk, a lock):
            // it goes back to the inbox, to be taken again at a later check.
            _ = try? Self.moveKeepingBoth(claimed, into: folder)
            throw error
        }
        // Imported: a file that cannot be moved on stays claimed (its items are in the
        // workspace; taken again later, they are found to be there already).
        let target = (try? Self.moveKeepingBoth(claimed, into: doneFolder)) ?? claimed
        let outcome = Outcome(file: name, report: report, failure: nil, movedTo: target.path)
        if report.importedIDs.isEmpty {
            // Nothing new (every row already there, or none with text): the import wrote no
            // entry, so the log says what became of the file.
            try? store.write { transaction in
                try transaction.log(AuditEntry(actor: "automation", action: .importData, summary: outcome.summary,
                                               details: [AuditEntry.automationDetail: Self.auditName, "stance": Stance.customerRepresentative.rawValue, "file": name, "imported": "0"]))
            }
        }
        return outcome
    }

    /// Moves `file` into `folder` under its name, or "name-2.csv"… when that is taken; never
    /// replaces a file (a hard link fails when the name exists, then the original goes).
    static func moveKeepingBoth(_ file: URL, into folder: URL) throws -> URL {
        let name = file.lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        for number in 1...10_000 {
            let candidate = folder.appendingPathComponent(number == 1 ? name : ext.isEmpty ? "\(stem)-\(number)" : "\(stem)-\(number).\(ext)")
            if FileManager.default.fileExists(atPath: candidate.path + ".reason") { continue }
            if link(file.path, candidate.path) == 0 {
                unlink(file.path)
                return candidate
            }
            guard errno == EEXIST else {
                throw ImportError.unreadable(file: file.path, reason: "could not be moved to \(candidate.path): \(String(cString: strerror(errno)))")
            }
        }
        throw ImportError.unreadable(file: file.path, reason: "could not be moved: \(folder.path) has too many files named \(name)")
    }

    /// Whether a name can be a dropped file: an extension the importer reads, not hidden,
    /// not a partial download.
    static func isCandidate(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.hasSuffix("~") else { return false }
        return extensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// A regular file (through a symbolic link too): never a folder, a pipe or a device.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// The process that claimed files in `.taking/`: its pid, boot and host, so a claim is put
/// back only when its process stopped on this machine (a pid reused after a reboot, or a
/// live process on another host sharing the folder, is never mistaken for it).
struct Claimant: Equatable {
    var processID: Int32
    var bootID: String
    var host: String

    /// This process (its host name with "~" and "/" replaced, as its folder name holds it).
    static let current = Claimant(processID: getpid(), bootID: BootIdentity.current,
                                  host: ProcessInfo.processInfo.hostName.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "~", with: "_"))

    /// "PID~BOOT~HOST".
    var folderName: String { "\(processID)~\(bootID)~\(host)" }

    init(processID: Int32, bootID: String, host: String) {
        self.processID = processID
        self.bootID = bootID
        self.host = host
    }

    /// Reads a claim folder's name; a bare pid is an older Podium's claim on this machine.
    init?(folderName: String) {
        let parts = folderName.split(separator: "~", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard let pid = Int32(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(processID: pid, bootID: BootIdentity.current, host: Claimant.current.host)
        } else {
            guard parts.count == 3 else { return nil }
            self.init(processID: pid, bootID: parts[1], host: parts[2])
        }
    }

    /// Whether the process is gone: on this host, in another boot or no longer running.
    /// Another host's claim is never judged from here.
    var hasStopped: Bool {
        guard host == Claimant.current.host else { return false }
        if bootID != BootIdentity.current { return true }
        if processID == getpid() { return false }
        return kill(processID, 0) != 0 && errno == ESRCH
    }
}
