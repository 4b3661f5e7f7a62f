import PodiumCore

/// What an import did (or, in a dry run, would do), row by row where it matters.
public struct ImportReport: Sendable, Equatable {
    /// A remark about one row of the file.
    public struct RowNote: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { "line \(line): \(message)" }
    }

    public var file: String
    /// What kind of records were imported ("feedback item", "backlog item").
    public var recordName: String
    public var format: String
    /// "column → field" lines.
    public var mapping: [String]
    public var imported: Int = 0
    /// The ids of the records written (empty in a dry run); import rules run on them.
    public var importedIDs: [String] = []
    public var skipped: [RowNote] = []
    public var duplicates: [RowNote] = []
    public var warnings: [RowNote] = []
    /// Columns of the file that no field took: their values are not imported.
    public var unusedColumns: [String] = []
    /// Choices the import made that the file did not state (rating scale, missing dates…).
    public var notes: [String] = []
    public var dryRun = false
    /// The known export layout the columns were recognised as, if any.
    public var detectedFormat: String?
    /// The first records as they would be stored, one line each (for previews).
    public var preview: [String] = []
    /// The records added, one line each ("LED-105 Export to PDF"), for imports that name them.
    public var added: [String] = []
    /// Records already in the workspace (same tracker key or external id) that the file changes.
    public var updates: [Update] = []
    /// Records already in the workspace that the file leaves as they are.
    public var unchanged = 0

    /// One line for the terminal and the audit log.
    public var summary: String {
        let verb = dryRun ? "Would import" : "Imported"
        let noun = imported == 1 ? recordName : recordName + "s"
        var text = "\(verb) \(imported) \(noun) from \(file)"
        var extras: [String] = []
        if !updates.isEmpty { extras.append("\(dryRun ? "would update" : "updated") \(updates.count)") }
        if unchanged > 0 { extras.append("\(unchanged) unchanged") }
        if !skipped.isEmpty { extras.append("skipped \(skipped.count)") }
        if !duplicates.isEmpty { extras.append("\(duplicates.count) duplicate\(duplicates.count == 1 ? "" : "s")") }
        if !warnings.isEmpty { extras.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        if !extras.isEmpty { text += " (" + extras.joined(separator: ", ") + ")" }
        return text
    }

    /// The report for people: the summary, then what a user needs to act on (at most
    /// `shown` notes per section). The command line and the dashboard print the same.
    public func lines(shown: Int = 20) -> [String] {
        var lines = [summary, "  format: \(format)" + (detectedFormat.map { " — \($0)" } ?? "")]
        lines.append("  columns: " + (mapping.isEmpty ? "none matched" : mapping.joined(separator: ", ")))
        if !unusedColumns.isEmpty {
            lines.append("  not imported: " + unusedColumns.map { "\"\($0)\"" }.joined(separator: ", ") + " (take one with --map COLUMN=FIELD on the command line)")
        }
        lines += notes.map { "  note: \($0)" }
        for (title, notes) in [("skipped", skipped), ("warnings", warnings)] where !notes.isEmpty {
            lines.append("  \(title):")
            lines += notes.prefix(shown).map { "    \($0.description.sanitizedForTerminal())" }
            if notes.count > shown { lines.append("    … and \(notes.count - shown) more") }
        }
        if !added.isEmpty {
            lines.append("  new:")
            lines += added.prefix(shown).map { "    " + $0 }
            if added.count > shown { lines.append("    … and \(added.count - shown) more") }
        }
        if !updates.isEmpty {
            let changeLines = updates.flatMap(\.lines)
            lines.append("  updated:")
            lines += changeLines.prefix(shown).map { "    " + $0 }
            if changeLines.count > shown { lines.append("    … and \(changeLines.count - shown) more changes") }
        }
        if unchanged > 0 {
            lines.append("  unchanged: \(unchanged) \(unchanged == 1 ? recordName : recordName + "s") already as the file says")
        }
        let inWorkspace = duplicates.filter { $0.message == "already in the workspace" }
        if !inWorkspace.isEmpty {
            let numbers = inWorkspace.prefix(shown).map { String($0.line) }.joined(separator: ", ")
            lines.append("  already in the workspace (lines \(numbers)\(inWorkspace.count > shown ? ", …" : ""))")
        }
        let repeats = duplicates.filter { $0.message != "already in the workspace" }
        if !repeats.isEmpty {
            lines.append("  repeated in the file:")
            lines += repeats.prefix(shown).map { "    \($0.description)" }
            if repeats.count > shown { lines.append("    … and \(repeats.count - shown) more") }
        }
        if dryRun && !preview.isEmpty {
            lines.append("  first items as they would be stored:")
            lines += preview.map { "    " + $0.sanitizedForTerminal() }
        }
        return lines.map { $0.sanitizedForTerminal() }
    }
}
