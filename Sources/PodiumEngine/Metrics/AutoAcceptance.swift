import Foundation
import PodiumCore
import PodiumStore

/// Which drafts automation accepted, read from the audit log: a draft counts while its
/// latest acceptance was made by a rule or the trust policy (undone and accepted again by a
/// person, it is the person's).
public enum AutoAcceptance {
    public static func drafts(in snapshot: WorkspaceSnapshot) -> Set<RecordID<Draft>> {
        var latest: [String: AuditEntry] = [:]
        for entry in snapshot.audit.values where entry.subject?.kind == .draft && (entry.action == .accept || entry.action == .undo) {
            guard let id = entry.subject?.id else { continue }
            if let known = latest[id], (known.at, known.id) > (entry.at, entry.id) { continue }
            latest[id] = entry
        }
        return Set(latest.compactMap { id, entry in
            entry.action == .accept && entry.isAutomated && snapshot.drafts[RecordID(id)]?.status == .accepted ? RecordID(id) : nil
        })
    }

    /// Drafts automation accepted that a person then took back (an undo after an automated
    /// acceptance), with when: a judgment against the kind, like a rejection.
    public static func undone(in snapshot: WorkspaceSnapshot) -> [RecordID<Draft>: Date] {
        var entries: [String: [AuditEntry]] = [:]
        for entry in snapshot.audit.values where entry.subject?.kind == .draft && (entry.action == .accept || entry.action == .undo) {
            guard let id = entry.subject?.id else { continue }
            entries[id, default: []].append(entry)
        }
        var undone: [RecordID<Draft>: Date] = [:]
        for (id, list) in entries {
            let ordered = list.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            for (earlier, later) in zip(ordered, ordered.dropFirst())
            where earlier.action == .accept && earlier.isAutomated && later.action == .undo && !later.isAutomated {
                undone[RecordID(id)] = later.at
            }
        }
        return undone
    }
}
