/// One terminal cell: a character (one grapheme cluster) and its style. The cell to the
/// right of a wide character is a continuation: it holds no text of its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// True for the second column of a wide character.
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A grid of cells that widgets draw into; a frame is one buffer, and the difference
/// between two frames is what the terminal must be told.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills `rect` with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y] = Cell(style: style) }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ change: (Style) -> Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y].style = change(self[x, y].style) }
        }
    }

    /// Writes `text` from column `x` of row `y`, using at most `maxWidth` columns (default:
    /// to the edge). Control characters are dropped; a wide character that does not fit
    /// entirely is left out. Returns the columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        if DisplayWidth.isPlainASCII(text) {
            // The common case: one byte, one cell, a ready-made one-character string.
            let start = max(0, x)
            let end = min(limit, x + text.utf8.count)
            guard start < end else { return max(0, end - x) }
            // Wide characters the run cuts in half lose their other column; cells inside
            // the run are overwritten whole, so only its two ends need the check.
            if self[start, y].isContinuation, start > 0 { self[start - 1, y] = Cell(style: self[start - 1, y].style) }
            if end < width, self[end, y].isContinuation { self[end, y] = Cell(style: self[end, y].style) }
            let rowStart = y * width
            cells.withUnsafeMutableBufferPointer { cells in
                var column = x
                for byte in text.utf8 {
                    if column >= end { break }
                    if column >= start { cells[rowStart + column] = Cell(Self.asciiStrings[Int(byte)], style: style) }
                    column += 1
                }
            }
            return end - x
        }
        var column = x
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                // A combining mark joins the previous character; controls are dropped.
                if column > x, character.unicodeScalars.first.map({ $0.properties.generalCategory != .control }) == true {
                    var previous = column - 1
                    if self[previous, y].isContinuation && previous > 0 { previous -= 1 }
                    self[previous, y].text.append(character)
                }
                continue
            }
            if column + columns > limit { break }
            if column >= 0 {
                put(Cell(String(character), style: style), x: column, y: y)
                if columns == 2 { put(Cell("", style: style, isContinuation: true), x: column + 1, y: y) }
            }
            column += columns
        }
        return column - x
    }

    /// Places a one-column cell at `x`, `y` (ignored outside the buffer).
    public mutating func draw(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        put(cell, x: x, y: y)
    }

    /// One-character strings for the ASCII range, made once.
    private static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Places one cell, clearing any wide character it cuts in half.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        if self[x, y].isContinuation && !cell.isContinuation && x > 0 {
            self[x - 1, y] = Cell(style: self[x - 1, y].style)
        }
        if !self[x, y].isContinuation, x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(style: self[x + 1, y].style)
        }
        self[x, y] = cell
    }

    // MARK: Differences

    /// A run of changed cells on one row.
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    /// The cells that differ from `previous`, as runs per row (everything when the sizes differ).
    public func changes(since previous: Buffer?) -> [Change] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in Change(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)])) }
        }
        var result: [Change] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let index = y * width + x
                guard cells[index] != previous.cells[index] else { x += 1; continue }
                var run: [Cell] = []
                run.reserveCapacity(width - x + 1)
                var end = x
                while end < width, cells[y * width + end] != previous.cells[y * width + end] || cells[y * width + end].isContinuation {
                    run.append(cells[y * width + end])
                    end += 1
                }
                // A run never starts on the second half of a wide character.
                if cells[index].isContinuation, x > 0 {
                    run.insert(cells[index - 1], at: 0)
                    x -= 1
                }
                result.append(Change(x: x, y: y, cells: run))
                x = end
            }
        }
        return result
    }

    // MARK: Text

    /// The screen as plain text: one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { line($0) }.joined(separator: "\n")
    }

    /// One row as plain text, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var row = ""
        for x in 0..<width where !self[x, y].isContinuation { row += self[x, y].text }
        while row.last == " " { row.removeLast() }
        return row
    }
}
