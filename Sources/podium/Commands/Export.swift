import ArgumentParser
import Foundation
import PodiumExchange
import PodiumReport
import PodiumStore

/// `podium export`: the workspace as a Markdown report, JSON or CSV.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the workspace: a Markdown product report, a stakeholder report as one HTML file, JSON, or one collection as CSV.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "markdown (a readable report), html (a self-contained stakeholder report with charts), json (everything) or csv (one collection).")
    var format: WorkspaceExporter.Format = .markdown

    @Option(help: "The collection to export as CSV: feedback (default), backlog, stakeholders, experiments or decisions.")
    var collection: String?

    func validate() throws {
        if collection != nil && format != .csv {
            throw ValidationError("--collection chooses what to export as CSV; add --format csv")
        }
    }

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    func run() throws {
        let snapshot = try workspaceOptions.open().snapshot
        let text: String
        switch format {
        case .markdown:
            text = MarkdownReport(snapshot: snapshot).render()
        case .html:
            text = HTMLReport(snapshot: snapshot).render()
        case .json:
            text = try WorkspaceExporter.json(snapshot)
        case .csv:
            let collection = self.collection ?? "feedback"
            guard let chosen = RecordCollection(rawValue: collection.lowercased()) else {
                throw CommandFailure(message: "unknown collection \"\(collection)\"; choose one of "
                    + WorkspaceExporter.csvCollections.map(\.rawValue).joined(separator: ", "))
            }
            text = try WorkspaceExporter.csv(snapshot, collection: chosen)
        }
        guard let output else {
            Console.write(text)
            return
        }
        try OutputFile.write(text, to: output)
        FileHandle.standardError.write(Data("Wrote \(output)\n".utf8))
    }
}

extension WorkspaceExporter.Format: ExpressibleByArgument {}
