/// How a known export layout finds its columns: by name, compared without case, spaces or
/// punctuation; shared by the feedback and the backlog layouts.
enum LayoutColumns {
    /// Whether every entry of `signature` (a set of alternative names) names one of `columns`.
    static func contains(_ signature: [[String]], in columns: [String]) -> Bool {
        contains(signature, inNormalized: Set(columns.map(normalize)))
    }

    /// `contains` for names already normalised (worked out once for every layout tried).
    static func contains(_ signature: [[String]], inNormalized names: Set<String>) -> Bool {
        signature.allSatisfy { alternatives in alternatives.contains { names.contains(normalize($0)) } }
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

    /// A column name without case, spaces or punctuation: "Issue key" → "issuekey". Only the
    /// first 300 characters count (no layout's name is longer; a header line without its
    /// delimiter is one enormous name), and ASCII names take a path without Unicode tables.
    static func normalize(_ name: String) -> String {
        let start = name.prefix(300)
        if start.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(start.utf8.count)
            for byte in start.utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(start.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
