import ArgumentParser
import Foundation
import PodiumAI
import PodiumCore
import PodiumReport

/// `podium chart KIND`: a chart of the workspace as SVG (or PNG through a rasterizer).
struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a chart as SVG or PNG: theme trends, sentiment, NPS, the roadmap or the stance balance.",
        discussion: ChartKind.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ")
            + ". Without -o the SVG goes to standard output. PNG needs rsvg-convert (apt-get install librsvg2-bin) or ImageMagick.")

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @Argument(help: "themes, sentiment, nps, roadmap or stances.") var kind: ChartKind
    @Option(name: .shortAndLong, help: "Write to FILE.svg or FILE.png.") var output: String?
    @Option(help: "light (default, for slides and paper) or dark.") var theme: ChartTheme = .light
    @Option(help: ArgumentHelp("Start the timeline on this day (YYYY-MM-DD); default: 12 periods back.", valueName: "date")) var since: String?
    @Option(help: "week or sprint.") var period: Signals.Period = .week

    func validate() throws {
        if let output {
            let suffix = (output as NSString).pathExtension.lowercased()
            guard suffix == "svg" || suffix == "png" else {
                throw ValidationError("-o \(output): name an .svg or a .png file")
            }
        }
        if let since, Format.localDay(parsing: since) == nil {
            throw ValidationError("--since \(since): not a day; write it as YYYY-MM-DD, e.g. 2026-09-01")
        }
    }

    func run() throws {
        let snapshot = try workspaceOptions.open().snapshot
        guard let cadence = WorkspaceSignals.cadence(named: period.rawValue, in: snapshot) else {
            throw UsageFailure(message: "--period sprint: the product has no sprint cadence yet; set it with "
                + "podium automate sprint --start YYYY-MM-DD --length 14, or use --period week")
        }
        let charts = WorkspaceCharts(snapshot: snapshot, cadence: cadence, since: since.flatMap(Format.localDay(parsing:)), theme: theme)
        let svg: String
        do { svg = try charts.svg(kind) } catch let unavailable as ChartUnavailable {
            throw CommandFailure(message: "no \(kind.rawValue) chart: \(unavailable.description)")
        }
        guard let output else {
            Console.write(svg)
            return
        }
        if (output as NSString).pathExtension.lowercased() == "png" {
            try Rasterizer.png(svg, to: output)
        } else {
            try OutputFile.write(svg, to: output)
        }
        FileHandle.standardError.write(Data("Wrote \(output)\n".utf8))
    }
}

extension ChartKind: ExpressibleByArgument {}
extension ChartTheme: ExpressibleByArgument {}
