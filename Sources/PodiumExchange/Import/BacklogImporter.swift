import Foundation
import PodiumCore
import PodiumStore

/// The fields a backlog import fills.
public enum BacklogField: String, ImportField {
    case key, title, description, status, order, reach, impact, confidence, effort
    case businessValue, timeCriticality, riskReduction, jobSize, tags
    /// The tracker's estimate (story points…): fills RICE effort and WSJF job size when they are empty.
    case estimate
    /// When the tracker created the item, and when it was completed (Linear's "Completed",
    /// Jira's "Resolved", Azure DevOps' "Closed Date", GitHub's `closedAt`): a done item is
    /// dated by when it was done, not by the import.
    case created, completed
    /// When the tracker last changed the item (Jira's "Updated", Azure DevOps' "Changed
    /// Date"): a done item without a completion date was done by then, at the latest.
    case updated

    public var aliases: [String] {
        switch self {
        case .key: ["key", "issue key", "tracker key"]
        case .title: ["title", "name", "summary", "story", "item", "feature"]
        case .description: ["description", "details", "body", "notes"]
        case .status: ["status", "state", "stage"]
        case .order: ["order", "rank", "position", "priority order"]
        case .reach: ["reach"]
        case .impact: ["impact"]
        case .confidence: ["confidence"]
        case .effort: ["effort", "person months", "effort months"]
        case .businessValue: ["business value", "businessvalue", "user business value", "value", "bv"]
        case .timeCriticality: ["time criticality", "timecriticality", "tc"]
        case .riskReduction: ["risk reduction", "riskreduction", "risk reduction opportunity enablement", "rroe", "rr"]
        case .jobSize: ["job size", "jobsize", "size"]
        case .tags: ["tags", "labels", "epic", "theme"]
        // The tracker's estimate, in any export: it is kept on the item and fills the effort
        // and the job size where those are not given.
        case .estimate: ["estimate", "story points", "points", "story point estimate"]
        case .created: ["created", "created at", "created date", "date created", "createdat"]
        case .completed: ["completed", "completed at", "completed date", "resolved", "resolved at", "resolution date", "closed date",
                          "closed at", "closedat", "done at", "finished at"]
        case .updated: ["updated", "updated at", "updated date", "last updated", "changed date", "updatedat", "modified"]
        }
    }
}

/// Choices for a backlog import beyond what the file says.
public struct BacklogImportOptions: Sendable {
    /// "COLUMN=field" overrides of the column mapping.
    public var mappings: [String] = []
    /// "TRACKER STATUS=STATUS" meanings (`--status`), over the layout's status table.
    public var statuses: [String] = []
    public var dryRun = false
    /// The file's encoding, when it must not be guessed ("utf-8", "utf-16le", "windows-1252"…).
    public var encoding: String?

    public init(mappings: [String] = [], statuses: [String] = [], dryRun: Bool = false, encoding: String? = nil) {
        self.mappings = mappings
        self.statuses = statuses
        self.dryRun = dryRun
        self.encoding = encoding
    }
}

