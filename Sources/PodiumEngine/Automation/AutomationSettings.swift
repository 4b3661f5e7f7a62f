import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore

/// The automation part of the user's config file: which kinds are trusted to be accepted
/// without review, how many minutes each accepted draft saves, and the inbox folder.
///
/// ```toml
/// inbox = "~/podium-inbox"        # files dropped here are imported (default: WORKSPACE/inbox)
///
/// [trust]                         # per kind: "always-review" (default) or "auto-accept"
/// tag-sentiment = "auto-accept"
/// cluster-themes = "auto-accept"
///
/// [agent_trust]                   # the same, for drafts agents file through `podium mcp`
/// summarize-feedback = "auto-accept"
///
/// [minutes_saved]                 # per accepted draft; the defaults are estimates
/// stakeholder-update = 45
/// ```
/// Auto-accept for a kind that is not low risk is refused with a warning naming the file
/// and the kind; that kind stays "always review".
public struct AutomationSettings: Sendable, Equatable {
    public var trust = TrustPolicy()
    /// Which kinds of drafts an agent files (MCP) are accepted without review (none by default).
    public var agentTrust = TrustPolicy()
    public var minutesSaved: [JobKind: Double] = Self.defaultMinutesSaved
    /// The inbox folder as written (a leading ~ is the home folder); nil: the default.
    public var inbox: String?
    /// Problems found (the rest still applies).
    public var warnings: [String] = []

    public init() {}

    /// The settings keys this reads at the top level of the config file.
    public static let topLevelKeys: Set<String> = ["trust", "agent_trust", "minutes_saved", "inbox"]

    /// Minutes of a Product Owner's routine work one accepted draft of each kind replaces:
    /// the catalogue's estimates to start from, each one a setting.
    public static let defaultMinutesSaved = Dictionary(JobKindInfo.all.map { ($0.kind, $0.minutesSaved) }, uniquingKeysWith: { first, _ in first })

    /// Reads the settings from the config file's top-level table.
    public init(_ table: [String: Any], file: String) {
        if let value = table["inbox"] {
            if let path = value as? String, !path.isEmpty { inbox = path } else { warnings.append("\(file): inbox must be a folder path") }
        }
        trust = Self.trust(table, "trust", file: file, warnings: &warnings)
        agentTrust = Self.trust(table, "agent_trust", file: file, warnings: &warnings)
        if let value = table["minutes_saved"], (value as? [String: Any]) == nil {
            warnings.append("\(file): [minutes_saved] must map job kinds to minutes")
        }
        if let entries = table["minutes_saved"] as? [String: Any] {
            for (name, minutes) in entries.sorted(by: { $0.key < $1.key }) {
                let kind = JobKind(rawValue: name)
                guard kind.info != nil else {
                    warnings.append("\(file): minutes_saved.\(name) is not a job (podium jobs kinds lists them)")
                    continue
                }
                guard let number = (minutes as? NSNumber)?.doubleValue, number >= 0, number <= 24 * 60 else {
                    warnings.append("\(file): minutes_saved.\(name) must be a number of minutes from 0 to 1440")
                    continue
                }
                minutesSaved[kind] = number
            }
        }
    }

    /// A trust policy from the table `key` of the config file (kinds to "auto-accept" or "always-review").
    private static func trust(_ table: [String: Any], _ key: String, file: String, warnings: inout [String]) -> TrustPolicy {
        var trust = TrustPolicy()
        if let value = table[key], (value as? [String: Any]) == nil {
            warnings.append("\(file): [\(key)] must map job kinds to \"auto-accept\" or \"always-review\"")
        }
        for (name, choice) in ((table[key] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
            let kind = JobKind(rawValue: name)
            switch choice as? String {
            case "auto-accept":
                do { try trust.allowAutoAccept(kind) } catch { warnings.append("\(file): \(key).\(name): \(error); it stays always-review") }
            case "always-review":
                if kind.info == nil { warnings.append("\(file): \(key).\(name) is not a job (podium jobs kinds lists them)") }
                trust.requireReview(kind)
            default:
                warnings.append("\(file): \(key).\(name) must be \"auto-accept\" or \"always-review\"")
            }
        }
        return trust
    }

    /// The inbox folder: the configured one (a leading ~ is `$HOME`; a relative path is inside
    /// the workspace), else `inbox` in the workspace.
    public func inboxFolder(workspace: URL, home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) -> URL {
        guard let inbox else { return workspace.appendingPathComponent(InboxFolder.workspaceFolderName, isDirectory: true) }
        if inbox == "~" || inbox.hasPrefix("~/") { return URL(fileURLWithPath: home + inbox.dropFirst(), isDirectory: true) }
        return URL(fileURLWithPath: inbox, isDirectory: true, relativeTo: workspace).standardizedFileURL
    }
}
