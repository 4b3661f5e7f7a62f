import PodiumCore
import PodiumRender
import PodiumStore

/// AI jobs and draft review in the dashboard: queueing a job from its pane, the draft view
/// (accept, reject, edit, regenerate, its evidence and changes) and the prompts they need.
extension AppState {
    // MARK: Jobs

    /// Queues `kind` with what its catalogue entry says it takes from the focused pane: the
    /// filtered feedback, the selected backlog item or experiment. A job that takes words
    /// (a question, an audience) asks for them first; `text` is the answer.
    mutating func runJob(_ kind: JobKind, text: String? = nil) -> [Effect] {
        let info = kind.info
        var parameters: JobParameters = [:]
        if let asked = info?.askedFirst {
            guard let text else {
                mode = .prompt(Prompt(purpose: .jobParameter(kind, asked), text: ""))
                return []
            }
            parameters[asked] = text
        }
        let pane = panes[focused]
        var inputs: [ArtifactReference] = []
        // What the kind asks for, of what the view shown offers (another pane's view: nothing).
        let takes = (info?.inputs ?? []).intersection(focusedView.jobInputs)
        var scope = ""
        if takes.contains(.filteredFeedback), focusedView.id == .feedback, !pane.marked.isEmpty {
            // Hand-picked feedback: the marked items, whatever the filter shows.
            inputs += pane.marked.sorted().map { ArtifactReference(kind: .feedback, id: $0) }
            scope = " on \(Format.count(pane.marked.count, "marked item"))"
        } else if takes.contains(.filteredFeedback), !pane.filter.isEmpty {
            guard !pane.visible.isEmpty else {
                message = "No feedback matches the filter: Esc clears it."
                return []
            }
            parameters.filter = pane.filter
            inputs += visibleRows(focused).map { ArtifactReference(kind: .feedback, id: $0.id) }
        }
        if takes.contains(.selectedBacklogItem), let row = selectedRow {
            inputs.append(ArtifactReference(kind: .backlog, id: row.id))
        }
        if takes.contains(.selectedExperiment), let row = selectedRow {
            inputs.append(ArtifactReference(kind: .experiment, id: row.id))
        }
        mode = .normal
        let provider = provider(for: kind)
        if let _ = parameters.filter { scope = " on \(inputs.count) filtered items" }
        message = "Queued \(kind)\(scope) on \(provider.name) (\(provider.model)\(provider.host.map { " at \($0)" } ?? "")) · 7 shows the job"
        return [.runJob(kind, parameters: parameters, inputs: inputs)]
    }

    /// The provider a job of `kind` runs on.
    public func provider(for kind: JobKind) -> ProviderInfo {
        providerForKind[kind] ?? provider
    }

    /// Cancels or re-queues the job selected in the Orchestrator.
    mutating func jobControl(_ action: Action) -> [Effect] {
        // Jobs are rows of the Orchestrator's inbox only, beside its drafts.
        guard let row = selectedRow, let job = snapshot.jobs[RecordID(row.id)] else {
            message = selectedRow.map { snapshot.drafts[RecordID($0.id)] != nil } == true
                ? "c and r work on jobs; this row is a draft (Enter reviews it, r there regenerates it)."
                : "Select a job in the Orchestrator (7) first."
            return []
        }
        if action == .cancelJob {
            guard !job.observedStatus.isFinished else {
                message = "That job is already \(job.observedStatus.rawValue)."
                return []
            }
            message = "Cancelling \(job.kind)…"
            return [.cancelJob(job.id)]
        }
        guard job.observedStatus.isFinished, job.status != .done else {
            message = job.status == .done ? "That job is done: open its draft and press r to regenerate it." : "That job is still \(job.status.rawValue)."
            return []
        }
        message = "Queued \(job.kind) again."
        return [.retryJob(job.id)]
    }

    // MARK: Drafts

