import Foundation

extension Roadmap {
    /// The roadmap as three columns of cards (now, next, later), at most `perLane` cards a
    /// column and a count of the rest; each card its key, title, evidence and goal measure.
    /// How many cards a lane of the picture shows.
    public static let cardsPerLane = 8

    public func svg(theme: ChartTheme = .light, width: Double = 960, perLane: Int = Roadmap.cardsPerLane) -> String {
        let cardHeight = 80.0, gap = 10.0, top = 96.0
        let shown = Lane.allCases.map { min(perLane, entries(in: $0).count) }.max() ?? 0
        let height = top + Double(shown) * (cardHeight + gap) + 48
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text("Roadmap — \(product.isEmpty ? "Untitled product" : product)", x: 24, y: 32, className: "title")
        canvas.text(goal.isEmpty ? "No product goal set" : LineChart.shorten("Goal: " + goal, 130), x: 24, y: 52, className: "subtitle")
        let columnWidth = (width - 48 - 2 * 16) / 3
        for (column, lane) in Lane.allCases.enumerated() {
            let x = 24 + Double(column) * (columnWidth + 16)
            let laneEntries = entries(in: lane)
            canvas.rect(x: x, y: 66, width: columnWidth, height: 4, className: "bar", style: "fill: \(ChartTheme.palette[column])")
            canvas.text("\(lane.title) — \(lane.meaning) (\(laneEntries.count))", x: x, y: 88, className: "label")
            for (row, entry) in laneEntries.prefix(perLane).enumerated() {
                let y = top + Double(row) * (cardHeight + gap)
                canvas.rect(x: x, y: y, width: columnWidth, height: cardHeight, className: "card", radius: 6)
                let characters = Int(columnWidth / 7.4)
                let title = Self.wrap((entry.key.map { $0 + " " } ?? "") + entry.title, width: characters, lines: 2)
                for (line, text) in title.enumerated() {
                    canvas.text(text, x: x + 10, y: y + 20 + Double(line) * 16, className: "label")
                }
                canvas.text("demand \(entry.demand) · praise \(entry.praise)", x: x + 10, y: y + 54, className: "axis")
                if let measure = entry.goalMeasure {
                    canvas.text(LineChart.shorten("→ " + measure, characters), x: x + 10, y: y + 71, className: "note")
                }
            }
            if laneEntries.count > perLane {
                canvas.text("and \(laneEntries.count - perLane) more", x: x, y: top + Double(perLane) * (cardHeight + gap) + 14, className: "note")
            }
        }
        let counts = Lane.allCases.map { "\(entries(in: $0).count) \($0.rawValue)" }.joined(separator: ", ")
        return canvas.document(title: "Roadmap — \(product): \(counts)", theme: theme)
    }

    /// `text` in at most `lines` lines of `width` characters, broken between words, the last
    /// one shortened with "…" when the text is longer.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        var words = text.split(separator: " ").map(String.init)[...]
        while let word = words.first {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= width || current.isEmpty {
                current = candidate
                words = words.dropFirst()
            } else {
                result.append(current)
                current = ""
                if result.count == lines - 1 { break }
            }
        }
        let rest = ([current] + words).filter { !$0.isEmpty }.joined(separator: " ")
        if !rest.isEmpty { result.append(LineChart.shorten(rest, width)) }
        return result.map { LineChart.shorten($0, width) }
    }
}
