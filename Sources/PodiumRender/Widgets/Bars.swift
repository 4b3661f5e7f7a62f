/// A row of tabs: "1 Visionary  2 Collaborator …", the selected one highlighted.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var roles: [ThemeRole]

    public init(titles: [String], selected: Int, roles: [ThemeRole] = []) {
        self.titles = titles
        self.selected = selected
        self.roles = roles
    }

    /// Draws every tab: with its whole title when all fit, else each title cut to an even
    /// share of the width (down to its number alone), so no tab ever falls off the end.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area.row(0), style: theme[.text])
        var labels = titles.enumerated().map { " \($0.offset + 1) \($0.element) " }
        if labels.map(DisplayWidth.of).reduce(0, +) > area.width, !titles.isEmpty {
            let share = area.width / titles.count
            labels = titles.enumerated().map { index, title in
                let number = " \(index + 1)"
                let room = share - DisplayWidth.of(number) - 2
                return room >= 2 ? number + " " + DisplayWidth.truncate(title, to: room) + " " : number + " "
            }
        }
        var x = area.x
        for (index, label) in labels.enumerated() {
            let width = DisplayWidth.of(label)
            guard x + width <= area.maxX else { break }
            var style = index < roles.count ? theme[roles[index]] : theme[.text]
            if index == selected { style = theme[.selection].adding(.bold) }
            buffer.write(label, x: x, y: area.y, style: style)
            x += width
        }
    }
}

/// The bottom line: what is open on the left, hints on the right.
public struct StatusBar: Sendable {
    public var left: String
    public var right: String
    public var message: String?

    public init(left: String, right: String, message: String? = nil) {
        self.left = left
        self.right = right
        self.message = message
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let style = theme[.selection]
        buffer.fill(area.row(0), style: style)
        let leftText = message ?? left
        // A message has the line first; otherwise the hints on the right keep their room
        // and what is open on the left is cut (it is also in the pane's title).
        let rightWidth = message == nil && area.width - DisplayWidth.of(right) - 2 >= 20
            ? DisplayWidth.of(right)
            : min(DisplayWidth.of(right), max(0, area.width - DisplayWidth.of(leftText) - 2))
        let leftRoom = message == nil ? max(0, area.width - rightWidth - (rightWidth > 0 ? 2 : 0)) : area.width
        buffer.write(DisplayWidth.of(leftText) > leftRoom ? DisplayWidth.truncate(leftText, to: leftRoom) : leftText,
                     x: area.x, y: area.y, maxWidth: area.width, style: message == nil ? style : style.adding(.bold))
        if rightWidth > 0 {
            let text = DisplayWidth.truncate(right, to: rightWidth)
            buffer.write(text, x: area.maxX - DisplayWidth.of(text), y: area.y, style: style)
        }
    }
}

/// A horizontal bar showing a share, with a label.
public struct Gauge: Sendable {
    public var ratio: Double
    public var label: String

    public init(ratio: Double, label: String) {
        self.ratio = ratio
        self.label = label
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let clamped = min(1, max(0, ratio.isFinite ? ratio : 0))
        let labelWidth = DisplayWidth.of(label)
        let barWidth = max(0, area.width - labelWidth - 1)
        let filled = Int((clamped * Double(barWidth)).rounded())
        buffer.write(String(repeating: "█", count: filled), x: area.x, y: area.y, style: theme[.accent])
        buffer.write(String(repeating: "░", count: barWidth - filled), x: area.x + filled, y: area.y, style: theme[.muted])
        buffer.write(label, x: area.x + barWidth + 1, y: area.y, maxWidth: labelWidth, style: theme[.text])
    }
}

/// Values as a row of bars of eight heights: ▁▂▃▄▅▆▇█.
public struct Sparkline: Sendable {
    public var values: [Double]

    public init(values: [Double]) {
        self.values = values
    }

    public var text: String {
        let levels = Array("▁▂▃▄▅▆▇█")
        guard let maximum = values.max(), maximum > 0 else { return String(repeating: "▁", count: values.count) }
        return String(values.map { levels[min(7, max(0, Int(($0 / maximum) * 7.0 + 0.5)))] })
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.write(String(text.suffix(area.width)), x: area.x, y: area.y, style: theme[.accent])
    }
}

/// A dialog drawn over the screen: a bordered box in the middle with text inside.
public struct Modal: Sendable {
    public var title: String
    public var lines: [TextView.Line]
    public var width: Int
    public var hint: String

    public init(title: String, lines: [TextView.Line], width: Int = 60, hint: String = "Esc closes") {
        self.title = title
        self.lines = lines
        self.width = width
        self.hint = hint
    }

    /// The box's area on a screen of `area`.
    public func frame(in area: Rect) -> Rect {
        let inner = min(width, area.width - 4) - 2
        let wrappedCount = lines.reduce(0) { $0 + max(1, TextView.wrap($1.text, width: max(1, inner)).count) }
        return area.centered(width: min(width, area.width - 4), height: min(area.height - 2, wrappedCount + 2))
    }

    /// How far the text can scroll on a screen of `area`: its wrapped lines less those in view.
    public func maximumOffset(in area: Rect) -> Int {
        let box = frame(in: area)
        let inner = max(1, box.width - 2)
        let wrappedCount = lines.reduce(0) { $0 + max(1, TextView.wrap($1.text, width: inner).count) }
        return max(0, wrappedCount - max(0, box.height - 2))
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme, offset: Int = 0) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        Block(title: title, focused: true, hint: hint).render(into: &buffer, area: box, theme: theme)
        TextView(lines: lines, offset: offset).render(into: &buffer, area: Block.inner(box), theme: theme)
    }
}
