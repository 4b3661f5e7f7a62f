import Foundation
import PodiumCore
import PodiumStore

/// A record a person edits as a short Markdown document in $EDITOR (the dashboard's `e` and
/// `n`, `podium edit`): one heading per field, the text under it. Reading it back checks each
/// field (a number from 1 to 5, a date, a known status) and names what is wrong.
public protocol DocumentEditable: WorkspaceRecord, Equatable {
    /// "stakeholder", for messages and `podium edit`.
    static var noun: String { get }
    /// How evidence and the audit log refer to the record's kind.
    static var artifactKind: ArtifactKind { get }
    /// The headings, in order, each with what it takes (shown in the document as a comment).
    static var fields: [(heading: String, hint: String)] { get }
    /// A new, empty record.
    static func blank(now: Date) -> Self
    /// The text under each heading.
    var documentValues: [String: String] { get }
    /// The record with the text under each heading written into it; `EditFailure` names a
    /// field that is wrong.
    func applying(_ values: [String: String], now: Date) throws -> Self
    /// The record's name in messages.
    var documentTitle: String { get }
}

public enum RecordDocument {
    /// The record as a document to edit.
    public static func write<Record: DocumentEditable>(_ record: Record) -> String {
        let values = record.documentValues
        var lines: [String] = []
        for field in Record.fields {
            lines += ["# \(field.heading)", "<!-- \(field.hint) -->", "", values[field.heading] ?? "", ""]
        }
        lines.append("<!-- Edit the text under each heading and save; keep the headings. Lines like this one are left out. -->")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The record with the document's text read into it; a missing or unknown heading, or a
    /// field that is wrong, is refused with the reason.
    public static func read<Record: DocumentEditable>(_ text: String, into record: Record, now: Date = Date()) throws -> Record {
        try record.applying(sections(of: text, headings: Record.fields.map(\.heading), noun: "a \(Record.noun)"), now: now)
    }

    /// The text under each of `headings` in a document (comment lines left out); a heading
    /// that is not one of them, or one missing, is refused with the reason.
    public static func sections(of text: String, headings: [String], noun: String) throws -> [String: String] {
        var sections: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("# ") {
                let heading = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                guard let known = headings.first(where: { $0.caseInsensitiveCompare(heading) == .orderedSame }) else {
                    throw EditFailure(description: "“# \(heading)” is not a heading of \(noun): keep " + headings.map { "# \($0)" }.joined(separator: ", "))
                }
                current = known
                sections[known] = []
            } else if let current, !line.trimmingCharacters(in: .whitespaces).hasPrefix("<!--") {
                sections[current, default: []].append(line)
            }
        }
        if let missing = headings.first(where: { sections[$0] == nil }) {
            throw EditFailure(description: "the heading “# \(missing)” is missing; nothing was saved")
        }
        return sections.mapValues { $0.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    // MARK: Reading fields

    /// A whole number from `range`, named `field` in the refusal.
    public static func integer(_ text: String, _ field: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw EditFailure(description: "\(field): “\(text)” is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A day (YYYY-MM-DD), or nil for an empty field; today is now (not noon, which may be
    /// hours ahead and keep it out of "the last 7 days").
    public static func day(_ text: String, _ field: String, now: Date = Date()) throws -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed == Format.day(now) { return now }
        guard trimmed.count == 10, let date = Timestamp.parse(trimmed + "T12:00:00Z") else {
            throw EditFailure(description: "\(field): “\(trimmed)” is not a date: YYYY-MM-DD, e.g. 2026-12-05")
        }
        return date
    }

    /// A required line of text.
    public static func required(_ text: String, _ field: String) throws -> String {
        guard !text.isEmpty else { throw EditFailure(description: "\(field) is required") }
        return text
    }

    static func day(_ date: Date?) -> String { date.map(Format.day) ?? "" }
}

/// Saves a record edited as a document, and puts it back: one audited transaction each.
public struct RecordEditor<Record: DocumentEditable>: Sendable {
    public let store: WorkspaceStore
    public var actor: String
    public var stance: Stance

    public init(store: WorkspaceStore, stance: Stance, actor: String = AuditEntry.currentActor) {
        self.store = store
        self.stance = stance
        self.actor = actor
    }

    /// Saves `record` (new when none has its id). Returns the record before (nil: new).
    @discardableResult
    public func save(_ record: Record, now: Date = Date()) throws -> Record? {
        try store.write { transaction in
            let before = transaction.record(Record.self, id: record.id)
            try transaction.save(record)
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: before == nil ? .create : .update, subject: ArtifactReference(kind: Record.artifactKind, id: record.id.rawValue),
                summary: (before == nil ? "Added the \(Record.noun) “" : "Edited the \(Record.noun) “") + record.documentTitle + "”",
                details: ["stance": stance.rawValue, "kind": "\(Record.noun)-edit"]))
            return before
        }
    }

    /// Puts the record back as it was, or removes it (nil): the undo of `save`. With
    /// `expecting`, refused when the record is no longer as the edit left it.
    public func restore(_ id: RecordID<Record>, to before: Record?, expecting: Record? = nil, now: Date = Date()) throws {
        try store.write { transaction in
            if let expecting, transaction.record(Record.self, id: id) != expecting {
                throw EditFailure(description: "not undone: the \(Record.noun) “\(expecting.documentTitle)” changed since (in another window or command)")
            }
            if let before { try transaction.save(before) } else { transaction.delete(Record.self, id: id) }
            try transaction.log(AuditEntry(
                at: now, actor: actor, action: .undo, subject: ArtifactReference(kind: Record.artifactKind, id: id.rawValue),
                summary: "Undid an edit of a \(Record.noun)", details: ["stance": stance.rawValue, "kind": "\(Record.noun)-edit"]))
        }
    }
}
