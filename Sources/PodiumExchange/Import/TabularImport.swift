import Foundation
import PodiumCore
import PodiumStore

/// The steps every import shares: read the file, map its columns, turn rows into records,
/// drop duplicates against the workspace as it is on disk, and save all in one transaction.
struct TabularImport<Record: WorkspaceRecord, Field: ImportField, Key: Hashable> {
    /// What the conversion of one row gives.
    enum RowOutcome {
        case record(Record, warnings: [String])
        /// Several records from one row (a survey row answering several questions).
        case records([Record], warnings: [String])
        case skip(String)
    }

    var recordName: String
    /// The field without which no record can be made (its column must exist).
    var requiredField: Field
    var duplicateKey: (Record) -> Key
    var convert: (TabularData.Row, ColumnMapping<Field>) -> RowOutcome
    /// Adjusts the records about to be saved, knowing the workspace (e.g. backlog order).
    var finish: (inout [Record], WorkspaceSnapshot) -> Void = { _, _ in }
    /// Choices made for the whole file, for the report.
    var notes: [String] = []
    /// The known layout recognised, for the report.
    var detectedFormat: String?
    /// One line per record for the preview (the first few of a dry run).
    var describe: ((Record) -> String)?

    /// Imports the rows; `auditDetails` are added to the import's audit entry (e.g. who
    /// imported it: `automation: inbox`).
    func run(
        table: TabularData, mapping: ColumnMapping<Field>, fileName: String, store: WorkspaceStore,
        dryRun: Bool, auditDetails: [String: String] = [:]
    ) throws -> ImportReport {
        guard mapping[requiredField] != nil else {
            throw ImportError.missingColumn(file: fileName, field: requiredField.rawValue, columns: table.columns)
        }
        var report = ImportReport(file: fileName, recordName: recordName, format: table.formatDescription,
                                  mapping: mapping.summary, dryRun: dryRun)
        let used = Set(mapping.columns.values)
        report.unusedColumns = table.columns.filter { column in
            !used.contains(column) && !column.isEmpty && table.rows.contains { !($0[column] ?? "").isEmpty }
        }
        report.notes = table.notes + notes
        report.detectedFormat = detectedFormat
        var candidates: [(line: Int, record: Record)] = []
        for row in table.rows {
            switch convert(row, mapping) {
            case let .record(record, warnings):
                candidates.append((row.line, record))
                report.warnings += warnings.map { ImportReport.RowNote(line: row.line, message: $0) }
            case let .records(records, warnings):
                candidates += records.map { (row.line, $0) }
                report.warnings += warnings.map { ImportReport.RowNote(line: row.line, message: $0) }
            case let .skip(reason):
                report.skipped.append(ImportReport.RowNote(line: row.line, message: reason))
            }
        }
        let select = { (snapshot: WorkspaceSnapshot, report: inout ImportReport) -> [Record] in
            let existing = Set(snapshot[Record.self].values.map(duplicateKey))
            var firstLine: [Key: Int] = [:]
            var accepted: [Record] = []
            for (line, record) in candidates {
                let key = duplicateKey(record)
                if existing.contains(key) {
                    report.duplicates.append(ImportReport.RowNote(line: line, message: "already in the workspace"))
                } else if let first = firstLine[key] {
                    report.duplicates.append(ImportReport.RowNote(line: line, message: "repeats line \(first) of this file"))
                } else {
                    firstLine[key] = line
                    accepted.append(record)
                }
            }
            finish(&accepted, snapshot)
            report.imported = accepted.count
            if let describe { report.preview = accepted.prefix(5).map(describe) }
            return accepted
        }
        if dryRun {
            try store.refresh()
            _ = select(store.snapshot, &report)
            return report
        }
        return try store.write { transaction in
            var attempt = report
            let records = select(transaction.snapshot, &attempt)
            guard !records.isEmpty else { return attempt }
            try transaction.save(all: records)
            attempt.importedIDs = records.map(\.id.rawValue)
            try transaction.log(AuditEntry(
                actor: AuditEntry.currentActor, action: .importData, summary: attempt.summary,
                details: [
                    "file": fileName, "imported": String(attempt.imported), "skipped": String(attempt.skipped.count),
                    "duplicates": String(attempt.duplicates.count),
                ].merging(auditDetails) { ours, _ in ours }))
            return attempt
        }
    }
}

/// Reads a file for import, with a message naming it when it cannot be read.
func readImportFile(_ url: URL) throws -> (bytes: [UInt8], name: String) {
    let name = url.lastPathComponent
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
        throw ImportError.unreadable(file: url.path, reason: "is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read (permissions?)" : "no such file"
        throw ImportError.unreadable(file: url.path, reason: reason)
    }
    return ([UInt8](data), name)
}
