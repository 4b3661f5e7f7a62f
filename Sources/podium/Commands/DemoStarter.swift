import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumStore

/// Gives a new demo a week of use, so that every pane shows what it is for on first look:
/// drafts the built-in engine made over the last days (some accepted: the sentiment, a persona,
/// the backlog order; some waiting for review: the summary, the themes, a leadership update),
/// and two automation rules. The drafts are real: made by the local engine on the demo's own
/// records, accepted through the review, only their dates spread over the week.
enum DemoStarter {
    /// What is done, on which day before the demo's "now", and whether it is accepted.
    private static let week: [(kind: JobKind, parameters: JobParameters, daysAgo: Double, accept: Bool)] = [
        (.tagSentiment, [:], 6, true),
        (.buildPersonas, [:], 5, true),
        (.orderBacklog, [:], 4, true),
        (.summarizeFeedback, [:], 2, false),
        (.clusterThemes, [:], 1, false),
        (.stakeholderUpdate, ["audience": "leadership"], 0.2, false),
    ]

    static func seed(_ store: WorkspaceStore, now: Date) throws {
        let engine = JobEngine(store: store, concurrency: 1, providerFor: { _ in LocalProvider() })
        let review = DraftReview(store: store, actor: "podium demo")
        for step in week {
            let job = try engine.enqueue(step.kind, parameters: step.parameters)
            engine.waitForIdle()
            guard let draftID = store.snapshot.jobs[job.id]?.draftID else { continue }
            let day = now.addingTimeInterval(-step.daysAgo * 86_400 + 9 * 3_600)
            try backdate(job.id, draftID, to: day, in: store)
            if step.accept {
                _ = try review.accept(draftID, note: "Reviewed in the demo's first week", at: day.addingTimeInterval(1_800))
            }
        }
        let rules = RuleBook(store: store, actor: "podium demo")
        try rules.add(AutomationRule.validated(trigger: .on("import"), job: .tagSentiment, autoAccept: true, createdAt: now.addingTimeInterval(-7 * 86_400)))
        // The weekly update ran on its last Friday (its draft is the one waiting): due again next Friday.
        var weekly = try AutomationRule.validated(trigger: .every("fri 15:00"), job: .stakeholderUpdate, parameters: ["audience": "leadership"],
                                                  createdAt: now.addingTimeInterval(-7 * 86_400))
        weekly.lastRun = now
        try rules.add(weekly)
    }

    /// Puts a seeded job and its draft on the day they belong to in the demo's week.
    private static func backdate(_ jobID: RecordID<Job>, _ draftID: RecordID<Draft>, to day: Date, in store: WorkspaceStore) throws {
        try store.write { transaction in
            if var job = transaction.record(Job.self, id: jobID) {
                let took = (job.finishedAt ?? day).timeIntervalSince(job.startedAt ?? day)
                job.createdAt = day
                job.startedAt = day
                job.finishedAt = day.addingTimeInterval(max(0, took))
                try transaction.save(job)
            }
            if var draft = transaction.record(Draft.self, id: draftID) {
                draft.createdAt = day
                try transaction.save(draft)
            }
        }
    }
}
