import PodiumCore
import PodiumStore

/// What a rule's last run came to, as it is now: where its job and draft stand, then what
/// it queued ("failed: the server did not answer · queued stakeholder-update …", "draft
/// 1a2b3c4d waits for review · …"), so a job that failed after it was queued does not read
/// "queued" forever.
public enum RuleOutcome {
    /// - Parameter automatic: the drafts automation accepted (`AutoAcceptance.drafts(in:)`),
    ///   worked out once for a whole list of rules.
    public static func describe(_ rule: AutomationRule, in snapshot: WorkspaceSnapshot, automatic: Set<RecordID<Draft>>) -> String {
        let queued = rule.lastOutcome ?? ""
        guard let job = snapshot.jobs.values.filter({ $0.rule == rule.id }).max(by: { $0.id < $1.id }) else { return queued }
        let now: String
        switch job.status {
        case .queued, .running: now = job.status.rawValue
        case .done:
            guard let draft = job.draftID.flatMap({ snapshot.drafts[$0] }) else { now = "done"; break }
            switch draft.status {
            case .pending, .interrupted: now = "draft \(draft.id.short) waits for review"
            case .accepted: now = "draft \(draft.id.short) accepted" + (automatic.contains(draft.id) ? " automatically" : "")
            default: now = "draft \(draft.id.short) \(draft.status.rawValue)"
            }
        case .failed: now = "failed" + (job.error.map { ": \($0)" } ?? "")
        case .cancelled, .interrupted: now = job.status.rawValue
        }
        return now + (queued.isEmpty ? "" : " · " + queued)
    }
}
