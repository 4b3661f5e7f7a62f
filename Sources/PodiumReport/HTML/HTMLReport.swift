import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore

/// The stakeholder report: one self-contained HTML file — the vision and the goal's progress,
/// the roadmap, the charts, what changed in the feedback, the top themes with quotes and the
/// latest communications. No script, no external file, no network: a Content-Security-Policy
/// forbids every fetch, and it prints to PDF as it shows.
public struct HTMLReport: Sendable {
    public var snapshot: WorkspaceSnapshot
    public var now: Date

    public init(snapshot: WorkspaceSnapshot, now: Date = Date()) {
        self.snapshot = snapshot
        self.now = now
    }

    public func render() -> String {
        let product = snapshot.product
        let name = product.name.isEmpty ? "Untitled product" : product.name
        let report = WorkspaceSignals.report(snapshot, now: now)
        let charts = WorkspaceCharts(snapshot: snapshot, now: now)
        var body: [String] = []
        body.append("<header><h1>\(Self.escape(name))</h1><p class=\"muted\">Product report, \(Format.day(now))</p></header>")
        body.append(visionSection(product))
        let roadmap = Roadmap(snapshot)
        body.append("<section id=\"roadmap\"><h2>Roadmap</h2>" + (roadmap.hasNoEvidence ? "<p class=\"muted\">\(Self.escape(Roadmap.noLinksHint))</p>" : "")
            + "\(charts.inline(.roadmap, report: report))\(roadmapLists(roadmap))</section>")
        body.append(signalSection(report))
        var chartFigures: [String] = []
        for kind in [ChartKind.themes, .sentiment, .nps, .stances] {
            let svg = charts.inline(kind, report: report)
            if !svg.isEmpty { chartFigures.append("<figure>\(svg)</figure>") }
        }
        body.append("<section id=\"charts\"><h2>Charts</h2>\(chartFigures.joined())</section>")
        body.append(themeSection(report))
        body.append(communicationSection())
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(name)) — product report</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        <footer class="muted">Written by Podium from the workspace on \(Format.day(now)); every number can be checked with podium signals, podium roadmap and podium metrics.</footer>
        </body>
        </html>

