import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// Stakeholders, experiments and decisions written in $EDITOR, in the program: the document
/// opened, read back and saved (one audited write), or refused with its text kept.
extension Program {
    func editDocument(_ record: DocumentRecord, kept: String?) -> [Msg] {
        let snapshot = store.snapshot
        switch record {
        case let .stakeholder(id):
            return edit(id.flatMap { snapshot.stakeholders[$0] }, record: record, kept: kept, stance: .collaborator) { .restoreStakeholder($0, $1, expecting: $2) }
        case let .experiment(id):
            return edit(id.flatMap { snapshot.experiments[$0] }, record: record, kept: kept, stance: .experimenter) { .restoreExperiment($0, $1, expecting: $2) }
        case let .decision(id):
            return edit(id.flatMap { snapshot.decisions[$0] }, record: record, kept: kept, stance: .decisionMaker) { .restoreDecision($0, $1, expecting: $2) }
        }
    }

    private func edit<Record: DocumentEditable>(
        _ existing: Record?, record: DocumentRecord, kept: String?, stance: Stance,
        restore: (RecordID<Record>, Record?, Record) -> WorkspaceEdit
    ) -> [Msg] {
        let base = existing ?? Record.blank(now: Date())
        let original = RecordDocument.write(base)
        var outcome: Result<String?, any Error> = .success(nil)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(kept ?? original, name: Record.noun) } }
        previous = nil
        do {
            guard let text = try outcome.get() ?? kept else { return [.documentEdited(.unchanged)] }
            let edited: Record
            do {
                edited = try RecordDocument.read(text, into: base)
            } catch {
                return [.documentEdited(.refused(record, reason: "\(error)", text: text))]
            }
            guard existing.map({ $0 != edited }) ?? true else { return [.documentEdited(.unchanged)] }
            let before = try RecordEditor<Record>(store: store, stance: stance).save(edited)
            let summary = (before == nil ? "Added the \(Record.noun) “" : "Saved the \(Record.noun) “") + edited.documentTitle + "”"
            return [changed(nil), .documentEdited(.saved(summary: summary, restore: restore(edited.id, before, edited)))]
        } catch {
            return [.effectFailed("Not edited: \(error)")]
        }
    }

    func restore<Record: DocumentEditable>(_ id: RecordID<Record>, to before: Record?, expecting: Record, stance: Stance) -> [Msg] {
        do {
            try RecordEditor<Record>(store: store, stance: stance).restore(id, to: before, expecting: expecting)
            return [changed(nil)]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }
}
