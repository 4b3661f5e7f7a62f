import PodiumCore
import PodiumStore

/// The records a text cites as `[#1a2b3c4d]` (the last 8 characters of a record id, as
/// `Recipe.cite` writes them), found and resolved against the workspace.
public enum Citations {
    /// The short ids a text cites in square brackets, in order of first appearance, lower
    /// case: `[#1a2b3c4d]`, also `[#1A2B3C4D]`, `[#1a2b3c4d, #5e6f7a8b]` or a whole UUID (its
    /// last 8 characters).
    public static func shortIDs(in text: String) -> [String] { CitedIDs.short(in: text) }

    /// The record each short id stands for: first among `known` (a draft's evidence, exact),
    /// then anywhere in the workspace (one pass over it, only for ids still unknown). An id
    /// that matches nothing has no entry.
    public static func resolve(_ shorts: [String], known: [ArtifactReference] = [], in snapshot: WorkspaceSnapshot) -> [String: ArtifactReference] {
        var found: [String: ArtifactReference] = [:]
        for reference in known {
            let short = String(reference.id.suffix(8)).lowercased()
            if found[short] == nil { found[short] = reference }
        }
        var missing = Set(shorts).subtracting(found.keys)
        guard !missing.isEmpty else { return found }
        func look<Record>(_ kind: ArtifactKind, _ ids: some Sequence<RecordID<Record>>) {
            guard !missing.isEmpty else { return }
            for id in ids where missing.contains(id.short) {
                found[id.short] = ArtifactReference(kind, id)
                missing.remove(id.short)
            }
        }
        look(.backlog, snapshot.backlog.ids)
        look(.stakeholder, snapshot.stakeholders.ids)
        look(.persona, snapshot.personas.ids)
        look(.experiment, snapshot.experiments.ids)
        look(.decision, snapshot.decisions.ids)
        look(.communication, snapshot.communications.ids)
        look(.draft, snapshot.drafts.ids)
        look(.feedback, snapshot.feedback.ids)
        return found
    }
}
