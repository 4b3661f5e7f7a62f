import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// link-feedback measured on hand-labelled sets of products that are not the demo
/// (Tests/Fixtures/Evidence): the same figures `podium-bench links` reports.
@Suite("Feedback linked to the backlog, on labelled sets")
struct EvidenceLinkTests {
    /// Runs link-feedback on a labelled set imported as a user would.
    static func linkDraft(_ name: String, in folder: TemporaryDirectory) throws -> (ImportedEvidenceSet, Draft, [FeedbackLink]) {
        let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
        let job = Job(kind: .linkFeedback, stance: .decisionMaker)
        let output = try LocalProvider().run(JobRequest(job: job, snapshot: imported.store.snapshot), context: JobContext())
        let draft = Draft(jobID: job.id, kind: .linkFeedback, stance: .decisionMaker, title: output.title, content: output.content,
                          evidence: output.evidence, figures: output.figures, proposal: output.proposal)
        try imported.store.write { try $0.save(draft) }
        return (imported, draft, output.proposal?.feedbackLinks ?? [])
    }

    @Test("there are labelled sets of several products to measure on")
    func setsExist() {
        #expect(EvidenceSet.names.count >= 2, "\(EvidenceSet.names)")
    }

    /// What the built-in linker reaches today on every labelled set, kept as a floor so that a
    /// change that makes it worse fails. The issue's target (precision ≥ 0.85 with recall ≥ 0.6)
    /// is not reached: see docs/AI-JOBS.md for the figures and why.
    static let precisionFloor = 0.6
    static let recallFloor = 0.18

    @Test("demand links stay at or above today's precision and recall on every labelled set", arguments: EvidenceSet.names)
    func precisionAndRecall(name: String) throws {
        let folder = try TemporaryDirectory("podium-links")
        let (imported, _, links) = try Self.linkDraft(name, in: folder)
        let labelled = Set(imported.set.labels.map(\.feedback) + imported.set.unlinked)
        #expect(labelled.isSubset(of: Set(imported.feedback.keys)), "\(name): every labelled feedback item was imported")
        #expect(Set(imported.set.labels.map(\.backlog)).isSubset(of: Set(imported.backlog.keys)), "\(name): every labelled backlog item was imported")
        let score = imported.score(links)
        print("\(name): \(score)")
        for (word, range) in [("strong", 0.9...1.0), ("good", 0.7...0.8999), ("fair", 0.0...0.6999)] {
            let bucket = links.filter { range.contains($0.strength) && $0.kind == .demand }
            let right = imported.score(bucket).demandRight
            print("\(name): \(word) demand links \(right) of \(bucket.count) right")
        }
        if ProcessInfo.processInfo.environment["PODIUM_LINK_ERRORS"] != nil {
            let exportOf = Dictionary(imported.feedback.map { ($0.value, $0.key) }, uniquingKeysWith: { $0.count <= $1.count ? $0 : $1 })
            let keyOf = Dictionary(imported.backlog.map { ($0.value, $0.key) }, uniquingKeysWith: { $0.count >= $1.count ? $0 : $1 })
            var truth: [String: [String]] = [:]
            for label in imported.set.labels { truth[label.feedback, default: []].append("\(label.backlog):\(label.kind.rawValue)") }
            for link in links {
                let export = exportOf[link.feedbackID] ?? "?"
                let mine = "\(keyOf[link.backlogID] ?? "?"):\(link.kind.rawValue)"
                let labelled = truth[export] ?? ["unlinked"]
                if !labelled.contains(mine) { print("WRONG \(mine) labelled \(labelled) words \(link.itemWords) | \(link.phrase.prefix(120))") }
            }
        }
        #expect(score.precision >= Self.precisionFloor, "\(name): \(score)")
        #expect(score.recall >= Self.recallFloor, "\(name): \(score)")
        #expect(score.demandRight + score.validationRight > 0)
    }

