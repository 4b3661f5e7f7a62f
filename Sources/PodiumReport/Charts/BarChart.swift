import Foundation

/// Labelled values as horizontal bars, two per label when there is a second measure: the
/// stance balance (drafts accepted, records touched).
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var values: [Double]
        /// A note after the bars, e.g. a neglected stance's hint.
        public var note: String?

        public init(label: String, values: [Double], note: String? = nil) {
            self.label = label
            self.values = values
            self.note = note
        }
    }

    public var title: String
    public var subtitle: String
    /// What each of a bar's values measures, for the legend.
    public var measures: [String]
    public var bars: [Bar]

    public init(title: String, subtitle: String, measures: [String], bars: [Bar]) {
        self.title = title
        self.subtitle = subtitle
        self.measures = measures
        self.bars = bars
    }

    public func svg(theme: ChartTheme = .light, width: Double = 880) -> String {
        let rowHeight = 18.0 * Double(max(1, measures.count)) + 14
        let top = 96.0
        let height = top + rowHeight * Double(bars.count) + 24
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, x: 24, y: 32, className: "title")
        canvas.text(subtitle, x: 24, y: 52, className: "subtitle")
        for (index, measure) in measures.enumerated() {
            let x = 24 + Double(index) * 220
            canvas.rect(x: x, y: 64, width: 14, height: 10, className: "bar", style: "fill: \(ChartTheme.palette[index % ChartTheme.palette.count])")
            canvas.text(measure, x: x + 20, y: 73, className: "label")
        }
        let labelWidth = 210.0, left = 24 + labelWidth, right = width - 300
        let scales = measures.indices.map { index in max(1, bars.map { $0.values.indices.contains(index) ? $0.values[index] : 0 }.max() ?? 1) }
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * rowHeight
            canvas.text(LineChart.shorten(bar.label, 28), x: 24, y: y + 14, className: "label")
            for (index, value) in bar.values.enumerated() {
                let barY = y + Double(index) * 18
                let length = (right - left) * value / scales[index]
                canvas.rect(x: left, y: barY + 2, width: length, height: 14, className: "bar",
                            style: "fill: \(ChartTheme.palette[index % ChartTheme.palette.count])", radius: 2)
                canvas.text(LineChart.format(value), x: left + length + 6, y: barY + 14, className: "axis")
            }
            if let note = bar.note { canvas.text("⚠ " + LineChart.shorten(note, 40), x: right + 30, y: y + 14, className: "note") }
        }
        return canvas.document(title: title + " — " + subtitle, theme: theme)
    }
}
