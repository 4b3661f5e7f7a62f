/// Which row of a list is selected and which is at the top of the view.
public struct ListState: Hashable, Sendable {
    public var selected: Int
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows within `count` rows.
    public mutating func move(by delta: Int, count: Int) {
        select(selected + delta, count: count)
    }

    /// Selects `index`, clamped to the list.
    public mutating func select(_ index: Int, count: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
    }

    /// Adjusts the offset so that the selection is visible in `rows` rows.
    public mutating func scrollToSelection(visibleRows rows: Int, count: Int) {
        guard rows > 0 else { return }
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }
}

/// A table with a header, a selectable row and vertical scrolling; a plain list is a table
/// with one column and no header.
public struct TableView: Sendable {
    /// One column: its title, how wide it is, and its alignment.
    public struct Column: Sendable {
        public var title: String
        public var width: Constraint
        public var alignRight: Bool

        public init(_ title: String, _ width: Constraint, alignRight: Bool = false) {
            self.title = title
            self.width = width
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Per-row styles (e.g. a status color); nil rows use the text style.
    public var rowRoles: [ThemeRole?]
    public var showHeader: Bool
    /// The column sorted by and its direction, shown as ▲/▼ in the header.
    public var sortColumn: Int?
    public var sortAscending: Bool
    public var focused: Bool
    public var emptyMessage: String
    /// When `rows` is a window of a longer list: how many rows the whole list has, and the
    /// position of the window's first row in it (for the "12/400" marker).
    public var totalRows: Int?
    public var firstRowPosition = 0
    /// Whether to draw the "12/400" position at the bottom right when the list scrolls.
    public var showsPosition = true

    public init(
        columns: [Column], rows: [[String]], rowRoles: [ThemeRole?] = [], showHeader: Bool = true,
        sortColumn: Int? = nil, sortAscending: Bool = true, focused: Bool = true, emptyMessage: String = "Nothing here yet."
    ) {
        self.columns = columns
        self.rows = rows
        self.rowRoles = rowRoles
        self.showHeader = showHeader
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
        self.focused = focused
        self.emptyMessage = emptyMessage
    }

    /// The rows the table shows in `area` (for paging).
    public func visibleRows(in area: Rect) -> Int { max(0, area.height - (showHeader ? 1 : 0)) }

    /// Draws the table, adjusting `state` so the selection is visible.
    public func render(into buffer: inout Buffer, area: Rect, state: inout ListState, theme: Theme) {
        guard !area.isEmpty else { return }
        let widths = area.split(.horizontal, columns.map(\.width), spacing: 1)
        var y = area.y
        if showHeader {
            for (index, column) in columns.enumerated() {
                var title = column.title
                if sortColumn == index {
                    // The arrow takes the title's last column if there is no room beside it.
                    let arrow = sortAscending ? "▲" : "▼"
                    let room = widths[index].width
                    title = DisplayWidth.of(title) + 2 <= room ? title + " " + arrow
                        : String(title.prefix(max(0, room - 1))) + arrow
                }
                buffer.write(DisplayWidth.fit(title, to: widths[index].width, alignRight: column.alignRight),
                             x: widths[index].x, y: y, style: theme[.muted].adding(.bold))
            }
            y += 1
        }
        let visible = visibleRows(in: area)
        guard !rows.isEmpty else {
            buffer.write(DisplayWidth.truncate(emptyMessage, to: area.width), x: area.x, y: y, style: theme[.muted])
            return
        }
        state.select(state.selected, count: rows.count)
        state.scrollToSelection(visibleRows: visible, count: rows.count)
        for (line, rowIndex) in (state.offset..<min(rows.count, state.offset + visible)).enumerated() {
            let selected = rowIndex == state.selected
            var style = rowIndex < rowRoles.count ? rowRoles[rowIndex].map { theme[$0] } ?? theme[.text] : theme[.text]
            if selected { style = focused ? theme[.selection] : style.adding(.underline) }
            let rowArea = Rect(x: area.x, y: y + line, width: area.width, height: 1)
            if selected { buffer.fill(rowArea, style: style) }
            for (index, column) in columns.enumerated() where index < rows[rowIndex].count {
                // Written in place (the row is already blank): no padded copy of the text.
                let width = widths[index].width
                let text = rows[rowIndex][index]
                let textWidth = DisplayWidth.of(text)
                let shown = textWidth <= width ? text : DisplayWidth.truncate(text, to: width)
                let x = column.alignRight ? widths[index].maxX - min(textWidth, width) : widths[index].x
                buffer.write(shown, x: x, y: y + line, maxWidth: width, style: style)
            }
        }
        let total = totalRows ?? rows.count
        if showsPosition, total > visible, visible > 0 {
            let marker = "\(firstRowPosition + state.selected + 1)/\(total)"
            buffer.write(marker, x: area.maxX - DisplayWidth.of(marker), y: area.maxY - 1, style: theme[.muted])
        }
    }
}
