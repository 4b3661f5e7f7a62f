import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `--all-workspaces`: a command run over every workspace of the portfolio
/// (`podium workspaces list`) instead of one.
struct PortfolioOptions: ParsableArguments {
    @Flag(help: "Run over every workspace on the list (podium workspaces list), each on its own; one that is missing or fails is reported and the others go on.")
    var allWorkspaces = false

    /// Refuses --all-workspaces together with --workspace.
    func validate(with workspace: WorkspaceOptions) throws {
        if allWorkspaces && workspace.workspace != nil {
            throw ValidationError("--all-workspaces and --workspace choose differently; give one")
        }
    }

    /// Every workspace of the list, opened; a list without any is refused with how to make one.
    func members(deferring: Set<RecordCollection> = []) throws -> [PortfolioMember] {
        let portfolio = try Workspaces.load()
        guard !portfolio.entries.isEmpty else {
            throw CommandFailure(message: "no workspaces on the list yet: podium workspaces add PATH [--name NAME]")
        }
        let members = PortfolioMember.open(portfolio, deferring: deferring)
        for member in members where member.store == nil {
            Console.warning("\(member.entry.name.sanitizedForTerminal()): \(member.stateText) — \(member.entry.path.sanitizedForTerminal())")
        }
        return members
    }
}
