import Foundation
import PodiumCore

/// What a re-import changes on a backlog item the tracker exported before: its title,
/// description, status, estimate and labels, as far as the file has columns for them. The
/// item keeps its id, order, links and the RICE and WSJF inputs set in Podium; an effort
/// input follows the estimate only while it is empty or still holds the last estimate.
enum BacklogUpdate {
    /// `existing` with what `incoming` says for the fields the file `given`, and the changes.
    static func apply(
        _ incoming: BacklogItem, to existing: BacklogItem, given: Set<BacklogField>, now: Date
    ) -> (BacklogItem, [ImportReport.FieldChange]) {
        var item = existing
        var changes = ChangeList()
        changes.compare("key", existing.key, incoming.key) { ChangeList.optional($0) { $0 } }
        item.key = incoming.key
        changes.compare("title", existing.title, incoming.title)
        item.title = incoming.title
        if given.contains(.description) {
            changes.compare("description", existing.description, incoming.description)
            item.description = incoming.description
        }
        if given.contains(.status) {
            changes.compare("status", existing.status, incoming.status) { $0.rawValue }
            item.status = incoming.status
            if incoming.status == .done && existing.status != .done { item.doneAt = given.contains(.completed) || given.contains(.updated) ? incoming.doneAt ?? now : now }
            if incoming.status != .done { item.doneAt = nil }
        }
        if given.contains(.estimate) && existing.estimate != incoming.estimate {
            changes.compare("estimate", existing.estimate, incoming.estimate) { ChangeList.optional($0, Format.number) }
            item.estimate = incoming.estimate
            if existing.rice.effort == nil || existing.rice.effort == existing.estimate { item.rice.effort = incoming.estimate }
            if existing.wsjf.jobSize == nil || existing.wsjf.jobSize == existing.estimate { item.wsjf.jobSize = incoming.estimate }
        }
        if given.contains(.tags) {
            changes.compare("labels", existing.tags, incoming.tags, show: ChangeList.list)
            item.tags = incoming.tags
        }
        if !changes.changes.isEmpty { item.updatedAt = now }
        return (item, changes.changes)
    }
}
