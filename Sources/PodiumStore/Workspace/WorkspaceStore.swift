import Foundation
import PodiumCore

/// A workspace on disk, shared safely with other Podium processes.
///
/// Records live one per JSON file; a write is a short transaction under an exclusive
/// `flock` that starts from what is on disk, so concurrent writers lose nothing. A
/// long-running process calls `refresh()` to pick up what others changed.
/// See docs/STORAGE.md for the layout and the reasons behind it.
public final class WorkspaceStore: @unchecked Sendable {
    public let layout: WorkspaceLayout
    let schema: Schema
    private(set) var fileLock: FileLock
    let feed: ChangeFeed
    let journal: Journal

    /// Guards `state`; held for the length of a refresh or a transaction.
    let mutex = NSLock()
    /// Held while `finishLoading` reads, so that two callers read the deferred collections once.
    let loadingLock = NSLock()
    /// Accessed only with `mutex` held.
    var state: State

    struct State {
        var snapshot: WorkspaceSnapshot
        /// What was last read of each record file, by folder and file name.
        var files: [RecordCollection: [String: TrackedFile]] = [:]
        var productStamp: FileStamp?
        var folderStamps: [RecordCollection: FileStamp] = [:]
        var feedPosition: ChangeFeed.Position?
        var problems: [StoreProblem] = []
        /// Files found unreadable that are still to be moved aside.
        var unreadable: [(collection: RecordCollection?, name: String, reason: String, size: Int)] = []
        /// True during the first bulk read, whose changes are not reported record by record.
        var isLoading = false
        /// Counts the changes to `snapshot`, so that consumers can drop a stale copy.
        var generation: UInt64 = 0
    }

    struct TrackedFile {
        var stamp: FileStamp
        var id: String
    }

    init(layout: WorkspaceLayout, schema: Schema) {
        self.layout = layout
        self.schema = schema
        self.fileLock = FileLock(path: layout.lockFile)
        self.feed = ChangeFeed(path: layout.changeFeed)
        self.journal = Journal(path: layout.journal)
        self.state = State(snapshot: WorkspaceSnapshot(product: Product(name: "")))
    }

    // MARK: Creating and opening

    /// Creates a new, empty workspace at `root` (an absent or empty folder) and opens it.
    /// `createdWith` names what made it (e.g. "podium demo"), so tools can tell a demo apart.
    public static func create(
        at root: URL, product: Product, createdWith: String = "podium", schema: Schema = .current
    ) throws -> WorkspaceStore {
        let layout = WorkspaceLayout(root: root)
        if let existing = try POSIX.listDirectory(layout.rootPath), !existing.isEmpty {
            throw existing.contains("workspace.json")
                ? StoreError.alreadyAWorkspace(path: layout.rootPath) : StoreError.alreadyExists(path: layout.rootPath)
        }
        try POSIX.makeDirectory(layout.rootPath)
        POSIX.setMode(layout.rootPath, 0o700)
        try POSIX.makeDirectory(layout.localFolder)
        for collection in RecordCollection.allCases { try POSIX.makeDirectory(layout.folder(collection)) }
        try AtomicFile.write(Data(WorkspaceFiles.gitignore.utf8), to: layout.gitignoreFile)
        try AtomicFile.write(RecordCodec.encode(product, what: "product.json"), to: layout.productFile)
        let info = WorkspaceInfo(schemaVersion: schema.version, createdAt: Date(), createdWith: createdWith)
        try WorkspaceFiles.writeInfo(info, layout)  // last: its presence marks a complete workspace
        return try open(at: root, schema: schema)
    }

    /// Opens the workspace at `root`: migrates an older schema (after a backup), completes
    /// a transaction a crashed writer left, moves corrupt files aside and loads the rest.
    public static func open(at root: URL, schema: Schema = .current) throws -> WorkspaceStore {
        let store = WorkspaceStore(layout: WorkspaceLayout(root: root), schema: schema)
        try store.prepare()
        try store.mutex.withLock { try store.loadAll() }
        return store
    }

    /// What made the workspace ("podium", "podium demo"…), from `workspace.json`.
    public private(set) var createdWith: String?

