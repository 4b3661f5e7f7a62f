/// A pane's filter: `column:value` words match in that column (by the start of its title,
/// e.g. `who:rule`, `stance:customer`, `kind:tag-sentiment`); the rest of the text must
/// appear in the row as typed (any case).
struct ColumnFilter {
    private var columnTerms: [(column: Int, value: String)] = []
    private var text = ""
    /// Set when a `name:` word names no column: then the whole filter is plain text.
    private(set) var isEmpty = true

    init(_ filter: String, columns: [String]) {
        let needle = filter.lowercased()
        guard !needle.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        isEmpty = false
        let titles = columns.map { $0.lowercased() }
        var rest: [Substring] = []
        for word in needle.split(separator: " ") {
            let parts = word.split(separator: ":", maxSplits: 1)
            if parts.count == 2, !parts[0].isEmpty, let column = titles.firstIndex(where: { $0.hasPrefix(parts[0]) }) {
                columnTerms.append((column, String(parts[1])))
            } else {
                rest.append(word)
            }
        }
        text = columnTerms.isEmpty ? needle : rest.joined(separator: " ")
    }

    func matches(_ cells: [String]) -> Bool {
        for term in columnTerms {
            guard term.column < cells.count, cells[term.column].lowercased().contains(term.value) else { return false }
        }
        return text.isEmpty || cells.joined(separator: " ").lowercased().contains(text)
    }
}
