import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// Automation rules with a fake clock: schedules across a change of summer time, missed
/// occasions run once, sprint ends, import, experiment-end and backlog-done triggers, and
/// the trust policy applied to what rules make.
@Suite("Automation rules")
struct AutomationTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    private func date(_ text: String, _ zone: TimeZone) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    /// A demo workspace with the offline engine and a runner on it.
    private final class Setup: @unchecked Sendable {
        let workspace: Workspace
        let engine: JobEngine
        let runner: AutomationRunner
        var store: WorkspaceStore { workspace.store }

        init(trust: TrustPolicy = TrustPolicy()) throws {
            workspace = try Workspace(demo: true)
            engine = JobEngine(store: workspace.store, concurrency: 2, providerFor: { _ in LocalProvider() })
            engine.trust = trust
            runner = AutomationRunner(store: workspace.store, engine: engine)
        }

        func add(_ rule: AutomationRule) throws {
            try store.write { try $0.save(rule) }
        }

        /// Runs what is due at `now` and waits for the jobs.
        func runDue(_ now: Date, _ zone: TimeZone, imported: RulePlanner.ImportedBatch? = nil) throws -> [AutomationRunner.Queued] {
            let queued = try runner.runDue(now: now, timeZone: zone, imported: imported)
            #expect(engine.waitForIdle(timeout: .now() + 60))
            return queued
        }
    }

    @Test("every Friday 15:00 in Berlin runs at 15:00 local time on both sides of the change from summer time")
    func weeklyAcrossDST() throws {
        let setup = try Setup()
        let rule = try AutomationRule.validated(trigger: .every("fri 15:00"), job: .stakeholderUpdate, parameters: ["audience": "leadership"],
                                                createdAt: date("2026-10-20 09:00", berlin), timeZone: berlin)
        try setup.add(rule)
        #expect(try setup.runDue(date("2026-10-23 14:59", berlin), berlin).isEmpty, "not yet 15:00")
        let first = try setup.runDue(date("2026-10-23 15:00", berlin), berlin)
        #expect(first.map(\.job.kind) == [.stakeholderUpdate])
        #expect(first.first?.job.parameters["audience"] == "leadership")
        #expect(try setup.runDue(date("2026-10-23 18:00", berlin), berlin).isEmpty, "once per occasion")
        // The clocks went back on Sunday 25 October: 15:00 local is now 14:00 UTC, not 13:00.
        let utc = TimeZone(identifier: "UTC")!
        #expect(try setup.runDue(date("2026-10-30 13:59", utc), berlin).isEmpty)
        #expect(try setup.runDue(date("2026-10-30 14:00", utc), berlin).count == 1)
        let saved = try #require(setup.store.snapshot.rules[rule.id])
        #expect(saved.lastRun == date("2026-10-30 14:00", utc))
        #expect(saved.lastOutcome?.contains("queued stakeholder-update") == true)
        // The update is high impact: its draft waits for review.
        let drafts = setup.store.snapshot.drafts.values.filter { $0.kind == .stakeholderUpdate }
        #expect(drafts.count >= 1 && drafts.allSatisfy { $0.status == .pending || $0.status == .superseded })
    }

    @Test("occasions missed while nothing ran make the rule run once, not once per occasion")
    func missedRunsCollapse() throws {
        let setup = try Setup()
        try setup.add(try AutomationRule.validated(trigger: .every("daily 07:45"), job: .summarizeFeedback, createdAt: date("2026-10-01 08:00", berlin), timeZone: berlin))
        let late = try setup.runDue(date("2026-11-25 12:00", berlin), berlin)
        #expect(late.count == 1, "55 missed mornings run once")
        #expect(try setup.runDue(date("2026-11-25 12:05", berlin), berlin).isEmpty)
        #expect(try setup.runDue(date("2026-11-26 07:45", berlin), berlin).count == 1)
    }

    @Test("a sprint-end rule runs when each sprint of the product's cadence ends")
    func sprintEnds() throws {
        let setup = try Setup()
        try setup.store.write { transaction in
            var product = transaction.product
            product.sprint = SprintCadence(firstSprintStart: date("2026-11-02 00:00", berlin), lengthInDays: 14)
            try transaction.setProduct(product)
        }
        try setup.add(try AutomationRule.validated(trigger: .on("sprint-end"), job: .sprintReviewPack, createdAt: date("2026-11-01 12:00", berlin), timeZone: berlin))
        #expect(try setup.runDue(date("2026-11-15 23:59", berlin), berlin).isEmpty)
        #expect(try setup.runDue(date("2026-11-16 00:00", berlin), berlin).map(\.job.kind) == [.sprintReviewPack])
        #expect(try setup.runDue(date("2026-11-20 00:00", berlin), berlin).isEmpty)
        #expect(try setup.runDue(date("2026-12-01 09:00", berlin), berlin).count == 1, "the second sprint ended on 30 November")
    }

    @Test("import rules run on the new items; low-risk drafts are auto-accepted, audited as automation and can be undone")
    func importRules() throws {
        let setup = try Setup()
        let now = Date()
        let sentiment = try AutomationRule.validated(trigger: .on("import"), job: .tagSentiment, autoAccept: true, createdAt: now.addingTimeInterval(-60))
        let themes = try AutomationRule.validated(trigger: .on("import"), job: .clusterThemes, autoAccept: true, createdAt: now.addingTimeInterval(-60))
        let order = AutomationRule(trigger: .event(.imported), job: .orderBacklog, autoAccept: true, createdAt: now.addingTimeInterval(-60))  // hand-edited file
        var off = try AutomationRule.validated(trigger: .on("import"), job: .summarizeFeedback, createdAt: now.addingTimeInterval(-60))
        off.enabled = false
        for rule in [sentiment, themes, order, off] { try setup.add(rule) }
        #expect(try setup.runDue(now, berlin).isEmpty, "import rules wait for an import")

        let new = (0..<3).map { FeedbackItem(text: "The dispatch board drops jobs when I drag them, again \($0)", source: .review, createdAt: now) }
        try setup.store.write { try $0.save(all: new) }
        let queued = try setup.runDue(now, berlin, imported: .init(file: "reviews.csv", feedback: new.map(\.id)))
        #expect(Set(queued.map(\.job.kind)) == [.tagSentiment, .clusterThemes, .orderBacklog], "the disabled rule did not run")

        let snapshot = setup.store.snapshot
        let sentimentJob = try #require(snapshot.jobs.values.first { $0.rule == sentiment.id })
        #expect(Set(sentimentJob.inputs.map(\.id)) == Set(new.map(\.id.rawValue)), "tag-sentiment sees only the new items")
        #expect(snapshot.jobs.values.first { $0.rule == themes.id }?.inputs.isEmpty == true, "themes are clustered again over all feedback")

        let sentimentDraft = try #require(sentimentJob.draftID.flatMap { snapshot.drafts[$0] })
        #expect(sentimentDraft.status == .accepted)
        #expect(!sentimentDraft.evidence.isEmpty)
        #expect(new.allSatisfy { snapshot.feedback[$0.id]?.currentSentiment != nil }, "the tags are written")
        let audit = snapshot.audit.values.first { $0.action == .accept && $0.subject?.id == sentimentDraft.id.rawValue }
        #expect(audit?.isAutomated == true && audit?.actor == "automation")
        #expect(audit?.details["automation"] == "rule \(sentiment.id.short)")

        // A high-impact kind is never auto-accepted, even when a rule file says so.
        let orderJob = try #require(snapshot.jobs.values.first { $0.rule == order.id })
        #expect(orderJob.autoAccept == nil)
        #expect(orderJob.draftID.flatMap { snapshot.drafts[$0] }?.status == .pending)

        // Undo puts the items back as they were. The two acceptances wrote annotations files of
        // their own, so either can be undone first (the earlier one here).
        let themesDraft = try #require(snapshot.jobs.values.first { $0.rule == themes.id }?.draftID.flatMap { snapshot.drafts[$0] })
        let (later, earlier) = (themesDraft.reviewedAt ?? .distantPast) >= (sentimentDraft.reviewedAt ?? .distantPast)
            ? (themesDraft.id, sentimentDraft.id) : (sentimentDraft.id, themesDraft.id)
        try DraftReview(store: setup.store).undoAccept(earlier)
        try DraftReview(store: setup.store).undoAccept(later)
        #expect(new.allSatisfy { setup.store.snapshot.feedback[$0.id]?.currentSentiment == nil })
    }

    @Test("the trust policy auto-accepts a low-risk kind's drafts without a rule, never a high-risk one")
    func trustPolicy() throws {
        var trust = TrustPolicy()
        try trust.allowAutoAccept(.summarizeFeedback)
        let setup = try Setup(trust: trust)
        let summary = try setup.engine.enqueue(.summarizeFeedback)
        let order = try setup.engine.enqueue(.orderBacklog)
        setup.engine.waitForIdle()
        let snapshot = setup.store.snapshot
        let summaryDraft = try #require(snapshot.jobs[summary.id]?.draftID.flatMap { snapshot.drafts[$0] })
        #expect(summaryDraft.status == .accepted)
        #expect(snapshot.audit.values.contains { $0.subject?.id == summaryDraft.id.rawValue && $0.details["automation"] == "trust policy" })
        #expect(snapshot.jobs[order.id]?.draftID.flatMap { snapshot.drafts[$0] }?.status == .pending)
        #expect(throws: AutomationRule.Invalid.self) {
            try AutomationRule.validated(trigger: .on("import"), job: .stakeholderUpdate, autoAccept: true)
        }
        var settings = AutomationSettings(["trust": ["order-backlog": "auto-accept", "tag-sentiment": "auto-accept"]], file: "config.toml")
        #expect(settings.trust.autoAccepts(.tagSentiment) && !settings.trust.autoAccepts(.orderBacklog))
        #expect(settings.warnings.contains { $0.contains("trust.order-backlog") && $0.contains("high risk") })
        settings = AutomationSettings(["trust": ["tag-sentiment": "yes"]], file: "config.toml")
        #expect(settings.warnings == ["config.toml: trust.tag-sentiment must be \"auto-accept\" or \"always-review\""])
    }

    @Test("an experiment whose end passed is concluded once; items newly done get release notes once")
    func experimentAndDoneTriggers() throws {
        let setup = try Setup()
        let created = Date().addingTimeInterval(-3600)
        let conclude = try AutomationRule.validated(trigger: .on("experiment-end"), job: .concludeExperiment, createdAt: created)
        let notes = try AutomationRule.validated(trigger: .on("backlog-done"), job: .releaseNotes, createdAt: created)
        try setup.add(conclude)
        try setup.add(notes)
        let experiment = Experiment(title: "Sync banner", hypothesis: "We believe a banner cuts lost notes.", metric: "lost notes",
                                    target: "-30%", status: .running, startsAt: created, endsAt: Date().addingTimeInterval(-60))
        let item = try #require(setup.store.snapshot.orderedBacklog.first { $0.status != .done })
        try setup.store.write { transaction in
            try transaction.save(experiment)
            try transaction.update(BacklogItem.self, id: item.id) { $0.status = .done; $0.doneAt = Date(); $0.updatedAt = Date() }
        }
        // One that ended before the rule was made still waits for a conclusion; one whose
        // conclusion already waits for review is left alone.
        let older = Experiment(title: "Older", hypothesis: "H", metric: "M", target: "T", status: .running,
                               startsAt: created.addingTimeInterval(-86_400 * 30), endsAt: created.addingTimeInterval(-86_400))
        let reviewed = Experiment(title: "Reviewed", hypothesis: "H", metric: "M", target: "T", status: .running,
                                  startsAt: created.addingTimeInterval(-86_400 * 30), endsAt: created.addingTimeInterval(-86_400))
        try setup.store.write { try $0.save(all: [older, reviewed]) }
        _ = try setup.engine.enqueue(.concludeExperiment, inputs: [ArtifactReference(.experiment, reviewed.id)])
        setup.engine.waitForIdle()
        let queued = try setup.runDue(Date(), berlin)
        #expect(Set(queued.filter { $0.rule.id == conclude.id }.flatMap(\.job.inputs)) == [ArtifactReference(.experiment, experiment.id), ArtifactReference(.experiment, older.id)])
        #expect(queued.first { $0.rule.id == notes.id }?.job.inputs == [ArtifactReference(.backlog, item.id)])
        #expect(try setup.runDue(Date(), berlin).isEmpty, "each event is handled once")
        #expect(throws: AutomationRule.Invalid.self) { try AutomationRule.validated(trigger: .on("import"), job: .concludeExperiment) }
    }

    @Test("a spike rule runs when a theme rises beyond chance, once per spike, with the signal in its reason and its draft")
    func spikeRule() throws {
        let setup = try Setup()
        let rule = try RuleSpec.parse("on spike what-changed")
        #expect(rule.trigger == .event(.spike))
        try setup.add(rule)
        #expect(try setup.runDue(Date(), berlin).isEmpty, "the demo's steady weeks are no spike")
        // Thirty complaints about offline sync in two days: six times its usual week.
        let now = Date()
        let burst = (0..<30).map { index in
            FeedbackItem(text: "Offline sync lost my job notes again (\(index))", source: .support, author: "tech \(index)",
                         createdAt: now.addingTimeInterval(-Double(index) * 5_000), tags: ["offline-sync"], sentiment: -0.7)
        }
        try setup.store.write { try $0.save(all: burst) }
        let queued = try setup.runDue(now, berlin)
        #expect(queued.count == 1)
        let line = try #require(queued.first?.summary)
        #expect(line.contains("(on spike): what-changed for spike — rising: offline sync"), "\(line)")
        let job = try #require(queued.first?.job)
        // Thirty complaints also sour all feedback this week: both are the rule's spikes.
        #expect(job.parameters.signals == "rising:offline sync:\(RulePlanner.isoWeek(now)); souring:all feedback:\(RulePlanner.isoWeek(now))")
        let draft = try #require(setup.store.snapshot.drafts.values.first { $0.jobID == job.id })
        #expect(draft.content.contains("**rising: offline sync** — 3"))
        #expect(draft.evidence.contains { $0.reference == ArtifactReference(.feedback, burst[0].id) || burst.map(\.id.rawValue).contains($0.reference.id) })
        #expect(try setup.runDue(now.addingTimeInterval(600), berlin).isEmpty, "a spike is handled once")
        #expect(throws: AutomationRule.Invalid.self) { try RuleSpec.parse("on spikes what-changed") }
    }

    @Test("two workspace handles (each with its own lock, as two processes have) checking at the same moment run a due rule once")
    func oneRunAcrossProcesses() throws {
        let setup = try Setup()
        try setup.add(try AutomationRule.validated(trigger: .every("daily 07:45"), job: .tagSentiment, createdAt: date("2026-11-01 08:00", berlin), timeZone: berlin))
        let other = try WorkspaceStore.open(at: setup.workspace.root)
        let otherEngine = JobEngine(store: other, providerFor: { _ in LocalProvider() })
        let otherRunner = AutomationRunner(store: other, engine: otherEngine)
        let now = date("2026-11-25 08:00", berlin)
        let counts = LockedCounts()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let runner = index == 0 ? setup.runner : otherRunner
            counts.add((try? runner.runDue(now: now, timeZone: berlin).count) ?? -100)
        }
        setup.engine.waitForIdle()
        otherEngine.waitForIdle()
        #expect(counts.total == 1)
        try setup.store.refresh()
        #expect(setup.store.snapshot.jobs.values.filter { $0.rule != nil }.count == 1)
    }

    @Test("rules are stored as readable JSON, and a rule file with a bad schedule is moved aside with the reason")
    func ruleFiles() throws {
        let setup = try Setup()
        let rule = try AutomationRule.validated(trigger: .every("mon,wed 08:30"), job: .summarizeFeedback)
        try setup.add(rule)
        let file = setup.workspace.root.appendingPathComponent("rules/\(rule.id.rawValue).json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"every\" : \"mon,wed 08:30\""))
        #expect(text.contains("\"job\" : \"summarize-feedback\""))
        try text.replacingOccurrences(of: "mon,wed 08:30", with: "someday").write(to: file, atomically: true, encoding: .utf8)
        let reopened = try WorkspaceStore.open(at: setup.workspace.root)
        #expect(reopened.snapshot.rules.isEmpty)
        #expect(reopened.problems.contains { $0.description.contains("rules/") && $0.description.contains("someday") }, "\(reopened.problems)")
    }
}