    /// Why the workspace is open read-only — a read-only mount, no permission to write, an
    /// unfinished change that could not be completed (a full disk) — or nil when writable.
    /// Reading works either way; `write` throws `StoreError.readOnly`. Set once, at open.
    public private(set) var readOnlyReason: String?

    /// Checks the schema and brings the folder into a state that can be read.
    func prepare() throws {
        let info = try WorkspaceFiles.readInfo(layout)
        createdWith = info.createdWith
        if info.schemaVersion > schema.version {
            throw StoreError.newerSchema(path: layout.rootPath, found: info.schemaVersion, supported: schema.version)
        }
        if POSIX.stamp(layout.localFolder) != nil || (try? POSIX.makeDirectory(layout.localFolder)) != nil {
            readOnlyReason = fileLock.unwritableReason()
        } else {
            readOnlyReason = POSIX.unwritableReason(layout.rootPath) ?? "its .podium folder cannot be created"
        }
        let needsMigration = info.schemaVersion < schema.version
        if let reason = readOnlyReason {
            fileLock.readOnly = true
            if needsMigration {
                throw StoreError.readOnly(path: layout.rootPath, reason: reason + "; it has schema version \(info.schemaVersion) and must be migrated to \(schema.version) before this podium reads it")
            }
            if try journal.needsRecovery() {
                mutex.withLock { state.problems.append(Self.unfinishedChange(layout, reason: reason)) }
            }
            return
        }
        // A clone from git lacks the local folder and empty collection folders.
        for collection in RecordCollection.allCases { try POSIX.makeDirectory(layout.folder(collection)) }
        if try needsMigration || journal.needsRecovery() || hasTemporaryFiles() {
            do {
                try recoverAndMigrate(needsMigration: needsMigration)
            } catch let error as StoreError where !needsMigration && error.isOutOfRoom {
                // A full disk: the unfinished change stays in the journal; read what is there.
                readOnlyReason = "an unfinished change could not be completed: \(error)"
                fileLock.readOnly = true
                mutex.withLock { state.problems.append(Self.unfinishedChange(layout, reason: "\(error)")) }
            }
        }
    }

    /// The problem an unfinished transaction that cannot be completed now is reported as.
    private static func unfinishedChange(_ layout: WorkspaceLayout, reason: String) -> StoreProblem {
        StoreProblem(path: layout.journal, reason: "an unfinished change cannot be completed now (\(reason))",
                     lost: "nothing: the change stays in the journal, and is finished when the workspace is opened with room to write; until then it is")
    }

    /// Completes an unfinished transaction, removes dead writers' temporary files and
    /// migrates an older schema, under the exclusive lock.
    private func recoverAndMigrate(needsMigration: Bool) throws {
        try fileLock.withLock(.exclusive) {
                let found = try recoverJournal()
                mutex.withLock { state.problems += found }
                try removeTemporaryFiles()
                let current = try WorkspaceFiles.readInfo(layout)
                if current.schemaVersion < schema.version {
                    let backup = try Migrator(layout: layout, schema: schema).migrate(from: current.schemaVersion)
                    mutex.withLock {
                        state.problems.append(StoreProblem(
                            path: layout.workspaceFile,
                            reason: "migrated from schema version \(current.schemaVersion) to \(schema.version)",
                            lost: "nothing", movedTo: backup))
                    }
                }
        }
    }

    // MARK: Reading

    /// The workspace as last read or written by this process.
    public var snapshot: WorkspaceSnapshot {
        mutex.withLock { state.snapshot }
    }

    /// The snapshot with its generation, which grows with every change to it: of two
    /// copies, the one with the higher generation is the newer.
    public var versionedSnapshot: (snapshot: WorkspaceSnapshot, generation: UInt64) {
        mutex.withLock { (state.snapshot, state.generation) }
    }

    /// What was wrong when the workspace was opened or refreshed (moved-aside files, migrations).
    public var problems: [StoreProblem] {
        mutex.withLock { state.problems }
    }

