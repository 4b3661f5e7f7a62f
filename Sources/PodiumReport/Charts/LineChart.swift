import Foundation

/// Values over periods as lines, one per series, with dated markers (releases) as dashed
/// vertical lines: theme trends, sentiment, NPS.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per period; nil where there is none (the line breaks there).
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// A line across the chart at a point in time, e.g. a release.
    public struct Marker: Sendable {
        /// Where it falls, in periods from the first (2.5 is halfway through the third).
        public var position: Double
        public var label: String

        public init(position: Double, label: String) {
            self.position = position
            self.label = label
        }
    }

    public var title: String
    public var subtitle: String
    public var periods: [String]
    public var series: [Series]
    public var markers: [Marker] = []
    /// The value axis; nil: from zero to the largest value.
    public var range: ClosedRange<Double>?
    public var unit = ""

    public init(title: String, subtitle: String, periods: [String], series: [Series], markers: [Marker] = [],
                range: ClosedRange<Double>? = nil, unit: String = "") {
        self.title = title
        self.subtitle = subtitle
        self.periods = periods
        self.series = series
        self.markers = markers
        self.range = range
        self.unit = unit
    }

    public func svg(theme: ChartTheme = .light, width: Double = 880, height: Double = 440) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, x: 24, y: 32, className: "title")
        canvas.text(subtitle, x: 24, y: 52, className: "subtitle")
        let legendWidth = 230.0
        let left = 64.0, top = 92.0, right = width - legendWidth - 16, bottom = height - 56
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let low = range?.lowerBound ?? 0
        let high = range?.upperBound ?? Self.niceCeiling(max(1, values.max() ?? 1))
        let count = max(1, periods.count)
        func x(_ index: Double) -> Double { left + (right - left) * (count == 1 ? 0.5 : index / Double(count - 1)) }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * (value - low) / max(1e-9, high - low) }
        // Axis: five gridlines with their values.
        for step in 0...4 {
            let value = low + (high - low) * Double(step) / 4
            canvas.line(x1: left, y1: y(value), x2: right, y2: y(value), className: "grid")
            canvas.text(Self.format(value) + unit, x: left - 8, y: y(value) + 4, className: "axis", anchor: "end")
        }
        if low < 0 && high > 0 { canvas.line(x1: left, y1: y(0), x2: right, y2: y(0), className: "zero") }
        // A label every so many periods that labels of 48 px never touch.
        let every = max(1, Int((Double(periods.count) * 48 / max(1, right - left)).rounded(.up)))
        for (index, label) in periods.enumerated() where index % every == 0 || index == periods.count - 1 {
            canvas.text(label, x: x(Double(index)), y: bottom + 20, className: "axis", anchor: "middle")
        }
        // Releases: a dashed line with its number on top; the numbers are listed under the legend.
        for (number, marker) in markers.enumerated() {
            let position = x(min(Double(count - 1), max(0, marker.position)))
            canvas.line(x1: position, y1: top - 4, x2: position, y2: bottom, className: "marker")
            // Releases days apart share a spot: their numbers stack.
            let stacked = markers[..<number].filter { abs(x(min(Double(count - 1), max(0, $0.position))) - position) < 14 }.count
            canvas.text("\(number + 1)", x: position, y: top - 8 - Double(stacked) * 12, className: "note", anchor: "middle")
        }
        let listed = markers.count > 8 ? 7 : markers.count
        let markersTop = top + Double(series.count) * 22 + 18
        if !markers.isEmpty { canvas.text("Releases", x: right + 24, y: markersTop, className: "note") }
        for (number, marker) in markers.prefix(listed).enumerated() {
            canvas.text("\(number + 1) " + Self.shorten(marker.label, 31), x: right + 24, y: markersTop + 18 + Double(number) * 16, className: "note")
        }
        if markers.count > listed {
            canvas.text("and \(markers.count - listed) more", x: right + 24, y: markersTop + 18 + Double(listed) * 16, className: "note")
        }
        for (index, line) in series.enumerated() {
            let color = ChartTheme.palette[index % ChartTheme.palette.count]
            var run: [(Double, Double)] = []
            for (period, value) in line.values.enumerated() {
                if let value {
                    run.append((x(Double(period)), y(value)))
                    canvas.circle(x: x(Double(period)), y: y(value), radius: 3, className: "point", style: "fill: \(color)")
                } else {
                    canvas.polyline(run, className: "series", style: "stroke: \(color)")
                    run = []
                }
            }
            canvas.polyline(run, className: "series", style: "stroke: \(color)")
            let legendY = top + Double(index) * 22
            canvas.rect(x: right + 24, y: legendY - 10, width: 14, height: 4, className: "bar", style: "fill: \(color)")
            let last = line.values.last.flatMap { $0 }.map { " (" + Self.format($0) + unit + ")" } ?? ""
            canvas.text(Self.shorten(line.name, 24) + last, x: right + 44, y: legendY - 4, className: "label")
        }
        return canvas.document(title: title + " — " + subtitle, theme: theme)
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value`, so the axis reads in round steps.
    static func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, (log10(value)).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    static func format(_ value: Double) -> String {
        abs(value) >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func shorten(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
