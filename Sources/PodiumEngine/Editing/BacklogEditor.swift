import Foundation
import PodiumCore
import PodiumStore

/// Creates, changes and deletes backlog items by hand, for the dashboard and `podium backlog`:
/// each change is one transaction with its audit entry, checked against the workspace as it
/// is on disk at that moment (a key another process took meanwhile is refused).
public struct BacklogEditor: Sendable {
    /// Why a change was refused: the fields at fault, each with its reason.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var errors: [BacklogFields.Field: String]
        public var description: String {
            BacklogFields.Field.allCases.compactMap { field in errors[field].map { "\(field.label.lowercased()): \($0)" } }
                .joined(separator: "; ")
        }
    }

    public typealias Failure = EditFailure

    public let store: WorkspaceStore
    public var actor: String

    public init(store: WorkspaceStore, actor: String = AuditEntry.currentActor) {
        self.store = store
        self.actor = actor
    }

    /// Saves `fields` as the item `id`: a new item at the end of the backlog when there is
    /// none with that id, else the existing one changed. Returns the item before (nil when
    /// new) and after; nothing is written when a field is wrong.
    @discardableResult
    public func save(_ fields: BacklogFields, id: RecordID<BacklogItem>, now: Date = Date()) throws -> (before: BacklogItem?, after: BacklogItem) {
        try store.write { transaction in
            let items = transaction.snapshot.backlog.all
            let errors = fields.errors(others: items.filter { $0.id != id })
            guard errors.isEmpty else { throw Refusal(errors: errors) }
            let before = transaction.record(BacklogItem.self, id: id)
            let base = before ?? BacklogItem(id: id, title: "", order: (items.map(\.order).max() ?? 0) + 1, createdAt: now)
            let after = fields.applied(to: base, now: now)
            try transaction.save(after)
            let changed = before.map { Self.changedFields($0, after) } ?? []
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: before == nil ? .create : .update, subject: ArtifactReference(.backlog, id),
                summary: before == nil ? "Added backlog item “\(after.title)”"
                    : "Edited backlog item “\(after.title)”" + (changed.isEmpty ? " (no change)" : ": " + changed.joined(separator: ", ")),
                details: ["stance": Stance.decisionMaker.rawValue, "kind": "backlog-edit"]))
            return (before, after)
        }
    }

    /// Sets only the status (`podium backlog done`, a status change in the list).
    @discardableResult
    public func setStatus(_ status: BacklogStatus, of id: RecordID<BacklogItem>, now: Date = Date()) throws -> (before: BacklogItem, after: BacklogItem) {
        guard let item = store.snapshot.backlog[id] else { throw Failure(description: "no backlog item \(id.short)") }
        var fields = BacklogFields(item)
        fields[.status] = status.rawValue
        let (before, after) = try save(fields, id: id, now: now)
        return (before ?? item, after)
    }

    /// Deletes the item; returns it as it was. The feedback it was linked to stays.
    @discardableResult
    public func delete(_ id: RecordID<BacklogItem>, now: Date = Date()) throws -> BacklogItem {
        try store.write { transaction in
            guard let item = transaction.record(BacklogItem.self, id: id) else { throw Failure(description: "no backlog item \(id.short)") }
            transaction.delete(BacklogItem.self, id: id)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .delete, subject: ArtifactReference(.backlog, id),
                summary: "Deleted backlog item “\(item.title)”", details: ["stance": Stance.decisionMaker.rawValue, "kind": "backlog-edit"]))
            return item
        }
    }

    /// Puts an item back as it was (`before`), or removes it when it did not exist: the undo
    /// of `save` and `delete`. With `expecting`, refused when the item is no longer as the
    /// change left it (another process or command changed or deleted it since): an undo never
    /// overwrites someone else's change.
    public func restore(_ id: RecordID<BacklogItem>, to before: BacklogItem?, expecting: BacklogItem?? = .none, now: Date = Date()) throws {
        try store.write { transaction in
            let current = transaction.record(BacklogItem.self, id: id)
            if case let .some(expected) = expecting, current != expected {
                throw Failure(description: "not undone: “\((current ?? before)?.title ?? id.short)” changed since (in another window or command); "
                    + "podium list backlog shows it as it is")
            }
            if let before { try transaction.save(before) } else { transaction.delete(BacklogItem.self, id: id) }
            let title = before?.title ?? current?.title ?? id.short
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .undo, subject: ArtifactReference(.backlog, id),
                summary: before == nil ? "Undid adding backlog item “\(title)”"
                    : current == nil ? "Undid deleting backlog item “\(title)”" : "Undid an edit of backlog item “\(title)”",
                details: ["stance": Stance.decisionMaker.rawValue, "kind": "backlog-edit"]))
        }
    }

    /// The fields that differ between two versions of an item, by label.
    static func changedFields(_ before: BacklogItem, _ after: BacklogItem) -> [String] {
        let old = BacklogFields(before), new = BacklogFields(after)
        return BacklogFields.Field.allCases.filter { old[$0] != new[$0] }.map { $0.label.lowercased() }
    }
}