extension AutomationTests {
    @Test("an edit or an undo of a rule keeps when it last ran, so it does not run again; what the edit did not change stays")
    func ruleEditsKeepRunState() throws {
        let setup = try Setup()
        let book = RuleBook(store: setup.store)
        let rule = try AutomationRule.validated(trigger: .every("daily 09:00"), job: .summarizeFeedback, createdAt: date("2026-11-20 08:00", berlin), timeZone: berlin)
        try book.add(rule)
        #expect(throws: AutomationRule.Invalid.self) { try book.add(try AutomationRule.validated(trigger: .every("daily 09:00"), job: .summarizeFeedback)) }
        // The editor opens at 08:55; the rule runs at 09:00; the edit is saved at 09:05.
        let opened = try #require(setup.store.snapshot.rules[rule.id])
        #expect(try setup.runDue(date("2026-11-25 09:00", berlin), berlin).count == 1)
        try book.setEnabled(rule.id, false)  // meanwhile, from the command line
        var edited = opened
        edited.trigger = try .every("daily 09:30")
        let saved = try book.replace(edited, base: opened)
        #expect(saved.lastRun == date("2026-11-25 09:00", berlin), "the run during the edit is kept")
        #expect(!saved.enabled, "the edit did not touch 'enabled', so the later disable stands")
        try book.setEnabled(rule.id, true)
        #expect(try setup.runDue(date("2026-11-25 09:10", berlin), berlin).isEmpty)
        // Undo puts the settings back, not the run state.
        try book.restore(opened)
        let restored = try #require(setup.store.snapshot.rules[rule.id])
        #expect(restored.trigger == opened.trigger && restored.lastRun == date("2026-11-25 09:00", berlin))
        #expect(try setup.runDue(date("2026-11-25 09:20", berlin), berlin).isEmpty, "it ran at 09:00 already")
    }

