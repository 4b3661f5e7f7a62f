import Foundation
import PodiumCore

/// The changes of one write to the workspace, made against a fresh view of it.
///
/// A transaction starts from the workspace as it is on disk at that moment (changes by
/// other processes included), so a change is never made over one it has not seen.
/// Nothing is written unless the closure that fills the transaction returns normally.
public struct WorkspaceTransaction {
    /// The workspace with this transaction's changes applied so far.
    public private(set) var snapshot: WorkspaceSnapshot
    private(set) var writes: [String: Data?] = [:]
    private(set) var writeOrder: [String] = []
    private(set) var changes = WorkspaceChanges()

    init(snapshot: WorkspaceSnapshot) {
        self.snapshot = snapshot
    }

    /// Adds or replaces a record.
    public mutating func save<Record: WorkspaceRecord>(_ record: Record) throws {
        let id = record.id.rawValue
        guard WorkspaceLayout.isSafeID(id) else {
            throw StoreError.encoding(what: "\(Record.collection.singular) \(id)", reason: "the id cannot be a file name")
        }
        let data = try RecordCodec.encode(record, what: "\(Record.collection.singular) \(id)")
        snapshot[Record.self][record.id] = record
        stage(WorkspaceLayout.relativePath(Record.collection, id: id), data)
        changes.note(Record.collection, id)
    }

    /// Adds or replaces several records.
    public mutating func save<Records: Sequence>(all records: Records) throws where Records.Element: WorkspaceRecord {
        for record in records { try save(record) }
    }

    /// Removes a record; removing one that is not there does nothing.
    public mutating func delete<Record: WorkspaceRecord>(_ type: Record.Type, id: RecordID<Record>) {
        guard snapshot[Record.self][id] != nil else { return }
        snapshot[Record.self][id] = nil
        stage(WorkspaceLayout.relativePath(Record.collection, id: id.rawValue), nil)
        changes.note(Record.collection, id.rawValue)
    }

    /// Changes a record as it is now on disk.
    public mutating func update<Record: WorkspaceRecord>(
        _ type: Record.Type, id: RecordID<Record>, _ change: (inout Record) throws -> Void
    ) throws {
        guard var record = snapshot[Record.self][id] else {
            throw StoreError.missingRecord(kind: Record.collection.singular, id: id.rawValue)
        }
        try change(&record)
        try save(record)
    }

    /// Replaces the product description (name, vision, goal).
    public mutating func setProduct(_ product: Product) throws {
        snapshot.product = product
        stage(WorkspaceLayout.productFileName, try RecordCodec.encode(product, what: "product.json"))
        changes.productChanged = true
    }

    /// Records who did what, in the same transaction as the change itself.
    public mutating func log(_ entry: AuditEntry) throws {
        try save(entry)
    }

    private mutating func stage(_ path: String, _ data: Data?) {
        if writes.updateValue(data, forKey: path) == nil { writeOrder.append(path) }
    }
}
