import Foundation
import PodiumCore
import PodiumInsight

/// The stakeholder update, written for its audience: each one is made of what that
/// audience acts on, so two audiences' updates differ in content, not only in title.
extension Recipe {
    /// What the period holds, gathered once for every audience.
    struct UpdatePeriod {
        var range: Range<Date>
        var days: Int
        var done: [BacklogItem]
        var inProgress: [BacklogItem]
        /// Ready items not started, in backlog order.
        var next: [BacklogItem]
        var decisions: [Decision]
        var recent: [FeedbackItem]
        var earlier: [FeedbackItem]
        var negativeNow: Double
        var negativeBefore: Double
    }

    mutating func stakeholderUpdate() throws -> DraftOutput {
        let written = Recipe.clean(request.parameters.audience ?? JobKind.stakeholderUpdate.info?.valueWhenBlank(.audience) ?? "leadership")
        let audience = Audience(reading: written)
        let period = updatePeriod()
        context.progress("Gathering the last \(period.days) days for \(written)")
        var output: DraftOutput
        switch audience {
        case .team: output = try teamUpdate(period, written: written)
        case .leadership: output = try leadershipUpdate(period, written: written)
        case .customers: output = customerUpdate(period, written: written)
        }
        output.proposal = DraftProposal(communication: Communication(
            title: "Update for \(written), \(Recipe.day(now))", audience: written, kind: .stakeholderUpdate,
            body: "", status: .draft, createdAt: now, updatedAt: now))
        return output
    }

    private mutating func updatePeriod() -> UpdatePeriod {
        let range = period
        let days = Int((range.upperBound.timeIntervalSince(range.lowerBound) / 86_400).rounded())
        let recent = feedback(in: range)
        let earlier = feedback(in: range.lowerBound.addingTimeInterval(-Double(days) * 86_400)..<range.lowerBound)
        func negativeShare(_ items: [FeedbackItem]) -> Double {
            items.isEmpty ? 0 : Double(items.filter { Recipe.isNegative(sentiment(of: $0)) }.count) / Double(items.count)
        }
        return UpdatePeriod(
            range: range, days: days,
            done: snapshot.backlog.values.filter { $0.doneAt.map(range.contains) ?? false }.sorted { $0.order < $1.order },
            inProgress: snapshot.orderedBacklog.filter { $0.status == .inProgress },
            next: snapshot.orderedBacklog.filter { $0.status == .ready },
            decisions: snapshot.decisions.values.filter { range.contains($0.decidedAt) }.sorted { $0.decidedAt < $1.decidedAt },
            recent: recent, earlier: earlier, negativeNow: negativeShare(recent), negativeBefore: negativeShare(earlier))
    }

    /// "LED-104 Title" for the team, who know the tracker's keys.
    private static func keyed(_ item: BacklogItem) -> String {
        (item.key.map { clean($0) + " " } ?? "") + clean(item.title)
    }

    // MARK: Team

    /// Done, in progress, next and blocked, with the tracker's keys and what customers say of
    /// the work in flight.
    private mutating func teamUpdate(_ period: UpdatePeriod, written: String) throws -> DraftOutput {
        var lines = ["# \(Recipe.clean(snapshot.product.name)) — team update", "",
                     "\(Recipe.day(period.range.lowerBound)) – \(Recipe.day(now))", ""]
        var evidence: [Evidence] = []
        func list(_ heading: String, _ items: [BacklogItem], empty: String, detail: (BacklogItem) -> String = { _ in "" }) {
            lines += ["## \(heading)", ""]
            if items.isEmpty { lines.append("- \(empty)") }
            for item in items {
                lines.append("- \(Recipe.keyed(item))\(detail(item)) \(Recipe.cite(item.id))")
                evidence.append(Evidence(ArtifactReference(.backlog, item.id), detail: "\(heading.lowercased()): \(item.status.rawValue)"))
            }
            lines.append("")
        }
        list("Done", period.done, empty: "Nothing reached done in this period.") { item in
            item.estimate.map { " (\(Recipe.number($0)) points)" } ?? ""
        }
        list("In progress", period.inProgress, empty: "Nothing is in progress.")
        list("Next", Array(period.next.prefix(5)), empty: "Nothing is ready: refine the top of the backlog.") { item in
            item.estimate == nil ? " — not estimated" : ""
        }
        // Blocked or needing the team's attention.
        var blocked: [String] = []
        for item in period.inProgress where now.timeIntervalSince(item.updatedAt) >= 14 * 86_400 {
            blocked.append("\(Recipe.keyed(item)) has been in progress without a change since \(Recipe.day(item.updatedAt)) \(Recipe.cite(item.id))")
        }
        for item in period.next.prefix(5) where item.estimate == nil && item.rice.effort == nil {
            blocked.append("\(Recipe.keyed(item)) is ready but has no estimate \(Recipe.cite(item.id))")
        }
        for experiment in snapshot.experiments.values where experiment.status == .running && (experiment.endsAt ?? .distantFuture) < now {
            blocked.append("Experiment “\(Recipe.clean(experiment.title))” ended on \(Recipe.day(experiment.endsAt!)) and needs its result \(Recipe.cite(experiment.id))")
            evidence.append(Evidence(ArtifactReference(.experiment, experiment.id), detail: "ended without a result"))
        }
        lines += ["## Blocked or needs attention", ""] + (blocked.isEmpty ? ["- Nothing is blocked."] : blocked.map { "- " + $0 }) + [""]
        // What customers say of the work in flight: linked complaints and requests, newest first.
        var said: [String] = []
        for item in (period.inProgress + period.next.prefix(5)) {
            let demand = item.linkedFeedback.compactMap { snapshot.feedback[$0] }.sorted { $0.createdAt > $1.createdAt }
            guard let newest = demand.first else { continue }
            said.append("\(item.key.map(Recipe.clean) ?? Recipe.shorten(Recipe.clean(item.title), to: 40)): \(demand.count) asking, newest \(Recipe.quote(newest, limit: 90))")
            evidence.append(Evidence(ArtifactReference(.feedback, newest.id), detail: "demand for \(Recipe.shorten(item.title, to: 40))"))
        }
        if !said.isEmpty { lines += ["## What customers say about the work in flight", ""] + said.prefix(6).map { "- " + $0 } }
        return DraftOutput(title: "Team update", content: lines.joined(separator: "\n").trimmingCharacters(in: .newlines), evidence: evidence,
                           figures: [Figure(name: "items done", value: Double(period.done.count)),
                                     Figure(name: "items in progress", value: Double(period.inProgress.count)),
                                     Figure(name: "items blocked or needing attention", value: Double(blocked.count))])
    }

