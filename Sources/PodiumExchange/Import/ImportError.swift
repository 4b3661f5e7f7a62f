/// Why a file could not be imported. Nothing is written when one of these is thrown.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// The file's structure is broken at `line` (an unclosed quote, a row with too many fields…).
    case malformed(file: String, line: Int, reason: String)
    /// The file cannot be read or decoded as text.
    case unreadable(file: String, reason: String)
    /// No column holds what the import needs (e.g. the feedback text).
    case missingColumn(file: String, field: String, columns: [String])
    /// A `--map` option names a column or field that does not exist.
    case badMapping(String)
    /// No column looks like feedback text.
    case noTextColumn(file: String, columns: [String])
    /// A survey has several free-text questions and the user has not chosen.
    case severalTextColumns(file: String, columns: [String])
    /// `--encoding` or `--date-format` names something Podium does not know.
    case badOption(String)

    public var description: String {
        switch self {
        case let .malformed(file, line, reason):
            "\(file):\(line): \(reason); nothing was imported"
        case let .unreadable(file, reason):
            "\(file): \(reason); nothing was imported"
        case let .missingColumn(file, field, columns):
            "\(file): no column for \(field) among \(columns.map { "\"\($0)\"" }.joined(separator: ", ")); "
                + "name one with --map COLUMN=\(field); nothing was imported"
        case let .badMapping(message):
            message
        case let .badOption(message):
            message
        case let .noTextColumn(file, columns) where columns.isEmpty:
            "\(file): there are no records in it; nothing was imported"
        case let .noTextColumn(file, columns):
            "\(file): no column holds feedback text; the columns are \(columns.map { "\"\($0)\"" }.joined(separator: ", ")). "
                + "Name the one with the text, e.g. --map \"\(columns.first { !$0.isEmpty } ?? "COLUMN")=text\"; nothing was imported"
        case let .severalTextColumns(file, columns):
            "\(file): \(columns.count) columns hold free-text answers:\n"
                + columns.map { "  \"\($0)\"" }.joined(separator: "\n")
                + "\nChoose one with --map \"\(columns[0])=text\", or take every answer (one item each) with --text-columns; nothing was imported"
        }
    }
}
