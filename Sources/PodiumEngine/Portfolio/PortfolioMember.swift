import Foundation
import PodiumCore
import PodiumStore

/// One product of the portfolio as it is now: its workspace opened, or why it could not be —
/// a folder moved or on a disk that is not plugged in is shown as such, never a crash.
public struct PortfolioMember: Sendable {
    public enum State: Sendable {
        case open(WorkspaceStore)
        /// The folder is not there (moved, deleted, on a disk not mounted).
        case missing
        /// The folder is there but could not be opened as a workspace.
        case failed(String)

        public var isMissing: Bool {
            if case .missing = self { return true }
            return false
        }
    }

    public var entry: Portfolio.Entry
    public var state: State
    /// The folder is in a git clone (its changes travel by commits and pulls).
    public var isGitClone: Bool
    /// The folder is on another file system than the user's home.
    public var onOtherDisk: Bool

    public var store: WorkspaceStore? {
        if case let .open(store) = state { return store }
        return nil
    }

    /// "missing", "cannot open: …", or where it is ("git clone", "other disk").
    public var stateText: String {
        switch state {
        case .missing: return "missing (moved, deleted or on a disk not plugged in)"
        case let .failed(reason): return "cannot open: " + reason
        case .open:
            let notes = [isGitClone ? "git clone" : nil, onOtherDisk ? "other disk" : nil].compactMap { $0 }
            return notes.isEmpty ? "ok" : "ok (" + notes.joined(separator: ", ") + ")"
        }
    }

    /// Opens every workspace of `portfolio`, in list order; one that cannot be opened is
    /// reported in its member's state and the others are opened all the same.
    /// `deferring` leaves collections unread (see `WorkspaceStore.open(at:deferring:)`): an
    /// inbox across products reads drafts and jobs, not 10,000 feedback items each.
    public static func open(_ portfolio: Portfolio, deferring: Set<RecordCollection> = [], home: String = NSHomeDirectory()) -> [PortfolioMember] {
        portfolio.entries.map { open($0, deferring: deferring, home: home) }
    }

    /// The collections an inbox across products does not need.
    public static let notForTheInbox: Set<RecordCollection> = [.feedback, .annotations, .audit]

    public static func open(_ entry: Portfolio.Entry, deferring: Set<RecordCollection> = [], home: String = NSHomeDirectory()) -> PortfolioMember {
        let folder = URL(fileURLWithPath: entry.path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return PortfolioMember(entry: entry, state: .missing, isGitClone: false, onOtherDisk: false)
        }
        let git = isInGitClone(folder)
        let otherDisk = device(of: folder.path).map { $0 != device(of: home) } ?? false
        do {
            let store = deferring.isEmpty ? try WorkspaceStore.open(at: folder) : try WorkspaceStore.open(at: folder, deferring: deferring)
            return PortfolioMember(entry: entry, state: .open(store), isGitClone: git, onOtherDisk: otherDisk)
        } catch {
            let reason = "\(error)"
            return PortfolioMember(entry: entry, state: .failed(reason.sanitizedForTerminal()), isGitClone: git, onOtherDisk: otherDisk)
        }
    }

    /// How many feedback items the workspace holds, from its folder (without reading them).
    public var feedbackCount: Int? {
        guard store != nil else { return nil }
        let folder = WorkspaceLayout(root: URL(fileURLWithPath: entry.path)).folder(.feedback)
        return (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".json") }.count
    }

    static func isInGitClone(_ folder: URL) -> Bool {
        var current = folder.standardizedFileURL
        while current.path != "/" {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return true }
            current.deleteLastPathComponent()
        }
        return false
    }

    static func device(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_dev)
    }
}