    @Test("a draft counts as auto-accepted only while automation's acceptance stands")
    func autoAcceptanceFromTheAudit() throws {
        var trust = TrustPolicy()
        try trust.allowAutoAccept(.tagSentiment)
        let setup = try Setup(trust: trust)
        let job = try setup.engine.enqueue(.tagSentiment)
        setup.engine.waitForIdle()
        let draft = try #require(setup.store.snapshot.jobs[job.id]?.draftID)
        #expect(AutoAcceptance.drafts(in: setup.store.snapshot) == [draft])
        try DraftReview(store: setup.store).undoAccept(draft)
        #expect(AutoAcceptance.drafts(in: setup.store.snapshot).isEmpty)
        try DraftReview(store: setup.store).accept(draft, at: Date().addingTimeInterval(1))
        #expect(AutoAcceptance.drafts(in: setup.store.snapshot).isEmpty, "accepted again by a person")
    }
}

/// Sums counts from several threads.
final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var sum = 0
    func add(_ value: Int) { lock.withLock { sum += value } }
    var total: Int { lock.withLock { sum } }
}

extension AutomationTests {
    @Test("a rule's newer draft replaces its pending older one when it covers the same ground; another batch's tags do not")
    func rerunsReplaceOlderDrafts() throws {
        let setup = try Setup()
        let created = Date().addingTimeInterval(-3600)
        let themes = try AutomationRule.validated(trigger: .on("import"), job: .clusterThemes, createdAt: created)
        let sentiment = try AutomationRule.validated(trigger: .on("import"), job: .tagSentiment, createdAt: created)
        let notes = try AutomationRule.validated(trigger: .on("backlog-done"), job: .releaseNotes, createdAt: created)
        for rule in [themes, sentiment, notes] { try setup.add(rule) }

        func importBatch(_ file: String) throws {
            let batch = (0..<2).map { FeedbackItem(text: "Offline sync lost my notes in \(file) \($0)", source: .review, createdAt: Date()) }
            try setup.store.write { try $0.save(all: batch) }
            _ = try setup.runDue(Date(), berlin, imported: .init(file: file, feedback: batch.map(\.id)))
        }
        try importBatch("monday.csv")
        try importBatch("tuesday.csv")

        func drafts(of rule: AutomationRule) -> [Draft] {
            let snapshot = setup.store.snapshot
            return snapshot.jobs.values.filter { $0.rule == rule.id }.compactMap { $0.draftID.flatMap { snapshot.drafts[$0] } }
        }
        #expect(drafts(of: themes).map(\.status).sorted { $0.rawValue < $1.rawValue } == [.pending, .superseded],
                "themes are clustered over all feedback: the second file's run replaces the first")
        // A draft the Product Owner edited is never replaced: the edit waits beside the new one.
        let edited = try #require(drafts(of: themes).first { $0.status == .pending })
        try DraftReview(store: setup.store).edit(edited.id, content: edited.content + "\n\nMy note for the team.")
        try importBatch("wednesday.csv")
        #expect(setup.store.snapshot.drafts[edited.id]?.status == .pending, "the edited draft stays")
        #expect(drafts(of: themes).filter { $0.status == .pending }.count == 2)
        #expect(drafts(of: sentiment).map(\.status) == [.pending, .pending, .pending], "each file's new items have tags of their own")

