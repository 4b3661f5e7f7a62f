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

    // MARK: release-notes

    mutating func releaseNotes() throws -> DraftOutput {
        let written = Recipe.clean(request.parameters.audience ?? JobKind.releaseNotes.info?.valueWhenBlank(.audience) ?? "customers")
        let audience = Audience(reading: written)
        // Notes for another audience do not count: the team's notes announce nothing to customers.
        let notes = snapshot.communications.values.filter { $0.kind == .releaseNotes && Audience(reading: $0.audience) == audience }
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
        context.progress("Writing notes for \(done.count) done items for \(written)")
        if audience != .customers { return releaseNotes(done, since: since, for: audience, written: written) }
        func group(_ item: BacklogItem) -> String {
            let words = Set(Tokenizer.words(item.title + " " + item.tags.joined(separator: " ")))
            if !words.isDisjoint(with: ["fix", "bug", "crash", "crashes", "error", "broken", "fails", "failure"]) { return "Fixed" }
            if !words.isDisjoint(with: ["faster", "improve", "improved", "better", "speed", "performance", "clearer", "simpler"]) { return "Improved" }
            return "New"
        }
        // Written for customers: no record ids or internal counts in the text (they are in
        // the draft's evidence).
        var lines = ["# Release notes, \(Recipe.day(now))", "", "What changed since \(Recipe.day(since)):", ""]
        // The team's own work (a database upgrade) is no news for customers: left out, and the
        // review's evidence says so.
        var evidence = done.filter(Recipe.isInternal).map {
            Evidence(ArtifactReference(.backlog, $0.id), detail: "left out: the team's own work (labelled \($0.tags.joined(separator: ", ")))")
        }
        for heading in ["New", "Improved", "Fixed"] {
            let items = done.filter { group($0) == heading && !Recipe.isInternal($0) }
            guard !items.isEmpty else { continue }
            lines += ["## \(heading)", ""]
            for item in items {
                let asked = item.linkedFeedback.count
                // The title alone goes out: a tracker's description is written for the team
                // (it tells the bug, or how the change is built), not for customers.
                lines.append("- **\(Recipe.customerTitle(item))**" + Recipe.askedPhrase(item))
                evidence.append(Evidence(ArtifactReference(.backlog, item.id),
                                         detail: "done \(item.doneAt.map(Recipe.day) ?? "")" + (asked > 0 ? "; asked for in \(asked) feedback items" : "")))
            }
            lines.append("")
        }
        let communication = Communication(title: "Release notes \(Recipe.day(now))", audience: written, kind: .releaseNotes,
                                          body: "", status: .draft, createdAt: now, updatedAt: now)
        return DraftOutput(title: "Release notes: \(Format.count(done.count, "item"))", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "items", value: Double(done.count))], proposal: DraftProposal(communication: communication))
    }

    /// Release notes for the team (keys, what each change is, what customers asked) or for
    /// leadership (what the release answers, in numbers).
    private func releaseNotes(_ done: [BacklogItem], since: Date, for audience: Audience, written: String) -> DraftOutput {
        var lines: [String]
        var evidence: [Evidence] = []
        let asked = done.map(\.linkedFeedback.count).reduce(0, +)
        if audience == .team {
            lines = ["# Release notes for the team, \(Recipe.day(now))", "", "Done since \(Recipe.day(since)), in backlog order:", ""]
            for item in done.sorted(by: { $0.order < $1.order }) {
                let first = Recipe.clean(item.description).split(separator: ".").first.map { String($0).trimmingCharacters(in: .whitespaces) + "." } ?? ""
                lines.append("- \((item.key.map { Recipe.clean($0) + " " } ?? ""))\(Recipe.clean(item.title)) \(Recipe.cite(item.id))")
                if first.count > 1 { lines.append("  - \(Recipe.shorten(first, to: 160))") }
                if !item.linkedFeedback.isEmpty { lines.append("  - \(item.linkedFeedback.count) feedback item\(item.linkedFeedback.count == 1 ? "" : "s") asked for it") }
                evidence.append(Evidence(ArtifactReference(.backlog, item.id), detail: "done \(item.doneAt.map(Recipe.day) ?? "")"))
            }
        } else {
            lines = ["# Release \(Recipe.day(now)) for \(written)", "",
                     "- \(done.count) item\(done.count == 1 ? "" : "s") released since \(Recipe.day(since))"
                        + (asked > 0 ? ", answering \(asked) customer request\(asked == 1 ? "" : "s") and complaint\(asked == 1 ? "" : "s")" : "") + "."]
            let answered = done.filter { !$0.linkedFeedback.isEmpty }.sorted { $0.linkedFeedback.count > $1.linkedFeedback.count }
            if let top = answered.first {
                lines.append("- Most asked for: \(Recipe.clean(top.title)) (\(top.linkedFeedback.count) requests) \(Recipe.cite(top.id)).")
            }
            let goals = goalLines()
            if !goals.isEmpty { lines += ["", "## Toward the product goal", ""] + goals.map { "- " + $0 } }
            evidence += done.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "released") }
        }
        let communication = Communication(title: "Release notes \(Recipe.day(now)) (\(written))", audience: written, kind: .releaseNotes,
                                          body: "", status: .draft, createdAt: now, updatedAt: now)
        return DraftOutput(title: "Release notes for \(written): \(Format.count(done.count, "item"))", content: lines.joined(separator: "\n"), evidence: evidence,
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
        lines += ["", "## What customers told us (\(Format.count(items.count, "item")))", ""]
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
