/// Rows of named values read from a CSV, JSON or JSON Lines file, before any mapping.
public struct TabularData: Sendable, Equatable {
    /// Column names in file order (for JSON, the union of keys; nested keys as "a.b").
    public var columns: [String]
    public var rows: [Row]
    /// What was read, for reports: "CSV (`;`-separated, UTF-8)", "JSON Lines"…
    public var formatDescription: String

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
    /// Reads CSV (`,` `;` or tab separated), a JSON array of objects, or JSON Lines.
    public static func read(_ bytes: [UInt8], fileName: String) throws -> TabularData {
        let text = try TextDecoding.decode(bytes, fileName: fileName)
        let firstSignificant = text.text.unicodeScalars.first { !$0.properties.isWhitespace }
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".jsonl") || lowerName.hasSuffix(".ndjson") {
            return try JSONRecordsReader.readLines(text.text, fileName: fileName)
        }
        if firstSignificant == "[" || firstSignificant == "{" || lowerName.hasSuffix(".json") {
            return try JSONRecordsReader.read(text.text, fileName: fileName)
        }
        var table = try CSVReader.read(text.text, fileName: fileName)
        table.formatDescription += ", \(text.encoding)"
        return table
    }
}
