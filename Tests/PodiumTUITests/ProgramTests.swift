import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumTestSupport
@testable import PodiumTUI
import PodiumViewModels
import Testing

/// A demo workspace on disk and a program over it on a test terminal.
private struct Harness {
    let folder: TemporaryDirectory
    let store: WorkspaceStore
    let backend: TestBackend
    let program: Program
    let engine: JobEngine?

    init(width: Int = 120, height: Int = 36, jobs: Bool = false, feedback: Int = 60, script: [TestBackend.Step]) throws {
        folder = try TemporaryDirectory("podium-program")
        store = try DemoWorkspace(feedbackCount: feedback).create(at: folder.path("demo"))
        backend = TestBackend(width: width, height: height, script: script)
        program = Program(store: store, backend: backend, theme: .monochrome, keyMap: .standard)
        if jobs {
            let engine = JobEngine(store: store, concurrency: 1, providerFor: { _ in LocalProvider() })
            program.attach(engine)
            self.engine = engine
        } else {
            engine = nil
        }
    }

    /// Runs the program until the script ends (or a key quits), then stops the engine.
    func run() {
        program.run()
        engine?.shutdown()
    }

    /// The workspace as another process would read it now.
    func reread() throws -> WorkspaceSnapshot { try WorkspaceStore.open(at: store.layout.root).snapshot }
}

/// What an effect came to, without the workspace it carries: enough to compare with `==`.
private enum Outcome: Equatable {
    /// The workspace as written, with the collections whose panes are rebuilt (nil: all).
    case changed([RecordCollection]?)
    case reviewed(ReviewOutcome)
    case orchestrated(OrchestratorOutcome)
    case failed(String)
    case other(String)

    init(_ msg: Msg) {
        switch msg {
        case let .workspaceChanged(_, changes, _): self = .changed(changes.map { $0.records.keys.sorted { $0.rawValue < $1.rawValue } })
        case let .reviewed(outcome): self = .reviewed(outcome)
        case let .orchestrated(outcome): self = .orchestrated(outcome)
        case let .effectFailed(reason): self = .failed(reason)
        default: self = .other("\(msg)")
        }
    }
}

extension Program {
    /// Carries out `effect` and says what came of it (see `Outcome`).
    fileprivate func outcomes(of effect: Effect) -> [Outcome] { perform(effect).map(Outcome.init) }
}

extension WorkspaceStore {
    /// Saves a pending draft of `kind` (summaries by default: low risk, nothing to apply).
    fileprivate func savePendingDraft(_ title: String, kind: JobKind = .summarizeFeedback) throws -> Draft {
        let draft = Draft(kind: kind, stance: kind.info?.stance ?? .orchestrator, title: title, content: "Text of \(title)\n")
        try write { try $0.save(draft) }
        return draft
    }
}

@Suite("The program loop on a test terminal")
struct ProgramTests {
    @Test("the workspace folder deleted while the dashboard is open: the status bar says it is gone, not which file failed")
    func folderGone() throws {
        final class Folder: @unchecked Sendable { var root: URL? }
        let folder = Folder()
        let harness = try Harness(script: [
            .key(.character("2")),
            .wait("the folder deleted", seconds: 5) { _ in
                if let root = folder.root { try? FileManager.default.removeItem(at: root) }
                return true
            },
            TestBackend.waitForScreen("is gone (moved, deleted"),
        ])
        folder.root = harness.store.layout.root
        harness.run()
        #expect(harness.backend.text.contains("nothing can be saved here"), "\(harness.backend.text)")
    }

    @Test("K moves a backlog item up on disk with an audit entry; u puts it back")
    func reorderWritesAndUndoes() throws {
        let harness = try Harness(script: [.key(.character("4")), .key(.character("j")), .key(.character("K")),
                                           TestBackend.waitForScreen("· u undoes"), .key(.character("u")),
                                           TestBackend.waitForScreen("Undid: moved")])
        let before = harness.store.snapshot.orderedBacklog.map(\.id)
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        let after = try harness.reread()
        #expect(after.orderedBacklog.map(\.id) == before, "the undo put the order back")
        let summaries = after.audit.values.map(\.summary)
        #expect(summaries.contains { $0.hasPrefix("moved \"") && $0.hasSuffix("\" up") })
        #expect(summaries.contains { $0.hasPrefix("Undo: moved") })
    }

