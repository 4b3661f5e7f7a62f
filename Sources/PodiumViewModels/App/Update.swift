import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore

/// A message to the dashboard: a key press, a new terminal size, or a change on disk.
public enum Msg: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// Focuses the pane at this index of `Panes.all`, as its number key does (e.g. for
    /// `podium snapshot --pane`); an index out of range changes nothing.
    case focus(pane: Int)
    /// The workspace changed; `changes` says what (nil: anything may have).
    case workspaceChanged(WorkspaceSnapshot, changes: WorkspaceChanges?, generation: UInt64? = nil)
    /// The workspace changed and the affected panes were built in the background.
    case workspacePrepared(PreparedSnapshot)
    case writeFailed(String)
    /// What a running job is doing now (nil: it ended).
    case jobActivity(jobID: RecordID<Job>, step: String?)
    /// The text a running job has streamed so far (nil: it ended).
    case jobText(jobID: RecordID<Job>, text: String?)
    /// A review the program carried out.
    case reviewed(ReviewOutcome)
    /// A file's import preview is ready.
    case importPreviewed(ImportPreview)
    /// A bulk review or rule change the program carried out.
    case orchestrated(OrchestratorOutcome)
    /// A line for the status bar from outside the dashboard (the config file's warnings, problems
    /// met while opening the workspace).
    case show(String)
    /// Work done in the background (a draft ready, a file taken from the inbox, automation).
    case notices([Notice])
    /// A new draft: the Orchestrator selects it as soon as its row is there.
    case draftReady(RecordID<Draft>)
    /// The workspace was read again from disk at the user's request (`changed`: it had changed).
    case refreshed(WorkspaceSnapshot, generation: UInt64, changed: Bool)
    /// Watching the workspace for changes failed.
    case reloadFailed(String)
    /// A file was imported: its report's summary.
    case imported(summary: String)
    /// A file could not be imported: why.
    case importFailed(String)
    /// An effect could not be carried out; the reason is shown as it is.
    case effectFailed(String)
    /// How far the text open on top (help, a detail, a draft) can scroll on this screen, as the
    /// last frame measured it: scrolling stops there, so k comes straight back from the end.
    case scrollLimit(Int)
    /// A backlog item was saved (`before` nil: it is new) or deleted, by the dashboard's form or keys.
    case backlogEdited(BacklogEdit)
    /// An edit of a stakeholder, experiment or decision in $EDITOR ended.
    case documentEdited(DocumentOutcome)
    /// Work started off the main loop (nil: it ended; its outcome follows as its own message).
    case background(BackgroundWork?)
    /// An edit of the product (name, vision, goal) in $EDITOR ended.
    case productEdited(ProductEditOutcome)
    /// A communication was marked sent; it was `before` until then.
    case communicationSent(before: Communication)
    /// The text of the form's field came back from $EDITOR (nil: unchanged), or why it did not.
    case fieldEdited(Result<String?, EditorFailure>)
    /// The user's automation settings, which the Orchestrator's views show.
    case settingsChanged(PaneSettings)
    /// The provider each job kind runs on (from the config file).
    case providersChosen([JobKind: ProviderInfo])
    /// The portfolio's products as read for `PortfolioRequest` (none: no list).
    case portfolioRead(PortfolioInbox, for: PortfolioRequest)
    /// Drafts of several products reviewed from the All products view.
    case portfolioReviewed(PortfolioReviewOutcome)
    /// About a second has passed with no key: views that show other processes' work read it again.
    case tick
}

/// A one-line notice of background work; `pointer` ("7 shows it") is added unless the
/// Orchestrator, where it points, is in view.
public struct Notice: Sendable, Equatable {
    public var text: String
    public var pointer: String?

    public init(_ text: String, pointer: String? = nil) {
        self.text = text
        self.pointer = pointer
    }
}

