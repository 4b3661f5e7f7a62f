import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore

/// Decides which automation rules should run now, and on what: a pure function of the
/// rules, the workspace, the clock and the event being handled, so it is tested with a
/// fake clock.
public enum RulePlanner {
    /// One job a rule should queue.
    public struct PlannedRun: Sendable, Equatable {
        public var rule: AutomationRule
        public var parameters: JobParameters
        public var inputs: [ArtifactReference]
        /// Why it runs, in a few words ("3 new feedback items", "Fri 15:00 passed").
        public var reason: String
    }

    /// Feedback that was just imported, which import rules run on.
    public struct ImportedBatch: Sendable, Equatable {
        public var file: String
        public var feedback: [RecordID<FeedbackItem>]

        public init(file: String, feedback: [RecordID<FeedbackItem>]) {
            self.file = file
            self.feedback = feedback
        }
    }

    /// Kinds that, run on import, see only the new items (the others read the whole workspace,
    /// e.g. clustering themes again over all feedback): from the catalogue.
    public static let batchKinds = Set(JobKindInfo.all.filter(\.runsInBatches).map(\.kind))

    /// The runs due at `now`: schedules whose occasion passed since their last run (missed
    /// occasions count once), experiments whose end passed, items newly done, spikes (a theme
    /// rising, emerging or souring this week beyond chance) not yet handled by the rule, and
    /// import rules when `imported` holds new feedback. Disabled rules never run.
    public static func plan(
        rules: [AutomationRule], snapshot: WorkspaceSnapshot, now: Date, timeZone: TimeZone,
        imported: ImportedBatch? = nil
    ) -> [PlannedRun] {
        var runs: [PlannedRun] = []
        for rule in rules.sorted(by: { $0.id < $1.id }) where rule.enabled && rule.job.info != nil {
            switch rule.trigger {
            case .event(.imported):
                guard let imported, !imported.feedback.isEmpty else { continue }
                var parameters = rule.parameters
                parameters.importedFile = imported.file
                let inputs = batchKinds.contains(rule.job) ? imported.feedback.map { ArtifactReference(.feedback, $0) } : []
                let count = imported.feedback.count
                let batch = "\(count) new feedback item\(count == 1 ? "" : "s") from \(imported.file)"
                runs.append(PlannedRun(rule: rule, parameters: parameters, inputs: inputs,
                                       reason: inputs.isEmpty ? "all feedback, after \(batch)" : batch))
            case .event(.experimentEnded):
                // Every running experiment past its end, once: also one that ended before the rule
                // was made (it still waits for a conclusion), unless a conclusion already waits.
                let handled = handledInputs(of: rule, in: snapshot)
                    .union(rule.job == .concludeExperiment ? pendingConclusions(in: snapshot) : [])
                let ended = snapshot.experiments.all.filter { experiment in
                    guard experiment.status == .running, let end = experiment.endsAt else { return false }
                    return end <= now && !handled.contains(experiment.id.rawValue)
                }
                for experiment in ended {
                    runs.append(PlannedRun(rule: rule, parameters: rule.parameters, inputs: [ArtifactReference(.experiment, experiment.id)],
                                           reason: "“\(experiment.title.sanitizedForTerminal())” ended"))
                }
            case .event(.backlogDone):
                let handled = handledInputs(of: rule, in: snapshot)
                let done = snapshot.orderedBacklog.filter { item in
                    item.status == .done && (item.doneAt ?? item.updatedAt) > rule.createdAt && !handled.contains(item.id.rawValue)
                }
                guard !done.isEmpty else { continue }
                runs.append(PlannedRun(rule: rule, parameters: rule.parameters, inputs: done.map { ArtifactReference(.backlog, $0.id) },
                                       reason: "\(done.count) backlog item\(done.count == 1 ? "" : "s") newly done"))
            case .event(.spike):
                // Each spike starts the rule's job once, whichever process sees it first.
                let handled = handledSignals(of: rule, in: snapshot)
                let report = WorkspaceSignals.report(snapshot, cadence: .week, now: now)
                let week = isoWeek(now)
                let spikes = report.signals.filter { [.rising, .emerging, .souring].contains($0.kind) }
                    .filter { !handled.contains(spikeKey($0, week: week)) }
                guard !spikes.isEmpty else { continue }
                var parameters = rule.parameters
                parameters.signals = spikes.map { spikeKey($0, week: week) }.joined(separator: "; ")
                runs.append(PlannedRun(rule: rule, parameters: parameters, inputs: [],
                                       reason: "spike — " + spikes.map { $0.line(period: "week") }.joined(separator: "; ")))
            case let .schedule(schedule):
                let cadence = snapshot.product.sprint
                // The rule's own zone: processes in other zones agree on its occasions.
                let zone = rule.zone(or: timeZone)
                guard schedule.isDue(now: now, lastRun: rule.lastRun, createdAt: rule.createdAt, timeZone: zone, cadence: cadence),
                      let occasion = schedule.lastOccasion(atOrBefore: now, timeZone: zone, cadence: cadence) else { continue }
                runs.append(PlannedRun(rule: rule, parameters: rule.parameters, inputs: [],
                                       reason: schedule == .sprintEnd ? "the sprint ended \(stamp(occasion, timeZone))"
                                           : "due \(stamp(occasion, timeZone))"))
            }
        }
        return runs
    }

    /// The record ids earlier jobs of this rule ran on: an event is handled once, even
    /// when its job failed (a person retries it; a rule does not loop).
    private static func handledInputs(of rule: AutomationRule, in snapshot: WorkspaceSnapshot) -> Set<String> {
        Set(snapshot.jobs.values.filter { $0.rule == rule.id }.flatMap { $0.inputs.map(\.id) })
    }

    /// The spikes earlier jobs of this rule ran for.
    private static func handledSignals(of rule: AutomationRule, in snapshot: WorkspaceSnapshot) -> Set<String> {
        Set(snapshot.jobs.values.filter { $0.rule == rule.id }.flatMap { job in
            (job.parameters.signals ?? "").components(separatedBy: "; ").filter { !$0.isEmpty }
        })
    }

    /// "2026-W50": the ISO week of `date` (UTC), so a spike that lasts the rolling week is
    /// handled once in a calendar week.
    public static func isoWeek(_ date: Date) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear ?? 0, parts.weekOfYear ?? 0)
    }

    /// "rising:offline sync:2026-W50": a signal of one theme in one calendar week.
    static func spikeKey(_ signal: Signal, week: String) -> String {
        "\(signal.kind.rawValue):\(signal.theme):\(week)"
    }

    /// Experiments a pending conclude-experiment draft is already about.
    private static func pendingConclusions(in snapshot: WorkspaceSnapshot) -> Set<String> {
        Set(snapshot.drafts.values.filter { $0.kind == .concludeExperiment && $0.status == .pending }
            .compactMap { $0.jobID.flatMap { snapshot.jobs[$0] } }.flatMap { $0.inputs.filter { $0.kind == .experiment }.map(\.id) })
    }

    /// "Fri 2026-11-27 15:00" in the user's time zone.
    static func stamp(_ date: Date, _ timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
