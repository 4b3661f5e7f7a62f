import Foundation
import PodiumCore
import PodiumStore
import PodiumViewModels

/// Long writes off the main loop: accepting or undoing a draft that writes thousands of
/// records runs on a background queue while the screen keeps answering keys, with what is
/// being done in the status bar. It is one transaction: it finishes, or rolls back, whole.
extension Program {
    /// Records a change may write before it runs off the main loop (`backgroundThreshold`'s default).
    public static let defaultBackgroundThreshold = 300

    /// Runs `work` on a background queue and hands its messages (and the end of the work) to the
    /// main loop; refused while other background work runs.
    func inBackground(_ label: String, _ work: @escaping @Sendable () -> [Msg]) -> [Msg] {
        if let running = state.backgroundWork { return [busy(running)] }
        launch(work)
        return [.background(BackgroundWork(label: label, since: Date()))]
    }

    /// Starts `work` on a background queue; its messages reach the main loop with the end of
    /// the background work.
    private func launch(_ work: @escaping @Sendable () -> [Msg]) {
        let mailbox = mailbox
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = work()
            mailbox.post(outcomes: [.background(nil)] + outcome)
        }
    }

    /// What reading the rest of a workspace opened in two steps (`WorkspaceStore.open(at:deferring:)`)
    /// says in the status bar, and how to start it: the caller draws a frame in between, so that
    /// the reading, which takes every core, does not slow the first frame. Nil when all is read.
    func readingTheRest() -> (announce: Msg, start: () -> Void)? {
        let loading = store.snapshot.loading
        guard !loading.isEmpty else { return nil }
        let label = "reading the " + RecordCollection.sentence(loading)
        let store = store
        return (.background(BackgroundWork(label: label, since: Date(), isReading: true)), { [self] in
            launch {
                do {
                    try store.finishLoading()
                    return [Self.prepared(store)]
                } catch {
                    return [Self.prepared(store), .effectFailed("Could not read the whole workspace: \(error)")]
                }
            }
        })
    }

    /// Why a write must wait: the store is busy with the background work (a write now would
    /// wait for its lock and freeze the screen).
    func busy(_ running: BackgroundWork) -> Msg {
        .effectFailed(running.isReading ? "Wait a moment: \(running.label) is still under way."
            : "Wait a moment: \(running.label) is still being written (it finishes, or rolls back, whole).")
    }

    /// The workspace after a background change, with every pane rebuilt off the main loop.
    static func prepared(_ store: WorkspaceStore) -> Msg {
        let (snapshot, generation) = store.versionedSnapshot
        return .workspacePrepared(PreparedSnapshot(snapshot, changes: nil, generation: generation))
    }
}

extension Draft {
    /// How many records accepting the draft would write, about.
    var estimatedWrites: Int {
        guard let proposal else { return 1 }
        return (proposal.sentiments?.count ?? 0) + (proposal.themeTags?.reduce(0) { $0 + $1.feedbackIDs.count } ?? 0)
            + (proposal.feedbackLinks?.count ?? 0) + 1
    }
}
