import ArgumentParser
import Foundation
import PodiumCore
import PodiumStore

/// `podium` / `podium open`: the dashboard.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard on the workspace (the default command).")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let store = try workspaceOptions.open()
        Dashboard.open(store)
    }
}

/// Starts the terminal dashboard.
enum Dashboard {
    /// The dashboard itself arrives with its own issue; until then this says so and
    /// shows what the workspace holds, with the commands that already work.
    static func open(_ store: WorkspaceStore) {
        let snapshot = store.snapshot
        let name = snapshot.product.name.sanitizedForTerminal()
        Console.line("\(name.isEmpty ? "Untitled product" : name) — \(store.layout.rootPath)")
        Console.line(WorkspaceSummary.counts(snapshot))
        Console.line()
        Console.line("The full-screen dashboard is not part of this build yet. Meanwhile:")
        Console.line("  podium list feedback|backlog|stakeholders|experiments|decisions   browse the workspace")
        Console.line("  podium import feedback FILE                                      add feedback from CSV or JSON")
        Console.line("  podium export --format markdown                                  a readable product report")
    }
}

/// Short descriptions of a workspace for the terminal.
enum WorkspaceSummary {
    static func counts(_ snapshot: WorkspaceSnapshot) -> String {
        let parts: [(Int, String)] = [
            (snapshot.feedback.count, "feedback items"), (snapshot.backlog.count, "backlog items"),
            (snapshot.stakeholders.count, "stakeholders"), (snapshot.experiments.count, "experiments"),
            (snapshot.decisions.count, "decisions"), (snapshot.communications.count, "communications"),
            (snapshot.drafts.values.filter { $0.status == .pending }.count, "drafts to review"),
        ]
        return parts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}
