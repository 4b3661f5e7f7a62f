import ArgumentParser
import Foundation
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
        subcommands: [Open.self, Demo.self, Init.self, Import.self, List.self, Export.self, Snapshot.self],
        defaultSubcommand: Open.self)
}

/// The version `podium --version` prints.
enum PodiumVersion {
    static let current = "0.1.0"
}

@main
enum Main {
    static func main() {
        do {
            var command = try PodiumCommand.parseAsRoot()
            try command.run()
        } catch let error as StoreError {
            fail(error.description)
        } catch let error as ImportError {
            fail(error.description)
        } catch let error as ExportError {
            fail(error.description)
        } catch let error as CommandFailure {
            fail(error.message)
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
}
