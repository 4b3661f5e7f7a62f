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
        for field in Field.allCases {
            let wanted = Set(field.aliases.map(Self.normalize))
            if let column = available.first(where: { wanted.contains(Self.normalize($0)) })
                ?? available.first(where: { name in field.keywords.contains { Self.normalize(name).contains($0) } }) {
                columns[field] = column
            }
        }
        for field in ignoring { columns[field] = nil }
        for (field, column) in preset {
            for (other, mapped) in columns where mapped == column && other != field { columns[other] = nil }
            columns[field] = column
        }
        for override in overrides {
            guard let equals = override.lastIndex(of: "=") else {
                throw ImportError.badMapping("--map \(override): expected COLUMN=FIELD")
            }
            let column = String(override[..<equals]).trimmingCharacters(in: .whitespaces)
            let fieldName = String(override[override.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard let field = Field.allCases.first(where: { Self.normalize($0.rawValue) == Self.normalize(fieldName) }) else {
                throw ImportError.badMapping(
                    "--map \(override): unknown field \"\(fieldName)\"; fields are "
                        + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard available.contains(column) else {
                throw ImportError.badMapping(
                    "--map \(override): no column \"\(column)\"; columns are "
                        + available.map { "\"\($0)\"" }.joined(separator: ", "))
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
        guard let column = columns[field], let value = row.values[column] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return trimmed.isEmpty ? nil : trimmed
    }

    /// "column → field" lines for reports and previews.
    public var summary: [String] {
        Field.allCases.compactMap { field in columns[field].map { "\($0) → \(field.rawValue)" } }
    }

    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
}
