import Foundation
import PodiumCore

/// Opening in two steps, for a first frame with data at once however large the workspace.
extension WorkspaceStore {
    /// The collections a dashboard can show later: the ones that grow with use.
    public static let largeCollections: Set<RecordCollection> = [.feedback, .drafts, .audit, .annotations]

    /// Whether the workspace at `root` is large enough for reading it in two steps to show
    /// sooner (its feedback folder holds at least `threshold` entries): a small one opens
    /// whole in less time than a person notices.
    public static func isLarge(at root: URL, threshold: Int = 5_000) -> Bool {
        POSIX.countEntries(in: WorkspaceLayout(root: root).folder(.feedback), upTo: threshold) >= threshold
    }

    /// Opens the workspace but leaves `deferred` collections to `finishLoading()`: the
    /// product, the backlog and the other small collections are there on return, and the
    /// snapshot's `loading` names what is still to come. A write finishes loading first, so
    /// no transaction starts from part of a collection it reads (`write(reading:)` names the
    /// ones a transaction reads; the others may stay unread).
    public static func open(at root: URL, deferring deferred: Set<RecordCollection>, schema: Schema = .current) throws -> WorkspaceStore {
        let store = WorkspaceStore(layout: WorkspaceLayout(root: root), schema: schema)
        try store.prepare()
        try store.mutex.withLock { try store.loadAll(deferring: deferred) }
        return store
    }

    /// Reads the collections `open(at:deferring:)` left, and returns what changed. The files
    /// are read without holding the store, so readers and `refresh()` carry on meanwhile;
    /// what another process changed while they were read is caught up before it returns.
    @discardableResult
    public func finishLoading() throws -> WorkspaceChanges {
        try loadingLock.withLock { try finishLoadingLocked() }
    }

    private func finishLoadingLocked() throws -> WorkspaceChanges {
        let pending = mutex.withLock { state.snapshot.loading }
        guard !pending.isEmpty else { return WorkspaceChanges() }
        var changes = WorkspaceChanges()
        for collection in RecordCollection.allCases where pending.contains(collection) {
            changes.merge(finish(collection.recordType, collection: collection))
        }
        try mutex.withLock {
            // The backlog was read before the feedback: its links share their ids now.
            if pending.contains(.feedback) { state.snapshot.shareLinkIDs() }
            changes.merge(try fileLock.withLock(.shared) { try refreshLocked() })
            if !state.unreadable.isEmpty, readOnlyReason == nil { changes.merge(try quarantineUnreadableLocking()) }
            state.generation += 1
        }
        return changes
    }

    /// Reads one collection left for later: through the open cache when it holds the type
    /// and the folder is large, else every file as JSON.
    private func finish<Record: WorkspaceRecord>(_ type: Record.Type, collection: RecordCollection) -> WorkspaceChanges {
        // The folder's stamp before reading: a change after it shows in the next refresh.
        let folderStamp = POSIX.stamp(layout.folder(collection))
        let names = ((try? POSIX.listDirectory(layout.folder(collection))) ?? nil ?? []).filter(isRecordFileName)
        if let cacheable = type as? any CacheableRecord.Type, names.count >= OpenCache<FeedbackItem>.minimumRecords {
            return finishCached(cacheable, names: names, folderStamp: folderStamp)
        }
        let batch = RecordLoader<Record>(folder: layout.folder(collection)).load(names)
        return complete(batch, collection: collection, folderStamp: folderStamp, staleCache: nil)
    }

    /// Reads a collection the open cache holds: from the cache where its files have not
    /// changed, from JSON where they have.
    private func finishCached<Record: CacheableRecord>(_ type: Record.Type, names: [String], folderStamp: FileStamp?) -> WorkspaceChanges {
        let (fromCache, fromJSON, good) = readUsingCache(type, names: names)
        var batch = RecordLoader<Record>(folder: layout.folder(Record.collection)).load(fromJSON)
        batch.absorb(fromCache)
        return complete(batch, collection: Record.collection, folderStamp: folderStamp, staleCache: good ? nil : type)
    }

    /// Puts what was read into the snapshot, leaving out the files a refresh read meanwhile.
    private func complete<Record: WorkspaceRecord>(
        _ batch: RecordLoader<Record>.Batch, collection: RecordCollection, folderStamp: FileStamp?, staleCache: (any CacheableRecord.Type)?
    ) -> WorkspaceChanges {
        var batch = batch
        return mutex.withLock {
            // A file a refresh read meanwhile (another process changed it) is newer than this read.
            let tracked = state.files[collection] ?? [:]
            if !tracked.isEmpty {
                batch.records.removeAll { tracked[$0.name] != nil }
                batch.unreadable.removeAll { tracked[$0.name] != nil }
                batch.missing.removeAll { tracked[$0] != nil }
            }
            state.isLoading = true
            var changes = merge(batch, into: collection)
            state.isLoading = false
            changes.noteWhole(collection)
            state.snapshot.loading.remove(collection)
            state.folderStamps[collection] = folderStamp
            state.generation += 1
            if let staleCache, readOnlyReason == nil { saveCache(staleCache) }
            return changes
        }
    }
}
