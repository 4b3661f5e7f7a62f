import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// The effects interpreter: carries out what `AppState.update` asked for and returns what
/// came of it as messages. It never writes the state itself.
extension Program {
    /// Carries out `effect`; the messages say how it went (`.quit` is the loop's to handle).
    func perform(_ effect: Effect) -> [Msg] {
        // While a long change is written off the main loop, another write would wait for its
        // lock here and freeze the screen: it is refused with the reason instead.
        if let running = state.backgroundWork, effect.writes { return [busy(running)] }
        return switch effect {
        case .quit: []
        case .refresh: refresh()
        case let .write(edit, summary): apply(edit, summary: summary)
        case let .runJob(kind, parameters, inputs): runJob(kind, parameters: parameters, inputs: inputs)
        case let .review(request): perform(request)
        case let .previewImport(path): [previewImport(path)]
        case let .importFile(path): importFile(path)
        case let .cancelJob(id): controlJob("Cannot cancel the job") { try $0.cancel(id) }
        case let .retryJob(id): controlJob("Cannot run the job again") { try $0.retry(id) }
        case let .bulkReview(accept, ids, reason): bulkReview(accept: accept, ids: ids, reason: reason)
        case let .rule(request): perform(request)
        case let .editField(text, name): editField(text, name: name)
        case let .copyToClipboard(text, what): copyToClipboard(text, what: what)
        case let .exportCommunication(id, path): exportCommunication(id, to: path)
        case let .editProduct(kept): editProduct(kept: kept)
        case let .editDocument(record, kept): editDocument(record, kept: kept)
        case let .readPortfolio(request): readPortfolio(for: request)
        case let .reviewInProducts(accept, drafts, reason): review(inProducts: drafts, accept: accept, reason: reason)
        case .openProduct: []  // the loop's to handle, as quitting is
        }
    }

    /// The store as this process left it after writing to it: the panes showing `collections`
    /// are rebuilt (nil: all of them).
    func changed(_ collections: [RecordCollection]?) -> Msg {
        var changes: WorkspaceChanges?
        if let collections {
            var changed = WorkspaceChanges()
            for collection in collections { changed.records[collection] = [] }
            changes = changed
        }
        let (snapshot, generation) = store.versionedSnapshot
        return .workspaceChanged(snapshot, changes: changes, generation: generation)
    }

    private func refresh() -> [Msg] {
        do {
            let changes = try store.refresh()
            let (snapshot, generation) = store.versionedSnapshot
            return [.refreshed(snapshot, generation: generation, changed: !changes.isEmpty)]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    // MARK: Jobs

    private func runJob(_ kind: JobKind, parameters: JobParameters, inputs: [ArtifactReference]) -> [Msg] {
        guard let engine else { return [.effectFailed("AI jobs are not available here.")] }
        do {
            try engine.enqueue(kind, parameters: parameters, inputs: inputs, provider: state.provider(for: kind))
            return [changed([.jobs])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    /// Cancels or re-queues a job on the engine; `refusal` opens the message when there is none.
    private func controlJob(_ refusal: String, _ body: (JobEngine) throws -> Any) -> [Msg] {
        guard let engine else { return [.effectFailed("\(refusal): AI jobs are not available here.")] }
        do {
            _ = try body(engine)
            return [changed([.jobs])]
        } catch {
            return [.effectFailed("\(error)")]
        }
    }

    // MARK: Edits

    /// Writes a change the user made, with an audit entry, or takes one back.
    private func apply(_ edit: WorkspaceEdit, summary: String) -> [Msg] {
        switch edit {
        case let .setBacklogOrder(orders): setBacklogOrder(orders, summary: summary)
        case let .undoAcceptance(id): undoAcceptance(id)
        case let .undoAcceptances(ids): undoAcceptances(ids)
        case let .undoRejections(ids): undoRejections(ids)
        case let .restoreRule(rule): restore(rule)
        case let .deleteRule(id): deleteRule(id)
        case let .setFeedbackLinks(item, links): setFeedbackLinks(item, links, summary: summary)
        case let .saveBacklogItem(id, fields): saveBacklogItem(id, fields)
        case let .deleteBacklogItem(id): deleteBacklogItem(id)
        case let .restoreBacklogItem(id, before, expecting): restoreBacklogItem(id, before, expecting: expecting)
        case let .setFeedbackTriage(triage): setFeedbackTriage(triage, summary: summary)
        case let .setFeedbackTags(tags): setFeedbackTags(tags, summary: summary)
        case let .markCommunicationSent(id, channel, date): markSent(id, channel: channel, at: date)
        case let .restoreCommunication(before): restoreCommunication(before)
        case let .changeMeasure(change): changeMeasure(change, summary: summary)
        case let .restoreProduct(before): restoreProduct(before)
        case let .restoreStakeholder(id, before, expecting): restore(id, to: before, expecting: expecting, stance: .collaborator)
        case let .restoreExperiment(id, before, expecting): restore(id, to: before, expecting: expecting, stance: .experimenter)
        case let .restoreDecision(id, before, expecting): restore(id, to: before, expecting: expecting, stance: .decisionMaker)
        case let .inProducts(edits): undo(inProducts: edits)
        }
    }

    private func setBacklogOrder(_ orders: [RecordID<BacklogItem>: Int], summary: String) -> [Msg] {
        do {
            try store.write { transaction in
                for (id, order) in orders {
                    try transaction.update(BacklogItem.self, id: id) {
                        $0.order = order
                        $0.updatedAt = Date()
                    }
                }
                try transaction.log(AuditEntry(actor: AuditEntry.currentActor, action: .update, summary: summary,
                                               details: ["stance": Stance.decisionMaker.rawValue, "kind": "backlog-order"]))
            }
            return [changed([.backlog])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }
}

extension Effect {
    /// Whether carrying out the effect writes to the workspace.
    var writes: Bool {
        switch self {
        case .write, .review, .importFile, .bulkReview, .rule, .cancelJob, .retryJob, .runJob, .reviewInProducts: true
        case .quit, .refresh, .previewImport, .editField, .copyToClipboard, .exportCommunication, .readPortfolio, .openProduct: false
        case .editProduct, .editDocument: true
        }
    }
}
