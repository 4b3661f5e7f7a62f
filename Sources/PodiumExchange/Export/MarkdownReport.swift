import Foundation
import PodiumCore
import PodiumStore

/// A readable product report in Markdown: vision and goal, the backlog in order with its
/// scores, what customers say, stakeholders, experiments and decisions.
public struct MarkdownReport {
    public var snapshot: WorkspaceSnapshot
    public var generatedAt: Date
    /// How many backlog items the report lists (the rest are counted).
    public var backlogLimit = 20

    public init(snapshot: WorkspaceSnapshot, generatedAt: Date = Date()) {
        self.snapshot = snapshot
        self.generatedAt = generatedAt
    }

    public func render() -> String {
        var out: [String] = []
        let product = snapshot.product
        out.append("# \(inline(product.name.isEmpty ? "Untitled product" : product.name)) — product report")
        out.append("")
        out.append("_Generated \(Format.day(generatedAt)) by Podium._")
        out += section("Vision", paragraph(product.vision))
        out += goalSection()
        out += glanceSection()
        out += backlogSection()
        out += feedbackSection()
        out += stakeholderSection()
        out += experimentSection()
        out += decisionSection()
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private func goalSection() -> [String] {
        let product = snapshot.product
        var lines = [paragraph(product.productGoal)]
        if !product.goalMeasures.isEmpty {
            lines += ["", "| Measure | Baseline | Now | Target | Progress |", "|---|---:|---:|---:|---|"]
            for measure in product.goalMeasures {
                let progress = measure.progress.map { "\(bar($0)) \(Format.percent($0))" } ?? "—"
                lines.append("| \(cell(measure.name)) | \(figure(measure.baseline, measure.unit)) | "
                    + "\(figure(measure.current, measure.unit)) | \(figure(measure.target, measure.unit)) | \(progress) |")
            }
        }
        return section("Product goal", lines.joined(separator: "\n"))
    }

    private func glanceSection() -> [String] {
        let feedback = snapshot.feedback.values
        let byStatus = Dictionary(grouping: snapshot.backlog.values, by: \.status).mapValues(\.count)
        var lines = ["- **\(feedback.count)** feedback items"]
        if let first = feedback.map(\.createdAt).min(), let last = feedback.map(\.createdAt).max() {
            lines[0] += " from \(Format.day(first)) to \(Format.day(last))"
        }
        lines.append("- **\(snapshot.backlog.count)** backlog items: "
            + BacklogStatus.allCases.map { "\(byStatus[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        lines.append("- **\(snapshot.stakeholders.count)** stakeholders, **\(snapshot.experiments.count)** experiments, "
            + "**\(snapshot.decisions.count)** decisions, **\(snapshot.personas.count)** personas")
        let pending = snapshot.drafts.values.filter { $0.status == .pending }.count
        if pending > 0 { lines.append("- **\(pending)** AI drafts waiting for review") }
        return section("At a glance", lines.joined(separator: "\n"))
    }

    private func backlogSection() -> [String] {
        let open = snapshot.orderedBacklog.filter { $0.status != .done && $0.status != .dropped }
        guard !open.isEmpty else { return section("Product Backlog", "_The backlog is empty._") }
        var lines = ["| # | Item | Status | RICE | WSJF | Evidence |", "|---:|---|---|---:|---:|---:|"]
        for (index, item) in open.prefix(backlogLimit).enumerated() {
            lines.append("| \(index + 1) | \(cell(item.title)) | \(item.status.rawValue) | \(Format.score(item.rice.score)) | "
                + "\(Format.score(item.wsjf.score)) | \(item.linkedFeedback.count) |")
        }
        if open.count > backlogLimit { lines += ["", "_…and \(open.count - backlogLimit) more open items._"] }
        let done = snapshot.backlog.values.filter { $0.status == .done }.sorted { ($0.doneAt ?? .distantPast) > ($1.doneAt ?? .distantPast) }
        if !done.isEmpty {
            lines += ["", "Recently done: " + done.prefix(5).map { inline($0.title) }.joined(separator: "; ") + "."]
        }
        return section("Product Backlog", lines.joined(separator: "\n"))
    }

    private func feedbackSection() -> [String] {
        let items = Array(snapshot.feedback.values)
        guard !items.isEmpty else { return section("What customers say", "_No feedback yet._") }
        var lines = ["| Source | Items | Average rating |", "|---|---:|---|"]
        for (source, group) in Dictionary(grouping: items, by: \.source)
            .sorted(by: { ($0.value.count, $1.key.rawValue) > ($1.value.count, $0.key.rawValue) }) {
            lines.append("| \(cell(source.rawValue)) | \(group.count) | \(averageRating(group)) |")
        }
        let segments = Dictionary(grouping: items.filter { $0.segment != nil }, by: { $0.segment! })
        if !segments.isEmpty {
            lines += ["", "| Segment | Items | Average rating |", "|---|---:|---|"]
            for (segment, group) in segments.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
                lines.append("| \(cell(segment)) | \(group.count) | \(averageRating(group)) |")
            }
        }
        let tags = Dictionary(grouping: items.flatMap(\.currentTags), by: { $0 }).mapValues(\.count)
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
        if !tags.isEmpty {
            lines += ["", "Most frequent tags: " + tags.map { "\(inline($0.key)) (\($0.value))" }.joined(separator: ", ") + "."]
        }
        return section("What customers say", lines.joined(separator: "\n"))
    }

    private func stakeholderSection() -> [String] {
        let people = snapshot.stakeholders.all
        guard !people.isEmpty else { return [] }
        var lines = ["| Name | Role | Influence | Interest | Engagement |", "|---|---|---:|---:|---|"]
        for person in people.sorted(by: { ($0.influence + $0.interest, $1.name) > ($1.influence + $1.interest, $0.name) }) {
            lines.append("| \(cell(person.name)) | \(cell(person.role)) | \(person.influence) | \(person.interest) | \(person.quadrant.rawValue) |")
        }
        return section("Stakeholders", lines.joined(separator: "\n"))
    }

    private func experimentSection() -> [String] {
        let experiments = snapshot.experiments.all
        guard !experiments.isEmpty else { return [] }
        var lines: [String] = []
        for experiment in experiments {
            lines.append("- **\(inline(experiment.title))** (\(experiment.status.rawValue)): \(inline(experiment.hypothesis)) "
                + "Metric: \(inline(experiment.metric)), target \(inline(experiment.target))."
                + (experiment.result.map { " Result: \(inline($0))" } ?? ""))
        }
        return section("Experiments", lines.joined(separator: "\n"))
    }

    private func decisionSection() -> [String] {
        let decisions = snapshot.decisions.values.sorted { $0.decidedAt > $1.decidedAt }
        guard !decisions.isEmpty else { return [] }
        let lines = decisions.prefix(10).map { decision in
            "- \(Format.day(decision.decidedAt)) — **\(inline(decision.title))**: \(inline(decision.choice))."
                + (decision.rationale.isEmpty ? "" : " _Why:_ \(inline(decision.rationale))")
        }
        return section("Decision log", lines.joined(separator: "\n"))
    }

    // MARK: Formatting

    private func section(_ title: String, _ body: String) -> [String] {
        ["", "## \(title)", "", body]
    }

    private func paragraph(_ text: String) -> String {
        let clean = text.sanitizedForTerminal(keepingLineBreaks: true).trimmingCharacters(in: .whitespacesAndNewlines)
        return clean.isEmpty ? "_Not written yet._" : clean
    }

    /// Text inside a sentence: one line, no control characters.
    private func inline(_ text: String) -> String {
        text.sanitizedForTerminal().trimmingCharacters(in: .whitespaces)
    }

    /// Text inside a table cell: one line, pipes escaped.
    private func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    private func figure(_ value: Double, _ unit: String) -> String {
        let number = Format.number(value)
        if unit.isEmpty { return number }
        return unit == "%" ? number + unit : "\(number) \(unit)"
    }

    private func bar(_ fraction: Double) -> String {
        let filled = Int((fraction * 10).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }

    private func averageRating(_ items: [FeedbackItem]) -> String {
        let rated = items.compactMap(\.rating)
        guard !rated.isEmpty else { return "—" }
        return Dictionary(grouping: rated, by: \.scale).sorted { $0.key.rawValue < $1.key.rawValue }.map { scale, ratings in
            let mean = ratings.map(\.value).reduce(0, +) / Double(ratings.count)
            return String(format: "%.1f/%d (%d rated)", mean, Int(scale.maximum), ratings.count)
        }.joined(separator: ", ")
    }
}
