import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumMCP
import PodiumStore

/// `podium mcp`: the workspace as a Model Context Protocol server over standard input and
/// output, for agents (Claude Desktop, Claude Code, other MCP clients) to read it and to
/// propose drafts the Product Owner reviews.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the workspace to AI agents over the Model Context Protocol (stdio).",
        discussion: """
            An MCP client starts it and speaks JSON-RPC on its standard input and output; nothing else \
            is printed there. Agents can search and read the workspace, file drafts (with their \
            evidence) that wait in the drafts inbox for your review, and run Podium's jobs. Every \
            call is in the audit log with the agent's name. --read-only offers the reading tools only. \
            Drafts of kinds listed as "auto-accept" under [agent_trust] in config.toml are accepted \
            at once (low-risk kinds only). See README, "Agents (MCP)".
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Flag(help: "Offer only the tools that read: no drafts filed, no jobs run.")
    var readOnly = false

    func run() throws {
        let store = try workspaceOptions.open()
        let config = UserConfig.current.forWorkspace(store.layout.root)
        for warning in config.warnings { Console.warning(warning) }
        var runJob: AgentDesk.RunJob?
        if !readOnly {
            // Jobs an agent runs are under the agent trust policy, not the user's own.
            let session = try JobSession(store: store, providers: config.providers, trust: config.automation.agentTrust, quiet: true)
            let providers = config.providers
            runJob = { kind, parameters, inputs in
                guard let info = kind.info else { throw CommandFailure(message: "unknown job \(kind)") }
                let provider = providers.info(for: providers.providerName(for: kind, stance: info.stance))
                let job = try session.engine.enqueue(kind, stance: nil, parameters: parameters, inputs: inputs, provider: provider)
                let (finished, draft) = session.finish(job)
                return AgentDesk.JobOutcome(job: finished, draft: draft)
            }
        }
        let desk = AgentDesk(store: store, readOnly: readOnly, trust: config.automation.agentTrust, runJob: runJob)
        Console.status("mcp: serving \(store.layout.rootPath.sanitizedForTerminal())\(readOnly ? " (read-only)" : "") on stdio")
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do { try await AgentServer.serve(desk, version: PodiumVersion.current) } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw CommandFailure(message: "mcp: \(error)") }
    }
}

/// The error a detached task ended with, handed to the waiting thread.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
