import Foundation

/// Turns SVG into PNG with a rasterizer from the system's packages: `rsvg-convert` (Debian and
/// Ubuntu: librsvg2-bin; macOS: brew install librsvg), else ImageMagick's `magick`.
enum Rasterizer {
    /// The programs tried, in order, and how each is told to write `out` from `svg`.
    static let candidates: [(name: String, arguments: @Sendable (_ svg: String, _ out: String) -> [String])] = [
        ("rsvg-convert", { svg, out in ["--format", "png", "--output", out, svg] }),
        ("magick", { svg, out in [svg, out] }),
    ]

    static let missing = "no SVG rasterizer found for PNG: install rsvg-convert (apt-get install librsvg2-bin, "
        + "or brew install librsvg) or ImageMagick, or write the chart as .svg"

    /// The first candidate on the PATH.
    static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> (url: URL, arguments: @Sendable (String, String) -> [String])? {
        let folders = (path ?? "").split(separator: ":").map(String.init)
        for candidate in candidates {
            for folder in folders {
                let file = URL(fileURLWithPath: folder).appendingPathComponent(candidate.name)
                if FileManager.default.isExecutableFile(atPath: file.path) { return (file, candidate.arguments) }
            }
        }
        return nil
    }

    /// Writes `svg` as a PNG at `output` (whole or not at all).
    static func png(_ svg: String, to output: String) throws {
        guard let tool = find() else { throw CommandFailure(message: missing) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podium-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("chart.svg"), made = folder.appendingPathComponent("chart.png")
        try Data(svg.utf8).write(to: source)
        let process = Process()
        process.executableURL = tool.url
        process.arguments = tool.arguments(source.path, made.path)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: made), !data.isEmpty else {
            let detail = message.split(separator: "\n").first.map { ": \($0)" } ?? ""
            throw CommandFailure(message: "\(tool.url.lastPathComponent) could not make the PNG\(detail.sanitizedForTerminal())")
        }
        try OutputFile.write(data, to: output)
    }
}
