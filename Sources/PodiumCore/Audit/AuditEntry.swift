import Foundation

/// A record of who changed what and when: every accept, reject, edit and import.
public struct AuditEntry: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<AuditEntry>
    public var at: Date
    /// The person (login name) or process ("automation") that made the change.
    public var actor: String
    public var action: AuditAction
    public var subject: ArtifactReference?
    /// One line a person can read, e.g. "Imported 312 feedback items from reviews.csv".
    public var summary: String
    public var details: [String: String]

    public init(
        id: RecordID<AuditEntry>? = nil, at: Date = Date(), actor: String, action: AuditAction,
        subject: ArtifactReference? = nil, summary: String, details: [String: String] = [:]
    ) {
        self.id = id ?? .make(at: at)
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.summary = summary
        self.details = details
    }

    /// The detail naming the rule or policy that acted, on entries automation wrote.
    public static let automationDetail = "automation"

    /// The detail naming the agent (the MCP client) that made the call, on entries it caused.
    public static let agentDetail = "agent"

    /// Whether automation (a rule, the trust policy, the inbox folder) made the change
    /// rather than a person.
    public var isAutomated: Bool { details[Self.automationDetail] != nil }

    /// Who made the change, as lists show it: "auto: rule 1a2b3c4d", "auto: trust policy",
    /// "auto: inbox", or "user NAME" (so filters for auto, rule and user find them).
    public var who: String {
        if let automation = details[Self.automationDetail] { return "auto: " + automation.sanitizedForTerminal() }
        if let agent = details[Self.agentDetail] { return "agent " + agent.sanitizedForTerminal() }
        if actor == "automation" { return "auto: rule" }
        return "user " + actor.sanitizedForTerminal()
    }

    /// The login name of the person running this process.
    public static var currentActor: String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        let name = NSUserName()
        return name.isEmpty ? "unknown" : name
    }
}

/// What kind of change an audit entry records.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case create
    case update
    case delete
    case importData = "import"
    case accept
    case reject
    case edit
    case undo
    case migrate
    case quarantine
    /// An agent (an MCP client) read the workspace: what it asked for, never a change.
    case read
}
