import ArgumentParser
import Foundation
import PodiumStore

/// The `--workspace` option every command takes, and how the folder is chosen without it.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The workspace folder.",
        discussion: "Default: $PODIUM_WORKSPACE, else $XDG_DATA_HOME/podium/default (~/.local/share/podium/default).",
        valueName: "dir"))
    var workspace: String?

    /// The folder to use, following --workspace, $PODIUM_WORKSPACE, then the XDG default.
    var location: URL {
        Self.resolve(option: workspace, environment: ProcessInfo.processInfo.environment)
    }

    static func resolve(option: String?, environment: [String: String]) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: expand(option, environment)) }
        if let variable = environment["PODIUM_WORKSPACE"], !variable.isEmpty {
            return URL(fileURLWithPath: expand(variable, environment))
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        return URL(fileURLWithPath: data).appendingPathComponent("podium/default", isDirectory: true)
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }

    /// Opens the workspace, printing what the store had to work around.
    func open(deferring deferred: Set<RecordCollection> = []) throws -> WorkspaceStore {
        let store = deferred.isEmpty ? try WorkspaceStore.open(at: location) : try WorkspaceStore.open(at: location, deferring: deferred)
        for problem in store.problems { Console.warning(problem.description) }
        return store
    }
}
