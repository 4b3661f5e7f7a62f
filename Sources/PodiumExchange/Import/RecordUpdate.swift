import Foundation
import PodiumCore

extension ImportReport {
    /// One field an import changes on a record already in the workspace: "status: ready → done".
    public struct FieldChange: Sendable, Equatable, CustomStringConvertible {
        public var field: String
        public var before: String
        public var after: String

        public init(field: String, before: String, after: String) {
            self.field = field
            self.before = before
            self.after = after
        }

        public var description: String { "\(field): \(before) → \(after)" }
    }

    /// A record already in the workspace that the file changes, named by its id in the
    /// tool it came from ("LED-104", "zendesk:4711").
    public struct Update: Sendable, Equatable {
        public var line: Int
        public var record: String
        public var changes: [FieldChange]

        public init(line: Int, record: String, changes: [FieldChange]) {
            self.line = line
            self.record = record
            self.changes = changes
        }

        /// One line per changed field: "LED-104 status: ready → done".
        public var lines: [String] { changes.map { "\(record) \($0)" } }
    }
}

/// The changes a re-import makes to one record, written as the report shows them.
struct ChangeList {
    private(set) var changes: [ImportReport.FieldChange] = []

    /// Notes `field` when `before` and `after` differ, each shown by `show`.
    mutating func compare<Value: Equatable>(_ field: String, _ before: Value, _ after: Value, show: (Value) -> String) {
        guard before != after else { return }
        changes.append(ImportReport.FieldChange(field: field, before: show(before), after: show(after)))
    }

    /// Notes a text field, quoted and shortened around where the two differ, so a change at
    /// the end of a long title shows ("…matchers and auto-posting" → "…matchers and rules").
    mutating func compare(_ field: String, _ before: String, _ after: String) {
        guard before != after else { return }
        let old = Array(before.split(whereSeparator: \.isNewline).joined(separator: " "))
        let new = Array(after.split(whereSeparator: \.isNewline).joined(separator: " "))
        var common = 0
        while common < min(old.count, new.count), old[common] == new[common] { common += 1 }
        var start = max(old.count, new.count) > 40 && common > 20 ? common - 15 : 0
        // Start at a word: after the space before the window.
        if start > 0, let space = old[..<start].lastIndex(of: " ") { start = space + 1 }
        func window(_ text: [Character]) -> String {
            let rest = String(text[min(start, text.count)...])
            return "\"" + (start > 0 ? "…" : "") + (rest.count > 40 ? String(rest.prefix(39)) + "…" : rest) + "\""
        }
        changes.append(ImportReport.FieldChange(field: field, before: window(old), after: window(new)))
    }

    /// Text as a change line shows it: quoted, on one line, at most 40 characters.
    static func quoted(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (line.count > 40 ? String(line.prefix(39)) + "…" : line) + "\""
    }

    /// An optional value, "—" when absent.
    static func optional<Value>(_ value: Value?, _ show: (Value) -> String) -> String {
        value.map(show) ?? "—"
    }

    /// A list of tags or labels: "a, b", or "none".
    static func list(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: ", ")
    }
}