extension AppState {
    /// Applies a message and returns what the program must do (TCA-style reducer).
    public mutating func update(_ msg: Msg) -> [Effect] {
        let effects = apply(msg)
        keepRecordPage()
        // A key's answer, or the outcome of what it asked for, stays readable for a moment:
        // a notice arriving just after it follows it instead of replacing it.
        if message != nil, !messageIsNotice, msg.answersTheUser { messageShownAt = now() }
        return effects
    }

    private mutating func apply(_ msg: Msg) -> [Effect] {
        switch msg {
        case let .key(key):
            if message != nil, mode == .normal { message = nil }
            return handle(key)
        case let .resized(_, height):
            pageSize = Self.pageSize(height: height)
            return []
        case let .focus(index):
            if Panes.all.indices.contains(index) { focus(index) }
            return []
        case let .workspaceChanged(snapshot, changes, generation):
            replaceSnapshot(snapshot, changes: changes, generation: generation)
            selectPendingDraft()
            return []
        case let .workspacePrepared(prepared):
            replaceSnapshot(prepared)
            selectPendingDraft()
            return []
        case let .writeFailed(reason):
            message = "Not done: \(reason)"
            return []
        case let .jobActivity(jobID, step):
            jobActivity[jobID] = step
            if step == nil { jobText[jobID] = nil }
            return []
        case let .jobText(jobID, text):
            jobText[jobID] = text
            return []
        case let .reviewed(outcome):
            finishReview(outcome)
            return []
        case let .importPreviewed(preview):
            mode = .confirmImport(preview)
            return []
        case let .orchestrated(outcome):
            finishOrchestrator(outcome)
            return []
        case let .backlogEdited(edit):
            finishBacklogEdit(edit)
            return []
        case let .fieldEdited(result):
            receiveEditedField(result)
            return []
        case let .communicationSent(before):
            finishSent(before)
            return []
        case let .productEdited(outcome):
            finishProductEdit(outcome)
            return []
        case let .background(work):
            backgroundWork = work
            // The draft being accepted closes: the dashboard stays usable while it is written.
            if work != nil, case .draft = mode { mode = .normal }
            // What is being written shows in the status bar until its outcome arrives.
            if work != nil { message = nil }
            return []
        case let .documentEdited(outcome):
            finishDocumentEdit(outcome)
            return []
        case let .portfolioRead(portfolio, request):
            return receivePortfolio(portfolio, for: request)
        case let .portfolioReviewed(outcome):
            return finishPortfolioReview(outcome)
        case .tick:
            return readPortfolioIfDue()
        default:
            return receiveOutcome(msg)
        }
    }

    /// The rows one page moves in a list on a terminal `height` rows high: what the list shows
    /// below the tabs, the pane's border, its context lines and the table's header.
    static func pageSize(height: Int) -> Int { max(1, height - 12) }

    // MARK: Keys by mode

