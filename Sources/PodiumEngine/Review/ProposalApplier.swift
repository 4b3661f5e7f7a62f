import Foundation
import PodiumCore
import PodiumStore

/// Applies an accepted draft's proposal to the workspace, recording each record before
/// and after so that the acceptance can be undone.
///
/// Text the Product Owner may have edited is read from the draft's content: a vision from
/// its "Vision" and "Product goal" sections, a decision from "Context", "Options", "Choice"
/// and "Rationale", an experiment's result from "Conclusion", a communication's body from
/// the whole text. The proposal's own values are used where a section is missing.
struct ProposalApplier {
    var draft: Draft
    var now: Date
    /// Who accepts, kept in the annotations file an acceptance writes.
    var actor: String? = nil

    func apply(to transaction: inout WorkspaceTransaction) throws -> [AppliedChange] {
        guard let proposal = try EditedProposal.effective(draft) else { return [] }
        var recorder = ChangeRecorder()
        let sections = MarkdownSections(draft.content)

        if let change = proposal.product {
            try recorder.change(ArtifactReference(kind: .product, id: "product"), in: &transaction) { transaction in
                var product = transaction.product
                product.vision = draft.edits.isEmpty ? sections["vision"] ?? change.vision : change.vision
                product.productGoal = draft.edits.isEmpty ? sections["product goal"] ?? change.productGoal : change.productGoal
                product.updatedAt = now
                try transaction.setProduct(product)
            }
        }
        for persona in proposal.personas ?? [] {
            try recorder.change(ArtifactReference(.persona, persona.id), in: &transaction) { try $0.save(persona) }
        }
        if let order = proposal.backlogOrder {
            // The items keep the order slots they had between them, so items the proposal
            // leaves out (done, dropped) do not move.
            let items = order.compactMap { transaction.record(BacklogItem.self, id: $0) }
            let slots = items.map(\.order).sorted()
            for (item, slot) in zip(items, slots) where item.order != slot {
                try recorder.change(ArtifactReference(.backlog, item.id), in: &transaction) { transaction in
                    try transaction.update(BacklogItem.self, id: item.id) {
                        $0.order = slot
                        $0.updatedAt = now
                    }
                }
            }
        }
        if proposal.sentiments != nil || proposal.themeTags != nil || proposal.feedbackLinks != nil {
            try applyAnnotations(proposal, recorder: &recorder, to: &transaction)
        }
        if var decision = proposal.decision {
            decision.context = sections["context"] ?? decision.context
            let options = sections.bullets("options")
            if !options.isEmpty { decision.options = options }
            decision.choice = sections["choice"] ?? sections["decision"] ?? decision.choice
            decision.rationale = sections["rationale"] ?? decision.rationale
            decision.decidedAt = now
            decision.createdAt = now
            decision.updatedAt = now
            try recorder.change(ArtifactReference(.decision, decision.id), in: &transaction) { [decision] in try $0.save(decision) }
        }
        for experiment in proposal.experiments ?? [] {
            try recorder.change(ArtifactReference(.experiment, experiment.id), in: &transaction) { try $0.save(experiment) }
        }
        if let conclusion = proposal.experimentConclusion {
            guard transaction.record(Experiment.self, id: conclusion.experimentID) != nil else {
                throw EngineError.cannotApply("The experiment this draft concludes no longer exists.")
            }
            try recorder.change(ArtifactReference(.experiment, conclusion.experimentID), in: &transaction) { transaction in
                try transaction.update(Experiment.self, id: conclusion.experimentID) {
                    $0.status = conclusion.status
                    $0.result = sections["conclusion"] ?? conclusion.result
                    $0.updatedAt = now
                }
            }
        }
        for link in proposal.experimentLinks ?? [] {
            guard let experiment = transaction.record(Experiment.self, id: link.experimentID), !experiment.linkedBacklog.contains(link.backlogID),
                  transaction.record(BacklogItem.self, id: link.backlogID) != nil else { continue }
            try recorder.change(ArtifactReference(.experiment, link.experimentID), in: &transaction) { transaction in
                try transaction.update(Experiment.self, id: link.experimentID) {
                    $0.linkedBacklog.append(link.backlogID)
                    $0.updatedAt = now
                }
            }
        }
        if var communication = proposal.communication {
            // What goes out carries no citation marks; the record keeps the evidence.
            communication.body = CitationMarks.stripped(draft.content)
            communication.evidence = draft.evidence.map(\.reference)
            communication.updatedAt = now
            try recorder.change(ArtifactReference(.communication, communication.id), in: &transaction) { [communication] in
                try $0.save(communication)
            }
        }
        return recorder.changes
    }

