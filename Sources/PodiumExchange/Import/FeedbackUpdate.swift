import Foundation
import PodiumCore

/// What a re-import changes on a feedback item that an export with stable ids (a Zendesk
/// ticket, an Intercom conversation) brought before: its text, rating, tags and votes. The
/// item keeps its id, author, date, source and links; a changed text drops the sentiment
/// computed from the old one.
enum FeedbackUpdate {
    /// `existing` with what `incoming` says now, and the changes.
    static func apply(_ incoming: FeedbackItem, to existing: FeedbackItem) -> (FeedbackItem, [ImportReport.FieldChange]) {
        var item = existing
        var changes = ChangeList()
        changes.compare("external id", existing.externalID, incoming.externalID) { ChangeList.optional($0) { $0 } }
        item.externalID = incoming.externalID
        changes.compare("text", existing.text, incoming.text)
        if existing.text != incoming.text {
            item.text = incoming.text
            item.sentiment = nil
        }
        changes.compare("rating", existing.rating, incoming.rating) { ChangeList.optional($0, \.display) }
        item.rating = incoming.rating
        changes.compare("tags", existing.tags, incoming.tags, show: ChangeList.list)
        item.tags = incoming.tags
        changes.compare("votes", existing.votes, incoming.votes) { ChangeList.optional($0) { String($0) } }
        item.votes = incoming.votes
        return (item, changes.changes)
    }
}
