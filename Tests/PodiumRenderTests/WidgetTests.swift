import PodiumRender
import Testing

@Suite("Widgets")
struct WidgetTests {
    let theme = Theme.monochrome

    @Test("a table shows its header, keeps the selection visible and marks the sort column")
    func table() {
        let rows = (1...10).map { ["\($0)", "Item \($0)"] }
        let table = TableView(columns: [.init("#", .length(3), alignRight: true), .init("TITLE", .fill())],
                              rows: rows, sortColumn: 0)
        var buffer = Buffer(width: 20, height: 4)
        var state = ListState(selected: 7)
        table.render(into: &buffer, area: buffer.area, state: &state, theme: theme)
        #expect(buffer.text == """
            # ▲ TITLE
              6 Item 6
              7 Item 7
              8 Item 8      8/10
            """)
        #expect(state.offset == 5)
        #expect(buffer[4, 3].style.attributes.contains(.reverse))
    }

    @Test("an empty table says so")
    func emptyTable() {
        var buffer = Buffer(width: 30, height: 3)
        var state = ListState()
        TableView(columns: [.init("A", .fill())], rows: [], emptyMessage: "No feedback yet.")
            .render(into: &buffer, area: buffer.area, state: &state, theme: theme)
        #expect(buffer.line(1) == "No feedback yet.")
    }

    @Test("list movement stays within the list")
    func listState() {
        var state = ListState()
        state.move(by: -1, count: 5)
        #expect(state.selected == 0)
        state.move(by: 10, count: 5)
        #expect(state.selected == 4)
        state.scrollToSelection(visibleRows: 2, count: 5)
        #expect(state.offset == 3)
        state.select(0, count: 0)
        #expect(state.selected == 0)
    }

    @Test("a block draws its border, title and hint")
    func block() {
        var buffer = Buffer(width: 20, height: 3)
        Block(title: "Backlog", hint: "? help").render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.text == """
            ╭ Backlog ─────────╮
            │                  │
            ╰───────── ? help ─╯
            """)
    }

    @Test("tabs cut their titles evenly when they do not fit, down to numbers; none falls off the end")
    func tabs() {
        var wide = Buffer(width: 40, height: 1)
        Tabs(titles: ["Visionary", "Collaborator"], selected: 0).render(into: &wide, area: wide.area, theme: theme)
        #expect(wide.line(0) == " 1 Visionary  2 Collaborator")
        var narrow = Buffer(width: 16, height: 1)
        Tabs(titles: ["Visionary", "Collaborator"], selected: 0).render(into: &narrow, area: narrow.area, theme: theme)
        #expect(narrow.line(0) == " 1 Vis…  2 Col…")
        let seven = ["Vision", "Collab", "Customer", "Decision", "Experim", "Influence", "Orchestr"]
        var sixty = Buffer(width: 60, height: 1)
        Tabs(titles: seven, selected: 6).render(into: &sixty, area: sixty.area, theme: theme)
        #expect(sixty.line(0).contains(" 7 Orc"), "the last tab is there: \(sixty.line(0))")
        var tiny = Buffer(width: 22, height: 1)
        Tabs(titles: seven, selected: 6).render(into: &tiny, area: tiny.area, theme: theme)
        #expect(tiny.line(0) == " 1  2  3  4  5  6  7", "numbers alone when nothing more fits")
    }

    @Test("gauge, sparkline and status bar")
    func bars() {
        var buffer = Buffer(width: 20, height: 3)
        Gauge(ratio: 0.5, label: "50%").render(into: &buffer, area: buffer.area.row(0), theme: theme)
        #expect(buffer.line(0) == "████████░░░░░░░░ 50%")
        #expect(Sparkline(values: [0, 1, 2, 4, 8]).text == "▁▂▃▅█")
        StatusBar(left: "Fieldnote", right: "? help").render(into: &buffer, area: buffer.area.row(2), theme: theme)
        #expect(buffer.line(2) == "Fieldnote     ? help")
        // The hints keep their room; what is open on the left is cut.
        var bar = Buffer(width: 40, height: 1)
        StatusBar(left: "Fieldnote · Orchestrator · ~/.local/share/podium", right: "? help · q quit").render(into: &bar, area: bar.area, theme: theme)
        #expect(bar.line(0).hasSuffix("? help · q quit") && bar.line(0).contains("…"), "\(bar.line(0))")
        // A message has the line first.
        StatusBar(left: "x", right: "? help · q quit", message: String(repeating: "m", count: 38)).render(into: &bar, area: bar.area, theme: theme)
        #expect(bar.line(0).hasPrefix(String(repeating: "m", count: 38)))
    }

    @Test("a modal sits in the middle of the screen")
    func modal() {
        var buffer = Buffer(width: 30, height: 7)
        Modal(title: "Help", lines: [TextView.Line("q  quit")], width: 20, hint: "")
            .render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.line(2) == "     ┏ Help ━━━━━━━━━━━━┓")
        #expect(buffer.line(3) == "     ┃q  quit           ┃")
    }
}

@Suite("Column fitting")
struct ColumnFittingTests {
    @Test("fixed columns give room to the flexible one, the widest first, down to a few cells")
    func fitting() {
        // 16 + 19 + 14 + 18 and 4 spaces leave a 72-wide list 1 cell of text.
        let audit: [Int?] = [16, 19, 14, 18, nil]
        let fitted = ColumnFitting.fit(audit, in: 72, minimumFill: 24)
        let used = fitted.compactMap { $0 }.reduce(0, +) + 4
        #expect(72 - used == 24)
        #expect(fitted[4] == nil)
        #expect(fitted.compactMap { $0 } == [11, 11, 11, 11], "taken from the widest first, so evenly: \(fitted)")
        #expect(ColumnFitting.fit(audit, in: 200, minimumFill: 30) == audit, "a wide list changes nothing")
        let tiny = ColumnFitting.fit([10, 4, nil], in: 12, minimumFill: 20)
        #expect(tiny == [6, 4, nil], "no column goes below six cells, or its own width")
        #expect(ColumnFitting.fit([10, 20], in: 12, minimumFill: 20) == [10, 20], "no flexible column, nothing to fit")
        let kept = ColumnFitting.fit([16, 22, nil], minimums: [nil, 18], in: 50, minimumFill: 20)
        #expect(kept == [10, 18, nil], "a column's own minimum is kept; the others give more: \(kept)")
    }
}