        for _ in 0..<2 {
            let item = try #require(setup.store.snapshot.orderedBacklog.first { $0.status != .done })
            try setup.store.write { transaction in
                try transaction.update(BacklogItem.self, id: item.id) { $0.status = .done; $0.doneAt = Date(); $0.updatedAt = Date() }
            }
            _ = try setup.runDue(Date(), berlin)
        }
        #expect(drafts(of: notes).map(\.status).sorted { $0.rawValue < $1.rawValue } == [.pending, .superseded],
                "the newer release notes cover everything done since the last notes")
    }
}

extension AutomationTests {
    @Test("a rule keeps the time zone it was made in: checks from other zones run it once, at its time")
    func ruleTimeZone() throws {
        let setup = try Setup()
        let utc = TimeZone(identifier: "UTC")!
        let rule = try AutomationRule.validated(trigger: .every("fri 15:00"), job: .summarizeFeedback,
                                                createdAt: date("2026-11-20 09:00", berlin), timeZone: berlin)
        try setup.add(rule)
        #expect(setup.store.snapshot.rules[rule.id]?.timeZone == "Europe/Berlin", "saved in its file")
        // The dashboard in Berlin runs it at 15:00 Berlin (14:00 UTC); cron on a UTC machine
        // checking at 15:00 UTC finds nothing due.
        #expect(try setup.runDue(date("2026-11-27 14:00", utc), berlin).count == 1)
        #expect(try setup.runDue(date("2026-11-27 15:00", utc), utc).isEmpty, "not again at 15:00 UTC")
        #expect(try setup.runDue(date("2026-12-04 14:00", utc), utc).count == 1, "a UTC check runs it at 15:00 Berlin too")
        // A rule file written without a zone follows the zone of the process that checks.
        var old = try AutomationRule.validated(trigger: .every("daily 07:00"), job: .tagSentiment, createdAt: date("2026-12-04 09:00", utc))
        old.timeZone = nil
        try setup.add(old)
        #expect(try setup.runDue(date("2026-12-05 06:59", utc), utc).isEmpty)
        #expect(try setup.runDue(date("2026-12-05 07:00", utc), utc).map(\.rule.id) == [old.id])
    }
}