    /// Puts the Orchestrator's selection on a record (a new draft, so that Enter reviews it).
    /// Returns false when the pane does not show it (yet).
    @discardableResult
    mutating func selectInOrchestrator<Subject>(_ id: RecordID<Subject>) -> Bool {
        guard let index = Panes.index(of: .orchestrator),
              let position = panes[index].visible.firstIndex(where: { contents[index].rows.id(at: $0) == id.rawValue }) else { return false }
        panes[index].selected = position
        return true
    }

    /// The drafts waiting for review in a pane: its stance's, or every stance's in the inbox; newest first.
    public func pendingDrafts(in pane: any Pane) -> [Draft] {
        snapshot.drafts.values.filter { ($0.status == .pending || $0.status == .interrupted) && (pane.isInbox || $0.stance == pane.stance) }
            .sorted { $0.id > $1.id }
    }

    /// The draft open in the draft view, if it still exists.
    public var openDraft: Draft? {
        guard case let .draft(view) = mode else { return nil }
        return snapshot.drafts[view.id]
    }

    mutating func openNewestDraft() {
        guard let draft = pendingDrafts(in: focusedPane).first else {
            message = focusedPane.isInbox ? "No drafts wait for review." : "No drafts wait for review in this pane · 7 shows them all"
            return
        }
        mode = .draft(DraftView(id: draft.id))
    }

    /// Keys of the draft view (fixed, listed in the help under "Draft").
    mutating func handleDraft(_ key: Key, _ view: DraftView) -> [Effect] {
        guard let draft = snapshot.drafts[view.id] else {
            mode = .normal
            message = "That draft no longer exists."
            return []
        }
        var view = view
        let reviewable = draft.status == .pending || draft.status == .interrupted
        switch key {
        case .escape, .character("q"):
            mode = .normal
            return []
        case .down, .character("j"): view.scroll += 1
        case .up, .character("k"): view.scroll = max(0, view.scroll - 1)
        case .character("n"): pickCitation(&view, draft, by: 1)
        case .character("N"): pickCitation(&view, draft, by: -1)
        case .enter, .character("o"):
            openCitation(view, draft)
            return []
        case .pageDown, .control("d"), .character(" "): view.scroll += pageSize
        case .pageUp, .control("u"): view.scroll = max(0, view.scroll - pageSize)
        case .character("g"), .home: view.scroll = 0
        case .character("G"), .end: view.scroll = Int(Int32.max)  // the view stops it at the end of the text
        case .tab, .character("v"):
            view.panel = view.panel == .evidence ? .text : .evidence
            view.scroll = 0
        case .character("d"):
            view.panel = view.panel == .changes ? .text : .changes
            view.scroll = 0
        case .character("a") where reviewable:
            return [.review(.accept(view.id))]
        case .character("x") where reviewable:
            mode = .prompt(Prompt(purpose: .rejectReason(draftID: view.id), text: ""))
            return []
        case .character("e") where reviewable:
            return [.review(.edit(view.id))]
        case .character("r"):
            message = "Regenerating “\(Format.clean(draft.title))”…" + (draft.edits.isEmpty ? "" : " (your edited draft stays, beside the new one)")
            return [.review(.regenerate(view.id))]
        case .character("a"), .character("x"), .character("e"):
            message = "This draft is \(draft.status.rawValue); only pending drafts can be accepted, rejected or edited."
        case .character("u") where draft.status == .accepted:
            // Any accepted draft, also one accepted by automation, can be taken back here.
            mode = .normal
            message = "Undoing the acceptance of “\(Format.clean(draft.title))”…"
            return [.write(.undoAcceptance(view.id), summary: "Undo: accepted “\(Format.clean(draft.title))”")]
        case .character("u") where draft.status == .rejected:
            mode = .normal
            message = "Undoing the rejection of “\(Format.clean(draft.title))”…"
            return [.write(.undoRejections([view.id]), summary: "Undo: rejected “\(Format.clean(draft.title))”")]
        case .character("u"):
            // Here u is about this draft only, never a change made elsewhere.
            message = "This draft is \(draft.status.rawValue): there is no review of it to undo (Esc, then u undoes your last change)."
        default:
            message = "Draft: a accept · x reject · e edit · r regenerate · d changes · v evidence · n/N citations, Enter opens · Esc back"
        }
        mode = .draft(view)
        return []
    }

