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

    @Test("tabs fall back to numbers when the titles do not fit")
    func tabs() {
        var wide = Buffer(width: 40, height: 1)
        Tabs(titles: ["Visionary", "Collaborator"], selected: 0).render(into: &wide, area: wide.area, theme: theme)
        #expect(wide.line(0) == " 1 Visionary  2 Collaborator")
        var narrow = Buffer(width: 16, height: 1)
        Tabs(titles: ["Visionary", "Collaborator"], selected: 0).render(into: &narrow, area: narrow.area, theme: theme)
        #expect(narrow.line(0) == " 1 Visionary  2")
    }

    @Test("gauge, sparkline and status bar")
    func bars() {
        var buffer = Buffer(width: 20, height: 3)
        Gauge(ratio: 0.5, label: "50%").render(into: &buffer, area: buffer.area.row(0), theme: theme)
        #expect(buffer.line(0) == "████████░░░░░░░░ 50%")
        #expect(Sparkline(values: [0, 1, 2, 4, 8]).text == "▁▂▃▅█")
        StatusBar(left: "Fieldnote", right: "? help").render(into: &buffer, area: buffer.area.row(2), theme: theme)
        #expect(buffer.line(2) == "Fieldnote     ? help")
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
