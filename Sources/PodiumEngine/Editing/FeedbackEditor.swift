import Foundation
import PodiumCore
import PodiumStore

/// Feedback triage by hand, for the dashboard's Customer pane and `podium feedback`: seen or
/// new, dismissed as noise (kept, left out of AI jobs), and tags; one audited transaction each.
public struct FeedbackEditor: Sendable {
    public typealias Failure = EditFailure

    public let store: WorkspaceStore
    public var actor: String

    public init(store: WorkspaceStore, actor: String = AuditEntry.currentActor) {
        self.store = store
        self.actor = actor
    }

    /// Sets each item's triage (nil: new again). Returns the states before, for undo; items
    /// deleted meanwhile are left out.
    @discardableResult
    public func setTriage(_ triage: [RecordID<FeedbackItem>: FeedbackTriage?], summary: String? = nil, now: Date = Date()) throws
        -> [RecordID<FeedbackItem>: FeedbackTriage?] {
        try change(triage.keys, summary: summary ?? Self.describe(triage), now: now) { item in
            let before = item.triage
            item.triage = triage[item.id] ?? nil
            return before
        }
    }

    /// Sets each item's tags. Returns the tags before, for undo.
    @discardableResult
    public func setTags(_ tags: [RecordID<FeedbackItem>: [String]], summary: String, now: Date = Date()) throws -> [RecordID<FeedbackItem>: [String]] {
        try change(tags.keys, summary: summary, now: now) { item in
            let before = item.tags
            item.tags = tags[item.id] ?? item.tags
            return before
        }
    }

    /// Sets how each feedback item is linked to the backlog item (demand, praise, or not at
    /// all: nil) in one transaction with its audit entry; the same call with the states
    /// before undoes it. Returns those states.
    @discardableResult
    public func setLinks(of item: RecordID<BacklogItem>, _ links: [RecordID<FeedbackItem>: FeedbackLinkKind?], summary: String, now: Date = Date()) throws
        -> [RecordID<FeedbackItem>: FeedbackLinkKind?] {
        try store.write { transaction in
            guard var backlogItem = transaction.record(BacklogItem.self, id: item) else { throw Failure(description: "no backlog item \(item.short)") }
            var before: [RecordID<FeedbackItem>: FeedbackLinkKind?] = [:]
            for (feedback, kind) in links.sorted(by: { $0.key < $1.key }) {
                before[feedback] = backlogItem.linkKind(of: feedback)
                backlogItem.setLink(of: feedback, to: kind)
            }
            backlogItem.updatedAt = now
            try transaction.save(backlogItem)
            let kinds = Set(links.values.map { $0?.rawValue ?? "unlinked" }).sorted().joined(separator: ",")
            try transaction.log(AuditEntry(at: now, actor: actor, action: .update, subject: ArtifactReference(.backlog, item), summary: summary,
                                           details: ["stance": Stance.customerRepresentative.rawValue, "kind": "feedback-link",
                                                     "feedback": String(links.count), "link": kinds]))
            return before
        }
    }

    /// Applies `body` to each listed item in one transaction with one audit entry.
    private func change<Before>(
        _ ids: Dictionary<RecordID<FeedbackItem>, some Any>.Keys, summary: String, now: Date,
        _ body: @escaping (inout FeedbackItem) -> Before
    ) throws -> [RecordID<FeedbackItem>: Before] {
        guard !ids.isEmpty else { throw Failure(description: "no feedback item given") }
        return try store.write { transaction in
            var before: [RecordID<FeedbackItem>: Before] = [:]
            for id in ids.sorted() {
                guard var item = transaction.record(FeedbackItem.self, id: id) else { continue }
                before[id] = body(&item)
                try transaction.save(item)
            }
            guard !before.isEmpty else { throw Failure(description: "none of the feedback items is in the workspace any more") }
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .update, subject: before.count == 1 ? ArtifactReference(.feedback, before.keys.first!) : nil,
                summary: summary, details: ["stance": Stance.customerRepresentative.rawValue, "kind": "feedback-triage", "items": String(before.count)]))
            return before
        }
    }

    /// "Marked 3 feedback items seen", "Dismissed 1 feedback item as noise", "Marked 2 … new".
    public static func describe(_ triage: [RecordID<FeedbackItem>: FeedbackTriage?]) -> String {
        let states = Set(triage.values.map { $0?.rawValue ?? "new" })
        let count = triage.count
        let items = "\(count) feedback item\(count == 1 ? "" : "s")"
        guard states.count == 1, let state = states.first else { return "Triaged \(items)" }
        switch state {
        case "dismissed": return "Dismissed \(items) as noise"
        default: return "Marked \(items) \(state)"
        }
    }
}

extension WorkspaceSnapshot {
    /// The workspace as AI jobs see it: without the feedback dismissed as noise.
    public var withoutDismissedFeedback: WorkspaceSnapshot {
        let dismissed = feedback.values.filter { $0.triage == .dismissed }.map(\.id)
        guard !dismissed.isEmpty else { return self }
        var copy = self
        for id in dismissed { copy.feedback[id] = nil }
        return copy
    }
}
