import Foundation
import PodiumCore

/// An SVG picture being drawn: shapes and text (as text, so it can be searched, copied and
/// read aloud), styled by classes that a `ChartTheme` colours.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Text at (x, y): `anchor` is start, middle or end.
    public mutating func text(_ string: String, x: Double, y: Double, className: String, anchor: String = "start") {
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" class=\"\(className)\" text-anchor=\"\(anchor)\">"
            + Self.escape(string) + "</text>")
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" class=\"\(className)\"/>")
    }

    public mutating func polyline(_ points: [(Double, Double)], className: String, style: String? = nil) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" class=\"\(className)\"" + (style.map { " style=\"\($0)\"" } ?? "") + "/>")
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, style: String? = nil, radius: Double = 0) {
        elements.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\""
            + (radius > 0 ? " rx=\"\(Self.number(radius))\"" : "") + " class=\"\(className)\"" + (style.map { " style=\"\($0)\"" } ?? "") + "/>")
    }

    public mutating func circle(x: Double, y: Double, radius: Double, className: String, style: String? = nil) {
        elements.append("<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" class=\"\(className)\""
            + (style.map { " style=\"\($0)\"" } ?? "") + "/>")
    }

    /// The finished document: an `<svg>` with its title for screen readers and its styles.
    public func document(title: String, theme: ChartTheme) -> String {
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\">",
                     "<title>\(Self.escape(title))</title>", "<style>", theme.css, "</style>",
                     "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" class=\"background\"/>"]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside XML: no control characters, and & < > " escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text.sanitizedForTerminal() {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}

/// The colours of a chart, as CSS for its classes: light for paper and slides, dark for a
/// dark screen.
public enum ChartTheme: String, Sendable, CaseIterable {
    case light, dark

    /// Series colours, told apart by people with the common colour-vision deficiencies
    /// (Okabe–Ito).
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    var ink: String { self == .light ? "#1f2328" : "#e6edf3" }
    var muted: String { self == .light ? "#59636e" : "#9198a1" }
    var grid: String { self == .light ? "#d1d9e0" : "#3d444d" }
    var paper: String { self == .light ? "#ffffff" : "#0d1117" }
    var card: String { self == .light ? "#f6f8fa" : "#151b23" }

    public var css: String {
        """
        .background { fill: \(paper); }
        text { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; fill: \(ink); font-size: 13px; }
        .title { font-size: 18px; font-weight: bold; }
        .subtitle, .axis, .note { fill: \(muted); font-size: 12px; }
        .label { font-size: 12px; }
        .grid { stroke: \(grid); stroke-width: 1; }
        .zero { stroke: \(muted); stroke-width: 1; }
        .marker { stroke: \(muted); stroke-width: 1; stroke-dasharray: 4 3; }
        .series { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
        .point { stroke: \(paper); stroke-width: 1; }
        .bar { }
        .card { fill: \(card); stroke: \(grid); }
        """
    }
}
