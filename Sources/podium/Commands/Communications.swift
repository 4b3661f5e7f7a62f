import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore

/// `podium communications sent|export`: closing the loop on updates and release notes, as the
/// Influencer pane does it (P and E there).
struct Communications: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark an update or release notes sent, or export it as Markdown or plain text.",
        discussion: """
            A communication is named by its id (at least 4 characters; podium list communications shows them). Examples:
              podium communications sent 1a2b3c4d --channel "Slack #product"
              podium communications export 1a2b3c4d -o update.md
              podium communications export 1a2b3c4d --format text | pbcopy
            """,
        subcommands: [Sent.self, ExportOne.self])

    struct Sent: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a communication sent.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The communication's id.") var id: String
        @Option(help: "Where it went: email, Slack #product, all-hands…") var channel: String?
        @Option(help: "The day it went out, YYYY-MM-DD (default: today).") var date: String?
        @Flag(help: "Print the communication as JSON.") var json = false

        func validate() throws {
            if let date, Timestamp.parse(date + "T12:00:00Z") == nil {
                throw ValidationError("--date \(date) is not a date: YYYY-MM-DD, e.g. 2026-12-05")
            }
        }

        func run() throws {
            let store = try workspaceOptions.open()
            let communication = try IDLookup.find(id, in: store.snapshot.communications, noun: "communication")
            let day = date.flatMap { Timestamp.parse($0 + "T12:00:00Z") } ?? Date()
            do {
                try CommunicationEditor(store: store).markSent(communication.id, channel: channel, at: day)
            } catch let failure as EditFailure {
                throw CommandFailure(message: failure.description)
            }
            let sent = store.snapshot.communications[communication.id] ?? communication
            if json {
                Console.line(try DraftPrinter.json(sent))
            } else {
                Console.line("Sent “\(Format.clean(sent.title))”" + (sent.channel.map { " by \(Format.clean($0))" } ?? "") + " on \(Format.day(day))")
            }
        }
    }

    struct ExportOne: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a communication as it goes out, without citation marks.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The communication's id.") var id: String
        @Option(name: .shortAndLong, help: "The file (default: standard output); .txt is plain text.") var output: String?
        @Option(help: "markdown or text (default: by the file's extension, else markdown).") var format: ChoiceArgument<CommunicationText.Format>?

        func validate() throws {
            if let format, format.choice == nil { throw ValidationError("--format \(format): use markdown or text") }
        }

        func run() throws {
            let store = try workspaceOptions.open()
            let communication = try IDLookup.find(id, in: store.snapshot.communications, noun: "communication")
            let chosen = format?.choice ?? output.map(CommunicationText.Format.forFile) ?? .markdown
            let text = CommunicationText.render(communication, as: chosen)
            guard let output else {
                Console.write(text)
                return
            }
            try AtomicFile.write(Data(text.utf8), to: (output as NSString).expandingTildeInPath)
            Console.status("wrote “\(Format.clean(communication.title))” to \(output)")
        }
    }
}
