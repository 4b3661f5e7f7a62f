/// A pane's filter: `column:value` words match in that column (by the start of its title,
/// e.g. `who:rule`, `stance:customer`, `kind:tag-sentiment`; "-" and " " are alike there);
/// a `name:value` word whose name is no column matches the value anywhere in the row; the
/// rest of the text must appear in the row as typed (any case).
struct ColumnFilter {
    /// A column (nil: any) and the value it must contain.
    private var terms: [(column: Int?, value: String)] = []
    private var text = ""
    private(set) var isEmpty = true

    init(_ filter: String, columns: [String]) {
        let needle = filter.lowercased()
        guard !needle.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        isEmpty = false
        let titles = columns.map { $0.lowercased() }
        var rest: [Substring] = []
        for word in needle.split(separator: " ") {
            let parts = word.split(separator: ":", maxSplits: 1)
            if parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter }) {
                let column = titles.firstIndex { $0.hasPrefix(parts[0]) }
                terms.append((column, Self.loose(String(parts[1]))))
            } else {
                rest.append(word)
            }
        }
        text = terms.isEmpty ? needle : rest.joined(separator: " ")
    }

    func matches(_ cells: [String]) -> Bool {
        for term in terms {
            let haystack = term.column.map { $0 < cells.count ? cells[$0] : "" } ?? cells.joined(separator: " ")
            guard Self.loose(haystack.lowercased()).contains(term.value) else { return false }
        }
        return text.isEmpty || cells.joined(separator: " ").lowercased().contains(text)
    }

    /// Lower case, with "-" read as a space: "customer-representative" finds "Customer Representative".
    private static func loose(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "-", with: " ")
    }
}
