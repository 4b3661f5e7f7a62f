import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// Accept, reject, edit and undo, on the demo workspace with drafts from the offline engine.
@Suite("Draft review")
struct ReviewTests {
    /// Runs `kind` on the built-in engine and returns its draft.
    private func draft(_ kind: JobKind, in store: WorkspaceStore, parameters: JobParameters = [:], inputs: [ArtifactReference] = []) throws -> Draft {
        let engine = JobEngine(store: store, providerFor: { _ in LocalProvider() })
        let job = try engine.enqueue(kind, parameters: parameters, inputs: inputs)
        engine.waitForIdle()
        let saved = try #require(store.snapshot.jobs[job.id])
        #expect(saved.status == .done, "\(kind): \(saved.error ?? "")")
        return try #require(saved.draftID.flatMap { store.snapshot.drafts[$0] })
    }

    /// Every file of the workspace's records, by path, for before/after comparisons.
    private func files(_ root: URL, except: [String] = ["drafts", "audit", "jobs", ".podium"]) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            guard !except.contains(where: { relative.hasPrefix($0) }) else { continue }
            result[relative] = try Data(contentsOf: url)
        }
        return result
    }

    @Test("accepting a backlog order re-orders the backlog; undo puts every file back byte for byte")
    func acceptAndUndoOrder() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let before = try files(workspace.root)
        let order = try draft(.orderBacklog, in: store)
        let proposed = try #require(order.proposal?.backlogOrder)
        let accepted = try DraftReview(store: store, actor: "po").accept(order.id, note: "looks right\u{1B}[2J")
        #expect(accepted.status == .accepted && (accepted.appliedChanges?.count ?? 0) > 0)
        let open = store.snapshot.orderedBacklog.filter { $0.status == .proposed || $0.status == .ready }.map(\.id)
        #expect(open == proposed.filter { open.contains($0) }, "the open items follow the proposed order")
        #expect(try files(workspace.root) != before)
        let audit = store.snapshot.audit.values.filter { $0.action == .accept }
        #expect(audit.count == 1 && audit.first?.actor == "po" && audit.first?.details["note"]?.hasPrefix("looks right") == true)
        #expect(accepted.reviewNote?.contains("\u{1B}") == false, "the note is kept without escape codes")
        // The audit log's listing shows the note, as it shows a rejection's reason.
        #expect(audit.first?.summary.hasSuffix("(note: \(accepted.reviewNote ?? ""))") == true, "\(audit.first?.summary ?? "")")

        let undone = try DraftReview(store: store, actor: "po").undoAccept(order.id)
        #expect(undone.status == .pending && undone.appliedChanges == nil)
        #expect(try files(workspace.root) == before, "undo restores the records exactly")
        let reopened = try WorkspaceStore.open(at: workspace.root)
        #expect(reopened.snapshot.drafts[order.id]?.status == .pending)
        #expect(reopened.snapshot.audit.values.contains { $0.action == .undo })
    }

    @Test("undo is refused when a record the draft changed was changed again since")
    func undoRefusedAfterLaterChange() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let vision = try draft(.visionNarrative, in: store)
        try DraftReview(store: store).accept(vision.id)
        try store.write { transaction in
            var product = transaction.product
            product.vision = "Changed by hand after accepting."
            try transaction.setProduct(product)
        }
        #expect { try DraftReview(store: store).undoAccept(vision.id) } throws: {
            "\($0)".contains("The product's vision and goal changed after the draft was accepted")
        }
        #expect(store.snapshot.product.vision == "Changed by hand after accepting.")
        #expect(store.snapshot.drafts[vision.id]?.status == .accepted)
    }

    @Test("what accepting an order would change is numbered by backlog place, as the draft and the pane number it")
    func orderChangesNumbering() throws {
        let workspace = try Workspace(demo: true)
        let order = try draft(.orderBacklog, in: workspace.store)
        let (before, after) = DraftChanges.beforeAndAfter(order, in: workspace.store.snapshot)
        #expect(before.first == after.first && after.first?.hasPrefix("Places in the Product Backlog") == true)
        let rows = after.dropFirst()
        #expect(rows.count >= 2)
        for row in rows {
            #expect(order.content.contains(row + " [#"), "“\(row)” is numbered as in the draft")
        }
        let places = Set(before.dropFirst().compactMap { Int($0.prefix { $0.isNumber }) })
        #expect(Set(rows.compactMap { Int($0.prefix { $0.isNumber }) }) == places, "the items share out the places they hold")
    }

    @Test("an item moved and moved back is as the acceptance left it: the order can still be undone")
    func undoAfterMoveAndBack() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let order = try draft(.orderBacklog, in: store)
        let accepted = try DraftReview(store: store).accept(order.id)
        let changed = try #require(accepted.appliedChanges?.first { $0.reference.kind == .backlog }, "the order moved items")
        let moved = try #require(store.snapshot.backlog[RecordID(changed.reference.id)])
        let place = moved.order
        // K and then u in the Decision Maker pane: the same order, a newer updatedAt.
        for value in [place - 1, place] {
            try store.write { try $0.update(BacklogItem.self, id: moved.id) { $0.order = value; $0.updatedAt = Date().addingTimeInterval(5) } }
        }
        try DraftReview(store: store).undoAccept(order.id)
        #expect(store.snapshot.drafts[order.id]?.status == .pending)
    }

    @Test("an edited vision draft is what gets accepted; the edit keeps the previous text")
    func editThenAccept() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let vision = try draft(.visionNarrative, in: store)
        let text = "## Vision\n\nCalm field work for every trades business.\n\n## Product goal\n\nInvoice every job on site by March.\n"
        let edited = try DraftReview(store: store, actor: "po").edit(vision.id, content: text)
        #expect(edited.edits.count == 1 && edited.edits[0].previousContent == vision.content && edited.edits[0].by == "po")
        try DraftReview(store: store).accept(vision.id)
        #expect(store.snapshot.product.vision == "Calm field work for every trades business.")
        #expect(store.snapshot.product.productGoal == "Invoice every job on site by March.")
        #expect(store.snapshot.audit.values.contains { $0.action == .edit })
    }

    @Test("rejecting changes nothing but the draft; a reviewed draft cannot be reviewed again; a rejection can be undone")
    func reject() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let themes = try draft(.clusterThemes, in: store)
        let before = try files(workspace.root)
        let rejected = try DraftReview(store: store).reject(themes.id, reason: "too coarse")
        #expect(rejected.status == .rejected && rejected.reviewNote == "too coarse")
        #expect(try files(workspace.root) == before)
        #expect(throws: EngineError.self) { try DraftReview(store: store).accept(themes.id) }
        #expect(throws: EngineError.self) { try DraftReview(store: store).edit(themes.id, content: "x") }
        // Undoing the rejection puts the draft back in the inbox, and can be done once.
        let back = try DraftReview(store: store).undoReject(themes.id)
        #expect(back.status == .pending && back.reviewNote == nil && back.reviewedAt == nil)
        #expect(store.snapshot.audit.values.contains { $0.action == .undo && $0.subject?.id == themes.id.rawValue })
        #expect { try DraftReview(store: store).undoReject(themes.id) } throws: { "\($0)".contains("not rejected: there is nothing to undo") }
    }

    @Test("each kind of proposal lands where it should", arguments: [
        JobKind.clusterThemes, .tagSentiment, .buildPersonas, .decisionRecord, .proposeExperiments,
        .concludeExperiment, .stakeholderUpdate, .releaseNotes, .sprintReviewPack,
    ])
    func applies(_ kind: JobKind) throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let made = try draft(kind, in: store)
        let before = store.snapshot
        try DraftReview(store: store).accept(made.id)
        let after = store.snapshot
        switch kind {
        case .clusterThemes:
            let tagged = after.feedback.values.filter { $0.currentTags.contains { $0.hasPrefix("theme:") } }
            #expect(tagged.count == made.proposal?.themeTags?.reduce(0) { $0 + $1.feedbackIDs.count })
        case .tagSentiment:
            #expect(after.feedback.values.allSatisfy { $0.currentSentiment != nil })
        case .buildPersonas:
            #expect(after.personas.count == before.personas.count + (made.proposal?.personas?.count ?? 0))
            #expect(after.personas.values.allSatisfy { persona in persona.quotes.allSatisfy { after.feedback[$0.sourceID] != nil } })
        case .decisionRecord:
            #expect(after.decisions.count == before.decisions.count + 1)
        case .proposeExperiments:
            #expect(after.experiments.count > before.experiments.count)
        case .concludeExperiment:
            let id = try #require(made.proposal?.experimentConclusion?.experimentID)
            #expect(after.experiments[id]?.status == made.proposal?.experimentConclusion?.status)
        default:
            let added = after.communications.values.filter { before.communications[$0.id] == nil }
            // What goes out has no citation marks; the record keeps what they pointed to.
            #expect(added.count == 1 && added.first?.body == CitationMarks.stripped(made.content))
            #expect(added.first?.body.contains("[#") == false)
            #expect(added.first?.evidence == made.evidence.map(\.reference))
        }
        try DraftReview(store: store).undoAccept(made.id)
        #expect(store.snapshot.feedback.all.map(\.currentTags) == before.feedback.all.map(\.currentTags))
        #expect(store.snapshot.feedback.all.map(\.currentSentiment) == before.feedback.all.map(\.currentSentiment))
        #expect(store.snapshot.personas.count == before.personas.count && store.snapshot.decisions.count == before.decisions.count)
        #expect(store.snapshot.experiments.all == before.experiments.all)
        #expect(store.snapshot.communications.count == before.communications.count)
    }

    @Test("an edited order is applied as edited: a deleted row stays where it was, moved rows follow the text")
    func editedOrder() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let order = try draft(.orderBacklog, in: store)
        let proposed = try #require(order.proposal?.backlogOrder)
        let removed = proposed[1]
        let before = try #require(store.snapshot.backlog[removed]).order
        // Delete the second row (and its rationale line), swap the first and third.
        var lines = order.content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rows = Array(lines.indices.filter { lines[$0].firstMatch(of: #/^\d+\. /#) != nil }.prefix(3))
        try #require(rows.count == 3)
        let first = lines[rows[0]], third = lines[rows[2]]
        lines[rows[0]] = third
        lines[rows[2]] = first
        lines.remove(at: rows[1] + 1)
        lines.remove(at: rows[1])
        try DraftReview(store: store).edit(order.id, content: lines.joined(separator: "\n"))
        try DraftReview(store: store).accept(order.id)
        let backlog = store.snapshot.orderedBacklog.filter { $0.status == .proposed || $0.status == .ready }.map(\.id)
        #expect(backlog.firstIndex(of: proposed[2])! < backlog.firstIndex(of: proposed[0])!, "the swap is applied")
        #expect(store.snapshot.backlog[removed]?.order == before, "the deleted row's item did not move")
    }

    @Test("an edited vision needs its two sections; an empty one clears the field")
    func editedVision() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let vision = try draft(.visionNarrative, in: store)
        try DraftReview(store: store).edit(vision.id, content: "Just a paragraph, no headings.")
        #expect(throws: EngineError.self) { try DraftReview(store: store).accept(vision.id) }
        try DraftReview(store: store).edit(vision.id, content: "## Vision\n\nCalm days.\n\n## Product goal\n")
        try DraftReview(store: store).accept(vision.id)
        #expect(store.snapshot.product.vision == "Calm days." && store.snapshot.product.productGoal == "")
    }

    @Test("an edited experiments draft keeps the sections left and their rewritten fields")
    func editedExperiments() throws {
        let workspace = try Workspace(demo: true)
        let store = workspace.store
        let made = try draft(.proposeExperiments, in: store)
        let experiments = try #require(made.proposal?.experiments)
        try #require(experiments.count >= 2)
        let keep = experiments[0]
        let text = "## \(keep.title)\n\n- **Hypothesis:** Our own words.\n- **Metric:** Tickets per week\n"
        try DraftReview(store: store).edit(made.id, content: text)
        let before = store.snapshot.experiments.count
        try DraftReview(store: store).accept(made.id)
        #expect(store.snapshot.experiments.count == before + 1)
        let added = try #require(store.snapshot.experiments[keep.id])
        #expect(added.hypothesis == "Our own words." && added.metric == "Tickets per week" && added.target == keep.target)
    }
}
