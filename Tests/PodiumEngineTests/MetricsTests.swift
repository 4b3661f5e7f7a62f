import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import Testing

/// The Orchestrator's figures, worked out by hand on a small workspace.
@Suite("Work metrics")
struct MetricsTests {
    let utc = TimeZone(identifier: "UTC")!
    var calendar: Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = utc
        return calendar
    }
    /// Wednesday 25 November 2026, noon UTC.
    let now = Date(timeIntervalSince1970: 1_795_608_000)
    let day: TimeInterval = 86_400

    private func draft(_ kind: JobKind, _ status: DraftStatus, reviewedDaysAgo days: Double?, edited: Bool = false, job: RecordID<Job>? = nil) -> Draft {
        var draft = Draft(jobID: job, kind: kind, stance: kind.info!.stance, title: "\(kind)", content: "text",
                          status: status, createdAt: now.addingTimeInterval(-(days ?? 0) * day - 60))
        draft.reviewedAt = days.map { now.addingTimeInterval(-$0 * day) }
        if edited { draft.edits = [DraftEdit(at: now, by: "po", previousContent: "old")] }
        return draft
    }

    private func snapshot() -> WorkspaceSnapshot {
        var snapshot = WorkspaceSnapshot(product: Product(name: "P", vision: "V", productGoal: "G", updatedAt: now.addingTimeInterval(-200 * day)))
        let auto = Job(kind: .tagSentiment, stance: .customerRepresentative, status: .done, createdAt: now.addingTimeInterval(-1 * day))
        var autoJob = auto
        autoJob.autoAccept = true
        snapshot.jobs[autoJob.id] = autoJob
        let drafts = [
            draft(.tagSentiment, .accepted, reviewedDaysAgo: 1, job: autoJob.id),  // this week (Mon 23 Nov)
            draft(.tagSentiment, .accepted, reviewedDaysAgo: 1.01),  // the same day: the routine was saved once
            draft(.stakeholderUpdate, .accepted, reviewedDaysAgo: 2, edited: true),  // this week
            draft(.stakeholderUpdate, .rejected, reviewedDaysAgo: 3),  // Sun 22 Nov: last week
            draft(.stakeholderUpdate, .rejected, reviewedDaysAgo: 9, edited: true),  // Mon 16 Nov
            draft(.stakeholderUpdate, .rejected, reviewedDaysAgo: 10),
            draft(.summarizeFeedback, .accepted, reviewedDaysAgo: 40),
            draft(.summarizeFeedback, .pending, reviewedDaysAgo: nil),
            draft(.orderBacklog, .superseded, reviewedDaysAgo: nil),
        ]
        for draft in drafts { snapshot.drafts[draft.id] = draft }
        // Automation's acceptance is told apart by its audit entry.
        let automatic = AuditEntry(at: drafts[0].reviewedAt!, actor: "automation", action: .accept, subject: ArtifactReference(.draft, drafts[0].id),
                                   summary: "Accepted", details: ["automation": "rule 12345678"])
        snapshot.audit[automatic.id] = automatic
        let experiment = Experiment(title: "E", hypothesis: "H", metric: "M", target: "T", createdAt: now.addingTimeInterval(-30 * day))
        snapshot.experiments[experiment.id] = experiment
        let decision = Decision(title: "D", choice: "C", decidedAt: now.addingTimeInterval(-5 * day))
        snapshot.decisions[decision.id] = decision
        return snapshot
    }

    @Test("minutes saved per accepted draft, summed per week from Monday")
    func timeWonBack() {
        let metrics = WorkMetrics.compute(snapshot(), now: now, minutesSaved: [.tagSentiment: 20, .stakeholderUpdate: 45, .summarizeFeedback: 30],
                                          calendar: calendar)
        #expect(metrics.minutesSaved == 20 + 45 + 30)
        #expect(metrics.weeks.count == 4, "the last four weeks when no --since")
        let thisWeek = metrics.weeks.last!
        #expect(thisWeek.weekStart == now.addingTimeInterval(-2 * day - 12 * 3600), "Monday 23 November 00:00")
        #expect(thisWeek.acceptedDrafts == 3 && thisWeek.minutes == 65, "two sentiment drafts on one day count 20 minutes once")
        #expect(metrics.weeks.dropLast().allSatisfy { $0.minutes == 0 }, "the summary accepted 40 days ago is older than four weeks")
        #expect(Format.duration(minutes: 95) == "1 h 35 min")
    }

    @Test("accept, edit and reject rates per kind; a kind under half accepted is flagged")
    func rates() {
        let metrics = WorkMetrics.compute(snapshot(), now: now, calendar: calendar)
        let update = metrics.kinds.first { $0.kind == .stakeholderUpdate }!
        #expect((update.accepted, update.rejected, update.edited, update.pending) == (1, 3, 2, 0))
        #expect(update.acceptRate == 0.25 && update.editRate == 0.5 && update.rejectRate == 0.75)
        #expect(update.needsWork)
        #expect(metrics.hints.contains { $0.hasPrefix("stakeholder-update: you accepted only 25% of the 4 drafts you judged") })
        let sentiment = metrics.kinds.first { $0.kind == .tagSentiment }!
        #expect(sentiment.accepted == 2 && sentiment.autoAccepted == 1 && sentiment.acceptRate == 1 && !sentiment.needsWork)
        #expect(sentiment.minutesSaved == 20)
        let summary = metrics.kinds.first { $0.kind == .summarizeFeedback }!
        #expect(summary.pending == 1 && summary.accepted == 1)
        #expect(metrics.kinds.first { $0.kind == .orderBacklog }.map { $0.decided + $0.pending } == 0, "superseded drafts do not count")

        let recent = WorkMetrics.compute(snapshot(), now: now, since: now.addingTimeInterval(-5 * day), calendar: calendar)
        let recentUpdate = recent.kinds.first { $0.kind == .stakeholderUpdate }!
        #expect((recentUpdate.accepted, recentUpdate.rejected) == (1, 1), "--since leaves out drafts reviewed before it")
        #expect(recent.minutesSaved == 20 + 45)
    }

    @Test("drafts automation accepted count for the rates only when a person undid them, as judged against the kind")
    func undoneAutoAcceptances() {
        var snapshot = snapshot()
        for back in [3.0, 2, 1] {
            var themes = draft(.clusterThemes, .pending, reviewedDaysAgo: nil)
            themes.createdAt = now.addingTimeInterval(-back * day)
            snapshot.drafts[themes.id] = themes
            let accepted = AuditEntry(at: now.addingTimeInterval(-back * day), actor: "automation", action: .accept,
                                      subject: ArtifactReference(.draft, themes.id), summary: "Accepted", details: ["automation": "rule 12345678"])
            let undone = AuditEntry(at: now.addingTimeInterval(-back * day + 600), actor: "po", action: .undo,
                                    subject: ArtifactReference(.draft, themes.id), summary: "Undid")
            snapshot.audit[accepted.id] = accepted
            snapshot.audit[undone.id] = undone
        }
        let themes = WorkMetrics.compute(snapshot, now: now, calendar: calendar).kinds.first { $0.kind == .clusterThemes }!
        #expect(themes.undone == 3 && themes.decided == 3 && themes.acceptRate == 0 && themes.rejectRate == 1)
        #expect(themes.needsWork, "automation kept accepting what the Product Owner kept taking back")
        let sentiment = WorkMetrics.compute(snapshot, now: now, calendar: calendar).kinds.first { $0.kind == .tagSentiment }!
        #expect(sentiment.decided == 1, "the draft automation accepted and nobody took back is not a judgment")
    }

    @Test("stance balance over 7 and 30 days, with hints for neglected stances")
    func balance() {
        let metrics = WorkMetrics.compute(snapshot(), now: now, calendar: calendar)
        let influencer = metrics.stances.first { $0.stance == .influencer }!
        #expect(influencer.acceptedDrafts7 == 1 && influencer.acceptedDrafts30 == 1)
        #expect(influencer.hint == nil, "a stakeholder update was accepted two days ago")
        let experimenter = metrics.stances.first { $0.stance == .experimenter }!
        #expect(experimenter.itemsTouched30 == 0 && experimenter.hint == "no experiment started or changed for 4 weeks")
        let customer = metrics.stances.first { $0.stance == .customerRepresentative }!
        #expect(customer.acceptedDrafts7 == 2 && customer.acceptedDrafts30 == 2)
        #expect(customer.weekly == [0, 0, 0, 0, 2])
        #expect(customer.hint == "no new feedback yet", "accepted sentiment tags are no new feedback")
        let visionary = metrics.stances.first { $0.stance == .visionary }!
        #expect(visionary.hint == "no change to the vision or goal for 6 months")
        #expect(metrics.decisions7 == 1 && metrics.decisions30 == 1)
        #expect(metrics.stances.first { $0.stance == .orchestrator }?.hint == nil, "the Orchestrator is never called neglected")
        #expect(WorkMetrics.sparkline([0, 1, 4, 8]) == "·▂▅█")
    }
}