    /// Keys while typing a line.
    mutating func handlePrompt(_ key: Key, _ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            if case let .rejectReason(id) = prompt.purpose { mode = .draft(DraftView(id: id)) } else { mode = .normal }
            return []
        case .enter:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            switch prompt.purpose {
            case let .jobParameter(kind, parameter):
                guard let value = text.isEmpty ? (kind.info?.valueWhenBlank(parameter) ?? parameter.valueWhenBlank) : text else {
                    message = "Type \(parameter.noun), or Esc."
                    return []
                }
                return runJob(kind, text: value)
            case let .rejectReason(id):
                mode = .normal
                return [.review(.reject(id, reason: text.isEmpty ? nil : text))]
            case .importPath:
                guard !text.isEmpty else { message = "Type the path of a file, or Esc."; return [] }
                mode = .normal
                message = "Reading \(text)…"
                return [.previewImport(text)]
            case .rule:
                guard !text.isEmpty else { message = "Type a rule, or Esc: \(RuleSpec.examples)"; return [] }
                mode = .normal
                return [.rule(.add(text))]
            case let .bulkRejectReason(ids):
                mode = .normal
                message = "Rejecting \(ids.count) draft\(ids.count == 1 ? "" : "s")…"
                return [.bulkReview(accept: false, ids: ids, reason: text.isEmpty ? nil : text)]
            case let .productsRejectReason(drafts):
                mode = .normal
                panes[orchestratorIndex].marked.subtract(drafts.map { AllProductsView.rowID(of: $0, in: paneSettings.portfolio) })
                rebuildContent(orchestratorIndex)
                message = "Rejecting " + Self.describe(drafts) + "…"
                return [.reviewInProducts(accept: false, drafts: drafts, reason: text.isEmpty ? nil : text)]
            case let .feedbackTags(ids):
                mode = .normal
                return tagFeedback(ids, text: text)
            case let .communicationSent(id):
                return sent(id, typed: text, prompt: &prompt)
            case .newMeasure:
                return addMeasure(text, prompt: &prompt)
            case let .measureValue(name, _):
                return setMeasure(name, text, prompt: &prompt)
            case let .exportPath(id):
                guard !text.isEmpty else { message = "Type a file name, or Esc."; return [] }
                mode = .normal
                return [.exportCommunication(id, path: text)]
            }
        default:
            guard LineEditing.apply(key, to: &prompt.text) else { return [] }
            if prompt.text.isEmpty { prompt.note = nil }  // a cleared line drops the old refusal
        }
        mode = .prompt(prompt)
        return []
    }

    /// Shows how a review ended and makes an acceptance undoable with `u`.
    mutating func finishReview(_ outcome: ReviewOutcome) {
        switch outcome {
        case let .accepted(id, title, effect, changed):
            let description = "accepted “\(Format.clean(title))”"
            undoStack.append(UndoEntry(description: description, restore: .undoAcceptance(id)))
            if undoStack.count > 50 { undoStack.removeFirst() }
            mode = .normal
            message = "Accepted “\(Format.clean(title))”: " + (changed > 0 ? "\(effect) (\(changed) record\(changed == 1 ? "" : "s"))" : effect) + " · u undoes"
        case let .rejected(id, title):
            undoStack.append(UndoEntry(description: "rejected “\(Format.clean(title))”", restore: .undoRejections([id])))
            if undoStack.count > 50 { undoStack.removeFirst() }
            mode = .normal
            message = "Rejected “\(Format.clean(title))” · u undoes"
        case let .edited(title, changed):
            message = changed ? "Saved your edit of “\(Format.clean(title))”." : "Unchanged."
        case let .regenerating(title, keepsEdited):
            mode = .normal
            message = "Regenerating “\(Format.clean(title))”: " + (keepsEdited
                ? "your edited draft stays in the list, the new one comes beside it." : "the new draft replaces it when ready.")
        case let .undone(title):
            message = "Undid accepting “\(Format.clean(title))”: the records it changed are back as they were."
        }
    }
}
