import Foundation
import PodiumStore

/// Reads a JSON array of objects, or JSON Lines (one object per line), into rows.
/// Nested objects become dotted columns ("requester.name"); arrays of plain values are
/// joined with ", ".
enum JSONRecordsReader {
    static func read(_ text: String, fileName: String) throws -> TabularData {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw ImportError.malformed(file: fileName, line: errorLine(error, in: text), reason: "not valid JSON")
        }
        var array: [JSONValue]
        var wrapper = ""
        switch value {
        case let .array(elements):
            array = elements
        case let .object(fields):
            // An export that wraps its records: {"data": [...]}, {"tickets": [...]}, …
            let candidates = fields.filter { _, field in
                if case let .array(elements) = field, elements.contains(where: { if case .object = $0 { true } else { false } }) { return true }
                return false
            }
            guard candidates.count == 1, let (key, field) = candidates.first, case let .array(elements) = field else {
                let keys = fields.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                throw ImportError.malformed(
                    file: fileName, line: 1,
                    reason: candidates.isEmpty
                        ? "expected a JSON array of objects, or an object holding one; found an object with \(keys)"
                        : "the object holds several arrays of records (\(candidates.keys.sorted().joined(separator: ", "))); extract one, e.g. jq '.\(candidates.keys.sorted()[0])'")
            }
            array = elements
            wrapper = " inside \"\(key)\""
        default:
            throw ImportError.malformed(file: fileName, line: 1, reason: "expected a JSON array of objects at the top level")
        }
        var rows: [TabularData.Row] = []
        var columns = ColumnCollector()
        for (index, element) in array.enumerated() {
            guard case let .object(object) = element else {
                throw ImportError.malformed(file: fileName, line: 1, reason: "element \(index + 1) of the array is not an object")
            }
            let values = flatten(object)
            columns.add(values.keys)
            rows.append(TabularData.Row(line: index + 1, values: values))
        }
        return TabularData(columns: columns.ordered, rows: rows, formatDescription: "JSON array\(wrapper) (rows are numbered by element)")
    }

    static func readLines(_ text: String, fileName: String) throws -> TabularData {
        var rows: [TabularData.Row] = []
        var columns = ColumnCollector()
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard case let .object(object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)) else {
                throw ImportError.malformed(file: fileName, line: offset + 1, reason: "this line is not a JSON object")
            }
            let values = flatten(object)
            columns.add(values.keys)
            rows.append(TabularData.Row(line: offset + 1, values: values))
        }
        return TabularData(columns: columns.ordered, rows: rows, formatDescription: "JSON Lines")
    }

    /// Flattens nested objects into "a.b" keys with text values.
    static func flatten(_ object: [String: JSONValue], prefix: String = "") -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in object {
            let name = prefix.isEmpty ? key : prefix + "." + key
            if case let .object(nested) = value {
                result.merge(flatten(nested, prefix: name)) { first, _ in first }
            } else {
                result[name] = value.text
            }
        }
        return result
    }

    /// The line of a JSON syntax error, when Foundation says where it is.
    private static func errorLine(_ error: any Error, in text: String) -> Int {
        let message = "\(error)"
        if let range = message.range(of: #"line (\d+)"#, options: .regularExpression), let line = Int(message[range].dropFirst(5)) { return line }
        return JSONSyntax.mistake(in: Data(text.utf8))?.line ?? 1
    }

    /// Keeps column names in the order they are first seen (sorted within one object).
    private struct ColumnCollector {
        private(set) var ordered: [String] = []
        private var seen = Set<String>()

        mutating func add(_ keys: Dictionary<String, String>.Keys) {
            for key in keys.sorted() where seen.insert(key).inserted { ordered.append(key) }
        }
    }
}

/// Any JSON value, decoded without losing the difference between `true` and `1`.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as import text: numbers without a needless ".0", arrays joined with ", "
    /// (objects in an array by their "name" when they have one, as GitHub writes labels).
    var text: String {
        switch self {
        case .null: ""
        case let .bool(value): value ? "true" : "false"
        case let .number(value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case let .string(value): value
        case let .array(values):
            values.map { value in
                if case let .object(fields) = value, let name = fields["name"], case .string = name { return name.text }
                return value.text
            }.joined(separator: ", ")
        case let .object(values): values.keys.sorted().map { "\($0): \(values[$0]!.text)" }.joined(separator: ", ")
        }
    }
}
