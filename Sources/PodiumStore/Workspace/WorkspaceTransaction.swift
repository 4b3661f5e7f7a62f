import Foundation
import PodiumCore

/// The changes of one write to the workspace, made against a fresh view of it.
///
/// A transaction starts from the workspace as it is on disk at that moment (changes by
/// other processes included), so a change is never made over one it has not seen.
/// Nothing is written unless the closure that fills the transaction returns normally.
public struct WorkspaceTransaction {
    /// The workspace as it was on disk when the transaction began; this transaction's own
    /// changes are read with `record(_:id:)` and `product`.
    public let snapshot: WorkspaceSnapshot
    /// The collections the transaction did not read, reached file by file under its lock.
    public let unread: UnreadRecords
    private(set) var staged = StagedWrites()

    init(snapshot: WorkspaceSnapshot, layout: WorkspaceLayout) {
        self.snapshot = snapshot
        self.unread = UnreadRecords(layout: layout, mayWriteIndex: true)
    }

    /// A record as this transaction leaves it: staged if changed, else as on disk.
    public func record<Record: WorkspaceRecord>(_ type: Record.Type, id: RecordID<Record>) -> Record? {
        let path = WorkspaceLayout.relativePath(Record.collection, id: id.rawValue)
        if let change = staged.changes[path] { return change.record as? Record }
        return snapshot[Record.self][id]
    }

    /// The product as this transaction leaves it.
    public var product: Product {
        staged.changes[WorkspaceLayout.productFileName]?.record as? Product ?? snapshot.product
    }

    /// Adds or replaces a record.
    public mutating func save<Record: WorkspaceRecord>(_ record: Record) throws {
        let id = record.id.rawValue
        guard WorkspaceLayout.isSafeID(id) else {
            throw StoreError.encoding(what: "\(Record.collection.singular) \(id)", reason: "the id cannot be a file name")
        }
        let data = try RecordCodec.encode(record, what: "\(Record.collection.singular) \(id)")
        staged.stage(WorkspaceLayout.relativePath(Record.collection, id: id), data: data, record: record) { snapshot in
            snapshot[Record.self][record.id] = record
        }
        staged.summary.note(Record.collection, id)
    }

    /// Adds or replaces several records.
    public mutating func save<Records: Sequence>(all records: Records) throws where Records.Element: WorkspaceRecord {
        for record in records { try save(record) }
    }

    /// Removes a record; removing one that is not there does nothing.
    public mutating func delete<Record: WorkspaceRecord>(_ type: Record.Type, id: RecordID<Record>) {
        guard record(Record.self, id: id) != nil else { return }
        staged.stage(WorkspaceLayout.relativePath(Record.collection, id: id.rawValue), data: nil, record: nil) { snapshot in
            snapshot[Record.self][id] = nil
        }
        staged.summary.note(Record.collection, id.rawValue)
    }

    /// Changes a record as it is now on disk (or as this transaction left it).
    public mutating func update<Record: WorkspaceRecord>(
        _ type: Record.Type, id: RecordID<Record>, _ change: (inout Record) throws -> Void
    ) throws {
        guard var current = record(Record.self, id: id) else {
            throw StoreError.missingRecord(kind: Record.collection.singular, id: id.rawValue)
        }
        try change(&current)
        try save(current)
    }

    /// Replaces the product description (name, vision, goal).
    public mutating func setProduct(_ product: Product) throws {
        let data = try RecordCodec.encode(product, what: "product.json")
        staged.stage(WorkspaceLayout.productFileName, data: data, record: product) { $0.product = product }
        staged.summary.productChanged = true
    }

    /// Records who did what, in the same transaction as the change itself.
    public mutating func log(_ entry: AuditEntry) throws {
        try save(entry)
    }
}

/// What a transaction will write: file contents by relative path, in staging order, and
/// how to apply each change to the in-memory snapshot.
struct StagedWrites {
    struct Change {
        /// The file's new content; nil removes the file.
        var data: Data?
        /// The new value (a record or the product); nil for a removal.
        var record: (any Sendable)?
        var apply: (inout WorkspaceSnapshot) -> Void
    }

    private(set) var changes: [String: Change] = [:]
    private(set) var order: [String] = []
    var summary = WorkspaceChanges()

    var isEmpty: Bool { order.isEmpty }

    mutating func stage(_ path: String, data: Data?, record: (any Sendable)?, apply: @escaping (inout WorkspaceSnapshot) -> Void) {
        if changes.updateValue(Change(data: data, record: record, apply: apply), forKey: path) == nil { order.append(path) }
    }

    /// Applies every change to `snapshot`, in staging order.
    func apply(to snapshot: inout WorkspaceSnapshot) {
        for path in order { changes[path]?.apply(&snapshot) }
    }
}
