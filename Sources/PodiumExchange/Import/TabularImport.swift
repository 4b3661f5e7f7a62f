import Foundation
import PodiumCore
import PodiumStore

/// The steps every import shares: read the file, map its columns, turn rows into records,
/// match them with the workspace as it is on disk (by their id in the tool they came from,
/// else by a duplicate key), and save all in one transaction.
struct TabularImport<Record: WorkspaceRecord, Field: ImportField, Key: Hashable> {
    /// What the conversion of one row gives.
    enum RowOutcome {
        case record(Record, warnings: [String])
        /// Several records from one row (a survey row answering several questions).
        case records([Record], warnings: [String])
        case skip(String)
    }

    /// How records that carry their id in the tool they came from (a tracker key, a ticket
    /// id) meet the workspace: the record with the same id is updated, never added twice.
    struct Identity {
        /// The record's id in its tool; nil when the file gives none.
        var id: (Record) -> String?
        /// The existing record with what the file says now, and the fields that changed.
        var update: (_ existing: Record, _ incoming: Record) -> (Record, [ImportReport.FieldChange])
        /// Whether a repeated id stops the import (a tracker's key) rather than being
        /// reported as a duplicate row.
        var refusesRepeats = false
    }

    var recordName: String
    /// The field without which no record can be made (its column must exist).
    var requiredField: Field
    var duplicateKey: (Record) -> Key
    /// Converts one row; throws when the row is wrong in a way that must stop the import.
    var convert: (TabularData.Row, ColumnMapping<Field>) throws -> RowOutcome
    /// Matching by id, for records that carry one.
    var identity: Identity?
    /// How rows are checked against a collection the store has not read (the command line
    /// leaves a large feedback collection unread): `format` names the key index,
    /// `digest` turns a duplicate key into the digest it holds.
    struct KeyedLookup {
        var format: String
        var digest: (Key) -> UInt64
    }

