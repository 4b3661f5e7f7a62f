/// Narrows a table's fixed columns so its flexible column keeps room to be read.
///
/// A table laid out for a wide list (a 19-column "who", a 18-column "kind") leaves its
/// text column nothing in a narrower one. Fitting takes room from the fixed columns, the
/// widest first, down to each one's minimum, until the flexible column has `minimumFill`
/// cells or the fixed columns cannot give more.
public enum ColumnFitting {
    /// The narrowest a fixed column is made when it names no minimum of its own.
    public static let narrowest = 6

    /// The widths to lay out: `widths` with nil for the flexible column, `minimums` the
    /// narrowest each may be made (nil: `narrowest`), `width` the table's width, `spacing`
    /// the cells between columns.
    public static func fit(_ widths: [Int?], minimums: [Int?] = [], in width: Int, spacing: Int = 1, minimumFill: Int) -> [Int?] {
        guard widths.contains(where: { $0 == nil }) else { return widths }
        var fitted = widths
        let used = widths.compactMap { $0 }.reduce(0, +) + spacing * max(0, widths.count - 1)
        var missing = minimumFill - (width - used)
        func floor(_ index: Int) -> Int { (index < minimums.count ? minimums[index] : nil) ?? narrowest }
        while missing > 0 {
            // The widest column that can still give a cell gives one.
            guard let widest = fitted.indices.filter({ index in fitted[index].map { $0 > floor(index) } ?? false })
                .max(by: { (fitted[$0] ?? 0) < (fitted[$1] ?? 0) }) else { break }
            fitted[widest]! -= 1
            missing -= 1
        }
        return fitted
    }
}
