import ArgumentParser
import Foundation
import PodiumCore
import PodiumStore

/// `podium` / `podium open`: the dashboard.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard on the workspace (the default command).")

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var displayOptions: DisplayOptions

    func run() throws {
        try Dashboard.open(at: workspaceOptions.location, themeOption: displayOptions.theme)
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
