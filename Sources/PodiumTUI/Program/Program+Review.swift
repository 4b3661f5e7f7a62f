import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// Draft review in the program: accepting, rejecting, editing in the editor, regenerating,
/// and taking reviews back.
extension Program {
    func perform(_ request: ReviewRequest) -> [Msg] {
        do {
            switch request {
            case let .accept(id):
                if let draft = store.snapshot.drafts[id], draft.estimatedWrites > backgroundThreshold {
                    let review = review, store = store
                    return inBackground("accepting “\(Format.clean(draft.title))” (\(draft.estimatedWrites) records)") {
                        do {
                            let accepted = try review.accept(id)
                            return [Self.prepared(store), .reviewed(.accepted(draftID: id, title: accepted.title, effect: accepted.kind.info?.onAccept ?? "applied",
                                                                             changed: accepted.changedRecordCount))]
                        } catch {
                            return [.effectFailed("\(error)")]
                        }
                    }
                }
                let draft = try review.accept(id)
                return [changed(nil), .reviewed(.accepted(draftID: id, title: draft.title, effect: draft.kind.info?.onAccept ?? "applied",
                                                          changed: draft.changedRecordCount))]
            case let .reject(id, reason):
                let draft = try review.reject(id, reason: reason)
                return [changed([.drafts]), .reviewed(.rejected(draftID: id, title: draft.title))]
            case let .edit(id):
                return try edit(id)
            case let .regenerate(id):
                guard let engine else { return [.effectFailed("Cannot regenerate the draft: AI jobs are not available here.")] }
                let old = store.snapshot.drafts[id]
                try engine.regenerate(id)
                return [changed([.jobs]), .reviewed(.regenerating(title: old?.title ?? "draft", keepsEdited: !(old?.edits.isEmpty ?? true)))]
            }
        } catch {
            return [.effectFailed("\(error)")]
        }
    }

    /// Opens the draft's text in the editor and keeps what comes back as an edit.
    private func edit(_ id: RecordID<Draft>) throws -> [Msg] {
        guard let draft = store.snapshot.drafts[id] else {
            return [.effectFailed("Cannot edit the draft: it is no longer in the workspace.")]
        }
        var outcome: Result<String?, any Error> = .success(nil)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(draft.content, name: "draft-\(draft.id.short)") } }
        previous = nil
        guard let text = try outcome.get() else { return [.reviewed(.edited(title: draft.title, changed: false))] }
        let edited = try review.edit(draft.id, content: text)
        return [changed([.drafts]), .reviewed(.edited(title: edited.title, changed: true))]
    }

    func undoAcceptance(_ id: RecordID<Draft>) -> [Msg] {
        if let draft = store.snapshot.drafts[id], draft.changedRecordCount > backgroundThreshold {
            let review = review, store = store
            return inBackground("undoing “\(Format.clean(draft.title))” (\(draft.changedRecordCount) records)") {
                do {
                    let undone = try review.undoAccept(id)
                    return [Self.prepared(store), .reviewed(.undone(title: undone.title))]
                } catch {
                    return [.writeFailed("\(error)")]
                }
            }
        }
        do {
            let draft = try review.undoAccept(id)
            return [changed(nil), .reviewed(.undone(title: draft.title))]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    /// Takes back a bulk acceptance, newest acceptance first.
    func undoAcceptances(_ ids: [RecordID<Draft>]) -> [Msg] {
        undoEach(ids.reversed(), verb: "accepting", plural: "acceptances") { try review.undoAccept($0) }
    }

    /// Takes back rejections: the drafts wait for review again.
    func undoRejections(_ ids: [RecordID<Draft>]) -> [Msg] {
        undoEach(ids, verb: "rejecting", plural: "rejections") { try review.undoReject($0) }
    }

    private func undoEach(_ ids: [RecordID<Draft>], verb: String, plural: String, _ undo: (RecordID<Draft>) throws -> Draft) -> [Msg] {
        var undone: [String] = []
        var failures: [String] = []
        for id in ids {
            do { undone.append(try undo(id).title) } catch { failures.append("\(error)") }
        }
        return [changed(nil), .orchestrated(.reviewsUndone(verb: verb, plural: plural, titles: undone, failures: failures))]
    }

    /// Accepts or rejects the marked drafts one by one; one that fails leaves the others.
    func bulkReview(accept: Bool, ids: [RecordID<Draft>], reason: String?) -> [Msg] {
        var accepted: [RecordID<Draft>] = []
        var rejected: [RecordID<Draft>] = []
        var failures: [String] = []
        for id in ids {
            do {
                if accept {
                    try review.accept(id, note: "Accepted in bulk")
                    accepted.append(id)
                } else {
                    try review.reject(id, reason: reason ?? "Rejected in bulk")
                    rejected.append(id)
                }
            } catch {
                failures.append("\(error)")
            }
        }
        return [changed(nil), .orchestrated(.bulkReviewed(accepted: accepted, rejected: rejected, failures: failures))]
    }
}