    // MARK: Leadership

    /// Goal progress and measures, what shipped, what customers feel, risks, and the
    /// decisions leadership is asked for.
    private mutating func leadershipUpdate(_ period: UpdatePeriod, written: String) throws -> DraftOutput {
        var lines = ["# \(Recipe.clean(snapshot.product.name)) update for \(written)", "",
                     "\(Recipe.day(period.range.lowerBound)) – \(Recipe.day(now))", ""]
        var evidence: [Evidence] = []
        lines += ["## Product goal", "", Recipe.clean(snapshot.product.productGoal).isEmpty ? "- No product goal is set." : "- \(Recipe.clean(snapshot.product.productGoal))"]
        lines += goalLines().map { "- " + $0 } + [""]
        let asked = period.done.map(\.linkedFeedback.count).reduce(0, +)
        lines += ["## Shipped", "",
                  period.done.isEmpty ? "- Nothing shipped in this period." : "- \(period.done.count) item\(period.done.count == 1 ? "" : "s") shipped"
                    + (asked > 0 ? ", answering \(asked) customer request\(asked == 1 ? "" : "s") and complaint\(asked == 1 ? "" : "s")" : "")
                    + ": " + period.done.prefix(5).map { Recipe.clean($0.title) }.joined(separator: "; ") + (period.done.count > 5 ? "; …" : "")]
        evidence += period.done.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "shipped") }
        // No feedback in the period is said as such, with when the newest came: "0 items, 0%
        // negative" reads as a quiet, happy period.
        let newest = snapshot.feedback.values.map(\.createdAt).max()
        lines += ["", "## Customer sentiment", "",
                  period.recent.isEmpty
                    ? "- No feedback arrived in this period" + (newest.map { " (the newest item is from \(Recipe.day($0)))" } ?? "")
                        + (period.earlier.isEmpty ? "." : "; \(Format.count(period.earlier.count, "item")) in the period before, \(Recipe.percent(period.negativeBefore)) negative.")
                    : "- \(period.recent.count) feedback items (\(period.earlier.count) in the period before); \(Recipe.percent(period.negativeNow)) negative (before: \(Recipe.percent(period.negativeBefore)))."]
        var risks: [String] = []
        if period.recent.count >= 6 {
            let clustering = try themes(of: period.recent)
            let byID = Dictionary(uniqueKeysWithValues: period.recent.map { ($0.id, $0) })
            for theme in clustering.themes.prefix(3) {
                let stats = stats(of: theme, in: byID)
                lines.append("- \(stats.line)" + (stats.representative.first.map { ", e.g. \(Recipe.quote($0, limit: 90))" } ?? ""))
                evidence += Recipe.evidence(Array(stats.representative.prefix(1))) { _ in "theme \(theme.label)" }
                if stats.negativeShare >= 0.5 && stats.count >= 5 {
                    risks.append("Customers are unhappy about \(theme.label) (\(Format.count(stats.count, "item")), \(Recipe.percent(stats.negativeShare)) negative).")
                }
            }
        }
        if period.negativeNow > period.negativeBefore + 0.05 && !period.earlier.isEmpty {
            risks.append("Negative feedback rose from \(Recipe.percent(period.negativeBefore)) to \(Recipe.percent(period.negativeNow)).")
        }
        for measure in snapshot.product.goalMeasures where (measure.progress ?? 1) < 0.25 {
            risks.append("\(Recipe.clean(measure.name)) is \(Recipe.percent(measure.progress ?? 0)) of the way to its target.")
        }
        lines += ["", "## Risks", ""] + (risks.isEmpty ? ["- None stand out."] : risks.map { "- " + $0 })
        // What leadership is asked to decide.
        var needed: [String] = []
        for decision in snapshot.decisions.values.sorted(by: { $0.decidedAt < $1.decidedAt }) where (decision.reviewAt ?? .distantFuture) <= now {
            needed.append("Review “\(Recipe.clean(decision.title))”: its review date (\(Recipe.day(decision.reviewAt!))) has passed \(Recipe.cite(decision.id))")
            evidence.append(Evidence(ArtifactReference(.decision, decision.id), detail: "review due"))
        }
        for experiment in snapshot.experiments.values where experiment.status == .running && (experiment.endsAt ?? .distantFuture) < now {
            needed.append("Ship or drop what “\(Recipe.clean(experiment.title))” tested: it ended on \(Recipe.day(experiment.endsAt!)) \(Recipe.cite(experiment.id))")
            evidence.append(Evidence(ArtifactReference(.experiment, experiment.id), detail: "ended without a conclusion"))
        }
        let unplanned = snapshot.backlog.values.filter { $0.status == .proposed && !$0.linkedFeedback.isEmpty }
            .max { ($0.linkedFeedback.count, $1.id) < ($1.linkedFeedback.count, $0.id) }
        if let item = unplanned, item.linkedFeedback.count >= 3 {
            needed.append("Plan or decline “\(Recipe.clean(item.title))”: \(item.linkedFeedback.count) feedback items ask for it and it is not planned \(Recipe.cite(item.id))")
            evidence.append(Evidence(ArtifactReference(.backlog, item.id), detail: "most asked for, not planned"))
        }
        lines += ["", "## Decisions needed", ""] + (needed.isEmpty ? ["- None this period."] : needed.map { "- " + $0 })
        if !period.decisions.isEmpty {
            lines += ["", "## Decided", ""]
            for decision in period.decisions {
                lines.append("- \(Recipe.clean(decision.title)): \(Recipe.shorten(Recipe.clean(decision.choice), to: 140)) \(Recipe.cite(decision.id))")
                evidence.append(Evidence(ArtifactReference(.decision, decision.id), detail: "decided \(Recipe.day(decision.decidedAt))"))
            }
        }
        return DraftOutput(
            title: "Stakeholder update for \(written)", content: lines.joined(separator: "\n"), evidence: evidence,
            figures: [Figure(name: "feedback items", value: Double(period.recent.count)),
                      Figure(name: "negative share", value: (period.negativeNow * 100).rounded() / 100),
                      Figure(name: "negative share before", value: (period.negativeBefore * 100).rounded() / 100),
                      Figure(name: "items done", value: Double(period.done.count)),
                      Figure(name: "decisions needed", value: Double(needed.count))])
    }

    // MARK: Customers

    /// What changed for customers and what comes next, in plain words: titles only, no
    /// internal ids, each item once.
    private mutating func customerUpdate(_ period: UpdatePeriod, written: String) -> DraftOutput {
        var lines = ["# What's new in \(Recipe.clean(snapshot.product.name))", ""]
        var evidence: [Evidence] = []
        var listed = Set<RecordID<BacklogItem>>()
        func section(_ heading: String, _ items: [BacklogItem], detail: String, line: (BacklogItem) -> String) {
            let fresh = items.filter { !listed.contains($0.id) }
            guard !fresh.isEmpty else { return }
            lines += ["## \(heading)", ""] + fresh.map { "- " + line($0) } + [""]
            listed.formUnion(fresh.map(\.id))
            evidence += fresh.map { Evidence(ArtifactReference(.backlog, $0.id), detail: detail) }
        }
        // The team's own work (a database upgrade) is not news for customers: it is left out,
        // and the review's evidence says so.
        var internalIDs = Set<RecordID<BacklogItem>>()
        let internalWork = (period.done + period.inProgress + period.next).filter { Recipe.isInternal($0) && internalIDs.insert($0.id).inserted }
        evidence += internalWork.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "left out: the team's own work (labelled \($0.tags.joined(separator: ", ")))") }
        section("Now available", period.done.filter { !internalIDs.contains($0.id) }, detail: "done") { Recipe.customerTitle($0) + Recipe.askedPhrase($0) }
        section("On the way", Array(period.inProgress.filter { !internalIDs.contains($0.id) }.prefix(4)), detail: "in progress") { Recipe.customerTitle($0) }
        section("Planned next", Array(period.next.filter { !internalIDs.contains($0.id) }.prefix(3)), detail: "planned") { Recipe.customerTitle($0) }
        if listed.isEmpty { lines += ["Nothing changed for you in this period; we are working on what comes next.", ""] }
        lines.append("Thank you for the feedback that shaped these changes.")
        return DraftOutput(title: "Update for \(written)", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "items done", value: Double(period.done.count))])
    }
}
