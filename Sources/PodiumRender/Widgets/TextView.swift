/// Paragraphs of text wrapped to the width of their area, with vertical scrolling.
public struct TextView: Sendable {
    /// One line of the text and its role.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var role: ThemeRole

        public init(_ text: String, role: ThemeRole = .text) {
            self.text = text
            self.role = role
        }
    }

    public var lines: [Line]
    /// The first wrapped line shown.
    public var offset: Int
    /// Whether `lines` are already wrapped to the area's width (see `wrapped(_:width:)`).
    public var isWrapped: Bool

    public init(lines: [Line], offset: Int = 0, isWrapped: Bool = false) {
        self.lines = lines
        self.offset = offset
        self.isWrapped = isWrapped
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let wrapped = isWrapped ? lines : Self.wrapped(lines, width: area.width)
        for (row, line) in wrapped.dropFirst(max(0, offset)).prefix(area.height).enumerated() {
            buffer.write(line.text, x: area.x, y: area.y + row, maxWidth: area.width, style: theme[line.role])
        }
    }

    /// Lines broken to `width` columns, each piece keeping its line's role.
    public static func wrapped(_ lines: [Line], width: Int) -> [Line] {
        lines.flatMap { line in wrap(line.text, width: width).map { Line($0, role: line.role) } }
    }

    /// Breaks `text` into lines of at most `width` columns, at spaces where it can.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for fullParagraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Leading spaces are an indent: kept on the first line and on the lines it wraps to.
            let indent = String(fullParagraph.prefix { $0 == " " }.prefix(max(0, width - 1)))
            let paragraph = fullParagraph.dropFirst(indent.count)
            let width = width - indent.count
            var line = indent
            var lineWidth = 0
            var lineStart = true
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                let gap = lineStart ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + wordWidth
                    lineStart = false
                    continue
                }
                if !lineStart { result.append(line) }
                line = indent
                lineWidth = 0
                lineStart = true
                if wordWidth > width {  // a word longer than the line: cut it by characters, in one pass
                    var piece = ""
                    var pieceWidth = 0
                    for character in word {
                        let columns = DisplayWidth.of(character)
                        if pieceWidth + columns > width, !piece.isEmpty {
                            result.append(indent + piece)
                            piece = ""
                            pieceWidth = 0
                        }
                        piece.append(character)
                        pieceWidth += columns
                    }
                    word = piece
                    wordWidth = pieceWidth
                }
                line = indent + word
                lineWidth = wordWidth
                lineStart = false
            }
            result.append(line)
        }
        return result
    }
}
