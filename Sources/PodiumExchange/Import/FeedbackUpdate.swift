import Foundation
import PodiumCore

/// What a re-import changes on a feedback item that an export with stable ids (a Zendesk
/// ticket, an Intercom conversation) brought before: its text, and its rating, tags and
/// votes where the file has their columns. The item keeps its id, author, date, source and
/// links, and the theme tags an accepted analysis gave it; a changed text drops the
/// sentiment computed from the old one.
enum FeedbackUpdate {
    /// The start of the tags Podium's theme analysis writes (`FeedbackAnnotations.themeTagPrefix`; workspaces of schema 1 kept them in the item):
    /// they are Podium's, not the tool's, and survive an update.
    static let podiumTagPrefix = "theme:"

    /// `existing` with what `incoming` says for the fields the file `given`, and the changes.
    static func apply(
        _ incoming: FeedbackItem, to existing: FeedbackItem, given: Set<FeedbackField>
    ) -> (FeedbackItem, [ImportReport.FieldChange]) {
        var item = existing
        var changes = ChangeList()
        changes.compare("external id", existing.externalID, incoming.externalID) { ChangeList.optional($0) { $0 } }
        item.externalID = incoming.externalID
        changes.compare("text", existing.text, incoming.text)
        if existing.text != incoming.text {
            item.text = incoming.text
            item.sentiment = nil
            item.textChangedAt = incoming.importedAt ?? Date()
        }
        if given.contains(.rating) {
            changes.compare("rating", existing.rating, incoming.rating) { ChangeList.optional($0, \.display) }
            item.rating = incoming.rating
        }
        if given.contains(.tags) {
            let tags = incoming.tags + existing.tags.filter { $0.hasPrefix(podiumTagPrefix) && !incoming.tags.contains($0) }
            changes.compare("tags", existing.tags, tags, show: ChangeList.list)
            item.tags = tags
        }
        if given.contains(.votes) {
            changes.compare("votes", existing.votes, incoming.votes) { ChangeList.optional($0) { String($0) } }
            item.votes = incoming.votes
        }
        return (item, changes.changes)
    }
}
