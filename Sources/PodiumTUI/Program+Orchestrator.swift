import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// The Orchestrator's work in the program: bulk review, automation rules, and the
/// automation loop (inbox folder and due rules) while the dashboard is open.
extension Program {
    /// Runs automation while the dashboard is open (the caller stops `loop` when the dashboard
    /// closes); what it does shows as notices, and the panes it touches are rebuilt.
    public func startAutomation(_ loop: AutomationLoop) {
        automation = loop
        loop.start(onEvent: automationHandler)
    }

    /// Runs the import rules on feedback the dashboard imported (`I`).
    func runImportRules(_ report: ImportReport, file: String) {
        guard let automation, !report.importedIDs.isEmpty else { return }
        automation.imported(RulePlanner.ImportedBatch(file: file, feedback: report.importedIDs.map(RecordID.init)), onEvent: automationHandler)
    }

    /// Shows what automation did and rebuilds the panes it touched.
    private var automationHandler: @Sendable (AutomationLoop.Event) -> Void {
        let mailbox = mailbox, store = store
        return { event in
            var changes = WorkspaceChanges()
            switch event {
            case let .imported(outcome):
                mailbox.post(notice: "Inbox: " + outcome.summary.sanitizedForTerminal())
                for collection in [RecordCollection.feedback, .audit] { changes.records[collection] = [] }
            case let .queued(runs):
                let first = runs[0]
                mailbox.post(notice: "Automation: " + first.summary.sanitizedForTerminal() + (runs.count > 1 ? " (and \(runs.count - 1) more)" : ""),
                             pointer: runs.count > 1 ? "7 shows them" : "7 shows it")
                for collection in [RecordCollection.jobs, .rules, .audit] { changes.records[collection] = [] }
            case let .failed(reason):
                mailbox.post(notice: "Automation stopped a check: " + reason.sanitizedForTerminal())
            }
            let (snapshot, generation) = store.versionedSnapshot
            mailbox.post(PreparedSnapshot(snapshot, changes: mailbox.pendingChanges.merging(changes), generation: generation), changes)
        }
    }

    /// Shows a message in the status bar (until the next key).
    public func show(_ message: String) {
        state.message = message.sanitizedForTerminal()
    }

    /// Shows the user's automation settings in the Orchestrator's views.
    public func useSettings(_ settings: PaneSettings) {
        state.paneSettings = settings
    }

    // MARK: Bulk review

    func bulkReview(accept: Bool, ids: [String], reason: String?) {
        var accepted: [String] = []
        var rejected: [String] = []
        var failures: [String] = []
        for id in ids {
            do {
                if accept {
                    try review.accept(RecordID(id), note: "Accepted in bulk")
                    accepted.append(id)
                } else {
                    try review.reject(RecordID(id), reason: reason ?? "Rejected in bulk")
                    rejected.append(id)
                }
            } catch {
                failures.append("\(error)")
            }
        }
        refreshPanes(nil)
        _ = state.update(.orchestrated(.bulkReviewed(accepted: accepted, rejected: rejected, failures: failures)))
    }

    /// Takes back a bulk acceptance, newest acceptance first.
    func undoAcceptances(_ ids: [String]) {
        undoEach(ids.reversed(), what: "accepting", plural: "acceptances") { try review.undoAccept($0) }
    }

    /// Takes back rejections: the drafts wait for review again.
    func undoRejections(_ ids: [String]) {
        undoEach(ids, what: "rejecting", plural: "rejections") { try review.undoReject($0) }
    }

    /// Undoes each, and says what: "Undid rejecting “Title”", or "Undid 3 rejections".
    private func undoEach(_ ids: [String], what: String, plural: String, _ undo: (RecordID<Draft>) throws -> Draft) {
        var undone: [Draft] = []
        var failures: [String] = []
        for id in ids {
            do { undone.append(try undo(RecordID(id))) } catch { failures.append("\(error)") }
        }
        refreshPanes(nil)
        let done = undone.count == 1 ? "Undid \(what) “\(Format.clean(undone[0].title))”" : "Undid \(undone.count) \(plural)"
        state.message = (undone.isEmpty && !failures.isEmpty ? "Not undone" : done)
            + (failures.first.map { " · \(failures.count) not undone: \($0)" } ?? "")
    }

    // MARK: Rules

