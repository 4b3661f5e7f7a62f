import PodiumCore
import PodiumStore

/// The Orchestrator's own keys: marking low-risk drafts and accepting or rejecting them in
/// bulk, and adding, editing, switching and removing automation rules.
extension AppState {
    var orchestratorIndex: Int { Panes.index(of: .orchestrator) ?? Panes.all.count - 1 }

    /// The Orchestrator view shown (`.jobs`, `.rules`, `.metrics`, `.audit`).
    var orchestratorView: PaneViewID { shownView(orchestratorIndex).id }

    /// Rebuilds a pane's content for its current view.
    mutating func rebuildContent(_ index: Int) {
        setContent(Panes.all[index].content(view: panes[index].view, in: snapshot, settings: paneSettings), at: index)
        applyMarks(index)
        recomputeVisible(index)
    }

    /// Shows the marks of the view a pane shows: the inbox's (`applyDraftMarks`), the feedback
    /// list's (`applyFeedbackMarks`), any other list's (`applyRowMarks`).
    mutating func applyMarks(_ index: Int) {
        guard !panes[index].marked.isEmpty else { return }
        switch shownView(index).id {
        case .jobs: applyDraftMarks(index)
        case .allProducts: applyPortfolioMarks(index)
        case .feedback: applyFeedbackMarks(index)
        default: applyRowMarks(index)
        }
    }

    /// Marks or unmarks the selected row of any other list (a ✓ before its last column) and
    /// moves down: the marked rows are what a bulk action works on.
    mutating func toggleRowMark() {
        let index = focused
        guard let row = selectedRow else {
            message = "Space marks a row; there is none selected."
            return
        }
        if panes[index].marked.remove(row.id) == nil { panes[index].marked.insert(row.id) }
        rebuildContent(index)
        let count = panes[index].marked.count
        message = count == 0 ? "Nothing marked." : "\(Format.count(count, "row")) marked · Space again unmarks"
        _ = perform(.moveDown)
    }

    /// Shows the ✓ of marked rows in a rebuilt list and forgets marks on rows that are gone.
    private mutating func applyRowMarks(_ index: Int) {
        var content = contents[index]
        let ids = Set(content.rows.indices.map(content.rows.id(at:)))
        panes[index].marked = panes[index].marked.filter { ids.contains($0) }
        for row in content.rows.positions(of: panes[index].marked) {
            let last = content.rows[row].cells.count - 1
            if last >= 0 { content.rows[row].cells[last] = "✓ " + content.rows[row].cells[last] }
        }
        setContent(content, at: index)
    }

    /// Shows the marks in the All products view (a ✓ before the row's type) and forgets marks
    /// on drafts no longer waiting.
    private mutating func applyPortfolioMarks(_ index: Int) {
        var content = contents[index]
        let waiting = Set(content.rows.indices.map(content.rows.id(at:)))
        panes[index].marked = panes[index].marked.filter(waiting.contains)
        for row in content.rows.positions(of: panes[index].marked) {
            content.rows[row].cells[1] = "✓ " + content.rows[row].cells[1]
            content.rows[row].tone = .success
        }
        setContent(content, at: index)
    }

    /// Shows the marks in the inbox (a ✓ before the row's type) and forgets marks on drafts
    /// that are no longer pending.
    private mutating func applyDraftMarks(_ index: Int) {
        panes[index].marked = panes[index].marked.filter { snapshot.drafts[RecordID($0)]?.status == .pending }
        var content = contents[index]
        for row in content.rows.positions(of: panes[index].marked) {
            content.rows[row].cells[0] = "✓ " + content.rows[row].cells[0]
            content.rows[row].tone = .success
        }
        setContent(content, at: index)
    }