        """
    }

    func visionSection(_ product: Product) -> String {
        var html = "<section id=\"vision\"><h2>Vision and goal</h2>"
        html += "<p>\(Self.escape(product.vision.isEmpty ? "No vision written yet." : product.vision))</p>"
        html += "<p><strong>Product goal:</strong> \(Self.escape(product.productGoal.isEmpty ? "not set yet." : product.productGoal))</p>"
        if !product.goalMeasures.isEmpty {
            html += "<table><thead><tr><th>Measure</th><th>Baseline</th><th>Now</th><th>Target</th><th>Progress</th></tr></thead><tbody>"
            for measure in product.goalMeasures {
                let progress = max(0, min(1, measure.progress ?? 0))
                html += "<tr><td>\(Self.escape(measure.name))</td><td>\(Format.number(measure.baseline))\(Self.escape(measure.unit))</td>"
                    + "<td>\(Format.number(measure.current))\(Self.escape(measure.unit))</td><td>\(Format.number(measure.target))\(Self.escape(measure.unit))</td>"
                    + "<td><span class=\"meter\"><span style=\"width: \(Int(progress * 100))%\"></span></span> \(Format.percent(measure.progress))</td></tr>"
            }
            html += "</tbody></table>"
            html += "<p>Progress toward the goal: <strong>\(Format.percent(product.goalProgress))</strong></p>"
        }
        return html + "</section>"
    }

    /// The roadmap's items the picture leaves out (past its eight cards a lane), as lists.
    func roadmapLists(_ roadmap: Roadmap) -> String {
        let more = Roadmap.Lane.allCases.map { ($0, Array(roadmap.entries(in: $0).dropFirst(Roadmap.cardsPerLane))) }.filter { !$0.1.isEmpty }
        guard !more.isEmpty else { return "" }
        var html = "<div class=\"lanes\">"
        for (lane, entries) in more {
            html += "<div><h3>Also \(lane.rawValue) <span class=\"muted\">(\(lane.meaning))</span></h3><ul>"
            for entry in entries {
                html += "<li>\(entry.key.map { "<strong>\(Self.escape($0))</strong> " } ?? "")\(Self.escape(entry.title))"
                    + " <span class=\"muted\">— demand \(entry.demand), praise \(entry.praise)"
                    + (entry.goalMeasure.map { "; moves “\(Self.escape($0))”" } ?? "") + "</span></li>"
            }
            html += "</ul></div>"
        }
        return html + "</div>"
    }

    func signalSection(_ report: SignalReport) -> String {
        let digest = SignalDigest(report: report, snapshot: snapshot)
        var html = "<section id=\"signals\"><h2>What changed this \(report.cadence)</h2><p>\(Self.escape(digest.headline))</p>"
        html += digest.notes.map { "<p class=\"muted\">\(Self.escape($0))</p>" }.joined()
        if !report.signals.isEmpty {
            html += "<ul>"
            for signal in report.signals {
                html += "<li>\(Self.escape(signal.line(period: report.cadence)))<ul>"
                html += digest.quotes(of: signal).map { "<li class=\"quote\">\(Self.escape(Self.withoutCitations($0)))</li>" }.joined()
                html += "</ul></li>"
            }
            html += "</ul>"
        }
        html += "<p class=\"muted small\">\(Self.escape(report.method)).</p>"
        return html + "</section>"
    }

    func themeSection(_ report: SignalReport) -> String {
        let top = report.trends.sorted { $0.total != $1.total ? $0.total > $1.total : $0.theme < $1.theme }.prefix(5)
        var html = "<section id=\"themes\"><h2>Top themes</h2>"
        if top.isEmpty {
            let why = report.totals.reduce(0, +) == 0 ? "No feedback in the report's weeks." : "No themes yet: the feedback has not been clustered."
            return html + "<p class=\"muted\">\(Self.escape(why))</p></section>"
        }
        let quotes = WorkspaceSignals.quotedItems(in: snapshot, themes: top.map(\.theme), since: report.grid.start, perTheme: 2)
        for trend in top {
            let negative = trend.negative.reduce(0, +)
            html += "<h3>\(Self.escape(trend.theme)) <span class=\"muted\">— \(trend.total) items in \(report.grid.count) \(report.cadence)s, "
                + "\(Format.percent(trend.total == 0 ? nil : Double(negative) / Double(trend.total))) negative</span></h3><ul>"
            html += (quotes[trend.theme] ?? []).map { "<li class=\"quote\">“\(Self.escape(Format.clean($0.text)))”</li>" }.joined()
            html += "</ul>"
        }
        return html + "</section>"
    }

    func communicationSection() -> String {
        let latest = snapshot.communications.values.filter { $0.status != .draft }.sorted { $0.updatedAt > $1.updatedAt }.prefix(3)
        var html = "<section id=\"communications\"><h2>Latest communications</h2>"
        if latest.isEmpty { return html + "<p class=\"muted\">None ready or sent yet.</p></section>" }
        for communication in latest {
            let when = communication.sentAt.map { "sent \(Format.day($0))" } ?? communication.status.rawValue
            html += "<article><h3>\(Self.escape(communication.title)) <span class=\"muted\">— for \(Self.escape(communication.audience)), \(when)</span></h3>"
                + MarkdownHTML.render(Self.withoutCitations(communication.body)) + "</article>"
        }
        return html + "</section>"
    }

    /// Text without Podium's `[#1a2b3c4d]` citations, which mean nothing outside the workspace.
    static func withoutCitations(_ text: String) -> String {
        text.replacingOccurrences(of: #"\s?\[#[0-9a-f]{8}\]"#, with: "", options: .regularExpression)
    }

    /// Text safe in HTML: no control characters, markup escaped.
    static func escape(_ text: String) -> String { SVGCanvas.escape(text).replacingOccurrences(of: "'", with: "&#39;") }

    static let css = """
    body { font: 15px/1.5 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #1f2328; max-width: 980px; margin: 2em auto; padding: 0 1em; }
    h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .2em; margin-top: 2em; }
    .muted { color: #59636e; font-weight: normal; } .small { font-size: 12px; }
    table { border-collapse: collapse; } th, td { text-align: left; padding: .3em .8em .3em 0; border-bottom: 1px solid #eef1f4; }
    .meter { display: inline-block; width: 120px; height: 10px; background: #eef1f4; vertical-align: middle; }
    .meter span { display: block; height: 10px; background: #0072B2; }
    .lanes { display: flex; gap: 1.5em; } .lanes > div { flex: 1; } .lanes ul { padding-left: 1.1em; }
    figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
    .quote { color: #3d444d; font-style: italic; } article { margin-bottom: 1.5em; }
    footer { margin-top: 3em; font-size: 12px; }
    @media print { body { margin: 0; max-width: none; } section, figure, article { break-inside: avoid; } h2 { break-after: avoid; } }
    """
}

extension WorkspaceCharts {
    /// A chart as an `<svg>` element to put inside HTML (empty when there is nothing to draw).
    func inline(_ kind: ChartKind, report: SignalReport) -> String {
        guard let svg = try? svg(kind, report: report) else { return "" }
        return svg.replacingOccurrences(of: "\n", with: "")
    }
}
