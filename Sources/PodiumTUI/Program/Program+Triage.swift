import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// Feedback triage in the program: seen, new, dismissed, and tags; the undo is the same edit
/// with the states before.
extension Program {
    func setFeedbackTriage(_ triage: [RecordID<FeedbackItem>: FeedbackTriage?], summary: String) -> [Msg] {
        do {
            try FeedbackEditor(store: store).setTriage(triage, summary: summary)
            return [changed([.feedback, .audit])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    func setFeedbackTags(_ tags: [RecordID<FeedbackItem>: [String]], summary: String) -> [Msg] {
        do {
            try FeedbackEditor(store: store).setTags(tags, summary: summary)
            return [changed([.feedback, .audit])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }
}