extension AutomationTests {
    @Test("an edit that would make a rule another's twin, or name a zone that does not exist, is refused and changes nothing")
    func editsAreChecked() throws {
        let setup = try Setup()
        let book = RuleBook(store: setup.store)
        let themes = try AutomationRule.validated(trigger: .on("import"), job: .clusterThemes)
        let sentiment = try AutomationRule.validated(trigger: .on("import"), job: .tagSentiment)
        try book.add(themes)
        try book.add(sentiment)
        var twin = sentiment
        twin.job = .clusterThemes
        #expect { try book.replace(twin, base: sentiment) } throws: { "\($0)".contains("rule \(themes.id.short) already does this") }
        var elsewhere = sentiment
        elsewhere.timeZone = "Mars/Olympus"
        #expect { try book.replace(elsewhere, base: sentiment) } throws: { "\($0)".contains("\"Mars/Olympus\" is not a time zone") }
        #expect(!elsewhere.sameSettings(as: sentiment) && sentiment.sameSettings(as: sentiment), "a zone is a setting")
        elsewhere.timeZone = "America/New_York"
        #expect(try book.replace(elsewhere, base: sentiment).timeZone == "America/New_York", "a real zone is kept")
        #expect(setup.store.snapshot.rules[sentiment.id]?.job == .tagSentiment)
        // Undo of a removal that a twin took the place of meanwhile is refused too.
        try book.remove(themes.id)
        try book.add(try AutomationRule.validated(trigger: .on("import"), job: .clusterThemes))
        #expect { try book.restore(themes) } throws: { "\($0)".contains("already does this") }
        #expect(setup.store.snapshot.rules.count == 2)
        // Two twins on at once (a git merge of two clones that each added it): one can be turned off.
        var merged = themes
        merged.id = .make()
        try setup.store.write { try $0.save(merged) }
        try book.setEnabled(merged.id, false)
        #expect(setup.store.snapshot.rules[merged.id]?.enabled == false)
        #expect { try book.setEnabled(merged.id, true) } throws: { "\($0)".contains("already does this") }
    }
}

