import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore
import PodiumViewModels

/// The Orchestrator's work in the program: automation rules, and the automation loop (inbox
/// folder and due rules) while the dashboard is open.
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
            switch event {
            case let .imported(outcome):
                mailbox.post(notice: "Inbox: " + outcome.summary.sanitizedForTerminal())
                mailbox.postSnapshot(of: store, changed: [.feedback, .audit])
            case let .queued(runs):
                let first = runs[0]
                mailbox.post(notice: "Automation: " + first.summary.sanitizedForTerminal() + (runs.count > 1 ? " (and \(runs.count - 1) more)" : ""),
                             pointer: runs.count > 1 ? "7 shows them" : "7 shows it")
                mailbox.postSnapshot(of: store, changed: [.jobs, .rules, .audit])
            case let .failed(reason):
                mailbox.post(notice: "Automation stopped a check: " + reason.sanitizedForTerminal())
                mailbox.postSnapshot(of: store, changed: [])
            }
        }
    }

    // MARK: Rules

    func perform(_ request: RuleRequest) -> [Msg] {
        let book = RuleBook(store: store)
        do {
            switch request {
            case let .add(text):
                let rule: AutomationRule
                do {
                    rule = try RuleSpec.parse(text)
                    try book.add(rule)
                } catch let error as AutomationRule.Invalid {
                    return [.orchestrated(.ruleRefused(reason: "Not added: \(error.description)", text: text))]
                }
                return [changed([.rules, .audit]),
                        .orchestrated(.ruleChanged(summary: "Added rule \(rule.id.short): \(rule.summary)", undo: .delete(id: rule.id),
                                                   select: rule.id))]
            case let .setEnabled(id, enabled):
                let before = store.snapshot.rules[id]
                let rule = try book.setEnabled(id, enabled)
                return [changed([.rules, .audit]),
                        .orchestrated(.ruleChanged(summary: "Rule \(rule.id.short) is \(enabled ? "on" : "off"): \(rule.summary)",
                                                   undo: before.map { .restore($0, change: enabled ? "turned on" : "turned off") }))]
            case let .remove(id):
                let rule = try book.remove(id)
                return [changed([.rules, .audit]),
                        .orchestrated(.ruleChanged(summary: "Removed rule \(rule.id.short): \(rule.summary)", undo: .restore(rule, change: "removed")))]
            case let .edit(id):
                return try edit(id, book: book)
            }
        } catch {
            return [.orchestrated(.ruleRefused(reason: "\(error)", text: nil))]
        }
    }

    /// Opens the rule's JSON in the editor; saves it when it still reads as a valid rule.
    private func edit(_ id: RecordID<AutomationRule>, book: RuleBook) throws -> [Msg] {
        guard let rule = store.snapshot.rules[id] else {
            return [.effectFailed("Cannot edit rule \(id.short): it is no longer in the workspace.")]
        }
        // After an edit that could not be saved, the editor opens on that edit again.
        let saved = String(decoding: try WorkspaceJSON.encoder().encode(rule), as: UTF8.self)
        let original = unsavedRuleEdits[id] ?? saved
        var outcome: Result<String?, any Error> = .success(nil)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(original, name: "rule-\(id.short)", fileExtension: "json") } }
        previous = nil
        guard let text = try outcome.get() ?? unsavedRuleEdits[id] else {
            return [.orchestrated(.ruleNote("Rule \(id.short) unchanged."))]
        }
        /// Keeps the edit for `e` to reopen, and says why it was not saved.
        func refuse(_ reason: String) -> [Msg] {
            unsavedRuleEdits[id] = text
            return [.orchestrated(.ruleNote("Rule \(id.short) not changed: \(reason) · e opens your edit again"))]
        }
        let edited: AutomationRule
        do {
            edited = try WorkspaceJSON.decoder().decode(AutomationRule.self, from: Data(text.utf8))
        } catch {
            return refuse(WorkspaceJSON.describe(error, data: Data(text.utf8)))
        }
        guard edited.id == id else { return refuse("its id cannot be edited") }
        // Back to what is saved (a kept edit put right again, or nothing changed): nothing to write.
        if edited.sameSettings(as: rule) {
            unsavedRuleEdits[id] = nil
            return [.orchestrated(.ruleNote("Rule \(id.short) unchanged."))]
        }
        do {
            let saved = try book.replace(edited, base: rule)
            unsavedRuleEdits[id] = nil
            return [changed([.rules, .audit]),
                    .orchestrated(.ruleChanged(summary: "Saved rule \(id.short): \(saved.summary)", undo: .restore(rule, change: "edited")))]
        } catch let error as AutomationRule.Invalid {
            return refuse(error.description)
        }
    }

    /// Puts a rule back as it was (undo of a change, or of removing it).
    func restore(_ rule: AutomationRule) -> [Msg] {
        do {
            try RuleBook(store: store).restore(rule)
            return [changed([.rules, .audit]), .orchestrated(.ruleNote("Put back rule \(rule.id.short): \(rule.summary)"))]
        } catch {
            return [.orchestrated(.ruleNote("Could not put back rule \(rule.id.short): \(error)"))]
        }
    }

    /// Removes a rule that was added (undo of adding it).
    func deleteRule(_ id: RecordID<AutomationRule>) -> [Msg] {
        do {
            let rule = try RuleBook(store: store).remove(id)
            return [changed([.rules, .audit]), .orchestrated(.ruleNote("Removed rule \(rule.id.short) again: \(rule.summary)"))]
        } catch {
            return [.orchestrated(.ruleNote("Could not remove rule \(id.short): \(error)"))]
        }
    }
}
