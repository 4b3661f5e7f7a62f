import Foundation
import PodiumCore
import PodiumInsight

/// The Influencer's jobs (stakeholder updates, release notes) and the Sprint Review pack.
extension Recipe {
    /// The Influencer's kinds and the Sprint Review pack: each recipe, with what its prompt asks an LLM for.
    static let influenceRecipes: [JobRecipe] = [
        JobRecipe(.stakeholderUpdate,
                  objective: "Write the stakeholder update for its audience: what changed, decisions, experiments, risks.",
                  format: "Markdown, the sections of the data, plain language for the audience, at most 300 words.") { try $0.stakeholderUpdate() },
        JobRecipe(.releaseNotes,
                  objective: "Write release notes for customers from the done items: benefits in plain words.",
                  format: "Markdown with \"## New\", \"## Improved\" and \"## Fixed\" sections as in the data; no internal ids or jargon.") { try $0.releaseNotes() },
        JobRecipe(.sprintReviewPack,
                  objective: "Prepare the Sprint Review pack: progress toward the goal, what was done, what customers said, decisions, experiments, what is next.",
                  format: "Markdown, the sections of the data, ready to present.") { try $0.sprintReviewPack() },
    ]

    /// The reporting period: the current sprint so far, from the cadence (the last 14 days
    /// without one, or when the sprint started less than a week ago: then the sprint before
    /// is included).
    var period: Range<Date> {
        let sprint = currentSprint()
        let start = now.timeIntervalSince(sprint.range.lowerBound) < 7 * 86_400
            ? sprint.range.lowerBound.addingTimeInterval(-Double(snapshot.product.sprint?.lengthInDays ?? 14) * 86_400)
            : sprint.range.lowerBound
        return start..<now.addingTimeInterval(1)
    }

    /// Lines on the product goal's measures: "Jobs invoiced on site: 31% (from 22%, target 60%) — 24% of the way".
    func goalLines() -> [String] {
        snapshot.product.goalMeasures.map { measure in
            let unit = measure.unit
            let progress = measure.progress.map { " — \(Recipe.percent($0)) of the way" } ?? ""
            return "\(Recipe.clean(measure.name)): \(Recipe.number(measure.current))\(unit) (from \(Recipe.number(measure.baseline))\(unit), target \(Recipe.number(measure.target))\(unit))\(progress)"
        }
    }

    // MARK: stakeholder-update