    @Test("a job's draft arrives as a notice, is selected in the Orchestrator, accepted with a, and u undoes it")
    func jobToAcceptance() throws {
        let harness = try Harness(jobs: true, script: [
            .key(.character("3")), .key(.character("m")), TestBackend.waitForScreen("Draft ready"),
            .key(.character("7")), .key(.enter), TestBackend.waitForScreen("a accept · x reject"),
            .key(.character("a")), TestBackend.waitForScreen("Accepted “"),
            .key(.character("u")), TestBackend.waitForScreen("Undid accepting “"),
        ])
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        let drafts = try harness.reread().drafts.values.filter { $0.kind == .summarizeFeedback }
        #expect(drafts.count == 1)
        #expect(drafts.first?.status == .pending, "the acceptance was taken back: \(drafts.map(\.status))")
    }

    @Test("I previews a file, y imports it, and the feedback pane counts the new items")
    func importFromTheDashboard() throws {
        let files = try TemporaryDirectory("podium-import")
        let file = files.path("reviews.csv")
        try Data("text,rating\nThe export button is hidden,2\nLove the new calendar,5\n".utf8).write(to: file)
        var script: [TestBackend.Step] = [.key(.character("3")), .key(.character("I"))]
        script += TestBackend.typing(file.path + "\n")
        script += [TestBackend.waitForScreen("y imports"), .key(.character("y")), TestBackend.waitForScreen("Imported 2")]
        let harness = try Harness(script: script)
        harness.run()
        withExtendedLifetime(files) {}
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        #expect(harness.backend.text.contains("62 items · "), "\(harness.backend.text)")
        #expect(try harness.reread().feedback.count == 62)
    }

    @Test("two marked feedback items are linked as demand on disk with an audit entry; the Decision Maker's record shows them; u undoes on disk")
    func linkMarkedFeedback() throws {
        var recordScreen = ""
        var script: [TestBackend.Step] = [.key(.character("3")), .key(.character(" ")), .key(.character(" ")), .key(.character("L"))]
        script += TestBackend.typing("xero sync")
        script += [TestBackend.waitForScreen("Enter links as demand"), .key(.enter),
                   TestBackend.waitForScreen("Linked 2 feedback items to “Xero sync” as demand"), .key(.character("4")), .key(.character("/"))]
        script += TestBackend.typing("xero\n")
        script += [.key(.enter), TestBackend.waitForScreen("Record · backlog #"),
                   .wait("keep the record screen", seconds: 1) { recordScreen = $0.text; return true },
                   .key(.escape), .key(.escape), .key(.character("u")), TestBackend.waitForScreen("Undid: linked 2")]
        let harness = try Harness(script: script)
        let item = try #require(harness.store.snapshot.backlog.values.first { $0.title == "Xero sync" })
        let marked = harness.store.snapshot.feedback.values.sorted { $0.id > $1.id }.prefix(2).map(\.id)
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        #expect(recordScreen.contains("Demand (\(item.linkedFeedback.count + 2))"), "\(recordScreen)")
        let after = try harness.reread()
        #expect(after.backlog[item.id]?.linkedFeedback == item.linkedFeedback, "the undo took both links back")
        let entries = after.audit.values.filter { $0.details["kind"] == "feedback-link" }.sorted { $0.id < $1.id }
        #expect(entries.map(\.summary) == ["linked 2 feedback items to “Xero sync” as demand", "Undo: linked 2 feedback items to “Xero sync” as demand"])
        #expect(entries.allSatisfy { $0.details["stance"] == "customer-representative" && $0.subject == ArtifactReference(.backlog, item.id) })
        #expect(marked.allSatisfy { !item.linkedFeedback.contains($0) }, "the two were not linked before")
    }

