import PodiumCore

extension Roadmap {
    /// Said when no item has any evidence: the counts are not "nobody asked", only "not linked yet".
    public static let noLinksHint = "No feedback is linked to the backlog yet, so every count is 0: link-feedback "
        + "(E in the Decision Maker pane, or podium run link-feedback) proposes links by meaning for you to review."

    /// Whether no item on it has any feedback linked.
    public var hasNoEvidence: Bool { !entries.isEmpty && entries.allSatisfy { $0.demand == 0 && $0.praise == 0 } }

    /// The roadmap as Markdown: the goal, then one section per lane with a line per item.
    public var markdown: String {
        var lines = ["# Roadmap — \(product.isEmpty ? "Untitled product" : product)", ""]
        if !goal.isEmpty { lines += ["**Product goal:** \(goal)", ""] }
        if hasNoEvidence { lines += ["*\(Self.noLinksHint)*", ""] }
        for lane in Lane.allCases {
            lines += ["## \(lane.title) (\(lane.meaning))", ""]
            let entries = entries(in: lane)
            lines += entries.isEmpty ? ["- Nothing \(lane == .now ? "in progress" : lane == .next ? "ready" : "proposed")."] : entries.map(\.markdownLine)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The roadmap as plain text for the terminal.
    public var textLines: [String] {
        var lines: [String] = hasNoEvidence ? [Self.noLinksHint] : []
        for lane in Lane.allCases {
            let entries = entries(in: lane)
            lines.append("\(lane.title.uppercased()) — \(lane.meaning) (\(entries.count))")
            for entry in entries {
                lines.append("  " + (entry.key.map { $0 + " " } ?? "") + entry.title + "  ·  demand \(entry.demand), praise \(entry.praise)"
                    + (entry.goalMeasure.map { "  ·  → \($0)" } ?? ""))
            }
            if entries.isEmpty { lines.append("  —") }
        }
        return lines
    }
}

extension Roadmap.Lane {
    /// What the lane holds: "in progress", "ready to start", "proposed".
    public var meaning: String {
        switch self {
        case .now: "in progress"
        case .next: "ready to start"
        case .later: "proposed"
        }
    }
}

extension Roadmap.Entry {
    var markdownLine: String {
        "- " + (key.map { "**\($0)** " } ?? "") + title + " — demand \(demand), praise \(praise)" + (goalMeasure.map { "; moves “\($0)”" } ?? "")
    }
}