    /// Does an Orchestrator action; anywhere else, says where it works.
    mutating func orchestratorAction(_ action: Action) -> [Effect] {
        guard focusedStance == .orchestrator else {
            message = "That key works in the Orchestrator (7)."
            return []
        }
        switch (action, orchestratorView) {
        case (.markSelected, .jobs): toggleMark()
        case (.markSelected, .allProducts): toggleProductMark()
        case (.acceptMarked, .allProducts): return reviewInProducts(accept: true)
        case (.rejectOrRemove, .allProducts): return reviewInProducts(accept: false)
        case (.markSelected, .rules):
            guard let rule = selectedRuleOrSay() else { return [] }
            return [.rule(.setEnabled(rule.id, !rule.enabled))]
        case (.acceptMarked, .jobs): return bulkReview(accept: true)
        case (.rejectOrRemove, .jobs): return bulkReview(accept: false)
        case (.rejectOrRemove, .rules):
            guard let rule = selectedRuleOrSay() else { return [] }
            return [.rule(.remove(rule.id))]
        case (.addRule, _):
            if orchestratorView != .rules { showOrchestratorView(.rules) }
            mode = .prompt(Prompt(purpose: .rule, text: ""))
        case (.editRule, .rules):
            guard let rule = selectedRuleOrSay() else { return [] }
            return [.rule(.edit(rule.id))]
        case (.markSelected, _), (.acceptMarked, _), (.rejectOrRemove, _):
            message = "Marking and bulk review work in the jobs and drafts view and in all products; space, x and e work on rules in the rules view (v switches)."
        default:
            message = "e edits a rule in the rules view (v switches views)."
        }
        return []
    }

    private mutating func selectedRuleOrSay() -> AutomationRule? {
        guard let row = selectedRow, let rule = snapshot.rules[RecordID(row.id)] else {
            message = "Select a rule first (+ adds one)."
            return nil
        }
        return rule
    }

    private mutating func showOrchestratorView(_ id: PaneViewID) {
        guard let view = Panes.all[orchestratorIndex].viewIndex(of: id) else { return }
        panes[orchestratorIndex] = PaneState()
        panes[orchestratorIndex].view = view
        rebuildContent(orchestratorIndex)
    }

    /// Marks or unmarks the selected draft: low-risk pending drafts only, since high-impact
    /// ones must be read one by one.
    private mutating func toggleMark() {
        guard let row = selectedRow, let draft = snapshot.drafts[RecordID(row.id)] else {
            message = "Space marks drafts; this row is a job."
            return
        }
        guard toggleDraftMark(row: row.id, draft, highRisk: "review it on its own (Enter). Bulk review is for low-risk drafts.") else { return }
        rebuildContent(orchestratorIndex)
        _ = perform(.moveDown)
    }

    /// Marks or unmarks the Orchestrator's row `row` (the draft `draft`, in `product`): a
    /// pending low-risk draft only (`highRisk` says what to do with another). False when it
    /// was refused (the message says why).
    mutating func toggleDraftMark(row: String, _ draft: Draft, in product: String? = nil, highRisk: String) -> Bool {
        let index = orchestratorIndex
        let title = "“\(Format.clean(draft.title))”" + (product.map { " in " + Format.clean($0) } ?? "")
        if panes[index].marked.remove(row) != nil {
            message = "Unmarked \(title) · \(panes[index].marked.count) marked"
            return true
        }
        guard draft.status == .pending else {
            message = "Only pending drafts can be marked; this one is \(draft.status.rawValue)."
            return false
        }
        guard draft.kind.info?.risk == .low else {
            message = "\(draft.kind) is \(draft.kind.info?.risk.rawValue ?? "unknown") risk: " + highRisk
            return false
        }
        panes[index].marked.insert(row)
        message = "Marked \(title) · \(panes[index].marked.count) marked · a accepts them, x rejects them"
        return true
    }

    /// Accepts the marked drafts the list shows, or asks why before rejecting them; marked
    /// drafts a filter hides are left alone (and stay marked).
    private mutating func bulkReview(accept: Bool) -> [Effect] {
        let index = orchestratorIndex
        let shown = Set(visibleRows(index).map(\.id))
        let ids = panes[index].marked.filter(shown.contains).sorted().map(RecordID<Draft>.init)
        let hidden = panes[index].marked.count - ids.count
        guard !ids.isEmpty else {
            message = hidden > 0 ? "The \(hidden) marked draft\(hidden == 1 ? " is" : "s are") hidden by the filter: Esc clears it."
                : "Mark low-risk drafts with Space first; Enter reviews one draft."
            return []
        }
        guard accept else {
            mode = .prompt(Prompt(purpose: .bulkRejectReason(draftIDs: ids), text: ""))
            return []
        }
        panes[index].marked.subtract(ids.map(\.rawValue))
        rebuildContent(index)
        message = "Accepting \(ids.count) draft\(ids.count == 1 ? "" : "s")…" + (hidden > 0 ? " (\(hidden) marked but hidden by the filter stay marked)" : "")
        return [.bulkReview(accept: true, ids: ids, reason: nil)]
    }