    mutating func stakeholderUpdate() throws -> DraftOutput {
        let audience = Recipe.clean(request.parameters.audience ?? JobParameter.audience.valueWhenBlank ?? "")
        // Customers and users get what changed for them, not internal decisions and risks.
        let external = ["customer", "user", "client", "public"].contains { audience.lowercased().contains($0) }
        let range = period
        let days = Int((range.upperBound.timeIntervalSince(range.lowerBound) / 86_400).rounded())
        context.progress("Gathering the last \(days) days for \(audience)")
        let done = snapshot.backlog.values.filter { $0.doneAt.map(range.contains) ?? false }.sorted { $0.order < $1.order }
        let started = snapshot.backlog.values.filter { $0.status == .inProgress }.sorted { $0.order < $1.order }
        let decisions = snapshot.decisions.values.filter { range.contains($0.decidedAt) }.sorted { $0.decidedAt < $1.decidedAt }
        let experiments = snapshot.experiments.values.filter { $0.status == .running || range.contains($0.updatedAt) }.sorted { $0.id < $1.id }
        let recent = feedback(in: range)
        let earlier = feedback(in: range.lowerBound.addingTimeInterval(-Double(days) * 86_400)..<range.lowerBound)
        func negativeShare(_ items: [FeedbackItem]) -> Double {
            items.isEmpty ? 0 : Double(items.filter { Recipe.isNegative(sentiment(of: $0)) }.count) / Double(items.count)
        }
        let shareNow = negativeShare(recent), shareBefore = negativeShare(earlier)
        let clustering = recent.count >= 6 ? try themes(of: recent) : ThemeClustering(themes: [], unassignedIDs: [])
        let byID = Dictionary(uniqueKeysWithValues: recent.map { ($0.id, $0) })
        var lines = ["# \(Recipe.clean(snapshot.product.name)) update for \(audience)", "",
                     "\(Recipe.day(range.lowerBound)) – \(Recipe.day(now)) · product goal: \(Recipe.clean(snapshot.product.productGoal))", ""]
        var evidence: [Evidence] = []
        let goals = goalLines()
        if !goals.isEmpty && !external { lines += ["## Where we stand", ""] + goals.map { "- " + $0 } + [""] }
        lines += ["## What changed", ""]
        if done.isEmpty { lines.append("- Nothing was finished in this period.") }
        for item in done { lines.append("- Done: \(Recipe.clean(item.title))" + (external ? "" : " \(Recipe.cite(item.id))")) }
        for item in started.prefix(4) { lines.append("- In progress: \(Recipe.clean(item.title))" + (external ? "" : " \(Recipe.cite(item.id))")) }
        evidence += (done + started.prefix(4)).map { Evidence(ArtifactReference(.backlog, $0.id), detail: $0.status.rawValue) }
        if external {
            let next = snapshot.orderedBacklog.filter { $0.status == .ready || $0.status == .inProgress }.prefix(4)
            lines += ["", "## Coming next", ""] + next.map { "- \(Recipe.clean($0.title))" }
            evidence += next.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "coming next") }
            lines += ["", "Thank you for the feedback that shaped these changes."]
            let communication = Communication(title: "Update for \(audience), \(Recipe.day(now))", audience: audience, kind: .stakeholderUpdate,
                                              body: "", status: .draft, createdAt: now, updatedAt: now)
            return DraftOutput(title: "Stakeholder update for \(audience)", content: lines.joined(separator: "\n"), evidence: evidence,
                               figures: [Figure(name: "items done", value: Double(done.count))], proposal: DraftProposal(communication: communication))
        }
        lines += ["", "## Decisions", ""]
        if decisions.isEmpty { lines.append("- No new decisions.") }
        for decision in decisions {
            lines.append("- \(Recipe.clean(decision.title)): \(Recipe.shorten(Recipe.clean(decision.choice), to: 140)) \(Recipe.cite(decision.id))")
            evidence.append(Evidence(ArtifactReference(.decision, decision.id), detail: "decided \(Recipe.day(decision.decidedAt))"))
        }
        lines += ["", "## Experiments", ""]
        if experiments.isEmpty { lines.append("- None running.") }
        for experiment in experiments {
            let state = experiment.status == .running ? "running until \(experiment.endsAt.map(Recipe.day) ?? "open end")" : experiment.status.rawValue
            lines.append("- \(Recipe.clean(experiment.title)) (\(state))" + (experiment.result.map { ": \(Recipe.shorten(Recipe.clean($0), to: 120))" } ?? "") + " \(Recipe.cite(experiment.id))")
            evidence.append(Evidence(ArtifactReference(.experiment, experiment.id), detail: experiment.status.rawValue))
        }
        lines += ["", "## What customers say", "",
                  "- \(recent.count) feedback items (\(earlier.count) in the period before); \(Recipe.percent(shareNow)) negative (before: \(Recipe.percent(shareBefore)))."]
        var risks: [String] = []
        for theme in clustering.themes.prefix(3) {
            let stats = stats(of: theme, in: byID)
            lines.append("- \(stats.line)" + (stats.representative.first.map { ", e.g. \(Recipe.quote($0, limit: 90))" } ?? ""))
            evidence += Recipe.evidence(Array(stats.representative.prefix(2))) { _ in "theme \(theme.label)" }
            if stats.negativeShare >= 0.5 && stats.count >= 5 { risks.append("Customers are unhappy about \(theme.label) (\(stats.count) items, \(Recipe.percent(stats.negativeShare)) negative).") }
        }
        if shareNow > shareBefore + 0.05 && !earlier.isEmpty {
            risks.append("Negative feedback rose from \(Recipe.percent(shareBefore)) to \(Recipe.percent(shareNow)).")
        }
        for experiment in snapshot.experiments.values where experiment.status == .running && (experiment.endsAt ?? .distantFuture) < now {
            risks.append("“\(Recipe.clean(experiment.title))” ended on \(Recipe.day(experiment.endsAt!)) without a conclusion.")
        }
        for measure in snapshot.product.goalMeasures where (measure.progress ?? 1) < 0.25 {
            risks.append("\(Recipe.clean(measure.name)) is \(Recipe.percent(measure.progress ?? 0)) of the way to its target.")
        }
        lines += ["", "## Risks", ""] + (risks.isEmpty ? ["- None stand out."] : risks.map { "- " + $0 })
        let communication = Communication(title: "Update for \(audience), \(Recipe.day(now))", audience: audience, kind: .stakeholderUpdate,
                                          body: "", status: .draft, createdAt: now, updatedAt: now)
        return DraftOutput(
            title: "Stakeholder update for \(audience)", content: lines.joined(separator: "\n"), evidence: evidence,
            figures: [Figure(name: "feedback items", value: Double(recent.count)), Figure(name: "negative share", value: (shareNow * 100).rounded() / 100),
                      Figure(name: "negative share before", value: (shareBefore * 100).rounded() / 100), Figure(name: "items done", value: Double(done.count))],
            proposal: DraftProposal(communication: communication))
    }

    // MARK: release-notes

    mutating func releaseNotes() throws -> DraftOutput {
        let notes = snapshot.communications.values.filter { $0.kind == .releaseNotes }
        let last = notes.map(\.createdAt).max()
        let since = last ?? now.addingTimeInterval(-30 * 86_400)
        // Items an earlier release note already announced are not announced again.
        let announced = notes.map { $0.body.lowercased() }
        let done = snapshot.backlog.values.filter { $0.status == .done && ($0.doneAt ?? .distantPast) > since }
            .filter { item in !announced.contains { $0.contains(item.title.lowercased()) } }
            .sorted { ($0.doneAt ?? .distantPast, $0.id) < ($1.doneAt ?? .distantPast, $1.id) }
        guard !done.isEmpty else {
            throw JobError.nothingToWorkOn("No backlog item was done since \(last == nil ? "\(Recipe.day(since)) (30 days)" : "the last release notes (\(Recipe.day(since)))") that they do not already announce: there is nothing new.")
        }
        context.progress("Writing notes for \(done.count) done items")
        func group(_ item: BacklogItem) -> String {
            let words = Set(Tokenizer.words(item.title + " " + item.tags.joined(separator: " ")))
            if !words.isDisjoint(with: ["fix", "bug", "crash", "crashes", "error", "broken", "fails", "failure"]) { return "Fixed" }
            if !words.isDisjoint(with: ["faster", "improve", "improved", "better", "speed", "performance", "clearer", "simpler"]) { return "Improved" }
            return "New"
        }
        // Written for customers: no record ids or internal counts in the text (they are in
        // the draft's evidence).
        var lines = ["# Release notes, \(Recipe.day(now))", "", "What changed since \(Recipe.day(since)):", ""]
        var evidence: [Evidence] = []
        for heading in ["New", "Improved", "Fixed"] {
            let items = done.filter { group($0) == heading }
            guard !items.isEmpty else { continue }
            lines += ["## \(heading)", ""]
            for item in items {
                let asked = item.linkedFeedback.count
                // A fix's description tells the bug, not the fix: only its title goes out.
                let summary = heading == "Fixed" ? "" : Recipe.clean(item.description).split(separator: ".").first.map { String($0) + "." } ?? ""
                lines.append("- **\(Recipe.clean(item.title))**" + (summary.count > 1 ? " — \(summary)" : ""))
                evidence.append(Evidence(ArtifactReference(.backlog, item.id),
                                         detail: "done \(item.doneAt.map(Recipe.day) ?? "")" + (asked > 0 ? "; asked for in \(asked) feedback items" : "")))
            }
            lines.append("")
        }
        let communication = Communication(title: "Release notes \(Recipe.day(now))", audience: "customers", kind: .releaseNotes,
                                          body: "", status: .draft, createdAt: now, updatedAt: now)
        return DraftOutput(title: "Release notes: \(done.count) items", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "items", value: Double(done.count))], proposal: DraftProposal(communication: communication))
    }

    // MARK: sprint-review-pack

    mutating func sprintReviewPack() throws -> DraftOutput {
        let sprint = currentSprint()
        context.progress("Gathering sprint \(sprint.number)")
        let done = snapshot.backlog.values.filter { $0.doneAt.map(sprint.range.contains) ?? false }.sorted { $0.order < $1.order }
        let decisions = snapshot.decisions.values.filter { sprint.range.contains($0.decidedAt) }.sorted { $0.decidedAt < $1.decidedAt }
        let experiments = snapshot.experiments.values.filter { experiment in
            experiment.status == .running || sprint.range.contains(experiment.updatedAt)
        }.sorted { $0.id < $1.id }
        let items = feedback(in: sprint.range)
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let clustering = items.count >= 6 ? try themes(of: items) : ThemeClustering(themes: [], unassignedIDs: [])
        let next = snapshot.orderedBacklog.filter { $0.status == .ready || $0.status == .proposed }.prefix(5)
        var lines = ["# Sprint Review — sprint \(sprint.number) (\(Recipe.day(sprint.range.lowerBound)) – \(Recipe.day(sprint.range.upperBound.addingTimeInterval(-1))))", "",
                     "**Product goal:** \(Recipe.clean(snapshot.product.productGoal))", ""]
        var evidence: [Evidence] = []
        let goals = goalLines()
        if !goals.isEmpty { lines += ["## Progress toward the goal", ""] + goals.map { "- " + $0 } + [""] }
        lines += ["## Done this sprint", ""]
        if done.isEmpty { lines.append("- Nothing reached done.") }
        for item in done {
            // What customers asked of it, and what they say of it since it shipped.
            let demand = item.linkedFeedback.count
            let praise = item.validatingFeedback.compactMap { snapshot.feedback[$0] }
            var line = "- \(item.key.map { Recipe.clean($0) + " " } ?? "")\(Recipe.clean(item.title)) \(Recipe.cite(item.id))"
            if demand > 0 { line += " — \(demand) feedback item\(demand == 1 ? "" : "s") asked for it" }
            lines.append(line)
            if let first = praise.filter({ $0.createdAt >= (item.doneAt ?? .distantFuture) }).first ?? praise.first {
                lines.append("  - Praise: \(Recipe.quote(first, limit: 110))")
                evidence.append(Evidence(ArtifactReference(.feedback, first.id), detail: "praise of \(Recipe.shorten(item.title, to: 40))"))
            }
        }
        evidence += done.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "done in sprint \(sprint.number)") }
        lines += ["", "## What customers told us (\(items.count) items)", ""]
        if clustering.themes.isEmpty { lines.append("- Too little feedback this sprint to find themes.") }
        for theme in clustering.themes.prefix(5) {
            let stats = stats(of: theme, in: byID)
            lines.append("- \(stats.line)" + (stats.representative.first.map { " — \(Recipe.quote($0, limit: 100))" } ?? ""))
            evidence += Recipe.evidence(Array(stats.representative.prefix(2))) { _ in "theme \(theme.label)" }
        }
        lines += ["", "## Decisions", ""]
        if decisions.isEmpty { lines.append("- None this sprint.") }
        for decision in decisions {
            lines.append("- \(Recipe.clean(decision.title)): \(Recipe.shorten(Recipe.clean(decision.choice), to: 120)) \(Recipe.cite(decision.id))")
            evidence.append(Evidence(ArtifactReference(.decision, decision.id)))
        }
        lines += ["", "## Experiments", ""]
        if experiments.isEmpty { lines.append("- None running or concluded.") }
        for experiment in experiments {
            lines.append("- \(Recipe.clean(experiment.title)) — \(experiment.status.rawValue)" + (experiment.result.map { ": \(Recipe.shorten(Recipe.clean($0), to: 120))" } ?? "") + " \(Recipe.cite(experiment.id))")
            evidence.append(Evidence(ArtifactReference(.experiment, experiment.id)))
        }
        lines += ["", "## Up next", ""] + next.map { "- \(Recipe.clean($0.title)) \(Recipe.cite($0.id))" }
        evidence += next.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "next in the backlog order") }
        lines += ["", "## Questions for stakeholders", "", "- Does the order of the next items match what you hear from customers?",
                  "- Which of the themes above should the next sprint address first?"]
        let communication = Communication(title: "Sprint Review pack, sprint \(sprint.number)", audience: "Sprint Review", kind: .sprintReview,
                                          body: "", status: .draft, createdAt: now, updatedAt: now)
        return DraftOutput(title: "Sprint Review pack, sprint \(sprint.number)", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "feedback items", value: Double(items.count)), Figure(name: "items done", value: Double(done.count))],
                           proposal: DraftProposal(communication: communication))
    }

    /// The sprint that contains now (numbered from 1), or the last 14 days without a cadence.
    func currentSprint() -> (number: Int, range: Range<Date>) {
        guard let cadence = snapshot.product.sprint, cadence.lengthInDays > 0 else {
            return (1, now.addingTimeInterval(-14 * 86_400)..<now.addingTimeInterval(1))
        }
        let length = Double(cadence.lengthInDays) * 86_400
        let index = max(0, Int(now.timeIntervalSince(cadence.firstSprintStart) / length))
        let start = cadence.firstSprintStart.addingTimeInterval(Double(index) * length)
        return (index + 1, start..<start.addingTimeInterval(length))
    }
}
