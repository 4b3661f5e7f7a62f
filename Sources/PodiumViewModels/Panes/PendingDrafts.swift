import PodiumCore
import PodiumStore

/// The line at the top of a pane that says which of its stance's drafts wait for review.
enum PendingDrafts {
    /// `content` with, when drafts of `stance` wait for review, a first line naming the newest.
    static func announce(_ stance: Stance, in snapshot: WorkspaceSnapshot, above content: PaneContent) -> PaneContent {
        var content = content
        let pending = snapshot.drafts.values.filter { $0.stance == stance && $0.status == .pending }.sorted { $0.id > $1.id }
        if let newest = pending.first {
            content.summary.insert(.init("\(pending.count) draft\(pending.count == 1 ? "" : "s") to review: “\(Format.clean(newest.title))”"
                + (pending.count > 1 ? " and \(pending.count - 1) more" : "") + " · D opens", .accent), at: 0)
        }
        return content
    }
}