    private mutating func handle(_ key: Key) -> [Effect] {
        switch mode {
        case .normal:
            guard let action = keyMap.action(for: key, in: focusedStance) else {
                if key != .escape {
                    if let other = keyMap.bindings.first(where: { $0.key == key && $0.action.scope != nil }), let stance = other.action.scope,
                       let index = Panes.index(of: stance) {
                        message = "\(key) works in \(index + 1) (\(stance.title)): \(other.action.title.replacingOccurrences(of: "AI: ", with: "")) · ? shows every key"
                    } else {
                        message = "\(key) is not bound to anything · ? shows every key"
                    }
                }
                return []
            }
            if let work = backgroundWork, !action.onlyReads {
                message = "Wait a moment: \(work.label) is still " + (work.isReading ? "under way" : "being written")
                    + "; moving, reading and filtering work meanwhile."
                return []
            }
            return perform(action)
        case .filtering:
            return handleFilter(key)
        case let .help(scroll):
            switch key {
            case .escape, .character("q"), .character("?"), .enter, .function(1): mode = .normal
            // The view stops the scroll at the end of the text as it wraps on the screen.
            case .down, .character("j"): mode = .help(scroll: min(helpLength, scroll + 1))
            case .up, .character("k"): mode = .help(scroll: max(0, scroll - 1))
            case .pageDown, .character(" "), .control("d"): mode = .help(scroll: min(helpLength, scroll + pageSize))
            case .pageUp, .control("u"): mode = .help(scroll: max(0, scroll - pageSize))
            case .character("G"), .end: mode = .help(scroll: helpLength)
            case .character("g"), .home: mode = .help(scroll: 0)
            default: break
            }
            return []
        case let .palette(query, selected):
            return handlePalette(key, query: query, selected: selected)
        case let .detail(scroll):
            switch key {
            case .escape, .enter, .character("q"): mode = .normal
            case .down, .character("j"): mode = .detail(scroll: scroll + 1)
            case .up, .character("k"): mode = .detail(scroll: max(0, scroll - 1))
            default:
                guard let action = keyMap.action(for: key, in: focusedStance) else { return [] }
                if action == .openRecord {
                    // Esc from the record comes back to this detail.
                    openRecord(from: .detail(scroll: scroll))
                    return []
                }
                if [.pageDown, .pageUp].contains(action) {
                    // Paging moves between items and keeps the detail open on the new one.
                    _ = perform(action)
                    mode = .detail(scroll: 0)
                    return []
                }
                mode = .normal
                return perform(action)
            }
            return []
        case .confirmQuit:
            if key == .character("y") || key == .character("Y") { return [.quit] }
            mode = .normal
            message = "Still here."
            return []
        case let .draft(view):
            return handleDraft(key, view)
        case let .record(trail):
            return handleRecord(key, trail)
        case let .linkPicker(picker):
            return handleLinkPicker(key, picker)
        case let .switcher(switcher):
            return handleSwitcher(key, switcher)
        case let .prompt(prompt):
            return handlePrompt(key, prompt)
        case let .backlogForm(form):
            return handleBacklogForm(key, form)
        case let .confirmDelete(deletion):
            return handleConfirmDelete(key, deletion)
        case var .confirmImport(preview):
            switch key {
            case .character("y") where preview.importable, .enter where preview.importable:
                mode = .normal
                message = "Importing \(preview.path)…"
                return [.importFile(preview.path)]
            case .down, .character("j"): preview.scroll += 1
            case .up, .character("k"): preview.scroll = max(0, preview.scroll - 1)
            default:
                mode = .normal
                message = preview.importable ? "Nothing was imported." : nil
                return []
            }
            mode = .confirmImport(preview)
            return []
        }
    }

    /// As far as the help could scroll: all its lines (the view stops it where the text,
    /// wrapped on the screen, ends).
    private var helpLength: Int {
        Help.lines(for: keyMap).count * 2 + Help.modal.count * 2 + 3
    }

    private mutating func handleFilter(_ key: Key) -> [Effect] {
        switch key {
        case .escape:
            panes[focused].filter = ""
            mode = .normal
        case .enter, .down, .up:
            mode = .normal
            if key != .enter { return handle(key) }
        case .backspace where panes[focused].filter.isEmpty:
            mode = .normal
        default:
            guard LineEditing.apply(key, to: &panes[focused].filter) else { return [] }
        }
        panes[focused].selected = 0
        recomputeVisible(focused)
        return []
    }

    private mutating func handlePalette(_ key: Key, query: String, selected: Int) -> [Effect] {
        let matches = PaletteMatcher.rank(query: query, keyMap: keyMap)
        switch key {
        case .escape:
            mode = .normal
        case .enter:
            mode = .normal
            if matches.indices.contains(selected) { return perform(matches[selected]) }
        case .down, .control("n"), .tab:
            mode = .palette(query: query, selected: min(selected + 1, max(0, matches.count - 1)))
        case .up, .control("p"), .backTab:
            mode = .palette(query: query, selected: max(0, selected - 1))
        default:
            var query = query
            if LineEditing.apply(key, to: &query) { mode = .palette(query: query, selected: 0) }
        }
        return []
    }

    // MARK: Actions

