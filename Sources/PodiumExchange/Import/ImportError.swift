import PodiumCore

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
    /// `--encoding`, `--date-format` or `--status` names something Podium does not know.
    case badOption(String)
    /// No column holds a backlog item's title: the file is not a backlog export.
    /// `expected` names the layouts Podium knows with the columns that identify them.
    case notABacklog(file: String, columns: [String], expected: [String])
    /// A row has no value in the key column (a tracker key, an external id).
    case missingKey(file: String, line: Int, column: String)
    /// A row repeats the key of an earlier row.
    case repeatedKey(file: String, line: Int, key: String, firstLine: Int)
    /// A value that must be a number is not (an estimate of "XL").
    case notANumber(file: String, line: Int, field: String, column: String, value: String)
    /// Statuses that neither the layout's table nor a `--status` option maps; `line` is
    /// where the first of them appears.
    case unknownStatuses(file: String, line: Int, statuses: [String], layout: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, reason):
            "\(file):\(line): \(reason); nothing was imported"
        case let .unreadable(file, reason):
            "\(file): \(reason); nothing was imported"
        case let .missingColumn(file, field, columns):
            "\(file): no column for \(field) among \(Self.columnList(columns)); "
                + "name one with --map COLUMN=\(field); nothing was imported"
        case let .badMapping(message):
            message
        case let .badOption(message):
            message
        case let .notABacklog(file, columns, expected):
            "\(file): not a backlog export: no column holds a title; the columns are \(Self.columnList(columns)). "
                + "Expected \(expected.joined(separator: ", ")), or a column named title, summary or name; "
                + "name the title's column with --map COLUMN=title; nothing was imported"
        case let .missingKey(file, line, column):
            "\(file):\(line): no key in \"\(column.sanitizedForTerminal())\"; every row needs its key (a re-import finds the item by it); nothing was imported"
        case let .repeatedKey(file, line, key, firstLine):
            "\(file):\(line): the key \"\(key.sanitizedForTerminal())\" is also on line \(firstLine); a key names one item; nothing was imported"
        case let .notANumber(file, line, field, column, value):
            ValueParsers.number(value).map { $0 < 0 } == true
                ? "\(file):\(line): \(field) \"\(value.sanitizedForTerminal())\" in \"\(column.sanitizedForTerminal())\" is below zero; an \(field) is zero or more; nothing was imported"
                : "\(file):\(line): \(field) \"\(value.sanitizedForTerminal())\" in \"\(column.sanitizedForTerminal())\" is not a number; write a number or leave it empty "
                    + "(T-shirt sizes are not turned into points); nothing was imported"
        case let .unknownStatuses(file, line, statuses, layout):
            "\(file):\(line): \(statuses.count == 1 ? "status" : "statuses") \(Self.quotedList(statuses, last: "and")) "
                + "\(statuses.count == 1 ? "is" : "are") not in Podium's table for \(layout)"
                + (statuses.count == 1 ? "" : " (the first is on this line)") + "; say what \(statuses.count == 1 ? "it means" : "each means") with "
                + statuses.map { "--status \"\($0.sanitizedForTerminal())=STATUS\"" }.joined(separator: " ")
                + ", STATUS one of \(BacklogStatus.allCases.map(\.rawValue).joined(separator: ", ")); nothing was imported"
        case let .noTextColumn(file, columns) where columns.isEmpty:
            "\(file): there are no records in it; nothing was imported"
        case let .noTextColumn(file, columns):
            "\(file): no column holds feedback text; the columns are \(Self.columnList(columns)). "
                + "Name the one with the text, e.g. --map \"\(columns.first { !$0.isEmpty }.map(Self.shortName) ?? "COLUMN")=text\"; nothing was imported"
        case let .severalTextColumns(file, columns):
            "\(file): \(columns.count) columns hold free-text answers:\n"
                + columns.prefix(Self.listedColumns).map { "  \"\(Self.shortName($0))\"" }.joined(separator: "\n")
                + (columns.count > Self.listedColumns ? "\n  … and \(columns.count - Self.listedColumns) more" : "")
                + "\nChoose one with --map \"\(Self.shortName(columns[0]))=text\", or take every answer (one item each) with --text-columns; nothing was imported"
        }
    }

    /// How many columns a message lists at most.
    static let listedColumns = 12

    /// A column's name as a message shows it: without control characters, at most 40
    /// characters (a header line with no delimiter is one enormous name).
    static func shortName(_ name: String) -> String {
        // The start first: cleaning a 50 MB name to show 39 characters of it is waste.
        let clean = String(name.prefix(41)).sanitizedForTerminal()
        return clean.count > 40 ? String(clean.prefix(39)) + "…" : clean
    }

    /// The first columns, quoted and shortened, and how many more there are.
    static func columnList(_ columns: [String]) -> String {
        let listed = columns.prefix(listedColumns).map { "\"\(shortName($0))\"" }.joined(separator: ", ")
        return columns.count > listedColumns ? listed + " and \(columns.count - listedColumns) more" : listed
    }

    /// "\"a\", \"b\"", or with `last`: "\"a\", \"b\" and \"c\"".
    private static func quotedList(_ values: [String], last: String? = nil) -> String {
        let quoted = values.map { "\"\($0.sanitizedForTerminal())\"" }
        guard let last, quoted.count > 1 else { return quoted.joined(separator: ", ") }
        return quoted.dropLast().joined(separator: ", ") + " \(last) " + quoted.last!
    }
}
