import Foundation
import MCP
import PodiumCore

/// Podium as a Model Context Protocol server over standard input and output: the official
/// Swift SDK speaks the protocol (a malformed message gets its JSON-RPC error from it), and
/// `AgentDesk` answers the tools and resources.
public enum AgentServer {
    /// Serves `desk` until the client closes standard input.
    public static func serve(_ desk: AgentDesk, version: String) async throws {
        let server = Server(
            name: "podium", version: version, title: "Podium",
            instructions: "Podium is a Product Owner's workspace: customer feedback, the Product Backlog, stakeholders, decisions. "
                + "Read with the search and list tools; cite records by id as [#1a2b3c4d]. "
                + (desk.readOnly ? "This server is read-only." : "propose_draft files a draft for the Product Owner's review; it changes nothing until they accept it."),
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: desk.tools) }
        await server.withMethodHandler(CallTool.self) { params in try desk.call(params.name, arguments: params.arguments) }
        await server.withMethodHandler(ListResources.self) { _ in .init(resources: AgentResource.allCases.map(\.resource)) }
        await server.withMethodHandler(ReadResource.self) { params in
            guard let resource = AgentResource(rawValue: params.uri) else {
                throw MCPError.invalidParams("no resource \(params.uri.sanitizedForTerminal()) (resources/list names them)")
            }
            return .init(contents: [.text(try desk.read(resource), uri: params.uri, mimeType: "text/markdown")])
        }
        try await server.start(transport: StdioTransport()) { client, _ in
            desk.meet(name: client.title ?? client.name, version: client.version)
        }
        await server.waitUntilCompleted()
        // Standard input closed: requests read just before it are still answered.
        try? await Task.sleep(for: .milliseconds(300))
    }
}

/// The product's vision and goal as resources an agent can read.
enum AgentResource: String, CaseIterable {
    case vision = "podium://product/vision"
    case goal = "podium://product/goal"

    var resource: Resource {
        switch self {
        case .vision: Resource(name: "Product vision", uri: rawValue, description: "The product's name and vision", mimeType: "text/markdown")
        case .goal: Resource(name: "Product goal", uri: rawValue, description: "The product goal and its measures, with progress", mimeType: "text/markdown")
        }
    }
}

extension AgentDesk {
    /// A resource's text (the product as Podium shows it), logged like a tool call.
    func read(_ resource: AgentResource) throws -> String {
        _ = try? store.refresh()
        let product = store.snapshot.product
        let text: String
        switch resource {
        case .vision:
            text = "# \(product.name.sanitizedForTerminal())\n\n## Vision\n\n\(product.vision.sanitizedForTerminal(keepingLineBreaks: true))\n"
        case .goal:
            let measures = product.goalMeasures.map { measure in
                "- \(measure.name.sanitizedForTerminal()): \(Format.number(measure.current)) (from \(Format.number(measure.baseline)), target \(Format.number(measure.target))\(measure.unit.isEmpty ? "" : " " + measure.unit.sanitizedForTerminal()))"
                    + (measure.progress.map { " — \(Format.percent($0)) of the way" } ?? "")
            }
            text = "# Product goal\n\n\(product.productGoal.sanitizedForTerminal(keepingLineBreaks: true))\n"
                + (measures.isEmpty ? "" : "\n## Measures\n\n" + measures.joined(separator: "\n") + "\n")
        }
        log(readingOf: resource)
        return text
    }

    private func log(readingOf resource: AgentResource) {
        guard store.readOnlyReason == nil else { return }
        let entry = AuditEntry(actor: "agent", action: .read, subject: ArtifactReference(kind: .product, id: "product"),
                               summary: "\(agent) (MCP) read \(resource.rawValue)", details: [AuditEntry.agentDetail: agent, "resource": resource.rawValue])
        try? store.write { try $0.log(entry) }
    }
}
