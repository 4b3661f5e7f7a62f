import Foundation
import PodiumCore
import PodiumStore
import PodiumViewModels

/// Hands what background work found (the workspace watcher, the job engine, automation) to
/// the main loop, as messages for the state. Thread-safe; the latest snapshot wins.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: PreparedSnapshot?
    private var changes = WorkspaceChanges()
    private var staleChanges = WorkspaceChanges()
    private var error: String?
    private var activity: [(RecordID<Job>, String?)] = []
    private var texts: [RecordID<Job>: String] = [:]
    private var notices: [Notice] = []
    private var selection: RecordID<Draft>?
    private var outcomes: [Msg] = []

    /// What a job is doing now (nil: it ended).
    func post(activity id: RecordID<Job>, step: String?) { lock.withLock { activity.append((id, step)) } }

    /// The text a job has streamed so far (the latest wins).
    func post(text: String, for id: RecordID<Job>) { lock.withLock { texts[id] = text } }

    /// A new draft the Orchestrator should select once its row is there.
    func post(select id: RecordID<Draft>) { lock.withLock { selection = id } }

    /// A one-line notice for the status bar. Notices posted between two frames are all shown,
    /// in order (a file imported, then its rules' results).
    func post(notice: String, pointer: String? = nil) { lock.withLock { notices.append(Notice(notice, pointer: pointer)) } }

    /// What work run off the main loop came to (an acceptance of thousands of records), in order.
    func post(outcomes messages: [Msg]) { lock.withLock { outcomes += messages } }

    /// Why watching the workspace failed (the latest wins); the loop shows it as `Msg.reloadFailed`.
    func post(error: String) { lock.withLock { self.error = error } }

    /// Everything changed since the loop last took a snapshot (a newer snapshot must
    /// rebuild the panes an older, untaken one had rebuilt).
    var pendingChanges: WorkspaceChanges { lock.withLock { changes } }

    /// Keeps the newest prepared snapshot (by store generation: one built from an older state
    /// of the store never replaces a newer one) and what has changed since the loop last looked.
    func post(_ snapshot: PreparedSnapshot, _ changes: WorkspaceChanges) {
        lock.withLock {
            if let kept = self.snapshot?.generation, let offered = snapshot.generation, offered < kept {
                // Older: the newer snapshot stays, but its panes were built without these
                // changes, so the loop rebuilds the panes they touch.
                staleChanges.merge(changes)
            } else {
                self.snapshot = snapshot
            }
            self.changes.merge(changes)
        }
    }

    /// Posts the store's current state, with the panes `collections` show rebuilt here (off
    /// the main loop) together with those of changes not yet taken.
    func postSnapshot(of store: WorkspaceStore, changed collections: [RecordCollection]) {
        var changes = WorkspaceChanges()
        for collection in collections { changes.records[collection] = [] }
        let (snapshot, generation) = store.versionedSnapshot
        post(PreparedSnapshot(snapshot, changes: pendingChanges.merging(changes), generation: generation), changes)
    }

    /// Everything posted since the last call, as messages in the order the state should see
    /// them: the workspace first (so a new draft's row exists when it is selected), then
    /// job activity and text, the selection, notices and errors.
    func take() -> [Msg] {
        lock.withLock {
            var messages: [Msg] = []
            if let snapshot {
                messages.append(.workspacePrepared(snapshot))
                if !staleChanges.isEmpty {
                    messages.append(.workspaceChanged(snapshot.snapshot, changes: staleChanges, generation: snapshot.generation))
                }
            }
            messages += activity.map { Msg.jobActivity(jobID: $0.0, step: $0.1) }
            messages += texts.sorted { $0.key < $1.key }.map { Msg.jobText(jobID: $0.key, text: $0.value) }
            messages += outcomes
            if let selection { messages.append(.draftReady(selection)) }
            if !notices.isEmpty { messages.append(.notices(notices)) }
            if let error { messages.append(.reloadFailed(error)) }
            snapshot = nil
            changes = WorkspaceChanges()
            staleChanges = WorkspaceChanges()
            activity = []
            texts = [:]
            selection = nil
            outcomes = []
            notices = []
            error = nil
            return messages
        }
    }
}
