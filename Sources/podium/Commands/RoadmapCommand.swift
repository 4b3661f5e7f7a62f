import ArgumentParser
import Foundation
import PodiumReport
import PodiumStore

/// `podium roadmap`: now, next and later from the backlog, for the terminal or a file.
struct RoadmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Show the roadmap: now (in progress), next (ready) and later (proposed), with evidence and goal measures.",
        discussion: "Each lane is in backlog order. The goal measure is the one the item's title names. "
            + "podium chart roadmap draws it as SVG or PNG.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @Option(help: "text (default), markdown or json.") var format: Format = .text
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let store = try workspaceOptions.open()
        let roadmap = Roadmap(store.snapshot)
        let text: String
        switch format {
        case .text: text = roadmap.textLines.joined(separator: "\n")
        case .markdown: text = roadmap.markdown
        case .json: text = try DraftPrinter.json(roadmap)
        }
        guard let output else {
            Console.line(text)
            return
        }
        try OutputFile.write(text + "\n", to: output)
        Console.line("Wrote the roadmap to \(output)")
    }
}