    /// Picks up changes other processes made since the last refresh or write.
    ///
    /// Changes written by Podium are found through the change feed, precisely and cheaply;
    /// edits from elsewhere (a `git pull`, a text editor) through folder timestamps.
    @discardableResult
    public func refresh() throws -> WorkspaceChanges {
        try mutex.withLock {
            if readOnlyReason == nil, try journal.needsRecovery() {
                return try fileLock.withLock(.exclusive) {
                    state.problems += try recoverJournal()
                    return try refreshLocked()
                }
            }
            var changes = try fileLock.withLock(.shared) { try refreshLocked() }
            if !state.unreadable.isEmpty {
                changes.merge(try quarantineUnreadableLocking())
            }
            if !changes.isEmpty { state.generation += 1 }
            return changes
        }
    }

    // MARK: Writing

    /// Runs one write transaction: `change` sees the workspace as it is on disk now and
    /// stages changes, which are written atomically (all or none) when it returns.
    @discardableResult
    public func write<Result>(_ change: (inout WorkspaceTransaction) throws -> Result) throws -> Result {
        try write(reading: Set(RecordCollection.allCases), change)
    }

    /// Runs one write transaction that reads only the collections `needed` (and the
    /// product and the small collections, always there): a store opened with others left
    /// for later (`open(at:deferring:)`) writes without reading them first. Records it saves
    /// to a collection not read yet are kept as written, and reading the rest of it later
    /// leaves them be. An import checks its duplicates against the feedback alone, so it
    /// need not read a workspace's drafts first.
    @discardableResult
    public func write<Result>(reading needed: Set<RecordCollection>, _ change: (inout WorkspaceTransaction) throws -> Result) throws -> Result {
        if let readOnlyReason { throw StoreError.readOnly(path: layout.rootPath, reason: readOnlyReason) }
        // A transaction starts from every collection it reads, whole.
        if !mutex.withLock({ state.snapshot.loading.isDisjoint(with: needed) }) { try finishLoading() }
        return try mutex.withLock {
            try fileLock.withLock(.exclusive) {
                if try journal.needsRecovery() { state.problems += try recoverJournal() }
                _ = try refreshLocked()
                var transaction = WorkspaceTransaction(snapshot: state.snapshot, layout: layout)
                let result = try change(&transaction)
                let staged = transaction.staged
                // Drop the transaction's reference to the snapshot before changing it in
                // place, so one change costs O(1), not a copy of every collection.
                _ = consume transaction
                try commitLocked(staged)
                if !state.unreadable.isEmpty { _ = try quarantineUnreadable() }
                return result
            }
        }
    }

    /// Runs `body` with the collections not read yet reachable file by file, holding the
    /// workspace's shared lock (no write by any process meanwhile): what a dry run checks
    /// against without reading a large collection whole.
    public func readingUnread<Result>(_ body: (UnreadRecords) throws -> Result) throws -> Result {
        try mutex.withLock {
            try fileLock.withLock(.shared) { try body(UnreadRecords(layout: layout, mayWriteIndex: readOnlyReason == nil)) }
        }
    }

    // MARK: Loading (mutex held)

    /// Reads the whole workspace: unlocked bulk read, then a locked catch-up on what
    /// changed meanwhile, so the result is consistent without keeping writers waiting.
    func loadAll(deferring deferred: Set<RecordCollection> = []) throws {
        state.feedPosition = feed.end()
        state.snapshot.loading = deferred
        for collection in RecordCollection.allCases where !deferred.contains(collection) {
            state.folderStamps[collection] = POSIX.stamp(layout.folder(collection))
        }
        reloadProduct()
        state.isLoading = true
        var staleCaches: [any CacheableRecord.Type] = []
        for collection in RecordCollection.allCases where !deferred.contains(collection) {
            let names = (try POSIX.listDirectory(layout.folder(collection)) ?? []).filter(isRecordFileName)
            if let type = collection.recordType as? any CacheableRecord.Type, names.count >= OpenCache<FeedbackItem>.minimumRecords {
                if !load(type, usingCache: names) { staleCaches.append(type) }
            } else {
                reload(collection, names: names)
            }
        }
        state.isLoading = false
        _ = try fileLock.withLock(.shared) { try refreshLocked() }
        if readOnlyReason == nil { for type in staleCaches { saveCache(type) } }
        if !state.unreadable.isEmpty { _ = try quarantineUnreadableLocking() }
    }