    @Test("after accepting, the linked items show their evidence; order-backlog counts it; undo takes exactly the links back", arguments: EvidenceSet.names)
    func acceptOrderUndo(name: String) throws {
        let folder = try TemporaryDirectory("podium-links")
        let (imported, draft, links) = try Self.linkDraft(name, in: folder)
        let store = imported.store
        let before = store.snapshot.backlog.all
        let review = DraftReview(store: store)
        try review.accept(draft.id)
        // Items with much labelled demand (the big themes) must show evidence; the issue asks it
        // of every item with demand, which the built-in linker does not reach yet.
        let demandCounts = Dictionary(grouping: imported.set.labels.filter { $0.kind == .demand }, by: \.backlog).mapValues(\.count)
        var withEvidence = 0
        for (key, count) in demandCounts {
            let item = try #require(imported.backlog[key].flatMap { store.snapshot.backlog[$0] })
            if !item.linkedFeedback.isEmpty { withEvidence += 1 }
            if count >= 30 { #expect(!item.linkedFeedback.isEmpty, "\(name): “\(item.title)” has \(count) labelled demand items but no evidence") }
        }
        print("\(name): \(withEvidence) of \(demandCounts.count) items with labelled demand show evidence after accepting")
        #expect(Double(withEvidence) >= 0.5 * Double(demandCounts.count), "\(name): \(withEvidence) of \(demandCounts.count)")
        let linkedNow = store.snapshot.backlog.all.reduce(0) { $0 + $1.linkedFeedback.count + $1.validatingFeedback.count }
        #expect(linkedNow == links.count, "every proposed link was written, once")
        let order = try LocalProvider().run(JobRequest(job: Job(kind: .orderBacklog, stance: .decisionMaker), snapshot: store.snapshot),
                                            context: JobContext())
        // A tracker's export has estimates, not RICE inputs: the order comes from demand per point.
        #expect(order.content.contains("demand per point of effort"), "order-backlog ranks by the linked demand: \(order.content.prefix(300))")
        let noEffort = store.snapshot.backlog.all.allSatisfy { $0.estimate == nil && $0.rice.effort == nil && $0.wsjf.jobSize == nil }
        #expect(order.title.hasPrefix(noEffort ? "Backlog order by linked demand" : "Backlog order by demand per point of effort"),
                "the title names what the order rests on, not RICE: \(order.title)")
        // The places of done and dropped items are named, so a reader knows why numbers skip them.
        let kept = store.snapshot.orderedBacklog.enumerated().filter { $1.status == .done || $1.status == .dropped }.map { String($0.offset + 1) }
        if let last = kept.last { #expect(order.content.contains(" \(last) hold") || order.content.contains("place \(last) holds"), "\(order.content.prefix(600))") }
        let proposed = try #require(order.proposal?.backlogOrder)
        let waiting = store.snapshot.orderedBacklog.filter { $0.status == .proposed || $0.status == .ready }
        #expect(proposed != waiting.map(\.id), "\(name): the linked demand changes the order")
        try review.undoAccept(draft.id)
        let after = store.snapshot.backlog.all
        #expect(after.map(\.linkedFeedback) == before.map(\.linkedFeedback))
        #expect(after.map(\.validatingFeedback) == before.map(\.validatingFeedback))
    }
}

@Suite("Experiments linked to the backlog items they are about")
struct ExperimentLinkTests {
    @Test("an experiment about an item is proposed as linked to it; accepting links it, undo unlinks it")
    func experimentLinks() throws {
        let folder = try TemporaryDirectory("podium-experiment-links")
        let store = try WorkspaceStore.create(at: folder.path("w"), product: Product(name: "Bookly"))
        let export = BacklogItem(key: "BK-1", title: "Bulk export of bookings to CSV", description: "Download all bookings as a spreadsheet for accounting.", order: 1)
        let reminders = BacklogItem(key: "BK-2", title: "SMS reminders before appointments", description: "Text patients a day before their booking.", order: 2)
        let experiment = Experiment(title: "Reminder texts cut no-shows", hypothesis: "We believe a text message reminder the day before an appointment will cut no-shows by 20%.",
                                    metric: "no-show rate", target: "-20%")
        let feedback = ["I need to download my bookings to a spreadsheet every month", "Patients forget their appointment, a text reminder would help",
                        "Please send a reminder text the day before", "Export to CSV is missing and my accountant wants it"].map { FeedbackItem(text: $0) }
        try store.write { transaction in
            try transaction.save(export); try transaction.save(reminders); try transaction.save(experiment)
            for item in feedback { try transaction.save(item) }
        }
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .linkFeedback, stance: .decisionMaker), snapshot: store.snapshot), context: JobContext())
        let links = try #require(output.proposal?.experimentLinks)
        #expect(links.map(\.backlogID) == [reminders.id] && links.map(\.experimentID) == [experiment.id])
        #expect(output.content.contains("is about BK-2 SMS reminders before appointments"))
        let draft = Draft(kind: .linkFeedback, stance: .decisionMaker, title: output.title, content: output.content, evidence: output.evidence, proposal: output.proposal)
        try store.write { try $0.save(draft) }
        try DraftReview(store: store).accept(draft.id)
        #expect(store.snapshot.experiments[experiment.id]?.linkedBacklog == [reminders.id])
        try DraftReview(store: store).undoAccept(draft.id)
        #expect(store.snapshot.experiments[experiment.id]?.linkedBacklog == [])
        // Accepted again, then the experiment edited: undo still takes exactly the link back.
        try DraftReview(store: store).accept(draft.id)
        try store.write { transaction in
            var edited = try #require(transaction.record(Experiment.self, id: experiment.id))
            edited.title = "Reminder texts cut no-shows (edited)"
            try transaction.save(edited)
        }
        try DraftReview(store: store).undoAccept(draft.id)
        #expect(store.snapshot.experiments[experiment.id]?.linkedBacklog == [])
        #expect(store.snapshot.experiments[experiment.id]?.title == "Reminder texts cut no-shows (edited)")
    }
}