    @Test("the link is on disk before the undo: the two marked items are the item's demand")
    func linkOnDisk() throws {
        var script: [TestBackend.Step] = [.key(.character("3")), .key(.character(" ")), .key(.character(" ")), .key(.character("L"))]
        script += TestBackend.typing("xero sync")
        script += [.key(.enter), TestBackend.waitForScreen("Linked 2 feedback items")]
        let harness = try Harness(script: script)
        let item = try #require(harness.store.snapshot.backlog.values.first { $0.title == "Xero sync" })
        let marked = harness.store.snapshot.feedback.values.sorted { $0.id > $1.id }.prefix(2).map(\.id)
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        let linked = try #require(try harness.reread().backlog[item.id])
        #expect(Set(linked.linkedFeedback) == Set(item.linkedFeedback + marked))
        #expect(linked.validatingFeedback == item.validatingFeedback)
    }

    @Test("a draft's citation opens its record with n and Enter; Esc comes back to the draft")
    func openDraftCitation() throws {
        var recordScreen = ""
        let harness = try Harness(jobs: true, script: [
            .key(.character("3")), .key(.character("m")), TestBackend.waitForScreen("Draft ready"),
            .key(.character("7")), .key(.enter), TestBackend.waitForScreen("a accept · x reject"),
            .key(.character("n")), TestBackend.waitForScreen("Citation 1 of"), .key(.enter), TestBackend.waitForScreen("Record · feedback #"),
            .wait("keep the record screen", seconds: 1) { recordScreen = $0.text; return true },
            .key(.escape), TestBackend.waitForScreen("Esc back"),
        ])
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        #expect(recordScreen.contains("Esc back to the draft"), "\(recordScreen)")
        guard case let .draft(view) = harness.program.state.mode else {
            Issue.record("Esc returns to the draft: \(harness.program.state.mode)")
            return
        }
        #expect(view.citation == 0, "where it was: the first citation picked")
        #expect(harness.backend.text.contains("Citation 1 of"))
    }