    /// Brings the snapshot up to date with the disk. Call with the file lock held.
    func refreshLocked() throws -> WorkspaceChanges {
        var changes = WorkspaceChanges()
        var explained = Set<RecordCollection>()
        switch try feed.unseen(since: state.feedPosition) {
        case let .paths(paths, next):
            var byFolder: [RecordCollection: [String]] = [:]
            for path in paths {
                if path == WorkspaceLayout.productFileName {
                    changes.productChanged = reloadProduct() || changes.productChanged
                    continue
                }
                let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, let collection = RecordCollection(rawValue: parts[0]) else { continue }
                byFolder[collection, default: []].append(parts[1])
            }
            for (collection, names) in byFolder {
                changes.merge(reload(collection, names: names))
                explained.insert(collection)
            }
            state.feedPosition = next
        case let .unknown(next):
            state.feedPosition = next
            // A collection still to be read (see `finishLoading`) is read whole then.
            for collection in RecordCollection.allCases where !state.snapshot.loading.contains(collection) {
                changes.merge(try rescan(collection))
            }
            explained = Set(RecordCollection.allCases)
        }
        for collection in RecordCollection.allCases where !state.snapshot.loading.contains(collection) {
            let stamp = POSIX.stamp(layout.folder(collection))
            if stamp != state.folderStamps[collection] {
                state.folderStamps[collection] = stamp
                if !explained.contains(collection) { changes.merge(try rescan(collection)) }
            }
        }
        if POSIX.stamp(layout.productFile) != state.productStamp {
            changes.productChanged = reloadProduct() || changes.productChanged
        }
        return changes
    }

    /// Compares every file's stamp in a folder with what was read, and reloads the differences.
    private func rescan(_ collection: RecordCollection) throws -> WorkspaceChanges {
        let folder = layout.folder(collection)
        let names = (try POSIX.listDirectory(folder) ?? []).filter(isRecordFileName)
        let tracked = state.files[collection] ?? [:]
        var stale = names.filter { name in tracked[name]?.stamp != POSIX.stamp(folder + "/" + name) }
        let present = Set(names)
        stale += tracked.keys.filter { !present.contains($0) }
        return reload(collection, names: stale)
    }

    /// Reads the named files of a collection and applies what they hold now.
    @discardableResult
    private func reload(_ collection: RecordCollection, names: [String]) -> WorkspaceChanges {
        guard !names.isEmpty else { return WorkspaceChanges() }
        return reload(collection.recordType, collection: collection, names: names)
    }

    private func reload<Record: WorkspaceRecord>(
        _ type: Record.Type, collection: RecordCollection, names: [String]
    ) -> WorkspaceChanges {
        merge(RecordLoader<Record>(folder: layout.folder(collection)).load(names), into: collection)
    }

    /// Reads a large collection from the open cache where its files have not changed, and
    /// from JSON where they have; returns whether the cache was good enough to keep.
    private func load<Record: CacheableRecord>(_ type: Record.Type, usingCache names: [String]) -> Bool {
        let (fromCache, fromJSON, good) = readUsingCache(type, names: names)
        merge(fromCache, into: Record.collection)
        reload(Record.collection, names: fromJSON)
        return good
    }

    /// Which records of a large collection the open cache holds as their files are now, and
    /// which files must be read as JSON; whether the cache was good enough to keep. Touches
    /// no state: it may run while others read and write.
    func readUsingCache<Record: CacheableRecord>(
        _ type: Record.Type, names: [String]
    ) -> (fromCache: RecordLoader<Record>.Batch, fromJSON: [String], good: Bool) {
        let collection = Record.collection
        let cached = OpenCache<Record>(path: layout.cacheFile(collection)).load() ?? [:]
        var fromCache = RecordLoader<Record>.Batch()
        var fromJSON: [String] = []
        if cached.isEmpty {
            fromJSON = names
        } else {
            let stamps = stampFiles(names, in: layout.folder(collection))
            fromCache.records.reserveCapacity(names.count)
            for (name, stamp) in zip(names, stamps) {
                if let stamp, let entry = cached[name], entry.stamp == stamp {
                    fromCache.records.append((name, stamp, entry.record))
                } else {
                    fromJSON.append(name)
                }
            }
        }
        return (fromCache, fromJSON, fromJSON.count <= max(100, names.count / 50))
    }

