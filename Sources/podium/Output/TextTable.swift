import PodiumCore

/// A plain-text table for the terminal: fixed columns sized to their content, one
/// flexible column that takes what the width leaves (no more than its longest cell),
/// every cell sanitized and on one line.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// The column that shrinks to fit the terminal (usually the text or title).
    var flexibleColumn: Int

    func render(width: Int) -> String {
        let cleanRows = rows.map { $0.map { $0.sanitizedForTerminal() } }
        var widths = headers.map(\.count)
        for row in cleanRows {
            for (index, cell) in row.enumerated() where index != flexibleColumn {
                widths[index] = min(40, max(widths[index], cell.count))
            }
        }
        let fixed = widths.enumerated().filter { $0.offset != flexibleColumn }.map(\.element).reduce(0, +)
        // The flexible column is as wide as its longest cell, within what the width leaves.
        let longest = cleanRows.map { $0.indices.contains(flexibleColumn) ? $0[flexibleColumn].count : 0 }.max() ?? 0
        let room = max(10, width - fixed - 2 * (headers.count - 1))
        widths[flexibleColumn] = min(room, max(headers[flexibleColumn].count, longest))
        var lines = [format(headers, widths)]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += cleanRows.map { format($0, widths) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func format(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let fitted = cell.count > width ? String(cell.prefix(max(0, width - 1))) + "…" : cell
            parts.append(index == widths.count - 1 ? fitted : fitted.padding(toLength: width, withPad: " ", startingAt: 0))
        }
        return parts.joined(separator: "  ")
    }
}