    @Test("Ctrl-R reads the workspace again and says so")
    func refresh() throws {
        let harness = try Harness(script: [.key(.control("r")), TestBackend.waitForScreen("Up to date.")])
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.text)")
    }

    @Test("+ in the Orchestrator adds a rule, selected in the rules view; a rule that does not parse is refused in the prompt")
    func addRule() throws {
        var script: [TestBackend.Step] = [.key(.character("7")), .key(.character("+"))]
        script += TestBackend.typing("on import order-backlog auto-accept\n")
        script.append(TestBackend.waitForScreen("Not added"))
        script.append(.key(.control("u")))
        script += TestBackend.typing("on import tag-sentiment auto-accept\n")
        script.append(TestBackend.waitForScreen("Added rule"))
        let harness = try Harness(script: script)
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        let rules = try harness.reread().rules.values
        #expect(rules.map(\.job) == [.tagSentiment])
        #expect(harness.program.state.selectedRow?.id == rules.first?.id.rawValue, "the new rule is selected")
    }

    @Test("q quits at once: the rest of the script is never played")
    func quit() throws {
        let harness = try Harness(script: [.key(.character("q")), .key(.character("4"))])
        harness.run()
        #expect(harness.program.state.focusedStance == .visionary)
        #expect(harness.backend.frames >= 1)
    }

    @Test("a resize redraws the whole screen at the new size")
    func resize() throws {
        let harness = try Harness(width: 160, height: 30, script: [
            TestBackend.waitForScreen("Customer Representative"), .resize(width: 80, height: 24), TestBackend.waitForScreen("Customer"),
        ])
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.text)")
        #expect(!harness.backend.text.contains("Customer Representative"), "the tabs take their short titles at 80 columns")
        #expect(harness.backend.text.split(separator: "\n", omittingEmptySubsequences: false).count == 24)
    }

    @Test("n adds a backlog item through the form, e changes its estimate, x and y delete it, u brings it back: each on disk, audited")
    func backlogByHand() throws {
        var script: [TestBackend.Step] = [.key(.character("4")), .key(.character("n"))]
        script += TestBackend.typing("Remember categories per supplier")
        script += [.key(.tab), .key(.tab), .key(.tab)]
        script += TestBackend.typing("XL")
        script += [TestBackend.waitForScreen("“XL” is not a number"), .key(.enter), TestBackend.waitForScreen("Not saved: estimate"),
                   .key(.control("u"))]
        script += TestBackend.typing("5\n")
        script += [TestBackend.waitForScreen("Added “Remember categories per supplier” · u undoes"), .key(.character("e")),
                   TestBackend.waitForScreen("Edit backlog item"), .key(.tab), .key(.tab), .key(.tab), .key(.control("u"))]
        script += TestBackend.typing("8\n")
        script += [TestBackend.waitForScreen("Saved “Remember categories per supplier”"), .key(.character("x")),
                   TestBackend.waitForScreen("y deletes"), .key(.character("y")), TestBackend.waitForScreen("Deleted “Remember"),
                   .key(.character("u")), TestBackend.waitForScreen("Undid: deleted")]
        let harness = try Harness(script: script)
        let count = harness.store.snapshot.backlog.count
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        let after = try harness.reread()
        #expect(after.backlog.count == count + 1, "added, deleted, and brought back")
        let item = try #require(after.backlog.values.first { $0.title == "Remember categories per supplier" })
        #expect(item.estimate == 8 && item.order == after.backlog.values.map(\.order).max())
        let summaries = after.audit.all.map(\.summary)
        #expect(summaries.contains("Added backlog item “Remember categories per supplier”"))
        #expect(summaries.contains("Edited backlog item “Remember categories per supplier”: estimate"))
        #expect(summaries.contains("Deleted backlog item “Remember categories per supplier”"))
        #expect(summaries.contains("Undid deleting backlog item “Remember categories per supplier”"))
    }

    @Test("accepting (and undoing) a draft that writes thousands of records runs off the main loop: the status bar says so, keys are answered meanwhile, the end arrives")
    func longAcceptKeepsKeysLive() throws {
        let harness = try Harness(jobs: true, feedback: 4_000, script: [
            .key(.character("3")), .key(.character("i")), TestBackend.waitForScreen("Draft ready", seconds: 60),
            .key(.character("7")), .key(.character("g")), .key(.enter), TestBackend.waitForScreen("a accept · x reject"),
            .key(.character("a")), TestBackend.waitForScreen("Accepting “Sentiment for 4000 items”"),
            .key(.escape), .key(.character("1")),
            .wait("the Visionary pane while the accept runs") { $0.text.contains("Visionary —") && $0.text.contains("Accepting “Sentiment") },
            .key(.character("4")), .key(.character("J")), TestBackend.waitForScreen("Wait a moment: accepting “Sentiment"),
            TestBackend.waitForScreen("Accepted “Sentiment for 4000 items”", seconds: 120),
            // The undo writes as many records: off the main loop too.
            .key(.character("u")), TestBackend.waitForScreen("Undoing “Sentiment for 4000 items”"), .key(.character("3")),
            .wait("the Customer pane while the undo runs") { $0.text.contains("Customer Representative —") && $0.text.contains("Undoing “Sentiment") },
            TestBackend.waitForScreen("Undid accepting “Sentiment for 4000 items”", seconds: 120),
        ])
        harness.run()
        #expect(harness.backend.timedOut.isEmpty, "\(harness.backend.timedOut)\n\(harness.backend.text)")
        let after = try harness.reread()
        #expect(after.feedback.values.allSatisfy { $0.currentSentiment == nil }, "written whole, and taken back whole")
        #expect(after.drafts.values.first { $0.kind == .tagSentiment }?.status == .pending)
    }
}

@Suite("The effects interpreter")
struct EffectsTests {
    @Test("every effect's outcome comes back as a message; the state changes only when it hears them")
    func outcomesAreMessages() throws {
        let harness = try Harness(script: [])
        let missing = RecordID<Draft>.make()
        let messages = harness.program.perform(.review(.accept(missing)))
        guard case let .effectFailed(reason)? = messages.first, messages.count == 1 else {
            Issue.record("a failed review is one effectFailed message: \(messages)")
            return
        }
        #expect(harness.program.state.message == nil, "performing an effect does not write the state")
        #expect(!reason.isEmpty)
        harness.program.send(.effectFailed(reason))
        #expect(harness.program.state.message == reason)
    }