/// Writes one text citing what it is given, with one real feedback item as evidence.
private struct CitingProvider: Provider {
    let info = ProviderInfo(name: "citing", model: "test")
    let text: String
    let evidence: ArtifactReference

    func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        DraftOutput(title: "Summary", content: "Customers say so \(text).", evidence: [Evidence(evidence)])
    }
}

extension AutomationTests {
    @Test("a low-risk draft citing an id its evidence lacks is never auto-accepted, however the id is written", arguments: [
        ("[#SHORT]", true), ("[#UPPER]", true), ("[#FULL]", true),
        ("[#SHORT, #deadbeef]", false), ("[#DEADBEEF]", false), ("[#01900000-0000-7000-8000-0000deadbeef]", false),
    ])
    func madeUpCitations(_ cite: String, accepted: Bool) throws {
        let workspace = try Workspace(demo: true)
        let item = try #require(workspace.store.snapshot.feedback.all.first)
        let short = String(item.id.rawValue.suffix(8))
        let text = cite.replacingOccurrences(of: "SHORT", with: short).replacingOccurrences(of: "UPPER", with: short.uppercased())
            .replacingOccurrences(of: "FULL", with: item.id.rawValue)
        let engine = JobEngine(store: workspace.store, providerFor: { _ in CitingProvider(text: text, evidence: ArtifactReference(.feedback, item.id)) })
        var trust = TrustPolicy()
        try trust.allowAutoAccept(.summarizeFeedback)
        engine.trust = trust
        let job = try engine.enqueue(.summarizeFeedback)
        engine.waitForIdle()
        let draft = try #require(workspace.store.snapshot.jobs[job.id]?.draftID.flatMap { workspace.store.snapshot.drafts[$0] })
        #expect((draft.status == .accepted) == accepted, "\(text): \(draft.status), unknown \(draft.unknownReferences ?? [])")
    }

    @Test("auto-accept follows the policy as it is when the draft is ready: a rule that stopped auto-accepting leaves it for review")
    func policyCheckedWhenReady() throws {
        let setup = try Setup()
        var rule = try AutomationRule.validated(trigger: .on("import"), job: .tagSentiment, autoAccept: true)
        try setup.add(rule)
        // Queued while the rule auto-accepted (a retry days later, or a change while it waited) …
        let job = try JobEngine.prepare(.tagSentiment, rule: rule.id, autoAccept: rule.autoAccepts)
        #expect(job.autoAccept == true)
        rule.autoAccept = false
        try setup.add(rule)
        try setup.store.write { try $0.save(job) }
        setup.engine.start([job])
        setup.engine.waitForIdle()
        let snapshot = setup.store.snapshot
        #expect(snapshot.jobs[job.id]?.draftID.flatMap { snapshot.drafts[$0] }?.status == .pending, "… the rule no longer auto-accepts: it waits")
    }
}
