/// A bordered box with a title; widgets draw inside its `inner` rectangle.
public struct Block: Sendable {
    public var title: String
    public var focused: Bool
    public var hint: String
    /// Whether to blank the inside first (needed over other content, not on a fresh buffer).
    public var clears: Bool

    public init(title: String = "", focused: Bool = false, hint: String = "", clears: Bool = true) {
        self.title = title
        self.focused = focused
        self.hint = hint
        self.clears = clears
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border, the title at the top left and the hint at the bottom right.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let border = focused ? theme[.focus] : theme[.border]
        let (horizontal, vertical) = (focused ? "━" : "─", focused ? "┃" : "│")
        let corners = focused ? ["┏", "┓", "┗", "┛"] : ["╭", "╮", "╰", "╯"]
        if clears { buffer.fill(area, style: theme[.text]) }
        let line = Cell(horizontal, style: border), side = Cell(vertical, style: border)
        for x in (area.x + 1)..<(area.maxX - 1) {
            buffer.draw(line, x: x, y: area.y)
            buffer.draw(line, x: x, y: area.maxY - 1)
        }
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.draw(side, x: area.x, y: y)
            buffer.draw(side, x: area.maxX - 1, y: y)
        }
        buffer.draw(Cell(corners[0], style: border), x: area.x, y: area.y)
        buffer.draw(Cell(corners[1], style: border), x: area.maxX - 1, y: area.y)
        buffer.draw(Cell(corners[2], style: border), x: area.x, y: area.maxY - 1)
        buffer.draw(Cell(corners[3], style: border), x: area.maxX - 1, y: area.maxY - 1)
        if !title.isEmpty, area.width > 4 {
            let text = " " + DisplayWidth.truncate(title, to: area.width - 4) + " "
            buffer.write(text, x: area.x + 1, y: area.y, style: focused ? theme[.focus].adding(.bold) : theme[.title])
        }
        if !hint.isEmpty, area.width > 6 {
            let text = " " + DisplayWidth.truncate(hint, to: area.width / 2) + " "
            buffer.write(text, x: area.maxX - 2 - DisplayWidth.of(text), y: area.maxY - 1, style: theme[.muted])
        }
    }
}
