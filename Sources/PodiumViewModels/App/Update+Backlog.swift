import PodiumCore
import PodiumEngine
import PodiumRender

/// What a backlog edit the program carried out came to.
public enum BacklogEdit: Sendable, Equatable {
    /// Saved; `before` is nil for a new item.
    case saved(after: BacklogItem, before: BacklogItem?)
    case deleted(BacklogItem)
    /// A field was refused when written (another process took the key meanwhile): the form
    /// opens again with the problem shown.
    case refused(BacklogForm, reason: String)
}

/// Why a field could not be edited in $EDITOR.
public struct EditorFailure: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// The Decision Maker's backlog by hand: n adds, e edits, x (or Delete) deletes after y.
extension AppState {
    mutating func backlogAction(_ action: Action) -> [Effect] {
        // In the decision log, n and e write decisions.
        if focusedView.id == .decisionLog, action != .deleteBacklogItem {
            let selected = selectedRow.flatMap { snapshot.decisions[RecordID($0.id)] }
            if action == .editBacklogItem && selected == nil {
                message = "No decision is selected: n records a new one."
                return []
            }
            return openDocument(.decision(action == .newBacklogItem ? nil : selected?.id))
        }
        guard focusedView.reordersBacklog else {
            message = "Backlog items are added and edited in the Decision Maker's backlog view (4, then v)."
            return []
        }
        let selected = selectedRow.flatMap { snapshot.backlog[RecordID($0.id)] }
        switch action {
        case .newBacklogItem:
            mode = .backlogForm(BacklogForm(id: .make(), isNew: true, fields: BacklogFields([.status: BacklogStatus.proposed.rawValue])))
        case .editBacklogItem:
            guard let selected else {
                message = "No backlog item is selected."
                return []
            }
            mode = .backlogForm(BacklogForm(id: selected.id, isNew: false, fields: BacklogFields(selected)))
        default:
            guard let selected else {
                message = "No backlog item is selected."
                return []
            }
            mode = .confirmDelete(BacklogDeletion(id: selected.id, title: Format.clean(selected.title),
                                                  evidence: selected.linkedFeedback.count + selected.validatingFeedback.count))
        }
        return []
    }

    /// The items a form's key must not repeat.
    public func otherItems(than id: RecordID<BacklogItem>) -> [BacklogItem] {
        snapshot.backlog.all.filter { $0.id != id }
    }

    mutating func handleBacklogForm(_ key: Key, _ form: BacklogForm) -> [Effect] {
        var form = form
        message = nil
        // Nothing typed is lost to one stray Esc: on a changed form, the first one asks.
        let leaving = form.leaving
        form.leaving = false
        switch key {
        case .escape where form.isChanged && !leaving:
            form.leaving = true
            message = "Esc again leaves without saving what you typed; Enter saves."
        case .escape:
            mode = .normal
            message = form.isChanged ? "Nothing saved (Esc left the form)." : nil
            return []
        case .tab, .down:
            form.move(by: 1)
        case .backTab, .up:
            form.move(by: -1)
        case .left where form.focus == .status, .right where form.focus == .status:
            form.cycleStatus(by: key == .left ? -1 : 1)
        case .enter, .control("s"):
            form.checked = Set(BacklogFields.Field.allCases)
            let errors = form.fields.errors(others: otherItems(than: form.id))
            if let first = BacklogFields.Field.allCases.first(where: { errors[$0] != nil }) {
                form.focus = first
                mode = .backlogForm(form)
                message = "Not saved: \(first.label.lowercased()): \(errors[first]!)" + (errors.count > 1 ? " (and \(errors.count - 1) more)" : "")
                return []
            }
            mode = .normal
            let title = form.fields[.title].trimmingCharacters(in: .whitespacesAndNewlines)
            message = "Saving “\(Format.clean(title))”…"
            return [.write(.saveBacklogItem(form.id, form.fields), summary: (form.isNew ? "Add" : "Edit") + " backlog item “\(title)”")]
        case .control("e"):
            mode = .backlogForm(form)
            return [.editField(text: form.fields[form.focus], name: "backlog-\(form.focus.rawValue)")]
        default:
            var text = form.fields[form.focus]
            guard LineEditing.apply(key, to: &text) else { return [] }
            form.fields[form.focus] = text
        }
        mode = .backlogForm(form)
        return []
    }

    mutating func handleConfirmDelete(_ key: Key, _ deletion: BacklogDeletion) -> [Effect] {
        mode = .normal
        guard key == .character("y") || key == .character("Y") else {
            message = "Kept “\(deletion.title)”."
            return []
        }
        message = "Deleting “\(deletion.title)”…"
        return [.write(.deleteBacklogItem(deletion.id), summary: "Delete backlog item “\(deletion.title)”")]
    }

    /// Shows what a backlog edit came to and lets u take it back.
    mutating func finishBacklogEdit(_ edit: BacklogEdit) {
        switch edit {
        case let .saved(after, before):
            let title = Format.clean(after.title)
            let description = before == nil ? "added “\(title)”" : "edited “\(title)”"
            pushUndo(UndoEntry(description: description, restore: .restoreBacklogItem(after.id, before, expecting: after)))
            message = (before == nil ? "Added" : "Saved") + " “\(title)” · u undoes"
            if before == nil, let index = panes[focused].visible.firstIndex(where: { contents[focused].rows.id(at: $0) == after.id.rawValue }) {
                panes[focused].selected = index
            }
        case let .deleted(item):
            let title = Format.clean(item.title)
            pushUndo(UndoEntry(description: "deleted “\(title)”", restore: .restoreBacklogItem(item.id, item, expecting: nil)))
            message = "Deleted “\(title)” · u undoes"
        case let .refused(form, reason):
            var form = form
            form.checked = Set(BacklogFields.Field.allCases)
            mode = .backlogForm(form)
            message = "Not saved: \(reason)"
        }
    }

    /// Puts text edited in $EDITOR into the form's focused field.
    mutating func receiveEditedField(_ result: Result<String?, EditorFailure>) {
        guard case var .backlogForm(form) = mode else { return }
        switch result {
        case let .success(text?):
            form.fields[form.focus] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            mode = .backlogForm(form)
            message = "\(form.focus.label) edited in the editor."
        case .success(nil):
            message = "\(form.focus.label) unchanged."
        case let .failure(failure):
            message = "Not edited: \(failure.reason)"
        }
    }

    /// Adds a change `u` can take back (the last 50 are kept).
    mutating func pushUndo(_ entry: UndoEntry) {
        undoStack.append(entry)
        if undoStack.count > 50 { undoStack.removeFirst() }
    }
}
