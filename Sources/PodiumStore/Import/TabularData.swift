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
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var values: [String: String]

        public init(line: Int, values: [String: String]) {
            self.line = line
            self.values = values
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
            let sub = second.values[column]?.trimmingCharacters(in: .whitespaces) ?? ""
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
                row.values[old].map { (new, $0) }
            }))
        }
        var merged = TabularData(columns: columns, rows: rows, formatDescription: table.formatDescription + ", two header rows")
        merged.notes = table.notes.filter { !$0.contains("\"Column ") }
        return merged
    }
}
