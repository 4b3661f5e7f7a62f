import Foundation

/// A field an importer fills, with the column names it is recognised by.
public protocol ImportField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// Column names (compared without case, spaces, `_` or `-`) that mean this field.
    var aliases: [String] { get }
    /// Words that, found anywhere in a longer column name (a survey question), mean this field.
    var keywords: [String] { get }
}

extension ImportField {
    public var keywords: [String] { [] }
}

/// Which column feeds which field: from the header names, then `--map` overrides.
public struct ColumnMapping<Field: ImportField>: Sendable, Equatable {
    public private(set) var columns: [Field: String] = [:]

    /// Maps columns by their names, then takes a known format's `preset`, then applies
    /// `overrides` ("COLUMN=field" each).
    public init(columns available: [String], preset: [Field: String] = [:], ignoring: [Field] = [], overrides: [String]) throws {
        // Each name normalised once (a header may have 100,000 columns, or be one enormous
        // name), and only its start: no alias or question is longer.
        let normalized = available.map { Self.normalize(String($0.prefix(300))) }
        for field in Field.allCases {
            let wanted = Set(field.aliases.map(Self.normalize))
            // A keyword inside a longer name (a survey question) is looked for in the first
            // 1,000 columns only: no survey asks more, and a header of 100,000 names would
            // cost seconds of substring searches.
            if let index = normalized.firstIndex(where: { wanted.contains($0) })
                ?? normalized.prefix(1_000).firstIndex(where: { name in field.keywords.contains { name.contains($0) } }) {
                columns[field] = available[index]
            }
        }
        for field in ignoring { columns[field] = nil }
        for (field, column) in preset {
            // A preset may feed two fields from one column (a review link is its origin and its id).
            for (other, mapped) in columns where mapped == column && other != field && preset[other] == nil { columns[other] = nil }
            columns[field] = column
        }
        for override in overrides {
            guard let equals = override.lastIndex(of: "=") else {
                throw ImportError.badMapping("--map \(ImportError.shortName(override)): expected COLUMN=FIELD")
            }
            let column = String(override[..<equals]).trimmingCharacters(in: .whitespaces)
            let fieldName = String(override[override.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard let field = Field.allCases.first(where: { Self.normalize($0.rawValue) == Self.normalize(fieldName) }) else {
                throw ImportError.badMapping(
                    "--map \(ImportError.shortName(override)): unknown field \"\(fieldName)\"; fields are "
                        + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard available.contains(column) else {
                throw ImportError.badMapping(
                    "--map \(ImportError.shortName(override)): no column \"\(ImportError.shortName(column))\"; columns are " + ImportError.columnList(available))
            }
            for (other, mapped) in columns where mapped == column && other != field { columns[other] = nil }
            columns[field] = column
        }
    }

    /// The column that feeds `field`, if any.
    public subscript(field: Field) -> String? {
        get { columns[field] }
        set { columns[field] = newValue }
    }

    /// The value of `field` in `row`, trimmed; nil when absent or empty.
    public func value(_ field: Field, in row: TabularData.Row) -> String? {
        guard let column = columns[field], let value = row[column] else { return nil }
        return Self.cleaned(value)
    }

    /// A value trimmed of white space, with CR and CRLF line ends made LF; nil when empty.
    /// Most values are short plain text: those take a path without Foundation.
    static func cleaned(_ value: String) -> String? {
        let bytes = value.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return nil }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        let hasReturn = bytes.contains(13)
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        if isASCII && !hasReturn {
            return first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) ? value : String(value[first...last])
        }
        // Unicode white space (no-break spaces…) and line ends: the thorough way.
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let normalized = hasReturn ? trimmed.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : trimmed
        return normalized.isEmpty ? nil : normalized
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

    /// "column → field" lines for reports and previews.
    public var summary: [String] {
        Field.allCases.compactMap { field in columns[field].map { "\($0) → \(field.rawValue)" } }
    }

    /// A name without case, spaces or punctuation, as the layouts compare them.
    static func normalize(_ name: String) -> String { LayoutColumns.normalize(name) }
}