    /// Does what `action` names.
    mutating func perform(_ action: Action) -> [Effect] {
        let count = panes[focused].visible.count
        switch action {
        case .showVisionary, .showCollaborator, .showCustomer, .showDecision, .showExperimenter, .showInfluencer, .showOrchestrator:
            focus(action.paneIndex ?? focused)  // the pane whose `showAction` it is
        case .nextPane: focus((focused + 1) % panes.count)
        case .previousPane: focus((focused + panes.count - 1) % panes.count)
        case .moveDown: select(panes[focused].selected + 1, count: count)
        case .moveUp: select(panes[focused].selected - 1, count: count)
        case .pageDown: select(panes[focused].selected + pageSize, count: count)
        case .pageUp: select(panes[focused].selected - pageSize, count: count)
        case .moveToTop: select(0, count: count)
        case .moveToBottom: select(count - 1, count: count)
        case .openDetail where focusedView.id == .allProducts:
            return openFromAllProducts()
        case .openDetail:
            // A draft's row (the Orchestrator's inbox) opens the draft for review.
            if let row = selectedRow, snapshot.drafts[RecordID(row.id)] != nil {
                mode = .draft(DraftView(id: RecordID(row.id)))
            } else if let row = selectedRow, snapshot.backlog[RecordID(row.id)] != nil {
                // A backlog item opens as a record: j/k over its feedback, Enter reads one.
                openRecord(from: .list)
            } else if selectedRow != nil {
                mode = .detail(scroll: 0)
            }
        case .openRecord:
            openRecord(from: .list)
        case .close:
            if !panes[focused].filter.isEmpty || panes[focused].sortColumn != nil {
                panes[focused].filter = ""
                panes[focused].sortColumn = nil
                recomputeVisible(focused)
                message = "Filter and sort cleared"
            }
        case .filter:
            mode = .filtering
        case .sortNext:
            let columns = contents[focused].columns.count
            let next = panes[focused].sortColumn.map { $0 + 1 } ?? 0
            panes[focused].sortColumn = next >= columns ? nil : next
            // Numbers (scores, ratings, dates) start highest first; text starts at A.
            let numeric = next < columns && contents[focused].rows.contains { next < $0.sortKeys.count && $0.sortKeys[next] != nil }
            panes[focused].sortAscending = !numeric
            recomputeVisible(focused)
            message = panes[focused].sortColumn.map { "Sorted by \(contents[focused].columns[$0].title.lowercased())" } ?? "Original order"
        case .sortReverse:
            if panes[focused].sortColumn == nil { panes[focused].sortColumn = 0 }
            panes[focused].sortAscending.toggle()
            recomputeVisible(focused)
        case .switchView:
            let views = focusedPane.viewNames
            guard views.count > 1 else {
                message = "This pane has one view."
                return []
            }
            let view = (panes[focused].view + 1) % views.count
            panes[focused] = PaneState()
            panes[focused].view = view
            replaceContent(focused)
            message = "Showing the \(views[view])"
            if focusedView.id == .allProducts { return readPortfolio() }
        case .moveItemUp: return reorder(by: -1)
        case .moveItemDown: return reorder(by: 1)
        case .undo:
            guard let entry = undoStack.popLast() else {
                message = "Nothing to undo."
                return []
            }
            message = "Undid: \(entry.description)"
            return [.write(entry.restore, summary: "Undo: \(entry.description)")]
        case .palette:
            mode = .palette(query: "", selected: 0)
        case .help:
            mode = .help(scroll: 0)
        case .refresh:
            return [.refresh]
        case .quit:
            if hasWorkInProgress {
                mode = .confirmQuit
                return []
            }
            return [.quit]
        case .switchProduct:
            return switchProduct()
        case .reviewDrafts:
            openNewestDraft()
        case .importFeedback:
            mode = .prompt(Prompt(purpose: .importPath, text: ""))
        case .cancelJob, .retryJob:
            return jobControl(action)
        case .markSelected where focusedPane.isInbox, .acceptMarked, .rejectOrRemove, .addRule, .editRule:
            return orchestratorAction(action)
        case .markSelected where focusedView.id == .feedback:
            toggleFeedbackMark()
        case .markSelected:
            toggleRowMark()
        case .linkToBacklog, .unlinkFromBacklog, .openAcceptedSummary:
            return customerAction(action)
        case .newBacklogItem, .editBacklogItem, .deleteBacklogItem:
            return backlogAction(action)
        case .toggleSeen, .dismissFeedback, .tagFeedback:
            return triageAction(action)
        case .markSent, .copyCommunication, .exportCommunication:
            return communicationAction(action)
        case .editProduct, .addMeasure, .setMeasure, .removeMeasure:
            return visionAction(action)
        case .newStakeholder, .editStakeholder, .newExperiment, .editExperiment:
            return documentAction(action)
        case let .run(kind):
            return runJob(kind)
        }
        return []
    }

