/// What a refresh or a transaction changed, so that views redraw only what they must.
public struct WorkspaceChanges: Sendable, Equatable {
    /// Ids of changed (added, edited or removed) records, per collection.
    public var records: [RecordCollection: Set<String>] = [:]
    public var productChanged = false

    public init() {}

    public var isEmpty: Bool { !productChanged && records.values.allSatisfy(\.isEmpty) }

    /// How many records changed in `collection`.
    public func count(in collection: RecordCollection) -> Int { records[collection]?.count ?? 0 }

    mutating func note(_ collection: RecordCollection, _ id: String) {
        records[collection, default: []].insert(id)
    }

    /// Notes that `collection` changed as a whole (which records is not said), keeping any
    /// ids already noted.
    mutating func noteWhole(_ collection: RecordCollection) {
        if records[collection] == nil { records[collection] = [] }
    }

    /// What this and `other` changed together.
    public func merging(_ other: WorkspaceChanges) -> WorkspaceChanges {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Adds what `other` changed.
    public mutating func merge(_ other: WorkspaceChanges) {
        productChanged = productChanged || other.productChanged
        for (collection, ids) in other.records { records[collection, default: []].formUnion(ids) }
    }
}
