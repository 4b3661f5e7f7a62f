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
                mailbox.post(notice: "Automation: " + first.summary.sanitizedForTerminal() + (runs.count > 1 ? " (and \(runs.count - 1) more) · 7 shows them" : " · 7 shows it"))
                for collection in [RecordCollection.jobs, .rules, .audit] { changes.records[collection] = [] }
            case let .failed(reason):
                mailbox.post(notice: "Automation stopped a check: " + reason.sanitizedForTerminal())
            }
            let (snapshot, generation) = store.versionedSnapshot
            mailbox.post(PreparedSnapshot(snapshot, changes: mailbox.pendingChanges.merging(changes), generation: generation), changes)
        }
    }

    /// Shows the user's automation settings in the Orchestrator's views.
    public func useSettings(_ settings: PaneSettings) {
        state.paneSettings = settings
    }

    // MARK: Bulk review

    func bulkReview(accept: Bool, ids: [String]) {
        var accepted: [String] = []
        var rejected = 0
        var failures: [String] = []
        for id in ids {
            do {
                if accept {
                    try review.accept(RecordID(id), note: "Accepted in bulk")
                    accepted.append(id)
                } else {
                    try review.reject(RecordID(id), reason: "Rejected in bulk")
                    rejected += 1
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
        var undone = 0
        var failures: [String] = []
        for id in ids.reversed() {
            do {
                try review.undoAccept(RecordID(id))
                undone += 1
            } catch {
                failures.append("\(error)")
            }
        }
        refreshPanes(nil)
        state.message = "Undid \(undone) acceptance\(undone == 1 ? "" : "s")" + (failures.first.map { " · \(failures.count) not undone: \($0)" } ?? "")
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
                try book.add(rule)
                refreshPanes([.rules, .audit])
                _ = state.update(.orchestrated(.ruleChanged(summary: "Added rule \(rule.id.short): \(rule.summary)", removed: nil)))
                state.selectInOrchestrator(rule.id.rawValue)
            case let .setEnabled(id, enabled):
                let rule = try book.setEnabled(RecordID(id), enabled)
                refreshPanes([.rules, .audit])
                _ = state.update(.orchestrated(.ruleChanged(summary: "Rule \(rule.id.short) is \(enabled ? "on" : "off"): \(rule.summary)", removed: nil)))
            case let .remove(id):
                let rule = try book.remove(RecordID(id))
                refreshPanes([.rules, .audit])
                _ = state.update(.orchestrated(.ruleChanged(summary: "Removed rule \(rule.id.short): \(rule.summary) · u puts it back", removed: rule)))
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
        let original = String(decoding: try WorkspaceJSON.encoder().encode(rule), as: UTF8.self)
        var outcome: Result<String?, any Error> = .success(nil)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(original, name: "rule-\(id.short)", fileExtension: "json") } }
        previous = nil
        guard let text = try outcome.get() else {
            state.message = "Rule \(id.short) unchanged."
            return
        }
        let edited: AutomationRule
        do {
            edited = try WorkspaceJSON.decoder().decode(AutomationRule.self, from: Data(text.utf8))
        } catch {
            state.message = "Rule \(id.short) not changed: the edited text is not a rule (\(error)). Fix it with e again."
            return
        }
        guard edited.id == id else {
            state.message = "Rule \(id.short) not changed: its id cannot be edited."
            return
        }
        do {
            let saved = try book.replace(edited)
            refreshPanes([.rules, .audit])
            state.message = "Saved rule \(id.short): \(saved.summary)"
        } catch let error as AutomationRule.Invalid {
            state.message = "Rule \(id.short) not changed: \(error.description)"
        }
    }

    /// Puts back a removed rule (undo).
    func restore(_ rule: AutomationRule) {
        do {
            try RuleBook(store: store).add(rule)
            refreshPanes([.rules, .audit])
            state.message = "Put back rule \(rule.id.short): \(rule.summary)"
        } catch {
            state.message = "Could not put back rule \(rule.id.short): \(error)"
        }
    }
}