    /// Set when the records can be checked through a key index instead of read whole.
    var keyed: KeyedLookup?
    /// Adjusts the new records about to be saved, knowing the workspace (e.g. backlog order).
    var finish: (inout [Record], WorkspaceSnapshot) -> Void = { _, _ in }
    /// Choices made for the whole file, for the report.
    var notes: [String] = []
    /// The known layout recognised, for the report.
    var detectedFormat: String?
    /// Columns read beyond the mapping's (Jira's repeated "Labels" columns).
    var alsoUsedColumns: Set<String> = []
    /// One line per record for the preview (the first few of a dry run).
    var describe: ((Record) -> String)?
    /// One line per new record for the report's list of what is added, when it names them.
    var describeAdded: ((Record) -> String)?

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
        let used = Set(mapping.columns.values).union(alsoUsedColumns)
        report.unusedColumns = table.columns.filter { column in
            !used.contains(column) && !column.isEmpty && table.rows.contains { !($0[column] ?? "").isEmpty }
        }
        report.notes = table.notes + notes
        report.detectedFormat = detectedFormat
        var candidates: [(line: Int, record: Record)] = []
        var idLines: [String: Int] = [:]
        for row in table.rows {
            let records: [Record]
            switch try convert(row, mapping) {
            case let .record(record, warnings):
                records = [record]
                report.warnings += warnings.map { ImportReport.RowNote(line: row.line, message: $0) }
            case let .records(many, warnings):
                records = many
                report.warnings += warnings.map { ImportReport.RowNote(line: row.line, message: $0) }
            case let .skip(reason):
                records = []
                report.skipped.append(ImportReport.RowNote(line: row.line, message: reason))
            }
            for record in records {
                if let identity, identity.refusesRepeats, let id = identity.id(record) {
                    if let first = idLines[id] { throw ImportError.repeatedKey(file: fileName, line: row.line, key: id, firstLine: first) }
                    idLines[id] = row.line
                }
                candidates.append((row.line, record))
            }
        }
        let select = { (existing: [Record], snapshot: WorkspaceSnapshot, report: inout ImportReport) -> (added: [Record], updated: [Record]) in
            let matches = match(candidates, existing: existing, report: &report)
            var added = matches.added
            finish(&added, snapshot)
            report.imported = added.count
            if let describe { report.preview = added.prefix(5).map(describe) }
            if let describeAdded { report.added = added.map(describeAdded) }
            return (added, matches.updated)
        }
        // A collection the store left unread is checked through its key index: only the
        // records a row shares a key digest or a tracker id with are read.
        let throughIndex = keyed != nil && store.snapshot.loading.contains(Record.collection)
        if dryRun {
            if throughIndex {
                let existing = try store.readingUnread { possibleMatches(of: candidates, in: $0) }
                _ = select(existing, store.snapshot, &report)
            } else {
                try store.refresh()
                _ = select(Array(store.snapshot[Record.self].values), store.snapshot, &report)
            }
            return report
        }
        // The import reads the collection it adds to (its duplicates, its ids) and the small
        // ones; a workspace's drafts, annotations and audit log need not be read for it.
        return try store.write(reading: throughIndex ? [] : [Record.collection]) { transaction in
            var attempt = report
            let existing = throughIndex ? possibleMatches(of: candidates, in: transaction.unread)
                : Array(transaction.snapshot[Record.self].values)
            let (added, updated) = select(existing, transaction.snapshot, &attempt)
            guard !added.isEmpty || !updated.isEmpty else { return attempt }
            try transaction.save(all: added + updated)
            attempt.importedIDs = added.map(\.id.rawValue)
            try transaction.log(AuditEntry(
                actor: AuditEntry.currentActor, action: .importData, summary: attempt.summary,
                details: [
                    "file": fileName, "imported": String(attempt.imported), "updated": String(attempt.updates.count),
                    "unchanged": String(attempt.unchanged), "skipped": String(attempt.skipped.count),
                    "duplicates": String(attempt.duplicates.count),
                ].merging(auditDetails) { ours, _ in ours }))
            return attempt
        }
    }

    /// The workspace's records a candidate could match — the same duplicate key digest, or
    /// the same id in its tool — read whole; the others cannot match and stay unread.
    private func possibleMatches(of candidates: [(line: Int, record: Record)], in unread: UnreadRecords) -> [Record] {
        guard let keyed else { return [] }
        let keys = unread.keys(Record.self, format: keyed.format) { record in
            (keyed.digest(duplicateKey(record)), identity?.id(record))
        }
        let digests = Set(candidates.map { keyed.digest(duplicateKey($0.record)) })
        let ids = Set(candidates.compactMap { identity?.id($0.record) })
        let files = keys.filter { key in digests.contains(key.digest) || key.externalID.map(ids.contains) == true }.map(\.file)
        return unread.records(Record.self, files: files)
    }

    /// Sorts the candidates into new records and updated ones: a record with an id updates
    /// the workspace's record with that id, else adopts one that has no id and the same
    /// duplicate key (imported before ids were kept); a record without an id is new unless
    /// its duplicate key is taken.
    private func match(
        _ candidates: [(line: Int, record: Record)], existing: [Record], report: inout ImportReport
    ) -> (added: [Record], updated: [Record]) {
        var taken = Set<Key>()
        var byID: [String: Record] = [:]
        var withoutID: [Key: Record] = [:]
        // Most files carry no ids: then the workspace's records are only keys to skip.
        let fileHasIDs = identity.map { identity in candidates.contains { identity.id($0.record) != nil } } ?? false
        for record in existing {
            let key = duplicateKey(record)
            taken.insert(key)
            guard fileHasIDs, let identity else { continue }
            if let id = identity.id(record) {
                byID[id] = byID[id] ?? record
            } else if withoutID[key] == nil {
                withoutID[key] = record
            }
        }
        var firstLine: [Key: Int] = [:]
        var firstIDLine: [String: Int] = [:]
        var added: [Record] = []
        var updated: [Record] = []
        for (line, record) in candidates {
            let key = duplicateKey(record)
            if let identity, let id = identity.id(record) {
                if let first = firstIDLine[id] {
                    report.duplicates.append(ImportReport.RowNote(line: line, message: "repeats line \(first) of this file"))
                    continue
                }
                firstIDLine[id] = line
                guard let old = byID[id] ?? withoutID.removeValue(forKey: key) else {
                    added.append(record)
                    continue
                }
                let (new, changes) = identity.update(old, record)
                if changes.isEmpty {
                    report.unchanged += 1
                } else {
                    updated.append(new)
                    report.updates.append(ImportReport.Update(line: line, record: id, changes: changes))
                }
            } else if taken.contains(key) {
                report.duplicates.append(ImportReport.RowNote(line: line, message: "already in the workspace"))
            } else if let first = firstLine[key] {
                report.duplicates.append(ImportReport.RowNote(line: line, message: "repeats line \(first) of this file"))
            } else {
                firstLine[key] = line
                added.append(record)
            }
        }
        return (added, updated)
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