    func perform(_ request: RuleRequest) {
        let book = RuleBook(store: store)
        do {
            switch request {
            case let .add(text):
                let rule: AutomationRule
                do { rule = try RuleSpec.parse(text) } catch let error as AutomationRule.Invalid {
                    _ = state.update(.orchestrated(.ruleRefused(reason: "Not added: \(error.description)", text: text)))
                    return
                }
                do { try book.add(rule) } catch let error as AutomationRule.Invalid {
                    _ = state.update(.orchestrated(.ruleRefused(reason: "Not added: \(error.description)", text: text)))
                    return
                }
                refreshPanes([.rules, .audit])
                _ = state.update(.orchestrated(.ruleChanged(summary: "Added rule \(rule.id.short): \(rule.summary)", undo: .delete(id: rule.id.rawValue))))
                state.selectInOrchestrator(rule.id.rawValue)
            case let .setEnabled(id, enabled):
                let before = store.snapshot.rules[RecordID(id)]
                let rule = try book.setEnabled(RecordID(id), enabled)
                refreshPanes([.rules, .audit])
                _ = state.update(.orchestrated(.ruleChanged(summary: "Rule \(rule.id.short) is \(enabled ? "on" : "off"): \(rule.summary)",
                                                            undo: before.map { .restore($0, change: enabled ? "turned on" : "turned off") })))
            case let .remove(id):
                let rule = try book.remove(RecordID(id))
                refreshPanes([.rules, .audit])
                _ = state.update(.orchestrated(.ruleChanged(summary: "Removed rule \(rule.id.short): \(rule.summary)", undo: .restore(rule, change: "removed"))))
            case let .edit(id):
                try edit(RecordID(id), book: book)
            }
        } catch {
            _ = state.update(.orchestrated(.ruleRefused(reason: "\(error)", text: nil)))
        }
    }

    /// Opens the rule's JSON in the editor; saves it when it still reads as a valid rule.
    private func edit(_ id: RecordID<AutomationRule>, book: RuleBook) throws {
        guard let rule = store.snapshot.rules[id] else { return }
        // After an edit that could not be saved, the editor opens on that edit again.
        let saved = String(decoding: try WorkspaceJSON.encoder().encode(rule), as: UTF8.self)
        let original = unsavedRuleEdits[id.rawValue] ?? saved
        var outcome: Result<String?, any Error> = .success(nil)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(original, name: "rule-\(id.short)", fileExtension: "json") } }
        previous = nil
        guard let text = try outcome.get() ?? unsavedRuleEdits[id.rawValue] else {
            state.message = "Rule \(id.short) unchanged."
            return
        }
        let edited: AutomationRule
        do {
            edited = try WorkspaceJSON.decoder().decode(AutomationRule.self, from: Data(text.utf8))
        } catch {
            unsavedRuleEdits[id.rawValue] = text
            state.message = "Rule \(id.short) not changed: \(WorkspaceJSON.describe(error, data: Data(text.utf8))) · e opens your edit again"
            return
        }
        guard edited.id == id else {
            unsavedRuleEdits[id.rawValue] = text
            state.message = "Rule \(id.short) not changed: its id cannot be edited · e opens your edit again"
            return
        }
        // Back to what is saved (a kept edit put right again, or nothing changed): nothing to write.
        if edited.sameSettings(as: rule) {
            unsavedRuleEdits[id.rawValue] = nil
            state.message = "Rule \(id.short) unchanged."
            return
        }
        do {
            let saved = try book.replace(edited, base: rule)
            unsavedRuleEdits[id.rawValue] = nil
            refreshPanes([.rules, .audit])
            _ = state.update(.orchestrated(.ruleChanged(summary: "Saved rule \(id.short): \(saved.summary)", undo: .restore(rule, change: "edited"))))
        } catch let error as AutomationRule.Invalid {
            unsavedRuleEdits[id.rawValue] = text
            state.message = "Rule \(id.short) not changed: \(error.description) · e opens your edit again"
        }
    }

    /// Puts a rule back as it was (undo of a change, or of removing it).
    func restore(_ rule: AutomationRule) {
        do {
            try RuleBook(store: store).restore(rule)
            refreshPanes([.rules, .audit])
            state.message = "Put back rule \(rule.id.short): \(rule.summary)"
        } catch {
            state.message = "Could not put back rule \(rule.id.short): \(error)"
        }
    }

    /// Removes a rule that was added (undo of adding it).
    func deleteRule(_ id: String) {
        do {
            let rule = try RuleBook(store: store).remove(RecordID(id))
            refreshPanes([.rules, .audit])
            state.message = "Removed rule \(rule.id.short) again: \(rule.summary)"
        } catch {
            state.message = "Could not remove rule \(String(id.suffix(8))): \(error)"
        }
    }
}
