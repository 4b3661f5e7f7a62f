import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// The job engine in the dashboard: its events reach the loop through the mailbox.
extension Program {
    /// Lets the dashboard queue AI jobs on `engine`; its events reach the loop through the mailbox.
    public func attach(_ engine: JobEngine) {
        self.engine = engine
        // Panes are rebuilt on a queue of their own, so a job's worker never waits for them.
        let preparer = DispatchQueue(label: "podium.program.prepare", qos: .userInitiated)
        let mailbox = mailbox, store = store
        @Sendable func prepare(_ collections: [RecordCollection]) {
            preparer.async { mailbox.postSnapshot(of: store, changed: collections) }
        }
        engine.setEventHandler { event in
            switch event {
            case let .progress(id, step):
                mailbox.post(activity: id, step: step)
            case let .jobChanged(job):
                if job.status.isFinished { mailbox.post(activity: job.id, step: nil) }
                switch job.status {
                case .failed: mailbox.post(notice: "\(job.kind) failed: \(job.error ?? "no reason given")", pointer: "7 shows it")
                case .interrupted, .cancelled: mailbox.post(notice: "\(job.kind) \(job.status.rawValue).")
                default: break
                }
                // A job's own changes touch the Orchestrator only; a new draft touches every
                // pane (each shows its drafts), below.
                prepare([.jobs])
            case let .draftReady(draft):
                // The selection and the notice follow the snapshot that has the draft's row, so
                // that Enter in 7 right after the notice reviews the draft.
                preparer.async {
                    mailbox.postSnapshot(of: store, changed: [.jobs, .drafts])
                    mailbox.post(select: draft.id)
                    if draft.status == .accepted {
                        mailbox.post(notice: "Auto-accepted: “\(draft.title.sanitizedForTerminal())” (\(draft.kind), low risk) · Enter on it in 7, then u, undoes it")
                    } else {
                        mailbox.post(notice: "Draft ready: “\(draft.title.sanitizedForTerminal())” · D in its pane (\(draft.stance.title)) or Enter in 7 reviews it")
                    }
                }
            case let .streamed(id, text):
                mailbox.post(text: text, for: id)
            }
        }
    }
}
