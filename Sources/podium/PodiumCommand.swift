import ArgumentParser
import Foundation
import PodiumExchange
import PodiumStore

/// The `podium` command: the dashboard by default, and the workspace commands.
struct PodiumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podium",
        abstract: "A terminal dashboard for Scrum Product Owners: orchestrate the clerical work with AI, stay accountable.",
        discussion: """
            Run `podium` to open the dashboard on your workspace, or `podium demo` to try it on a \
            realistic demo product. The workspace is a folder of JSON files: --workspace DIR, else \
            $PODIUM_WORKSPACE, else $XDG_DATA_HOME/podium/default (~/.local/share/podium/default).
            """,
        version: PodiumVersion.current,
        subcommands: [Open.self, Demo.self, Init.self, Import.self, List.self, Backlog.self, Feedback.self, Communications.self, ProductCommand.self, EditCommand.self, Export.self, Snapshot.self, Run.self, Drafts.self, Jobs.self, Automate.self, Watch.self, Metrics.self, Signals.self, RoadmapCommand.self, Chart.self, Workspaces.self, Providers.self, Prompts.self, MCPCommand.self],
        defaultSubcommand: Open.self)
}

/// The version `podium --version` prints.
enum PodiumVersion {
    static let current = "0.1.0"
}

@main
enum Main {
    static func main() {
        if CommandLine.arguments.dropFirst().first == TOMLReader.childFlag { TOMLReader.runChild() }
        // Ctrl-\ quits as it does any Unix command, instead of starting Swift's interactive
        // crash reporter (the dashboard turns it into a clean stop).
        signal(SIGQUIT, SIG_DFL)
        do {
            var command = try PodiumCommand.parseAsRoot(try ArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let error as StoreError {
            fail(error.description)
        } catch let error as ImportError {
            fail(error.description)
        } catch let error as ExportError {
            fail(error.description)
        } catch let error as CommandFailure {
            Console.error(error.message)
            Foundation.exit(error.exitCode)
        } catch let error as UsageFailure {
            Console.error(error.message)
            Foundation.exit(64)
        } catch {
            PodiumCommand.exit(withError: error)
        }
    }

    /// Prints `podium: MESSAGE` on standard error and exits with status 1.
    static func fail(_ message: String) -> Never {
        Console.error(message)
        Foundation.exit(1)
    }
}

/// A failure with a message for the user, already worded.
struct CommandFailure: Error {
    var message: String
    /// The exit status: 1, or 130 for a command stopped by Ctrl-C (128 + SIGINT, as shells do).
    var exitCode: Int32 = 1
}

/// A mistake in the command line, already worded (exit status 64).
struct UsageFailure: Error {
    var message: String
}

/// Lets the workspace and theme options come before the command (`podium -w DIR list
/// feedback`), and names an unknown command instead of reading it as the dashboard's argument.
enum ArgumentOrder {
    /// The command names, read from the command tree so that a new command is never missed.
    static let commands = PodiumCommand.configuration.subcommands.map { $0._commandName } + ["help"]
    /// Commands whose first argument names a subcommand, and the names it takes.
    static let nested: [String: [String]] = Dictionary(uniqueKeysWithValues: PodiumCommand.configuration.subcommands.compactMap { command in
        let names = command.configuration.subcommands.map { $0._commandName }
        return names.isEmpty ? nil : (command._commandName, names)
    })
    private static let leadingOptions = ["-w", "--workspace", "--theme"]

    static func normalized(_ arguments: [String]) throws -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if leadingOptions.contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if leadingOptions.contains(where: { first.hasPrefix($0 + "=") }) {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard let command = rest.first, !command.hasPrefix("-") else { return leading + rest }
        guard commands.contains(command) else {
            let suggestion = commands.min { distance($0, command) < distance($1, command) }
                .flatMap { distance($0, command) <= 2 ? " (did you mean \($0)?)" : nil } ?? ""
            throw UsageFailure(message: "unknown command \"\(command)\"\(suggestion); commands: \(commands.joined(separator: ", "))")
        }
        if let names = nested[command], let kind = rest.dropFirst().first, !kind.hasPrefix("-") {
            guard names.contains(kind) else {
                let suggestion = names.first { distance($0, kind) <= 2 }.map { " (did you mean \($0)?)" } ?? ""
                throw UsageFailure(message: "\(command) takes \(names.joined(separator: ", ")), not \"\(kind)\"\(suggestion)")
            }
            return [command, kind] + leading + rest.dropFirst(2)
        }
        return [command] + leading + rest.dropFirst()
    }

    /// Edit distance between two short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
