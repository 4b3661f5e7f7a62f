import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// Feedback linked to backlog items by hand, in the program: one transaction per change,
/// with its audit entry.
extension Program {
    /// Sets how each feedback item is linked to the backlog item (demand, praise, or not at
    /// all) and logs it; the undo of a change is the same edit with the states before.
    func setFeedbackLinks(_ item: RecordID<BacklogItem>, _ links: [RecordID<FeedbackItem>: FeedbackLinkKind?], summary: String) -> [Msg] {
        do {
            try FeedbackEditor(store: store).setLinks(of: item, links, summary: summary)
            return [changed([.backlog, .audit])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }
}