    @Test("refresh reports whether anything changed; a write reports the collections it touched")
    func refreshAndWrite() throws {
        let harness = try Harness(script: [])
        guard case let .refreshed(_, _, changed)? = harness.program.perform(.refresh).first else {
            Issue.record("refresh answers with .refreshed")
            return
        }
        #expect(!changed)
        let item = try #require(harness.store.snapshot.orderedBacklog.first)
        let messages = harness.program.perform(.write(.setBacklogOrder([item.id: 99]), summary: "moved"))
        guard case let .workspaceChanged(snapshot, changes, _)? = messages.first else {
            Issue.record("a write answers with the workspace as written: \(messages)")
            return
        }
        #expect(snapshot.backlog[item.id]?.order == 99)
        #expect(changes.map { Array($0.records.keys) } == [.backlog])
    }

    @Test("without an engine, a job key says AI jobs are not available instead of failing silently")
    func noEngine() throws {
        let harness = try Harness(script: [])
        harness.program.send(.key(.character("3")))
        harness.program.send(.key(.character("m")))
        #expect(harness.program.state.message == "AI jobs are not available here.")
    }

    @Test("reject: the draft is rejected on disk with its reason; a draft that is gone is an effectFailed")
    func reject() throws {
        let harness = try Harness(script: [])
        let draft = try harness.store.savePendingDraft("Weekly summary")
        #expect(harness.program.outcomes(of: .review(.reject(draft.id, reason: "not now")))
            == [.changed([.drafts]), .reviewed(.rejected(draftID: draft.id, title: "Weekly summary"))])
        let saved = try #require(try harness.reread().drafts[draft.id])
        #expect(saved.status == .rejected && saved.reviewNote == "not now")
        let missing = RecordID<Draft>.make()
        #expect(harness.program.outcomes(of: .review(.reject(missing, reason: nil))) == [.failed("No draft \(missing.rawValue).")])
    }

    @Test("edit: the editor's text is saved as an edit; an editor that changes nothing says so; a draft that is gone is an effectFailed")
    func edit() throws {
        let harness = try Harness(script: [])
        let draft = try harness.store.savePendingDraft("Weekly summary")
        // The only test here that runs an editor: EDITOR is this process's, so no other test may set it meanwhile.
        let visual = ProcessInfo.processInfo.environment["VISUAL"], editor = ProcessInfo.processInfo.environment["EDITOR"]
        defer {
            if let visual { setenv("VISUAL", visual, 1) }
            if let editor { setenv("EDITOR", editor, 1) } else { unsetenv("EDITOR") }
        }
        unsetenv("VISUAL")
        setenv("EDITOR", "sed -i s/Text/Edited/", 1)
        #expect(harness.program.outcomes(of: .review(.edit(draft.id))) == [.changed([.drafts]), .reviewed(.edited(title: "Weekly summary", changed: true))])
        let saved = try #require(try harness.reread().drafts[draft.id])
        #expect(saved.content == "Edited of Weekly summary\n" && saved.edits.count == 1)
        setenv("EDITOR", "true", 1)
        #expect(harness.program.outcomes(of: .review(.edit(draft.id))) == [.reviewed(.edited(title: "Weekly summary", changed: false))])
        #expect(harness.backend.outsideRuns == 2, "the editor ran outside the dashboard each time")
        #expect(harness.program.outcomes(of: .review(.edit(RecordID.make())))
            == [.failed("Cannot edit the draft: it is no longer in the workspace.")])
        #expect(harness.backend.outsideRuns == 2, "no editor for a draft that is gone")
    }

    @Test("without an engine, regenerate, cancel and retry say why instead of doing nothing")
    func noEngineForJobControl() throws {
        let harness = try Harness(script: [])
        let draft = try harness.store.savePendingDraft("Weekly summary")
        #expect(harness.program.outcomes(of: .review(.regenerate(draft.id)))
            == [.failed("Cannot regenerate the draft: AI jobs are not available here.")])
        #expect(harness.program.outcomes(of: .cancelJob(RecordID.make())) == [.failed("Cannot cancel the job: AI jobs are not available here.")])
        #expect(harness.program.outcomes(of: .retryJob(RecordID.make())) == [.failed("Cannot run the job again: AI jobs are not available here.")])
    }

    @Test("bulk review accepts the marked low-risk drafts; an id that is gone is reported as a failure while the others are accepted")
    func bulkReview() throws {
        let harness = try Harness(script: [])
        let first = try harness.store.savePendingDraft("Summary one"), second = try harness.store.savePendingDraft("Summary two")
        #expect(harness.program.outcomes(of: .bulkReview(accept: true, ids: [first.id, second.id], reason: nil))
            == [.changed(nil), .orchestrated(.bulkReviewed(accepted: [first.id, second.id], rejected: [], failures: []))])
        #expect(try harness.reread().drafts.values.filter { $0.status == .accepted }.map(\.id).sorted() == [first.id, second.id].sorted())

        let third = try harness.store.savePendingDraft("Summary three")
        let missing = RecordID<Draft>.make()
        #expect(harness.program.outcomes(of: .bulkReview(accept: true, ids: [missing, third.id], reason: nil))
            == [.changed(nil), .orchestrated(.bulkReviewed(accepted: [third.id], rejected: [], failures: ["No draft \(missing.rawValue)."]))])
        #expect(try harness.reread().drafts[third.id]?.status == .accepted)
    }

    @Test("rules: add (and refuse), switch off, remove, put back and delete, each with what u needs; a rule that is gone is said")
    func ruleRequests() throws {
        let harness = try Harness(script: [])
        let program = harness.program
        let refused = "on import order-backlog auto-accept"
        guard case let .orchestrated(.ruleRefused(reason, text))? = program.outcomes(of: .rule(.add(refused))).first else {
            Issue.record("an invalid rule is refused")
            return
        }
        #expect(reason.hasPrefix("Not added: ") && text == refused, "the text goes back to the prompt")
        #expect(try harness.reread().rules.isEmpty)

        let added = program.outcomes(of: .rule(.add("on import tag-sentiment auto-accept")))
        #expect(try harness.reread().rules.count == 1)
        let rule = try #require(harness.store.snapshot.rules.values.first)
        #expect(added == [.changed([.audit, .rules]),
                          .orchestrated(.ruleChanged(summary: "Added rule \(rule.id.short): \(rule.summary)", undo: .delete(id: rule.id), select: rule.id))])

        let switched = program.outcomes(of: .rule(.setEnabled(rule.id, false)))
        let off = try #require(harness.store.snapshot.rules[rule.id])
        #expect(switched == [.changed([.audit, .rules]), .orchestrated(.ruleChanged(summary: "Rule \(rule.id.short) is off: \(off.summary)",
                                                                                 undo: .restore(rule, change: "turned off")))])
        #expect(try harness.reread().rules[rule.id]?.enabled == false)

        #expect(program.outcomes(of: .rule(.remove(rule.id)))
            == [.changed([.audit, .rules]), .orchestrated(.ruleChanged(summary: "Removed rule \(rule.id.short): \(off.summary)",
                                                                    undo: .restore(off, change: "removed")))])
        #expect(try harness.reread().rules.isEmpty)
        #expect(program.outcomes(of: .rule(.setEnabled(rule.id, true))) == [.orchestrated(.ruleRefused(reason: "no rule \(rule.id.short)", text: nil))])
        #expect(program.outcomes(of: .rule(.edit(rule.id))) == [.failed("Cannot edit rule \(rule.id.short): it is no longer in the workspace.")])

        #expect(program.outcomes(of: .write(.restoreRule(rule), summary: "Undo: removed rule"))
            == [.changed([.audit, .rules]), .orchestrated(.ruleNote("Put back rule \(rule.id.short): \(rule.summary)"))])
        #expect(try harness.reread().rules[rule.id]?.enabled == true, "back as it was before it was switched off")

        #expect(program.outcomes(of: .write(.deleteRule(rule.id), summary: "Undo: added rule"))
            == [.changed([.audit, .rules]), .orchestrated(.ruleNote("Removed rule \(rule.id.short) again: \(rule.summary)"))])
        #expect(try harness.reread().rules.isEmpty)
        #expect(program.outcomes(of: .write(.deleteRule(rule.id), summary: "Undo: added rule"))
            == [.orchestrated(.ruleNote("Could not remove rule \(rule.id.short): no rule \(rule.id.short)"))])
    }
}