    /// Rewrites the open cache of a collection from what was just read.
    func saveCache<Record: CacheableRecord>(_ type: Record.Type) {
        let collection = Record.collection
        let table = state.snapshot[Record.self]
        let files = (state.files[collection] ?? [:]).compactMap { name, file in
            table[RecordID(file.id)].map { (name: name, stamp: file.stamp, record: $0) }
        }
        // The cache only speeds up the next open; failing to write it changes nothing else.
        try? OpenCache<Record>(path: layout.cacheFile(collection)).save(files)
        // The feedback's key index too, from the same records: the next import then reads
        // no feedback file it has not changed (see `UnreadRecords.keys`).
        if let feedback = files as? [(name: String, stamp: FileStamp, record: FeedbackItem)] {
            let format = FeedbackItem.importKeyFormat
            try? KeyIndexFile(path: layout.keyIndexFile(.feedback, format: format), format: format).save(feedback.map { file in
                KeyIndexFile.Entry(stamp: file.stamp, key: RecordKey(file: file.name, digest: file.record.importKey.stableDigest,
                                                                    externalID: file.record.externalID))
            })
        }
    }

    /// Applies what a loader read to the snapshot and the tracked stamps.
    @discardableResult
    func merge<Record: WorkspaceRecord>(_ batch: RecordLoader<Record>.Batch, into collection: RecordCollection) -> WorkspaceChanges {
        var changes = WorkspaceChanges()
        // Take both dictionaries out of the state so they are uniquely referenced (no copy).
        var tracked = state.files.removeValue(forKey: collection) ?? [:]
        var table = state.snapshot[Record.self]
        state.snapshot[Record.self] = RecordTable()
        let initialLoad = state.isLoading
        tracked.reserveCapacity(tracked.count + batch.records.count)
        table.reserveCapacity(table.count + batch.records.count)
        for (name, stamp, record) in batch.records {
            if let previous = tracked.updateValue(TrackedFile(stamp: stamp, id: record.id.rawValue), forKey: name),
               previous.id != record.id.rawValue {
                table[RecordID(previous.id)] = nil
            }
            table[record.id] = record
        }
        if !initialLoad {
            for (_, _, record) in batch.records { changes.note(collection, record.id.rawValue) }
        } else if !batch.records.isEmpty {
            changes.records[collection] = []  // a first load reports the collection, not every id
        }
        for name in batch.missing + batch.unreadable.map(\.name) {
            if let previous = tracked.removeValue(forKey: name) {
                table[RecordID(previous.id)] = nil
                changes.note(collection, previous.id)
            }
        }
        for file in batch.unreadable {
            state.unreadable.append((collection, file.name, file.reason, file.size))
        }
        state.snapshot[Record.self] = table
        state.files[collection] = tracked
        annotateAfterChanges(in: collection, ids: batch.records.map { $0.record.id.rawValue })
        if collection == .annotations, !changes.isEmpty {
            // Every item's sentiment, themes or links may show differently.
            changes.noteWhole(.feedback)
            changes.noteWhole(.backlog)
        }
        return changes
    }

    /// Keeps the annotated sentiment, themes and links in step after a collection changed:
    /// every item's when annotations changed, else those of the feedback or backlog items
    /// read or written (`ids`).
    private func annotateAfterChanges(in collection: RecordCollection, ids: @autoclosure () -> [String]) {
        switch collection {
        case .annotations: state.snapshot.reindexAnnotations()
        case .feedback: state.snapshot.annotate(ids().map(RecordID<FeedbackItem>.init))
        case .backlog:
            let items = ids().map(RecordID<BacklogItem>.init)
            state.snapshot.shareLinkIDs(of: items)
            state.snapshot.annotate(backlog: items)
        default: break
        }
    }