/// Imports Product Backlog items from CSV, JSON or JSON Lines, recognising the exports of
/// Jira, Linear, Azure DevOps and GitHub Issues. An item with a tracker key updates the
/// item with that key (never added twice, never deleted); an item without one whose title
/// is already in the backlog is reported as a duplicate. New items keep the file's order
/// after the existing backlog unless an order column says otherwise.
public enum BacklogImporter {
    public static func importFile(
        at url: URL, into store: WorkspaceStore, options: BacklogImportOptions = BacklogImportOptions(), now: Date = Date()
    ) throws -> ImportReport {
        let (bytes, name) = try readImportFile(url)
        let table = try TabularReader.read(bytes, fileName: name, encoding: options.encoding)
        let meanings = try StatusMeanings(options.statuses)
        let format = BacklogFormat.detect(table.columns)
        let mapping = try ColumnMapping<BacklogField>(
            columns: table.columns, preset: format?.preset(for: table.columns) ?? [:], overrides: options.mappings)
        guard mapping[.title] != nil else {
            throw ImportError.notABacklog(file: name, columns: table.columns, expected: BacklogFormat.known.map(\.identification))
        }
        if let format { try checkStatuses(table, mapping, format: format, meanings: meanings, file: name) }
        // Jira writes one "Labels" column per label: "Labels", "Labels (2)", "Labels (3)"…
        let tagColumns = mapping[.tags].map { repeats(of: $0, in: table.columns) } ?? []
        let dateValues = table.rows.flatMap { row in [BacklogField.created, .completed, .updated].compactMap { mapping.value($0, in: row) } }
        let reader = BacklogRowReader(mapping: mapping, format: format, meanings: meanings, tagColumns: tagColumns, file: name, now: now,
                                      dates: try DateReader(format: nil, columnValues: dateValues))
        var job = TabularImport<BacklogItem, BacklogField, String>(
            recordName: "backlog item", requiredField: .title,
            duplicateKey: { $0.title.lowercased().trimmingCharacters(in: .whitespaces) },
            convert: { row, _ in try reader.item(row) })
        let given = Set(mapping.columns.keys)
        job.identity = .init(id: \.key, update: { BacklogUpdate.apply($1, to: $0, given: given, now: now) }, refusesRepeats: true)
        job.detectedFormat = format?.name
        job.alsoUsedColumns = Set(tagColumns)
        job.notes = format.map { ["recognised from its columns: \($0.name)"] } ?? []
        job.describeAdded = { item in [item.key, item.title, "(\(item.status.rawValue))"].compactMap { $0 }.joined(separator: " ") }
        let hasOrder = mapping[.order] != nil
        job.finish = { items, snapshot in
            guard !hasOrder else { return }
            let start = (snapshot.backlog.values.map(\.order).max() ?? 0) + 1
            for index in items.indices { items[index].order = start + index }
        }
        var filtered = table
        filtered.notes = table.notes.filter { note in !tagColumns.dropFirst().contains { note.hasSuffix("\"\($0)\"") } }
        return try job.run(table: filtered, mapping: mapping, fileName: name, store: store, dryRun: options.dryRun,
                           auditDetails: ["stance": Stance.decisionMaker.rawValue])
    }

    /// Stops the import when a status is in neither the layout's table nor the user's
    /// `--status` meanings, naming every such status and the line of the first.
    private static func checkStatuses(
        _ table: TabularData, _ mapping: ColumnMapping<BacklogField>, format: BacklogFormat, meanings: StatusMeanings, file: String
    ) throws {
        var unknown: [String] = []
        var firstLine: Int?
        for row in table.rows {
            guard let written = mapping.value(.status, in: row), meanings.status(for: written) == nil, format.status(written) == nil,
                  !unknown.contains(written) else { continue }
            unknown.append(written)
            firstLine = firstLine ?? row.line
        }
        if let firstLine {
            throw ImportError.unknownStatuses(file: file, line: firstLine, statuses: unknown, layout: format.name)
        }
    }

    /// `column` and the columns a repeated header made of it ("Labels (2)", "Labels (3)"…).
    static func repeats(of column: String, in columns: [String]) -> [String] {
        [column] + columns.filter { name in
            guard name.hasPrefix(column + " ("), name.hasSuffix(")") else { return false }
            return Int(name.dropFirst(column.count + 2).dropLast()) != nil
        }
    }

    /// Maps the status words of common trackers onto Podium's statuses (files that are no
    /// known layout).
    static func status(from text: String) -> BacklogStatus? {
        let word = text.lowercased().filter { $0.isLetter }
        switch word {
        case "proposed", "new", "todo", "open", "backlog", "idea", "icebox", "triage": return .proposed
        case "ready", "refined", "selected", "readyfordev", "committed": return .ready
        case "inprogress", "doing", "started", "active", "inreview", "review": return .inProgress
        case "done", "closed", "resolved", "shipped", "released", "complete", "completed": return .done
        case "dropped", "wontdo", "wontfix", "cancelled", "canceled", "rejected", "removed": return .dropped
        default: return nil
        }
    }
}
