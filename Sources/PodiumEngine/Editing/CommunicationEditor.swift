import Foundation
import PodiumCore
import PodiumStore

/// Closing the loop on communications by hand: marking one sent (when, and where it went),
/// for the Influencer pane and `podium communications sent`; audited, undoable.
public struct CommunicationEditor: Sendable {
    public typealias Failure = EditFailure

    public let store: WorkspaceStore
    public var actor: String

    public init(store: WorkspaceStore, actor: String = AuditEntry.currentActor) {
        self.store = store
        self.actor = actor
    }

    /// Marks the communication sent at `date` through `channel`. Returns it as it was.
    @discardableResult
    public func markSent(_ id: RecordID<Communication>, channel: String?, at date: Date, now: Date = Date()) throws -> Communication {
        try store.write { transaction in
            guard var communication = transaction.record(Communication.self, id: id) else {
                throw Failure(description: "no communication \(id.short)")
            }
            let before = communication
            guard !communication.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Failure(description: "“\(communication.title)” has no text yet: accept or write its draft first (7 lists the drafts)")
            }
            if communication.status == .sent {
                throw Failure(description: "“\(communication.title)” was sent already"
                    + (communication.sentAt.map { " on \(Format.day($0))" } ?? "") + (communication.channel.map { " by \($0)" } ?? ""))
            }
            communication.status = .sent
            communication.sentAt = date
            let channel = channel?.trimmingCharacters(in: .whitespaces)
            communication.channel = channel?.isEmpty == false ? channel : nil
            communication.updatedAt = now
            try transaction.save(communication)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .update, subject: ArtifactReference(.communication, id),
                summary: "Sent “\(communication.title)”" + (communication.channel.map { " by \($0)" } ?? "") + " on \(Format.day(date))",
                details: ["stance": Stance.influencer.rawValue, "kind": "communication-sent"]))
            return before
        }
    }

    /// Puts a communication back as it was (the undo of `markSent`).
    public func restore(_ before: Communication, now: Date = Date()) throws {
        try store.write { transaction in
            try transaction.save(before)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .undo, subject: ArtifactReference(.communication, before.id),
                summary: "Undid marking “\(before.title)” sent", details: ["stance": Stance.influencer.rawValue, "kind": "communication-sent"]))
        }
    }

    /// "email 2026-12-05" → ("email", that day); "Slack #product" → ("Slack #product", today).
    /// A trailing YYYY-MM-DD is the date; the rest is the channel.
    public static func parse(_ text: String, today: Date) -> (channel: String?, date: Date)? {
        var words = text.split(separator: " ").map(String.init)
        var date = today
        if let last = words.last, last.count == 10, last.dropFirst(4).first == "-" {
            guard let parsed = Timestamp.parse(last + "T12:00:00Z") else { return nil }
            date = parsed
            words.removeLast()
        }
        let channel = words.joined(separator: " ")
        return (channel.isEmpty ? nil : channel, date)
    }
}