    /// Builds the focused pane's content for its current view.
    private mutating func replaceContent(_ index: Int) {
        rebuildContent(index)
    }

    mutating func focus(_ index: Int) {
        focused = index
        mode = .normal
    }

    private mutating func select(_ index: Int, count: Int) {
        panes[focused].selected = count == 0 ? 0 : min(max(0, index), count - 1)
    }

    /// Moves the selected backlog item up or down in the Product Backlog order.
    private mutating func reorder(by delta: Int) -> [Effect] {
        guard focusedView.reordersBacklog else {
            message = "Reordering works in the Decision Maker pane (4)."
            return []
        }
        guard panes[focused].filter.isEmpty, panes[focused].sortColumn == nil else {
            message = "Reordering needs the backlog in its own order: Esc clears the filter and sort."
            return []
        }
        let rows = visibleRows(focused)
        let position = panes[focused].selected
        let target = position + delta
        guard rows.indices.contains(position), rows.indices.contains(target),
              let moving = snapshot.backlog[RecordID(rows[position].id)],
              let other = snapshot.backlog[RecordID(rows[target].id)] else { return [] }
        let before = [moving.id: moving.order, other.id: other.order]
        var after = [moving.id: other.order, other.id: moving.order]
        if moving.order == other.order { after[moving.id] = other.order + delta }
        let description = "moved \"\(Format.clean(moving.title))\" \(delta < 0 ? "up" : "down")"
        undoStack.append(UndoEntry(description: description, restore: .setBacklogOrder(before)))
        if undoStack.count > 50 { undoStack.removeFirst() }
        // The selection stays on the moved item: when the write lands, the new snapshot
        // keeps the selection on its record, now one place up or down.
        message = "Moved \"\(Format.clean(moving.title))\" \(delta < 0 ? "up" : "down") · u undoes"
        return [.write(.setBacklogOrder(after), summary: description)]
    }
}

/// Ranks actions for the command palette by a fuzzy match of their title, name and keys.
public enum PaletteMatcher {
    /// The actions matching `query`, best first (all actions, in order, for an empty query).
    public static func rank(query: String, keyMap: KeyMap) -> [Action] {
        let needle = query.lowercased().filter { !$0.isWhitespace }
        guard !needle.isEmpty else { return Action.allCases }
        return Action.allCases.compactMap { action -> (Action, Int)? in
            let haystack = (action.title + " " + action.rawValue).lowercased()
            guard let score = score(needle, in: haystack) else { return nil }
            return (action, score)
        }
        .sorted { $0.1 > $1.1 }
        .map(\.0)
    }

    /// A subsequence match score: consecutive letters and word starts score higher; nil if no match.
    static func score(_ needle: String, in haystack: String) -> Int? {
        var score = 0
        var previousMatch = -2
        let letters = Array(haystack)
        var position = 0
        for character in needle {
            guard let found = letters[position...].firstIndex(of: character) else { return nil }
            score += found == previousMatch + 1 ? 5 : 1
            if found == 0 || letters[found - 1] == " " || letters[found - 1] == "-" { score += 3 }
            previousMatch = found
            position = found + 1
        }
        return score - letters.count / 10
    }
}
