/// Rows of named values read from a CSV, JSON or JSON Lines file, before any mapping.
public struct TabularData: Sendable, Equatable {
    /// Column names in file order (for JSON, the union of keys; nested keys as "a.b").
    public var columns: [String]
    public var rows: [Row]
    /// What was read, for reports: "CSV (`;`-separated, UTF-8)", "JSON Lines"…
    public var formatDescription: String
    /// What reading had to decide (renamed columns…), for the report.
    public var notes: [String] = []

    /// One row and the line of the file it starts on.
    ///
    /// A CSV row keeps its fields in file order with one column index shared by every row
    /// (a large import would otherwise build a dictionary per row); a JSON row keeps its
    /// keys. Read values with `row[column]`.
    public struct Row: Sendable, Equatable {
        public var line: Int
        private var named: [String: String]
        private var fields: [String]
        private var index: ColumnIndex?

        public init(line: Int, values: [String: String]) {
            self.line = line
            named = values
            fields = []
            index = nil
        }

        init(line: Int, fields: [String], index: ColumnIndex) {
            self.line = line
            named = [:]
            self.fields = fields
            self.index = index
        }

        /// The value of a column; nil when the row has no such column.
        public subscript(column: String) -> String? {
            guard let index else { return named[column] }
            guard let position = index.positions[column] else { return nil }
            return position < fields.count ? fields[position] : ""
        }

        /// Every value by column name.
        public var values: [String: String] {
            guard let index else { return named }
            var result: [String: String] = [:]
            for (column, position) in index.positions { result[column] = position < fields.count ? fields[position] : "" }
            return result
        }

        public static func == (lhs: Row, rhs: Row) -> Bool { lhs.line == rhs.line && lhs.values == rhs.values }
    }

    /// Column name → position, shared by the rows of one CSV file.
    final class ColumnIndex: Sendable {
        let positions: [String: Int]

        init(_ columns: [String]) {
            var positions: [String: Int] = [:]
            for (position, column) in columns.enumerated() where positions[column] == nil { positions[column] = position }
            self.positions = positions
        }
    }

    public init(columns: [String], rows: [Row], formatDescription: String) {
        self.columns = columns
        self.rows = rows
        self.formatDescription = formatDescription
    }
}

/// Reads a file's bytes as tabular data, choosing the reader from the content.
public enum TabularReader {
    /// Reads CSV (`,` `;` or tab separated), a JSON array of objects, or JSON Lines;
    /// `encoding` names the file's encoding when it must not be guessed.
    public static func read(_ bytes: [UInt8], fileName: String, encoding: String? = nil) throws -> TabularData {
        let text = try TextDecoding.decode(bytes, fileName: fileName, forcing: encoding)
        let firstSignificant = text.text.unicodeScalars.first { !$0.properties.isWhitespace }
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".jsonl") || lowerName.hasSuffix(".ndjson") {
            return try JSONRecordsReader.readLines(text.text, fileName: fileName)
        }
        if firstSignificant == "[" || firstSignificant == "{" || lowerName.hasSuffix(".json") {
            do {
                return try JSONRecordsReader.read(text.text, fileName: fileName)
            } catch let error as ImportError {
                // Zendesk's JSON export, and others, are JSON Lines named .json.
                guard firstSignificant == "{", let lines = try? JSONRecordsReader.readLines(text.text, fileName: fileName),
                      lines.rows.count > 1 else { throw error }
                return lines
            }
        }
        var table = try CSVReader.read(text.text, fileName: fileName)
        table.formatDescription += ", \(text.encoding)"
        return SecondHeaderRow.merged(table)
    }
}

/// SurveyMonkey writes two header rows: the questions, then under each the answer options
/// ("Response", "Open-Ended Response", or one option per column of a multiple-choice
/// question, whose first row cell is empty). This makes them one header.
enum SecondHeaderRow {
    static let markers: Set<String> = ["response", "open-ended response", "other (please specify)"]

    static func merged(_ table: TabularData) -> TabularData {
        guard let second = table.rows.first,
              table.columns.contains(where: { FeedbackFormat.normalize($0) == "respondentid" }),
              second.values.values.contains(where: { markers.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) })
        else { return table }
        var columns: [String] = []
        var question = ""
        for column in table.columns {
            let sub = second[column]?.trimmingCharacters(in: .whitespaces) ?? ""
            let isPlaceholder = column.isEmpty || column.hasPrefix("Column ")
            if !isPlaceholder { question = column }
            let name: String
            if sub.isEmpty || markers.contains(sub.lowercased()) && !isPlaceholder {
                name = isPlaceholder ? question : column
            } else {
                name = "\(question) — \(sub)"
            }
            var unique = name
            var counter = 2
            while columns.contains(unique) { unique = "\(name) (\(counter))"; counter += 1 }
            columns.append(unique)
        }
        let rows = table.rows.dropFirst().map { row in
            TabularData.Row(line: row.line, values: Dictionary(uniqueKeysWithValues: zip(table.columns, columns).compactMap { old, new in
                row[old].map { (new, $0) }
            }))
        }
        var merged = TabularData(columns: columns, rows: rows, formatDescription: table.formatDescription + ", two header rows")
        merged.notes = table.notes.filter { !$0.contains("\"Column ") }
        return merged
    }
}
