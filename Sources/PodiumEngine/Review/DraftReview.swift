import Foundation
import PodiumCore
import PodiumStore

/// The Product Owner's side of a draft: accept (apply it), reject, edit, and undo an
/// acceptance. Each is one transaction with its audit entry.
public struct DraftReview: Sendable {
    private let store: WorkspaceStore
    /// Who is reviewing, for the audit log.
    public var actor: String
    /// The rule or policy acting, when automation reviews (kept in each audit entry as
    /// `automation`, so the log can be filtered by who: a person or a rule).
    public var automation: String?

    public init(store: WorkspaceStore, actor: String = AuditEntry.currentActor, automation: String? = nil) {
        self.store = store
        self.actor = actor
        self.automation = automation
    }

    /// Applies a pending draft to the workspace and marks it accepted. Returns the draft as
    /// saved, with what it changed (for undo).
    @discardableResult
    public func accept(_ id: RecordID<Draft>, note: String? = nil, at now: Date = Date()) throws -> Draft {
        try store.write { transaction in
            var draft = try pendingDraft(id, in: transaction)
            let applied = try ProposalApplier(draft: draft, now: now, actor: automation.map { "auto: \($0)" } ?? actor).apply(to: &transaction)
            draft.status = .accepted
            draft.reviewedAt = now
            let note = note?.sanitizedForTerminal()
            draft.reviewNote = note
            draft.appliedChanges = applied
            try transaction.save(draft)
            let effect = draft.kind.info?.onAccept ?? "kept as accepted"
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .accept, subject: ArtifactReference(.draft, id),
                summary: "Accepted “\(draft.title)”: \(applied.isEmpty ? "kept as accepted" : effect)" + (note.map { " (note: \($0))" } ?? ""),
                details: details(draft, ["changed": "\(draft.changedRecordCount)", "note": note])))
            return draft
        }
    }

    /// Marks a pending draft rejected; nothing else changes.
    @discardableResult
    public func reject(_ id: RecordID<Draft>, reason: String? = nil, at now: Date = Date()) throws -> Draft {
        try store.write { transaction in
            var draft = try pendingDraft(id, in: transaction)
            draft.status = .rejected
            draft.reviewedAt = now
            draft.reviewNote = reason?.sanitizedForTerminal()
            try transaction.save(draft)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .reject, subject: ArtifactReference(.draft, id),
                summary: "Rejected “\(draft.title)”" + (reason.map { ": \($0.sanitizedForTerminal())" } ?? ""),
                details: details(draft, ["reason": reason])))
            return draft
        }
    }

    /// Replaces a pending draft's text, keeping the previous text in its edits.
    @discardableResult
    public func edit(_ id: RecordID<Draft>, content: String, at now: Date = Date()) throws -> Draft {
        let clean = content.sanitizedForTerminal(keepingLineBreaks: true)
        return try store.write { transaction in
            var draft = try pendingDraft(id, in: transaction)
            guard clean != draft.content else { return draft }
            draft.edits.append(DraftEdit(at: now, by: actor, previousContent: draft.content))
            draft.content = clean
            // A links draft's title counts what accepting it writes: the links left in the text.
            if draft.kind == .linkFeedback, let links = (try? EditedProposal.effective(draft))??.feedbackLinks {
                draft.title = "\(links.count) feedback links to \(Set(links.map(\.backlogID)).count) backlog items (edited)"
            }
            try transaction.save(draft)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .edit, subject: ArtifactReference(.draft, id),
                summary: "Edited “\(draft.title)”",
                details: details(draft, ["characters before": "\(draft.edits.last?.previousContent.count ?? 0)",
                                         "characters after": "\(clean.count)"])))
            return draft
        }
    }

    /// Takes back an acceptance: every record it changed is put back as it was, and the
    /// draft is pending again. Refused when one of those records changed since.
    @discardableResult
    public func undoAccept(_ id: RecordID<Draft>, at now: Date = Date()) throws -> Draft {
        try store.write { transaction in
            guard var draft = transaction.record(Draft.self, id: id) else { throw EngineError.noSuchDraft(id.rawValue) }
            guard draft.status == .accepted else { throw EngineError.notAccepted(draft) }
            let applied = draft.appliedChanges ?? []
            var linksTakenBack = Set<ArtifactReference>()
            for change in applied {
                let current = try RecordAccess.json(of: change.reference, in: transaction)
                // Links are taken back one by one, whatever else changed on the item since
                // (a link made by hand, a new title): exactly the ones the draft added.
                if draft.kind == .linkFeedback, change.reference.kind == .backlog || change.reference.kind == .experiment,
                   !RecordAccess.sameContent(current, change.after) {
                    try takeBackLinks(change, in: &transaction, at: now)
                    linksTakenBack.insert(change.reference)
                    continue
                }
                guard RecordAccess.sameContent(current, change.after) else {
                    // Name the later acceptance that changed the record, so the user knows what to undo first.
                    let later = transaction.snapshot.drafts.values
                        .filter { $0.status == .accepted && $0.id != id && ($0.reviewedAt ?? .distantPast) >= (draft.reviewedAt ?? .distantPast)
                            && ($0.appliedChanges ?? []).contains { $0.reference == change.reference } }
                        .max { ($0.reviewedAt ?? .distantPast, $0.id) < ($1.reviewedAt ?? .distantPast, $1.id) }
                    throw EngineError.changedSinceAccepted(RecordAccess.name(of: change.reference, in: transaction.snapshot),
                                                           later: later.map { "“\($0.title)” (draft \($0.id.short))" })
                }
            }
            for change in applied.reversed() where !linksTakenBack.contains(change.reference) {
                try RecordAccess.restore(change.reference, to: change.before, in: &transaction)
            }
            let restored = draft.changedRecordCount
            draft.status = .pending
            draft.reviewedAt = nil
            draft.reviewNote = nil
            draft.appliedChanges = nil
            try transaction.save(draft)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .undo, subject: ArtifactReference(.draft, id),
                summary: "Undid accepting “\(draft.title)” (\(restored) record\(restored == 1 ? "" : "s") restored)",
                details: details(draft, [:])))
            return draft
        }
    }

    /// Puts each link an acceptance added back as it was before — a feedback item on a backlog
    /// item (unlinked, or on the other side), a backlog item on an experiment — where it still
    /// is as the acceptance left it; the record's other changes since stay.
    private func takeBackLinks(_ change: AppliedChange, in transaction: inout WorkspaceTransaction, at now: Date) throws {
        let decoder = WorkspaceJSON.decoder()
        if change.reference.kind == .experiment {
            // An experiment linked to backlog items: the items the acceptance added come off it.
            guard let before = try change.before.map({ try decoder.decode(Experiment.self, from: Data($0.utf8)) }) else { return }
            let after = try decoder.decode(Experiment.self, from: Data(change.after.utf8))
            guard var current = transaction.record(Experiment.self, id: after.id) else { return }
            let added = Set(after.linkedBacklog).subtracting(before.linkedBacklog)
            current.linkedBacklog.removeAll { added.contains($0) }
            current.updatedAt = now
            try transaction.save(current)
            return
        }
        guard let before = try change.before.map({ try decoder.decode(BacklogItem.self, from: Data($0.utf8)) }),
              var current = transaction.record(BacklogItem.self, id: RecordID(change.reference.id)) else { return }
        let after = try decoder.decode(BacklogItem.self, from: Data(change.after.utf8))
        for feedback in Set(after.allLinkedFeedback) {
            let added = after.linkKind(of: feedback)
            guard added != before.linkKind(of: feedback), current.linkKind(of: feedback) == added else { continue }
            if let previous = before.linkKind(of: feedback) { current.link(feedback, as: previous) } else { current.unlink(feedback) }
        }
        current.updatedAt = now
        try transaction.save(current)
    }

    /// Takes back a rejection: the draft waits for review again (nothing else had changed).
    @discardableResult
    public func undoReject(_ id: RecordID<Draft>, at now: Date = Date()) throws -> Draft {
        try store.write { transaction in
            guard var draft = transaction.record(Draft.self, id: id) else { throw EngineError.noSuchDraft(id.rawValue) }
            guard draft.status == .rejected else { throw EngineError.notRejected(draft) }
            draft.status = .pending
            draft.reviewedAt = nil
            draft.reviewNote = nil
            try transaction.save(draft)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .undo, subject: ArtifactReference(.draft, id),
                summary: "Undid rejecting “\(draft.title)”: it waits for review again", details: details(draft, [:])))
            return draft
        }
    }

    // MARK: Helpers

    private func pendingDraft(_ id: RecordID<Draft>, in transaction: WorkspaceTransaction) throws -> Draft {
        guard let draft = transaction.record(Draft.self, id: id) else { throw EngineError.noSuchDraft(id.rawValue) }
        guard draft.status == .pending || draft.status == .interrupted else { throw EngineError.notPending(draft) }
        return draft
    }

    private func details(_ draft: Draft, _ extra: [String: String?]) -> [String: String] {
        var details = ["kind": draft.kind.rawValue, "stance": draft.stance.rawValue, "provider": draft.provider.name]
        if let automation { details[AuditEntry.automationDetail] = automation }
        for (key, value) in extra { if let value { details[key] = value } }
        return details
    }
}
