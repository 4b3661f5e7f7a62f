/// How a known export layout finds its columns: by name, compared without case, spaces or
/// punctuation; shared by the feedback and the backlog layouts.
enum LayoutColumns {
    /// Whether every entry of `signature` (a set of alternative names) names one of `columns`.
    static func contains(_ signature: [[String]], in columns: [String]) -> Bool {
        let names = Set(columns.map(normalize))
        return signature.allSatisfy { alternatives in alternatives.contains { names.contains(normalize($0)) } }
    }

    /// The file's column for each field, from the names a layout gives in order of
    /// preference. A name ending in "*" matches the start of a column name ("Created at
    /// (Europe/Berlin)").
    static func preset<Field: Hashable>(_ fields: [Field: [String]], for columns: [String]) -> [Field: String] {
        var result: [Field: String] = [:]
        for (field, names) in fields {
            for name in names {
                let prefix = name.hasSuffix("*")
                let wanted = normalize(prefix ? String(name.dropLast()) : name)
                if let column = columns.first(where: { prefix ? normalize($0).hasPrefix(wanted) : normalize($0) == wanted }) {
                    result[field] = column
                    break
                }
            }
        }
        return result
    }

    /// A column name without case, spaces or punctuation: "Issue key" → "issuekey".
    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