    /// Sentiment, theme tags and feedback links go into one annotations file of the draft's
    /// own, not into every feedback or backlog item's file: one file for git whatever the
    /// number of items, and an undo that removes it. Records deleted since the draft was made
    /// are left out. Themes replace the items' earlier theme tags (a new clustering
    /// supersedes the old); links add to the items' evidence.
    private func applyAnnotations(
        _ proposal: DraftProposal, recorder: inout ChangeRecorder, to transaction: inout WorkspaceTransaction
    ) throws {
        let feedback = transaction.snapshot.feedback
        var sentiment: [String: Double]?
        if let sentiments = proposal.sentiments {
            var scores: [String: Double] = [:]
            scores.reserveCapacity(sentiments.count)
            for assignment in sentiments where feedback[assignment.feedbackID] != nil {
                scores[assignment.feedbackID.rawValue] = (assignment.score * 1000).rounded() / 1000
            }
            sentiment = scores
        }
        var themes: [String: [String]]?
        if let assignments = proposal.themeTags {
            var members: [String: [String]] = [:]
            for assignment in assignments {
                let ids = assignment.feedbackIDs.filter { feedback[$0] != nil }.map(\.rawValue)
                if !ids.isEmpty { members[assignment.tag, default: []] += ids }
            }
            themes = members.mapValues { Array(Set($0)).sorted() }
        }
        let annotations = FeedbackAnnotations(
            id: RecordID(draft.id.rawValue), kind: draft.kind.rawValue, acceptedAt: now, acceptedBy: actor,
            sentiment: sentiment, themes: themes, links: proposal.feedbackLinks.map { links(of: $0, in: transaction.snapshot) })
        try recorder.change(ArtifactReference(.annotations, annotations.id), in: &transaction) { try $0.save(annotations) }
    }

    /// The links by backlog item, each feedback item once (its first kind), strongest first;
    /// links to records deleted since the draft was made are left out.
    private func links(of proposed: [FeedbackLink], in snapshot: WorkspaceSnapshot) -> [String: FeedbackAnnotations.BacklogLinks] {
        var result: [String: FeedbackAnnotations.BacklogLinks] = [:]
        for (backlogID, itemLinks) in Dictionary(grouping: proposed, by: \.backlogID) where snapshot.backlog[backlogID] != nil {
            var seen = Set<RecordID<FeedbackItem>>()
            let kept = itemLinks.sorted { ($0.strength, $1.feedbackID) > ($1.strength, $0.feedbackID) }
                .filter { snapshot.feedback[$0.feedbackID] != nil && seen.insert($0.feedbackID).inserted }
            let demand = kept.filter { $0.kind == .demand }.map(\.feedbackID.rawValue)
            let praise = kept.filter { $0.kind == .validation }.map(\.feedbackID.rawValue)
            result[backlogID.rawValue] = FeedbackAnnotations.BacklogLinks(demand: demand.isEmpty ? nil : demand, praise: praise.isEmpty ? nil : praise)
        }
        return result
    }
}

/// Collects the before and after of every record a change touches.
struct ChangeRecorder {
    private(set) var changes: [AppliedChange] = []

    mutating func change(
        _ reference: ArtifactReference, in transaction: inout WorkspaceTransaction,
        _ body: (inout WorkspaceTransaction) throws -> Void
    ) throws {
        let before = try RecordAccess.json(of: reference, in: transaction)
        try body(&transaction)
        guard let after = try RecordAccess.json(of: reference, in: transaction) else { return }
        if let index = changes.firstIndex(where: { $0.reference == reference }) {
            changes[index].after = after  // changed twice: keep the first before
        } else {
            changes.append(AppliedChange(reference: reference, before: before, after: after))
        }
    }
}