    /// Reads `product.json`; returns whether the product changed.
    @discardableResult
    private func reloadProduct() -> Bool {
        var read: Data?
        do {
            guard let (data, stamp) = try POSIX.readFile(layout.productFile) else {
                state.productStamp = nil
                return false
            }
            read = data
            state.productStamp = stamp
            let product = try RecordCodec.makeDecoder().decode(Product.self, from: data)
            let changed = product != state.snapshot.product
            state.snapshot.product = product
            return changed
        } catch {
            let size = POSIX.stamp(layout.productFile).map { Int($0.size) } ?? 0
            state.unreadable.append((nil, WorkspaceLayout.productFileName, RecordCodec.describe(error, data: read), size))
            return false
        }
    }

    // MARK: Writing (mutex and exclusive lock held)

    /// Writes a transaction: journal it (the one flush), replace its files, mark it applied.
    private func commitLocked(_ staged: StagedWrites) throws {
        let paths = staged.order
        guard !paths.isEmpty else { return }
        let entries = paths.map { path in
            Journal.Entry(
                path: path, content: staged.changes[path]?.data.map { String(decoding: $0, as: UTF8.self) },
                previous: trackedStamp(relativePath: path).map(Journal.Stamp.init))
        }
        do {
            try journal.append(entries)
        } catch let error as StoreError where error.isOutOfRoom {
            throw StoreError.notSaved(path: layout.rootPath, reason: "\(error)")
        }
        // From here the change is committed: the journal holds it whole. A file that cannot
        // be put in place now (a full disk) is put there by the next recovery, so the error
        // says the change was saved, never that it failed.
        do {
            for entry in entries { try apply(entry) }
            if try journal.markApplied() > Journal.checkpointSize {
                try journal.checkpoint(root: layout.rootPath)
            }
        } catch {
            throw StoreError.savedNotApplied(path: layout.rootPath, reason: "\(error)")
        }
        state.feedPosition = try feed.append(paths)
        staged.apply(to: &state.snapshot)
        if staged.summary.records[.annotations] != nil {
            annotateAfterChanges(in: .annotations, ids: [])
        } else {
            for collection in [RecordCollection.feedback, .backlog] {
                if let ids = staged.summary.records[collection] { annotateAfterChanges(in: collection, ids: Array(ids)) }
            }
        }
        state.generation += 1
        for path in paths { track(relativePath: path) }
        for collection in staged.summary.records.keys {
            state.folderStamps[collection] = POSIX.stamp(layout.folder(collection))
        }
    }

    /// Puts one journaled file in place (its durability comes from the journal).
    private func apply(_ entry: Journal.Entry) throws {
        let target = layout.path(relative: entry.path)
        if let content = entry.content {
            try AtomicFile.write(Data(content.utf8), to: target, durable: false)
        } else {
            try POSIX.removeFile(target)
        }
    }

    /// The stamp of a file as this process last read or wrote it.
    private func trackedStamp(relativePath path: String) -> FileStamp? {
        if path == WorkspaceLayout.productFileName { return state.productStamp }
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let collection = RecordCollection(rawValue: parts[0]) else { return nil }
        return state.files[collection]?[parts[1]]?.stamp
    }

    /// Remembers the stamp of a file this process just wrote, so it is not read back.
    private func track(relativePath path: String) {
        if path == WorkspaceLayout.productFileName {
            state.productStamp = POSIX.stamp(layout.productFile)
            return
        }
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let collection = RecordCollection(rawValue: parts[0]) else { return }
        let id = String(parts[1].dropLast(".json".count))
        if let stamp = POSIX.stamp(layout.path(relative: path)) {
            state.files[collection, default: [:]][parts[1]] = TrackedFile(stamp: stamp, id: id)
        } else {
            state.files[collection]?[parts[1]] = nil
        }
    }

