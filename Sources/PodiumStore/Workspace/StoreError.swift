import Foundation

/// Everything that can go wrong with a workspace, each with a message that names the file.
public enum StoreError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A system call failed on `path`.
    case io(path: String, operation: String, errno: Int32)
    /// There is no workspace at `path`.
    case notAWorkspace(path: String)
    /// `path` already holds something that is not an empty folder.
    case alreadyExists(path: String)
    /// `path` already holds a Podium workspace.
    case alreadyAWorkspace(path: String)
    /// The workspace was written by a newer Podium; it is left untouched.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The workspace description (`workspace.json`) cannot be read.
    case unreadableWorkspaceFile(path: String, reason: String)
    /// A record could not be encoded (should not happen with valid values).
    case encoding(what: String, reason: String)
    /// A migration step failed; the backup at `backup` holds the workspace as it was.
    case migrationFailed(from: Int, reason: String, backup: String)
    /// A record that a change refers to is not in the workspace.
    case missingRecord(kind: String, id: String)
    /// The workspace was opened read-only (a read-only mount, no permission, an unfinished
    /// change waiting for space): nothing was written.
    case readOnly(path: String, reason: String)
    /// A change could not be saved at all (the journal could not take it): the workspace is
    /// as it was.
    case notSaved(path: String, reason: String)
    /// A change was saved in the journal, but putting its files in place failed: it is not
    /// lost, and the next open (or write) with room to write finishes it.
    case savedNotApplied(path: String, reason: String)

    public var description: String {
        switch self {
        case let .io(path, operation, code):
            "cannot \(operation) \(path): \(POSIX.describe(code))"
        case let .notAWorkspace(path):
            "no Podium workspace at \(path) (create one with `podium init` or `podium demo`)"
        case let .alreadyExists(path):
            "\(path) already exists and is not an empty folder; choose another --workspace"
        case let .alreadyAWorkspace(path):
            "\(path) is already a Podium workspace (the demo writes the default one); open it with `podium -w \(path)`, or start your own product elsewhere: podium init --workspace DIR"
        case let .newerSchema(path, found, supported):
            "\(path) has schema version \(found), but this podium reads up to \(supported): "
                + "update podium; the workspace was not changed"
        case let .unreadableWorkspaceFile(path, reason):
            "cannot read \(path): \(reason)"
        case let .encoding(what, reason):
            "cannot encode \(what): \(reason)"
        case let .migrationFailed(from, reason, backup):
            "migrating the workspace from schema version \(from) failed: \(reason); "
                + "a copy of the workspace before migrating is at \(backup)"
        case let .missingRecord(kind, id):
            "no \(kind) with id \(id) in the workspace"
        case let .readOnly(path, reason):
            "the workspace at \(path) is open read-only (\(reason)): nothing was written"
        case let .notSaved(path, reason):
            "nothing was saved in the workspace at \(path): \(reason); it is as it was before"
        case let .savedNotApplied(path, reason):
            "the change was saved in the workspace's journal (\(path)/.podium), but putting its files in place failed: \(reason). "
                + "Nothing is lost: Podium finishes it the next time it opens the workspace with room to write"
        }
    }

    public var errorDescription: String? { description }

    /// Whether the error is the disk's, not the workspace's: no space, a quota, a
    /// read-only mount. Reading still works then.
    public var isOutOfRoom: Bool {
        guard case let .io(_, _, code) = self else { return false }
        return code == ENOSPC || code == EDQUOT || code == EROFS
    }
}
