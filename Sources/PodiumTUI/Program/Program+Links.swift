import Foundation
import PodiumCore
import PodiumStore
import PodiumViewModels

/// Feedback linked to backlog items by hand, in the program: one transaction per change,
/// with its audit entry.
extension Program {
    /// Sets how each feedback item is linked to the backlog item (demand, praise, or not at
    /// all) and logs it; the undo of a change is the same edit with the states before.
    func setFeedbackLinks(_ item: RecordID<BacklogItem>, _ links: [RecordID<FeedbackItem>: FeedbackLinkKind?], summary: String) -> [Msg] {
        do {
            try store.write { transaction in
                try transaction.update(BacklogItem.self, id: item) { backlogItem in
                    for (feedback, kind) in links.sorted(by: { $0.key < $1.key }) { backlogItem.setLink(of: feedback, to: kind) }
                    backlogItem.updatedAt = Date()
                }
                let kinds = Set(links.values.map { $0?.rawValue ?? "unlinked" }).sorted().joined(separator: ",")
                try transaction.log(AuditEntry(actor: AuditEntry.currentActor, action: .update, subject: ArtifactReference(.backlog, item),
                                               summary: summary,
                                               details: ["stance": Stance.customerRepresentative.rawValue, "kind": "feedback-link",
                                                         "feedback": String(links.count), "link": kinds]))
            }
            return [changed([.backlog, .audit])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }
}
