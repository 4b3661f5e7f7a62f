import Foundation
import PodiumCore

/// Turns one row of a backlog file into an item: its key, status (the layout's table, the
/// user's `--status`, else Podium's usual words), estimate and inputs.
struct BacklogRowReader {
    typealias Outcome = TabularImport<BacklogItem, BacklogField, String>.RowOutcome

    var mapping: ColumnMapping<BacklogField>
    var format: BacklogFormat?
    var meanings: StatusMeanings
    /// The tags column and its repeats (Jira's one "Labels" column per label).
    var tagColumns: [String]
    var file: String
    var now: Date
    /// Reads the created and completed columns.
    var dates: DateReader

    /// The row's item; throws when its key is missing or its estimate is not a number.
    func item(_ row: TabularData.Row) throws -> Outcome {
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
        /// The position written, when it is a whole number an Int holds.
        func order() -> Int {
            guard let value = number(.order) else { return 0 }
            guard let whole = Int(exactly: value.rounded()), abs(whole) < Int(Int32.max) else {
                warnings.append("order \"\(mapping.value(.order, in: row) ?? "")\" is too large a position; left out")
                return 0
            }
            return whole
        }
        /// A created or completed date as written, when it is one Podium can store.
        func date(_ field: BacklogField) -> Date? {
            guard let written = mapping.value(field, in: row) else { return nil }
            guard let date = dates.date(written), Timestamp.isStorable(date) else {
                warnings.append("\(field.rawValue) \"\(written)\" is not a date Podium reads; the import time is used")
                return nil
            }
            return min(Timestamp.wholeSeconds(date), now)
        }
        var key: String?
        if let column = mapping[.key] {
            guard let written = mapping.value(.key, in: row) else { throw ImportError.missingKey(file: file, line: row.line, column: column) }
            key = format?.key(written) ?? written
        }
        var estimate: Double?
        if let column = mapping[.estimate], let written = mapping.value(.estimate, in: row) {
            guard let value = ValueParsers.number(written), value >= 0 else {
                throw ImportError.notANumber(file: file, line: row.line, field: "estimate", column: column, value: written)
            }
            estimate = value
        }
        var status = BacklogStatus.proposed
        if let written = mapping.value(.status, in: row) {
            // A known layout's statuses were all checked before the first row.
            if let known = meanings.status(for: written) ?? format?.status(written) ?? BacklogImporter.status(from: written) {
                status = known
            } else {
                warnings.append("status \"\(written)\" is unknown; set to proposed (--status \"\(written)=STATUS\" says what it means)")
            }
        }
        var confidence = number(.confidence)
        if let value = confidence, value > 1 { confidence = value / 100 }
        let item = BacklogItem(
            id: .make(at: now), key: key, estimate: estimate, title: title, description: mapping.value(.description, in: row) ?? "",
            status: status, order: order(),
            rice: RICEInputs(reach: number(.reach), impact: number(.impact), confidence: confidence, effort: number(.effort) ?? estimate),
            wsjf: WSJFInputs(businessValue: number(.businessValue), timeCriticality: number(.timeCriticality),
                             riskReduction: number(.riskReduction), jobSize: number(.jobSize) ?? estimate),
            tags: tags(in: row), createdAt: date(.created) ?? now, updatedAt: now,
            // Done in the tracker on a day the file does not give: before this import, when
            // is unknown, so it is shipped in no period an update reports.
            doneAt: status == .done ? date(.completed) ?? date(.updated) : nil)
        return .record(item, warnings: warnings)
    }

    /// The labels of every tags column, each once, in the order written.
    private func tags(in row: TabularData.Row) -> [String] {
        var tags: [String] = []
        for column in tagColumns {
            guard let written = row[column].flatMap(ColumnMapping<BacklogField>.cleaned) else { continue }
            for tag in ValueParsers.list(written) where !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}