    /// Finishes what the journal holds that may not be in place: after a writer died part
    /// way, its last transaction; after a reboot, every transaction since the checkpoint.
    /// A file changed outside Podium since is kept; the journal's version is set aside.
    /// Call with the exclusive lock held.
    private func recoverJournal() throws -> [StoreProblem] {
        let (boot, records) = try journal.read()
        guard !records.isEmpty else {
            try journal.checkpoint(root: layout.rootPath)
            return []
        }
        let sameBoot = boot == BootIdentity.current
        // Every state of each file the journal knows: its contents and the stamps it replaced.
        var knownContents: [String: Set<String?>] = [:]
        var knownStamps: [String: [Journal.Stamp]] = [:]
        var finalEntry: [String: Journal.Entry] = [:]
        var order: [String] = []
        for (index, record) in records.enumerated() {
            let replay = !sameBoot || (!record.applied && index == records.count - 1)
            for entry in record.entries {
                knownContents[entry.path, default: []].insert(entry.content)
                if let previous = entry.previous { knownStamps[entry.path, default: []].append(previous) }
                if replay {
                    if finalEntry.updateValue(entry, forKey: entry.path) == nil { order.append(entry.path) }
                }
            }
        }
        var problems: [StoreProblem] = []
        for path in order {
            guard let entry = finalEntry[path] else { continue }
            let target = layout.path(relative: path)
            let current = try POSIX.readFile(target)
            let currentText = current.map { String(decoding: $0.0, as: UTF8.self) }
            if currentText == entry.content { continue }  // already in place
            let ours = current == nil
                ? knownStamps[path] == nil || knownContents[path]?.contains(nil) == true
                : knownContents[path]?.contains(currentText) == true
                    || knownStamps[path]?.contains { $0.matches(current?.1) } == true
            if ours {
                try apply(entry)
            } else {
                var aside: String?
                if let content = entry.content {
                    let folder = layout.quarantineFolder + "/journal"
                    try POSIX.makeDirectory(folder)
                    let name = folder + "/" + (path as NSString).lastPathComponent + "." + String(Int(Date().timeIntervalSince1970))
                    try AtomicFile.write(Data(content.utf8), to: name, durable: false)
                    aside = name
                }
                problems.append(StoreProblem(
                    path: target, reason: "it changed outside Podium while a Podium transaction was unfinished",
                    lost: "the unfinished transaction's version of this file (the newer file is kept)", movedTo: aside))
            }
        }
        try journal.checkpoint(root: layout.rootPath)
        return problems
    }

    /// `quarantineUnreadable` under the exclusive lock; a read-only workspace only reports them.
    func quarantineUnreadableLocking() throws -> WorkspaceChanges {
        guard readOnlyReason == nil else {
            for file in state.unreadable {
                let path = file.collection.map { layout.folder($0) + "/" + file.name } ?? layout.productFile
                state.problems.append(StoreProblem(path: path, reason: file.reason, lost: unreadableWhat(file)))
            }
            state.unreadable = []
            return WorkspaceChanges()
        }
        return try fileLock.withLock(.exclusive) { try quarantineUnreadable() }
    }

    private func unreadableWhat(_ file: (collection: RecordCollection?, name: String, reason: String, size: Int)) -> String {
        file.collection.map { "\($0.singular) \(file.name.dropLast(".json".count))" } ?? "the product name, vision and goal"
    }

    /// Moves files that cannot be read into the quarantine folder and reports them. What is
    /// not a file at all (a folder, a symbolic link loop) is reported and left where it is.
    private func quarantineUnreadable() throws -> WorkspaceChanges {
        var changes = WorkspaceChanges()
        let found = state.unreadable
        state.unreadable = []
        var entries: [AuditEntry] = []
        for file in found {
            let path = file.collection.map { layout.folder($0) + "/" + file.name } ?? layout.productFile
            // Read again under the lock: the file may have been fixed, replaced or removed meanwhile.
            let read: (Data, FileStamp)?
            do {
                read = try POSIX.readFile(path)
            } catch {
                state.problems.append(StoreProblem(path: path, reason: Self.notAFile(path) ?? file.reason, lost: unreadableWhat(file)))
                continue
            }
            guard let (data, _) = read else { continue }
            if Self.decodes(data, as: file.collection) {
                if let collection = file.collection {
                    changes.merge(reload(collection, names: [file.name]))
                } else if reloadProduct() {
                    changes.productChanged = true
                }
                continue
            }
            let aside = try moveAside(path, folder: file.collection?.folder ?? "product")
            let what = unreadableWhat(file)
            let problem = StoreProblem(path: path, reason: file.reason, lost: "\(what) (\(data.count) bytes)", movedTo: aside)
            state.problems.append(problem)
            entries.append(AuditEntry(
                actor: AuditEntry.currentActor, action: .quarantine, summary: problem.description,
                details: ["path": path, "movedTo": aside, "reason": file.reason]))
        }
        var transaction = WorkspaceTransaction(snapshot: WorkspaceSnapshot(product: state.snapshot.product), layout: layout)
        for entry in entries { try transaction.log(entry) }
        try commitLocked(transaction.staged)
        return changes
    }