@Suite("Undoing accepted links")
struct LinkUndoTests {
    @Test("undo takes back exactly the draft's links, and keeps a link made by hand since on the same item")
    func undoKeepsHandLinks() throws {
        let folder = try TemporaryDirectory("podium-link-undo")
        let name = try #require(EvidenceSet.names.first)
        let (imported, draft, links) = try EvidenceLinkTests.linkDraft(name, in: folder)
        let store = imported.store
        let before = Dictionary(uniqueKeysWithValues: store.snapshot.backlog.all.map { ($0.id, $0) })
        try DraftReview(store: store).accept(draft.id)
        // By hand, afterwards: a feedback item the draft did not link goes to an item it did.
        let itemID = try #require(links.first?.backlogID)
        let proposed = Set(links.map(\.feedbackID))
        let hand = try #require(store.snapshot.feedback.all.first { !proposed.contains($0.id) })
        try store.write { transaction in
            var item = try #require(transaction.record(BacklogItem.self, id: itemID))
            item.link(hand.id, as: .demand)
            try transaction.save(item)
        }
        try DraftReview(store: store).undoAccept(draft.id)
        for item in store.snapshot.backlog.all {
            let expected = (before[item.id]?.linkedFeedback ?? []) + (item.id == itemID ? [hand.id] : [])
            #expect(Set(item.linkedFeedback) == Set(expected), "“\(item.title)” keeps its own links and the one made by hand")
            #expect(Set(item.validatingFeedback) == Set(before[item.id]?.validatingFeedback ?? []))
        }
        #expect(store.snapshot.drafts[draft.id]?.status == .pending)
    }
}

@Suite("Editing a links draft")
struct LinkEditTests {
    @Test("deleting a link's line leaves that link out, and the title counts what accepting writes")
    func deleteALine() throws {
        let folder = try TemporaryDirectory("podium-link-edit")
        let name = try #require(EvidenceSet.names.first)
        let (imported, draft, links) = try EvidenceLinkTests.linkDraft(name, in: folder)
        let dropped = try #require(links.first)
        let text = draft.content.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("- ") && $0.contains("[#\(dropped.feedbackID.short)]")) }.joined(separator: "\n")
        let edited = try DraftReview(store: imported.store).edit(draft.id, content: text)
        #expect(edited.title.hasPrefix("\(links.count - 1) feedback links"), "\(edited.title)")
        try DraftReview(store: imported.store).accept(draft.id)
        let item = try #require(imported.store.snapshot.backlog[dropped.backlogID])
        #expect(item.linkKind(of: dropped.feedbackID) == nil, "the deleted line's link was not written")
    }

    @Test("propose-experiments sets each target 30% under the rate it states, counted over the weeks it names", arguments: EvidenceSet.names)
    func experimentTargets(name: String) throws {
        let folder = try TemporaryDirectory("podium-experiments")
        let (imported, draft, _) = try EvidenceLinkTests.linkDraft(name, in: folder)
        try DraftReview(store: imported.store).accept(draft.id)
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .proposeExperiments, stance: .experimenter), snapshot: imported.store.snapshot),
                                             context: JobContext())
        let experiments = try #require(output.proposal?.experiments)
        #expect(!experiments.isEmpty)
        for experiment in experiments {
            let parts = try #require(experiment.target.firstMatch(of: /from ([0-9.]+) to ([0-9.]+) a week \(([0-9]+) complaints? in (?:the last 4 weeks|the ([0-9]+) weeks the feedback spans)\)/),
                                     "\(experiment.target)")
            let from = try #require(Double(String(parts.1))), to = try #require(Double(String(parts.2))), count = try #require(Double(String(parts.3)))
            let weeks = parts.4.flatMap { Double(String($0)) } ?? 4.0
            #expect(to < from || from == 0, "\(name): a target already met is no target: \(experiment.target)")
            #expect(abs(from - count / weeks) <= 0.05 + 1e-9, "\(name): the stated rate is the count over the weeks: \(experiment.target)")
        }
    }
}