    /// Shows how a bulk review or a rule change ended; accepted drafts can be undone together with `u`.
    mutating func finishOrchestrator(_ outcome: OrchestratorOutcome) {
        switch outcome {
        case let .bulkReviewed(accepted, rejected, failures):
            if !accepted.isEmpty {
                undoStack.append(UndoEntry(description: "accepted \(Format.count(accepted.count, "draft"))", restore: .undoAcceptances(accepted)))
            }
            if !rejected.isEmpty {
                undoStack.append(UndoEntry(description: "rejected \(Format.count(rejected.count, "draft"))", restore: .undoRejections(rejected)))
            }
            if undoStack.count > 50 { undoStack.removeFirst(undoStack.count - 50) }
            var parts: [String] = []
            if !accepted.isEmpty { parts.append("Accepted \(accepted.count) draft\(accepted.count == 1 ? "" : "s") · u undoes") }
            if !rejected.isEmpty { parts.append("Rejected \(rejected.count) draft\(rejected.count == 1 ? "" : "s") · u undoes") }
            if let first = failures.first { parts.append("\(failures.count) not done: \(first)") }
            message = parts.joined(separator: " · ")
        case let .ruleChanged(summary, undo, select):
            if let undo {
                let entry = switch undo {
                case let .restore(rule, change): UndoEntry(description: "\(change) rule \(rule.id.short)", restore: .restoreRule(rule))
                case let .delete(id): UndoEntry(description: "added rule \(id.short)", restore: .deleteRule(id))
                }
                undoStack.append(entry)
                if undoStack.count > 50 { undoStack.removeFirst() }
            }
            mode = .normal
            message = Format.clean(summary) + (undo == nil ? "" : " · u undoes")
            if let select { selectInOrchestrator(select) }
        case let .ruleRefused(reason, text):
            message = Format.clean(reason)
            if let text { mode = .prompt(Prompt(purpose: .rule, text: text, note: Format.clean(reason))) }
        case let .ruleNote(text):
            message = Format.clean(text)
        case let .reviewsUndone(verb, plural, titles, failures):
            let done = titles.count == 1 ? "Undid \(verb) “\(Format.clean(titles[0]))”" : "Undid \(titles.count) \(plural)"
            message = (titles.isEmpty && !failures.isEmpty ? "Not undone" : done)
                + (failures.first.map { " · \(failures.count) not undone: \($0)" } ?? "")
        }
    }
}

/// How `u` takes back a change to the rules.
public enum RuleUndo: Sendable, Equatable {
    /// Put the rule back as it was before `change` ("removed", "edited", "switched").
    case restore(AutomationRule, change: String)
    /// Remove the rule that was added.
    case delete(id: RecordID<AutomationRule>)
}

/// What the Orchestrator asks the program to do with rules.
public enum RuleRequest: Sendable, Equatable {
    /// Add the rule typed in the prompt.
    case add(String)
    case setEnabled(RecordID<AutomationRule>, Bool)
    case remove(RecordID<AutomationRule>)
    /// Open the rule's file in the editor.
    case edit(RecordID<AutomationRule>)
}

/// How a bulk review or a rule change the program carried out ended.
public enum OrchestratorOutcome: Sendable, Equatable {
    case bulkReviewed(accepted: [RecordID<Draft>], rejected: [RecordID<Draft>], failures: [String])
    /// `undo`: how to take the change back with `u`; `select`: the rule to select (a new one).
    case ruleChanged(summary: String, undo: RuleUndo?, select: RecordID<AutomationRule>? = nil)
    /// The rule was not saved; `text` is put back in the prompt to be corrected.
    case ruleRefused(reason: String, text: String?)
    /// What became of a rule edit that changed nothing, or of putting a rule back.
    case ruleNote(String)
    /// Reviews taken back (`verb` "accepting" or "rejecting", `plural` "acceptances"…): the
    /// titles of the drafts undone, and why others were not.
    case reviewsUndone(verb: String, plural: String, titles: [String], failures: [String])
}
