import Foundation

/// An RFC 4180 CSV reader that says exactly where a file is broken.
///
/// Accepts `,` `;` or tab as the delimiter (sniffed from the header line), CRLF, LF or CR
/// line ends, and quoted fields holding delimiters, doubled quotes and line breaks. Rows
/// shorter than the header are padded with empty values; blank lines are ignored.
/// Written here rather than taken from a package because the import report needs the
/// line of each row and of each defect, which the CSV packages available do not give.
enum CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    static func read(_ text: String, fileName: String) throws -> TabularData {
        let bytes = Array(text.utf8)
        let delimiter = sniffDelimiter(bytes)
        let records = try parse(bytes, delimiter: delimiter, fileName: fileName)
        guard let header = records.first else {
            throw ImportError.malformed(file: fileName, line: 1, reason: "the file is empty")
        }
        // Exports name columns twice (Typeform's "Other" after each choice question) or
        // leave them unnamed (SurveyMonkey's multi-column questions): every column gets a
        // name of its own, and the report says which were renamed.
        var columns: [String] = []
        var notes: [String] = []
        var taken = Set<String>()
        var nextCounter: [String: Int] = [:]  // per repeated name, the next number to try
        columns.reserveCapacity(header.fields.count)
        for (index, field) in header.fields.enumerated() {
            let name = Self.trimmedSpaces(field)
            var unique = name.isEmpty ? "Column \(index + 1)" : name
            if taken.contains(unique) {
                var counter = nextCounter[name, default: 2]
                while taken.contains(unique) {
                    unique = "\(name) (\(counter))"
                    counter += 1
                }
                nextCounter[name] = counter
            }
            if !name.isEmpty && unique != name {
                if notes.count < 10 {
                    notes.append("the header names \"\(ImportError.shortName(name))\" more than once; column \(index + 1) is named \"\(ImportError.shortName(unique))\"")
                } else if notes.count == 10 {
                    notes.append("more columns are named more than once; each is numbered the same way")
                }
            }
            taken.insert(unique)
            columns.append(unique)
        }
        var rows: [TabularData.Row] = []
        rows.reserveCapacity(records.count)
        let index = TabularData.ColumnIndex(columns)
        for record in records.dropFirst() {
            if record.fields.count > columns.count {
                throw ImportError.malformed(
                    file: fileName, line: record.line,
                    reason: "this row has \(record.fields.count) fields but the header has \(columns.count) "
                        + "(a \(describe(delimiter)) inside an unquoted field?)")
            }
            rows.append(TabularData.Row(line: record.line, fields: record.fields, index: index))
        }
        var table = TabularData(columns: columns, rows: rows, formatDescription: "CSV (\(describe(delimiter))-separated)")
        table.notes = notes
        return table
    }

    /// A parsed record and the line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    static func parse(_ bytes: [UInt8], delimiter: UInt8, fileName: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var fieldStarted = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            fieldStarted = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote && field.isEmpty && !fieldStarted {
                let quoteLine = line
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == newline || (inner == carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != newline)) {
                        line += 1
                    }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw ImportError.malformed(file: fileName, line: quoteLine, reason: "a quoted field opened here is never closed")
                }
                fieldStarted = true
                if index < bytes.count, bytes[index] != delimiter, bytes[index] != newline, bytes[index] != carriageReturn {
                    throw ImportError.malformed(
                        file: fileName, line: line,
                        reason: "unexpected text after a closing quote (quotes inside a field must be doubled)")
                }
                continue
            }
            switch byte {
            case delimiter:
                endField()
                fieldStarted = false
            case newline, carriageReturn:
                endRecord()
                if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                line += 1
                recordLine = line
            default:
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Picks the delimiter that occurs most often outside quotes on the first line.
    static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [UInt8: Int]()
        var inQuotes = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle() }
            if !inQuotes && (byte == newline || byte == carriageReturn) { break }
            if !inQuotes && candidates.contains(byte) { counts[byte, default: 0] += 1 }
        }
        return candidates.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? candidates[0]
    }

    /// `field` without spaces and tabs at its ends (ASCII white space: the common case,
    /// without Foundation; a header name may be megabytes long).
    static func trimmedSpaces(_ field: String) -> String {
        let bytes = field.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) {
            // Unicode spaces (no-break…) at the ends still go, the thorough way.
            return field.first?.isWhitespace == true || field.last?.isWhitespace == true ? field.trimmingCharacters(in: .whitespaces) : field
        }
        return String(field[first...last]).trimmingCharacters(in: .whitespaces)
    }

    static func describe(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ";"): "semicolon"
        default: "comma"
        }
    }

}
