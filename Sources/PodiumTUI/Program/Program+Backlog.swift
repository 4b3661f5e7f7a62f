import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// The backlog by hand in the program: the Decision Maker's form and delete, their undo, and
/// a form field edited in $EDITOR.
extension Program {
    private var backlogEditor: BacklogEditor { BacklogEditor(store: store) }

    func saveBacklogItem(_ id: RecordID<BacklogItem>, _ fields: BacklogFields) -> [Msg] {
        do {
            let (before, after) = try backlogEditor.save(fields, id: id)
            return [changed([.backlog, .audit]), .backlogEdited(.saved(after: after, before: before))]
        } catch let refusal as BacklogEditor.Refusal {
            // Checked in the form already: another process changed the workspace meanwhile.
            var form = BacklogForm(id: id, isNew: store.snapshot.backlog[id] == nil, fields: fields)
            form.focus = BacklogFields.Field.allCases.first { refusal.errors[$0] != nil } ?? .title
            return [changed([.backlog]), .backlogEdited(.refused(form, reason: refusal.description))]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    func deleteBacklogItem(_ id: RecordID<BacklogItem>) -> [Msg] {
        do {
            let item = try backlogEditor.delete(id)
            return [changed([.backlog, .audit]), .backlogEdited(.deleted(item))]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    func restoreBacklogItem(_ id: RecordID<BacklogItem>, _ before: BacklogItem?, expecting: BacklogItem?) -> [Msg] {
        do {
            try backlogEditor.restore(id, to: before, expecting: expecting)
            return [changed([.backlog, .audit])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    /// Opens a form field's text in $EDITOR, with the dashboard put aside meanwhile.
    func editField(_ text: String, name: String) -> [Msg] {
        var outcome: Result<String?, any Error> = .success(nil)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(text, name: name, fileExtension: "txt") } }
        previous = nil
        switch outcome {
        case let .success(edited): return [.fieldEdited(.success(edited))]
        case let .failure(error): return [.fieldEdited(.failure(EditorFailure("\(error)")))]
        }
    }
}
