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
        let mailbox = mailbox
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = work()
            mailbox.post(outcomes: [.background(nil)] + outcome)
        }
        return [.background(BackgroundWork(label: label, since: Date()))]
    }

    /// Why a write must wait: the store is busy with the background work (a write now would
    /// wait for its lock and freeze the screen).
    func busy(_ running: BackgroundWork) -> Msg {
        .effectFailed("Wait a moment: \(running.label) is still being written (it finishes, or rolls back, whole).")
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
