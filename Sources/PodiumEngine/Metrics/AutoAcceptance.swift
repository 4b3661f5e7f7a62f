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
}
