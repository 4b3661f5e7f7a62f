import Foundation
import PodiumCore

/// What a text for customers says of a backlog item: its title without the team's component
/// prefix, and whether the item is the team's own work that customers never see.
extension Recipe {
    /// Labels that mark work customers do not see (a database upgrade, logs, a refactor).
    static let internalLabels: Set<String> = [
        "tech-debt", "tech debt", "techdebt", "infra", "infrastructure", "chore", "refactor", "refactoring", "internal",
        "dependencies", "deps", "ci", "devops", "observability", "ops", "maintenance", "platform",
    ]

    /// Whether the item is the team's own work: a label says so ("tech-debt", "infra",
    /// "chore"…), and no customer asked for it.
    static func isInternal(_ item: BacklogItem) -> Bool {
        item.linkedFeedback.count < 2 && item.tags.contains { internalLabels.contains($0.lowercased()) }
    }

    /// The title as customers read it: a component name before a colon is the team's
    /// ("RateService: parallel carrier quotes" → "Parallel carrier quotes"); the rest is kept.
    static func customerTitle(_ item: BacklogItem) -> String {
        let title = clean(item.title)
        guard let colon = title.firstIndex(of: ":") else { return title }
        let prefix = title[..<colon]
        let rest = title[title.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        // One word with no space: "RateService", "wc-parcelpoint", "RBAC", "Interop".
        guard !prefix.isEmpty, !prefix.contains(" "), rest.count >= 8 else { return title }
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// How many customers asked, in words a customer reads: one link may be a wrong one, so a
    /// single request is not announced as "you asked for this".
    static func askedPhrase(_ item: BacklogItem) -> String {
        let asked = item.linkedFeedback.count
        return asked >= 5 ? " — many of you asked for this" : asked >= 2 ? " — some of you asked for this" : ""
    }
}
