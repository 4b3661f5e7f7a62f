import PodiumRender
import Testing

@Suite("Display width and truncation")
struct DisplayWidthTests {
    @Test("columns per character", arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2), ("👍", 2), ("👍🏽", 2),
        ("👨‍👩‍👧", 2), ("🇩🇪", 2), ("❤️", 2), ("\u{200B}", 0), ("\u{7}", 0),
    ])
    func width(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("truncation never splits a wide character and marks the cut")
    func truncate() {
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("中文字符", to: 6) == "中文…")
        #expect(DisplayWidth.truncate("中文字符", to: 5) == "中文…")
        #expect(DisplayWidth.truncate("中文字符", to: 4) == "中…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.fit("中", to: 4) == "中  ")
        #expect(DisplayWidth.fit("42", to: 5, alignRight: true) == "   42")
    }

    @Test("wrapping breaks at spaces, and cuts words longer than the line")
    func wrap() {
        #expect(TextView.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextView.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextView.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
        // A word of 200,000 characters (a pasted blob in a draft) is cut in one pass.
        let blob = TextView.wrap("start " + String(repeating: "x", count: 200_000) + " end", width: 80)
        #expect(blob.count == 2 + 200_000 / 80 && blob.dropFirst().dropLast().allSatisfy { $0.count == 80 } && blob.first == "start" && blob.last == "end")
        #expect(TextView.wrap("漢字", width: 1) == ["漢", "字"], "a character wider than the line gets a line of its own")
        #expect(TextView.wrap("中文中文中文", width: 5) == ["中文", "中文", "中文"])
    }
}

@Suite("Buffer")
struct BufferTests {
    @Test("wide characters take two cells; one that does not fit is left out, leaving no half")
    func wideCharacters() {
        var buffer = Buffer(width: 5, height: 1)
        #expect(buffer.write("a中文", x: 0, y: 0) == 5)
        #expect(buffer.line(0) == "a中文")
        #expect(buffer[2, 0].isContinuation)
        var narrow = Buffer(width: 4, height: 1)
        #expect(narrow.write("a中文", x: 0, y: 0) == 3)
        #expect(narrow.line(0) == "a中")
        #expect(!narrow[3, 0].isContinuation)
    }

    @Test("overwriting half of a wide character clears the other half: no ghost cells")
    func noGhosts() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("中文", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.line(0) == " x文")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.line(0) == " xy")
        #expect(buffer.cells.filter(\.isContinuation).isEmpty)
    }

    @Test("a run of plain text cutting wide characters at both ends clears their other halves")
    func asciiRunBetweenWideCharacters() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.write("中文字", x: 0, y: 0)
        buffer.write("abc", x: 1, y: 0)
        #expect(buffer.line(0) == " abc字")
        #expect(buffer.cells.filter(\.isContinuation).count == 1)
        var clipped = Buffer(width: 4, height: 1)
        #expect(clipped.write("abcdef", x: -2, y: 0, maxWidth: 5) == 5)  // columns from x, off-screen ones included
        #expect(clipped.line(0) == "cde")
    }

    @Test("control characters never reach a cell; combining marks join their character")
    func controlsAndMarks() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.write("a\u{1B}b\u{7}e\u{301}", x: 0, y: 0)
        #expect(buffer.line(0) == "abe\u{301}")
        #expect(buffer[2, 0].text == "e\u{301}")
    }

    @Test("the difference between frames is only what changed, in runs")
    func changes() {
        var before = Buffer(width: 10, height: 2)
        before.write("hello", x: 0, y: 0)
        var after = before
        after.write("J", x: 0, y: 0)
        after.write("xy", x: 6, y: 1)
        let changes = after.changes(since: before)
        #expect(changes.map(\.x) == [0, 6])
        #expect(changes.map(\.y) == [0, 1])
        #expect(changes.map { $0.cells.map(\.text).joined() } == ["J", "xy"])
        #expect(after.changes(since: after).isEmpty)
        #expect(after.changes(since: nil).count == 2)
        #expect(after.changes(since: Buffer(width: 3, height: 3)).count == 2)
    }

    @Test("a changed wide character is sent whole")
    func wideChange() {
        var before = Buffer(width: 4, height: 1)
        before.write("中", x: 0, y: 0)
        var after = before
        after.write("文", x: 0, y: 0)
        let changes = after.changes(since: before)
        #expect(changes.count == 1)
        #expect(changes[0].x == 0)
        #expect(changes[0].cells.first?.text == "文")
    }
}

@Suite("Layout")
struct LayoutTests {
    @Test("lengths, percentages and weighted fills share a row")
    func split() {
        let area = Rect(x: 0, y: 0, width: 100, height: 10)
        #expect(area.split(.horizontal, [.length(20), .fill(), .length(10)]).map(\.width) == [20, 70, 10])
        #expect(area.split(.horizontal, [.percentage(30), .fill()]).map(\.width) == [30, 70])
        #expect(area.split(.horizontal, [.fill(weight: 1), .fill(weight: 3)]).map(\.width) == [25, 75])
        #expect(area.split(.horizontal, [.length(10), .fill(), .length(10)], spacing: 1).map(\.x) == [0, 11, 90])
        #expect(area.split(.vertical, [.length(1), .fill(), .length(1)]).map(\.height) == [1, 8, 1])
    }

    @Test("when there is not enough room, the last parts give way")
    func overflow() {
        let area = Rect(x: 0, y: 0, width: 30, height: 1)
        #expect(area.split(.horizontal, [.length(20), .length(20), .fill(minimum: 5)]).map(\.width) == [20, 10, 0])
    }
}

@Suite("Wrapping with an indent")
struct IndentTests {
    @Test("leading spaces are kept on the first line and the lines it wraps to")
    func indent() {
        #expect(TextView.wrap("  one two three", width: 9) == ["  one two", "  three"])
        #expect(TextView.wrap("  abcdefghij", width: 6) == ["  abcd", "  efgh", "  ij"])
    }
}