    /// What a path is when it is not a file Podium can read: "a folder, not a record file".
    private static func notAFile(_ path: String) -> String? {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return "a folder, not a record file" }
        if stat(path, &info) != 0 && errno == ELOOP { return "a symbolic link that loops" }
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return "a link to a folder, not a record file" }
        return nil
    }

    private static func decodes(_ data: Data, as collection: RecordCollection?) -> Bool {
        guard let collection else { return (try? RecordCodec.makeDecoder().decode(Product.self, from: data)) != nil }
        return decodes(data, as: collection.recordType)
    }

    private static func decodes<Record: WorkspaceRecord>(_ data: Data, as type: Record.Type) -> Bool {
        (try? RecordCodec.makeDecoder().decode(Record.self, from: data)) != nil
    }

    /// Moves a file to `.podium/quarantine/<folder>/`, never overwriting an earlier one.
    private func moveAside(_ path: String, folder: String) throws -> String {
        let target = layout.quarantineFolder + "/" + folder
        try POSIX.makeDirectory(target)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        var destination = target + "/" + (path as NSString).lastPathComponent + "." + stamp
        var attempt = 1
        while POSIX.stamp(destination) != nil {
            attempt += 1
            destination = target + "/" + (path as NSString).lastPathComponent + "." + stamp + "-\(attempt)"
        }
        try POSIX.renameFile(path, destination)
        return destination
    }

    // MARK: Temporary files

    private var foldersWithTemporaries: [String] {
        [layout.rootPath, layout.localFolder, layout.localFolder + "/cache"] + RecordCollection.allCases.map { layout.folder($0) }
    }

    /// Whether a dead writer left temporary files. The large collections' folders are not
    /// scanned (100,000 entries cost an open tens of milliseconds): a writer that dies while
    /// replacing files there leaves an unfinished journal, which starts the clean-up anyway,
    /// and a leftover there is a hidden file no reader takes for a record.
    private func hasTemporaryFiles() -> Bool {
        let prefix = Array(AtomicFile.temporaryPrefix.utf8CString.dropLast())
        let large = Set(Self.largeCollections.map { layout.folder($0) })
        return foldersWithTemporaries.filter { !large.contains($0) }.contains { folder in
            POSIX.anyEntry(in: folder) { name in prefix.indices.allSatisfy { name[$0] == prefix[$0] } }
        }
    }

    /// Removes temporary files of writers that died. Call with the exclusive lock held:
    /// writers only make temporary files while holding it, so none is in use.
    private func removeTemporaryFiles() throws {
        for folder in foldersWithTemporaries {
            for name in try POSIX.listDirectory(folder) ?? [] where AtomicFile.isTemporary(name) {
                try POSIX.removeFile(folder + "/" + name)
            }
        }
    }

    // MARK: Diagnostics

    /// Whether another process holds the workspace lock right now.
    public var isLockedByAnotherProcess: Bool { !fileLock.isFree() }
}

extension RecordCollection {
    /// The Swift type of the records in this collection.
    var recordType: any WorkspaceRecord.Type {
        switch self {
        case .feedback: FeedbackItem.self
        case .backlog: BacklogItem.self
        case .stakeholders: Stakeholder.self
        case .personas: Persona.self
        case .experiments: Experiment.self
        case .decisions: Decision.self
        case .communications: Communication.self
        case .drafts: Draft.self
        case .jobs: Job.self
        case .audit: AuditEntry.self
        case .rules: AutomationRule.self
        case .annotations: FeedbackAnnotations.self
        }
    }
}
