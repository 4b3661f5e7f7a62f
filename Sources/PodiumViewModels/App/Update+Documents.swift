import PodiumCore

/// Stakeholders (2), experiments (5) and decisions (4, decision log) written in $EDITOR as a
/// short document: n a new one, e the selected one; a refused edit keeps its text for the
/// next try; u undoes a saved one.
extension AppState {
    mutating func documentAction(_ action: Action) -> [Effect] {
        switch action {
        case .newStakeholder: return openDocument(.stakeholder(nil))
        case .editStakeholder:
            guard let id = selectedRow.flatMap({ snapshot.stakeholders[RecordID($0.id)]?.id }) else {
                message = "No stakeholder is selected: n adds one."
                return []
            }
            return openDocument(.stakeholder(id))
        case .newExperiment: return openDocument(.experiment(nil))
        default:
            guard let id = selectedRow.flatMap({ snapshot.experiments[RecordID($0.id)]?.id }) else {
                message = "No experiment is selected: n adds one."
                return []
            }
            return openDocument(.experiment(id))
        }
    }

    /// Opens the record in $EDITOR, with the text of a refused edit of it when there is one.
    mutating func openDocument(_ record: DocumentRecord) -> [Effect] {
        let kept = keptDocument?.record == record ? keptDocument?.text : nil
        return [.editDocument(record, kept: kept)]
    }

    mutating func finishDocumentEdit(_ outcome: DocumentOutcome) {
        switch outcome {
        case let .saved(summary, restore):
            keptDocument = nil
            pushUndo(UndoEntry(description: summary.prefix(1).lowercased() + summary.dropFirst(), restore: restore))
            message = Format.clean(summary) + " · u undoes"
        case .unchanged:
            keptDocument = nil
            message = "Nothing changed."
        case let .refused(record, reason, text):
            keptDocument = KeptDocument(record: record, text: text)
            message = "Not saved: \(reason). The same key opens your text again."
        }
    }
}
