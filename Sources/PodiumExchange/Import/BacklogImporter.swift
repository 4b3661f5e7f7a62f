import Foundation
import PodiumCore
import PodiumStore

/// The fields a backlog import fills.
public enum BacklogField: String, ImportField {
    case title, description, status, order, reach, impact, confidence, effort
    case businessValue, timeCriticality, riskReduction, jobSize, tags

    public var aliases: [String] {
        switch self {
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
        case .jobSize: ["job size", "jobsize", "size", "story points", "estimate"]
        case .tags: ["tags", "labels", "epic", "theme"]
        }
    }
}

/// Imports Product Backlog items from CSV, JSON or JSON Lines. Items whose title is
/// already in the backlog are reported as duplicates; new items keep the file's order
/// after the existing backlog unless an order column says otherwise.
public enum BacklogImporter {
    public static func importFile(
        at url: URL, into store: WorkspaceStore, mappings: [String] = [], dryRun: Bool = false, encoding: String? = nil,
        now: Date = Date()
    ) throws -> ImportReport {
        let (bytes, name) = try readImportFile(url)
        let table = try TabularReader.read(bytes, fileName: name, encoding: encoding)
        let mapping = try ColumnMapping<BacklogField>(columns: table.columns, overrides: mappings)
        var job = TabularImport<BacklogItem, BacklogField, String>(
            recordName: "backlog item", requiredField: .title,
            duplicateKey: { $0.title.lowercased().trimmingCharacters(in: .whitespaces) },
            convert: { row, mapping in convert(row, mapping, now: now) })
        let hasOrder = mapping[.order] != nil
        job.finish = { items, snapshot in
            guard !hasOrder else { return }
            let start = (snapshot.backlog.values.map(\.order).max() ?? 0) + 1
            for index in items.indices { items[index].order = start + index }
        }
        return try job.run(table: table, mapping: mapping, fileName: name, store: store, dryRun: dryRun,
                           auditDetails: ["stance": Stance.decisionMaker.rawValue])
    }

    private static func convert(
        _ row: TabularData.Row, _ mapping: ColumnMapping<BacklogField>, now: Date
    ) -> TabularImport<BacklogItem, BacklogField, String>.RowOutcome {
        guard let title = mapping.value(.title, in: row) else { return .skip("no title") }
        var warnings: [String] = []
        func number(_ field: BacklogField) -> Double? {
            guard let written = mapping.value(field, in: row) else { return nil }
            guard let value = ValueParsers.number(written), value >= 0 else {
                warnings.append("\(field.rawValue) \"\(written)\" is not a number; left out")
                return nil
            }
            return value
        }
        var status = BacklogStatus.proposed
        if let written = mapping.value(.status, in: row) {
            if let known = Self.status(from: written) {
                status = known
            } else {
                warnings.append("status \"\(written)\" is unknown; set to proposed")
            }
        }
        var confidence = number(.confidence)
        if let value = confidence, value > 1 { confidence = value / 100 }
        let item = BacklogItem(
            id: .make(at: now), title: title, description: mapping.value(.description, in: row) ?? "", status: status,
            order: number(.order).map { Int($0) } ?? 0,
            rice: RICEInputs(reach: number(.reach), impact: number(.impact), confidence: confidence, effort: number(.effort)),
            wsjf: WSJFInputs(businessValue: number(.businessValue), timeCriticality: number(.timeCriticality),
                             riskReduction: number(.riskReduction), jobSize: number(.jobSize)),
            tags: mapping.value(.tags, in: row).map(ValueParsers.list) ?? [], createdAt: now,
            doneAt: status == .done ? now : nil)
        return .record(item, warnings: warnings)
    }

    /// Maps the status words of common trackers onto Podium's statuses.
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
