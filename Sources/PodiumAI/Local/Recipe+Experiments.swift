import Foundation
import PodiumCore
import PodiumInsight

/// The Experimenter's jobs: experiments for the top themes, and conclusions from results.
extension Recipe {
    /// The Experimenter's kinds: each recipe, with what its prompt asks an LLM for.
    static let experimentRecipes: [JobRecipe] = [
        JobRecipe(.proposeExperiments,
                  objective: "Sharpen the proposed experiments: a testable hypothesis, one metric, a target and a duration each.",
                  format: "Markdown, one \"## title\" section per experiment of the data, same titles, with \"- **Hypothesis:**\", \"- **Metric:**\", \"- **Target:**\" and \"- **Duration:**\" lines.") { try $0.proposeExperiments() },
        JobRecipe(.concludeExperiment,
                  objective: "Conclude the experiment from its evidence: did the result meet the target, and what should happen next?",
                  format: "Markdown with \"## Evidence\", \"## Conclusion\" and \"## Verdict\" (one word: succeeded, failed or inconclusive).") { try $0.concludeExperiment() },
    ]

    // MARK: propose-experiments

    /// Experiments for the open backlog items with the most complaints linked to them (three at
    /// most, none already under test), or nil when no item has three linked complaints.
    private mutating func experimentsForLinkedComplaints() throws -> DraftOutput? {
        let open = snapshot.experiments.values.filter { !$0.status.isConcluded }
        let tested = Set(open.flatMap(\.linkedBacklog))
        var candidates: [(item: BacklogItem, complaints: [FeedbackItem], linked: Int)] = []
        for item in snapshot.orderedBacklog where item.status != .done && item.status != .dropped && !tested.contains(item.id) {
            let linked = item.linkedFeedback.compactMap { snapshot.feedback[$0] }
            let complaints = linked.filter { Recipe.isNegative(sentiment(of: $0)) }
            if complaints.count >= 3 { candidates.append((item, complaints, linked.count)) }
        }
        guard !candidates.isEmpty else { return nil }
        candidates.sort { ($0.complaints.count, $1.item.order) > ($1.complaints.count, $0.item.order) }
        context.progress("Proposing experiments for the \(min(3, candidates.count)) items with the most linked complaints")
        let sprintDays = snapshot.product.sprint?.lengthInDays ?? 14
        let start = Calendar(identifier: .gregorian).startOfDay(for: now).addingTimeInterval(86_400)
        let end = start.addingTimeInterval(Double(sprintDays * 2) * 86_400)
        var experiments: [Experiment] = [], evidence: [Evidence] = []
        var lines = ["# \(min(3, candidates.count)) experiments for the backlog items with the most complaints", "",
                     "Each tests whether shipping the item cuts the complaints linked to it; each runs two sprints (\(Recipe.day(start)) to \(Recipe.day(end))).", ""]
        if !tested.isEmpty { lines += ["Items already under an open experiment are left out.", ""] }
        for (item, complaints, linked) in candidates.prefix(3) {
            let name = (item.key.map { Recipe.clean($0) + " " } ?? "") + Recipe.clean(item.title)
            let segment = Dictionary(grouping: complaints.compactMap(\.segment), by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
            let who = segment.map { "\(Recipe.clean($0)) customers" } ?? "customers"
            // The rate now: the last four weeks' complaints; with none in them (older
            // feedback), every complaint over the weeks it spans. The target is 30% fewer.
            let recent = complaints.filter { $0.createdAt >= now.addingTimeInterval(-28 * 86_400) }.count
            let dates = complaints.map(\.createdAt)
            let spanWeeks = max(4, Int(((dates.max() ?? now).timeIntervalSince(dates.min() ?? now) / (7 * 86_400)).rounded(.up)))
            let (count, weeks) = recent > 0 ? (recent, 4) : (complaints.count, spanWeeks)
            let perWeek = (Double(count) / Double(weeks) * 10).rounded() / 10
            let metric = "New complaints linked to “\(Recipe.clean(item.title))”, per week"
            let target = "from \(Recipe.number(perWeek)) to \(Recipe.number((perWeek * 0.7 * 10).rounded() / 10)) a week "
                + "(\(Format.count(count, "complaint")) in \(recent > 0 ? "the last 4 weeks" : "the \(weeks) weeks the feedback spans"))"
            let hypothesis = "We believe that shipping “\(Recipe.clean(item.title))” for \(who) will cut the complaints linked to it by 30%, "
                + "because \(complaints.count) of the \(linked) feedback items that ask for it are complaints."
            let experiment = Experiment(title: "Test: \(Recipe.clean(item.title))", hypothesis: hypothesis, metric: metric, target: target, status: .proposed,
                                        startsAt: start, endsAt: end, linkedBacklog: [item.id], linkedFeedback: complaints.prefix(5).map(\.id),
                                        createdAt: now, updatedAt: now)
            experiments.append(experiment)
            lines += ["## \(experiment.title)", "", "- **Hypothesis:** \(hypothesis)", "- **Metric:** \(metric)", "- **Target:** \(target)",
                      "- **Duration:** \(sprintDays * 2) days (\(Recipe.day(start)) – \(Recipe.day(end)))",
                      "- **Backlog item:** \(name) \(Recipe.cite(item.id))"]
            let quoted = Recipe.distinct(complaints).prefix(2)
            lines += quoted.map { "- \(Recipe.quote($0, limit: 100))" } + [""]
            evidence.append(Evidence(ArtifactReference(.backlog, item.id), detail: "the change under test: \(complaints.count) linked complaints"))
            evidence += Recipe.evidence(Array(quoted)) { _ in "a complaint linked to \(Recipe.shorten(item.title, to: 40))" }
        }
        return DraftOutput(title: "\(experiments.count) proposed experiments", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: candidates.prefix(3).map { Figure(name: "\(Recipe.shorten($0.item.title, to: 40)): linked complaints", value: Double($0.complaints.count)) },
                           proposal: DraftProposal(experiments: experiments))
    }

    mutating func proposeExperiments() throws -> DraftOutput {
        // Where feedback is linked to the backlog, an experiment tests the item whose linked
        // complaints it would reduce; themes are the fallback for a workspace without links.
        // A filtered selection of feedback is about its themes, whatever it is linked to.
        if request.inputs(.feedback).isEmpty, let byItem = try experimentsForLinkedComplaints() { return byItem }
        let items = try feedbackToWorkOn()
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let clustering = try themes(of: items)
        // Themes that hurt most (size × negative share) and that no open experiment covers yet.
        let open = snapshot.experiments.values.filter { !$0.status.isConcluded }
        let covered = open.map { Set(Tokenizer.terms($0.title + " " + $0.hypothesis)) }
        var candidates = clustering.themes.map { stats(of: $0, in: byID) }
            .filter { $0.negativeShare >= 0.5 && $0.count >= 3 }
        // An open experiment that tests a backlog item covers the themes that item would fix.
        let testedBacklog = Set(open.flatMap(\.linkedBacklog))
        candidates.sort { ($0.negativeShare * Double($0.count), $1.theme.label) > ($1.negativeShare * Double($1.count), $0.theme.label) }
        var skipped: [String] = []
        var chosen: [ThemeStats] = []
        var usedBacklog = Set<RecordID<BacklogItem>>()
        for candidate in candidates {
            let terms = Set(candidate.theme.keyTerms.prefix(3).flatMap { Tokenizer.terms($0) })
            if covered.contains(where: { $0.intersection(terms).count >= 2 || (!terms.isEmpty && terms.isSubset(of: $0)) }) {
                skipped.append(candidate.theme.label)
            } else if chosen.count < 3 {
                // Two themes that the same backlog item would fix make one experiment, not two.
                let fix = snapshot.backlog.values.filter { $0.status != .done && $0.status != .dropped }
                    .filter { !Set($0.linkedFeedback).isDisjoint(with: candidate.members.map(\.id)) }
                    .min { ($0.order, $0.id) < ($1.order, $1.id) }
                if let fix, testedBacklog.contains(fix.id) {
                    skipped.append(candidate.theme.label)
                    continue
                }
                if let fix, usedBacklog.contains(fix.id) { continue }
                chosen.append(candidate)
                if let fix { usedBacklog.insert(fix.id) }
            }
        }
        guard !chosen.isEmpty else {
            throw JobError.nothingToWorkOn(candidates.isEmpty
                ? "No theme is negative enough to test a fix for (30% or more negative items needed)."
                : "Every painful theme already has an open experiment: \(skipped.joined(separator: ", ")).")
        }
        let sprintDays = snapshot.product.sprint?.lengthInDays ?? 14
        let start = Calendar(identifier: .gregorian).startOfDay(for: now).addingTimeInterval(86_400)
        let end = start.addingTimeInterval(Double(sprintDays * 2) * 86_400)
        var experiments: [Experiment] = []
        var evidence: [Evidence] = []
        var lines = ["# \(chosen.count) experiments for the most painful themes", "",
                     "Themes ranked by size × negative share; each experiment runs two sprints (\(Recipe.day(start)) to \(Recipe.day(end))).", ""]
        if !skipped.isEmpty { lines += ["Already under test, so left out: \(skipped.joined(separator: ", ")).", ""] }
        for stats in chosen {
            let label = stats.theme.label
            let segments = Dictionary(grouping: stats.members.compactMap(\.segment), by: { $0 })
                .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
            let who = segments.map { "\(Recipe.clean($0)) customers" } ?? "customers"
            let allLinked = snapshot.backlog.values.filter { item in
                item.status != .done && item.status != .dropped && !Set(item.linkedFeedback).isDisjoint(with: stats.members.map(\.id))
            }.sorted { $0.order < $1.order }
            let linkedBacklog = allLinked
            let change = linkedBacklog.first.map { "shipping “\(Recipe.clean($0.title))”" } ?? "fixing what they describe as \(label)"
            let metric = "Share of new feedback about \(label) that is negative"
            let target = "from \(Recipe.percent(stats.negativeShare)) to \(Recipe.percent(max(0, stats.negativeShare * 0.7)))"
            let hypothesis = "We believe that \(change) for \(who) will cut negative feedback about \(label) by 30%, "
                + "because \(Format.count(stats.count, "item")) mention it and \(Recipe.percent(stats.negativeShare)) of them are negative."
            let experiment = Experiment(
                title: linkedBacklog.first.map { "Test: \(Recipe.clean($0.title))" } ?? "Test: fewer complaints about \(label)", hypothesis: hypothesis, metric: metric, target: target, status: .proposed,
                startsAt: start, endsAt: end, linkedBacklog: linkedBacklog.prefix(3).map(\.id),
                linkedFeedback: stats.members.prefix(5).map(\.id), createdAt: now, updatedAt: now)
            experiments.append(experiment)
            lines += ["## \(experiment.title)", "", "- **Hypothesis:** \(hypothesis)", "- **Metric:** \(metric)",
                      "- **Target:** \(target)", "- **Duration:** \(sprintDays * 2) days (\(Recipe.day(start)) – \(Recipe.day(end)))"]
            if let first = linkedBacklog.first { lines.append("- **Backlog item:** \(Recipe.clean(first.title)) \(Recipe.cite(first.id))") }
            for member in stats.representative.prefix(2) { lines.append("- \(Recipe.quote(member, limit: 100))") }
            lines.append("")
            let cited = Array(stats.representative.prefix(2))
            evidence += Recipe.evidence(cited + stats.members.prefix(5).filter { !cited.contains($0) }) { _ in "theme \(label)" }
            evidence += linkedBacklog.prefix(1).map { Evidence(ArtifactReference(.backlog, $0.id), detail: "the change under test") }
        }
        return DraftOutput(title: "\(experiments.count) proposed experiments", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: chosen.map { Figure(name: "\($0.theme.label): negative share", value: ($0.negativeShare * 100).rounded() / 100) },
                           proposal: DraftProposal(experiments: experiments))
    }

    // MARK: conclude-experiment

    mutating func concludeExperiment() throws -> DraftOutput {
        let selected = request.inputs(.experiment).first.flatMap { snapshot.experiments[RecordID($0)] }
        let fallback = snapshot.experiments.all.filter { !$0.status.isConcluded && ($0.startsAt ?? .distantFuture) <= now }
            .sorted { ($0.endsAt ?? .distantFuture) < ($1.endsAt ?? .distantFuture) }.first
        guard let experiment = selected ?? fallback else {
            throw JobError.nothingToWorkOn("No experiment has started and is still open, so there is none to conclude (podium run conclude-experiment --experiment ID, or select one in the Experimenter pane).")
        }
        if experiment.result == nil || experiment.result?.isEmpty == true {
            guard let start = experiment.startsAt, start <= now else {
                throw JobError.nothingToWorkOn("“\(Recipe.clean(experiment.title))” has not started"
                    + (experiment.startsAt.map { " (it starts on \(Recipe.day($0)))" } ?? " (it has no start date)") + " and has no result yet: there is nothing to conclude.")
            }
        }
        context.progress("Reading the results of “\(Recipe.shorten(experiment.title, to: 40))”")
        var reading = readResults(of: experiment)
        if let end = experiment.endsAt, end > now {
            reading.conclusion += " It is planned to run until \(Recipe.day(end)); accepting this concludes it early."
        }
        var lines = ["# Conclusion: \(Recipe.clean(experiment.title))", "",
                     "**Hypothesis:** \(Recipe.clean(experiment.hypothesis))", "",
                     "**Metric:** \(Recipe.clean(experiment.metric)) · **Target:** \(Recipe.clean(experiment.target))", "",
                     "## Evidence", ""]
        lines += reading.findings.map { "- " + $0 }
        lines += ["", "## Conclusion", "", reading.conclusion, "", "## Verdict", "", reading.status.rawValue]
        var evidence = [Evidence(ArtifactReference(.experiment, experiment.id), detail: experiment.result.map { "result: \($0)" })]
        evidence += Recipe.evidence(reading.items) { _ in "feedback on the experiment's subject" }
        return DraftOutput(
            title: "Conclude “\(Recipe.shorten(Recipe.clean(experiment.title), to: 50))”: \(reading.status.rawValue)",
            content: lines.joined(separator: "\n"), evidence: evidence, figures: reading.figures,
            target: ArtifactReference(.experiment, experiment.id),
            proposal: DraftProposal(experimentConclusion: ExperimentConclusion(experimentID: experiment.id, status: reading.status, result: reading.conclusion)))
    }

    /// What the workspace says about an experiment: its recorded result against its
    /// target, and feedback on its subject before and during it.
    private mutating func readResults(of experiment: Experiment) -> ExperimentReading {
        var findings: [String] = []
        var figures: [Figure] = []
        let target = Recipe.numbers(in: experiment.target)
        // 1. A recorded result with numbers, read against the target's number.
        if let result = experiment.result, !result.isEmpty {
            findings.append("Recorded result: \(Recipe.clean(result))")
            let measured = Recipe.numbers(in: result)
            if let goal = target.first, let value = measured.first {
                figures += [Figure(name: "target", value: goal), Figure(name: "measured", value: value)]
                let wantsMore = !experiment.target.contains("−") && !experiment.target.contains("-") && !experiment.target.lowercased().contains("cut")
                let met = wantsMore ? value >= goal : value <= goal || abs(value) >= abs(goal)
                findings.append("Measured \(Recipe.number(value)) against a target of \(Recipe.number(goal)): \(met ? "met" : "not met").")
                let conclusion = met
                    ? "The result (\(Recipe.number(value))) meets the target (\(Recipe.clean(experiment.target))): the hypothesis holds. Roll the change out and keep watching the metric."
                    : "The result (\(Recipe.number(value))) misses the target (\(Recipe.clean(experiment.target))): the hypothesis is not supported as stated. Decide whether to iterate or stop."
                return ExperimentReading(status: met ? .succeeded : .failed, conclusion: conclusion, findings: findings, figures: figures, items: [])
            }
        }
        // 2. Feedback on the experiment's subject: negative share before and since it started.
        let terms = Set(Tokenizer.terms(experiment.title + " " + experiment.hypothesis)).subtracting(Recipe.experimentWords)
        let linked = Set(experiment.linkedFeedback)
        let about = snapshot.feedback.values.filter { item in
            linked.contains(item.id) || Set(Tokenizer.terms(item.text)).intersection(terms).count >= 2
        }.sorted { $0.id < $1.id }
        guard let start = experiment.startsAt else {
            return ExperimentReading(status: .inconclusive, conclusion: "The experiment has no start date and no recorded result, so nothing can be read yet. Record its result or its dates, then run this again.",
                                     findings: findings + ["\(about.count) feedback items concern its subject."], figures: figures, items: Array(about.prefix(5)))
        }
        let span = (experiment.endsAt ?? now).timeIntervalSince(start)
        let before = about.filter { $0.createdAt >= start.addingTimeInterval(-span) && $0.createdAt < start }
        let during = about.filter { $0.createdAt >= start && $0.createdAt <= (experiment.endsAt ?? now) }
        func negativeShare(_ items: [FeedbackItem]) -> Double {
            items.isEmpty ? 0 : Double(items.filter { Recipe.isNegative(sentiment(of: $0)) }.count) / Double(items.count)
        }
        let shareBefore = negativeShare(before), shareDuring = negativeShare(during)
        figures += [Figure(name: "items before", value: Double(before.count)), Figure(name: "items during", value: Double(during.count)),
                    Figure(name: "negative share before", value: (shareBefore * 100).rounded() / 100),
                    Figure(name: "negative share during", value: (shareDuring * 100).rounded() / 100)]
        findings.append("Feedback on its subject: \(Format.count(before.count, "item")) in the \(Int(span / 86_400)) days before it started "
            + "(\(Recipe.percent(shareBefore)) negative), \(during.count) since (\(Recipe.percent(shareDuring)) negative).")
        let ended = (experiment.endsAt ?? .distantFuture) <= now
        let status: ExperimentStatus
        let conclusion: String
        if before.count < 5 || during.count < 5 {
            status = .inconclusive
            conclusion = "Too little feedback on its subject to tell (\(before.count) before, \(during.count) during; at least 5 each are needed). "
                + "Record the metric's value as the result and run this again."
        } else if shareDuring <= shareBefore * 0.7 {
            status = .succeeded
            conclusion = "Negative feedback on its subject fell from \(Recipe.percent(shareBefore)) to \(Recipe.percent(shareDuring)) (a fall of 30% or more): the signal supports the hypothesis. Confirm with the metric (\(Recipe.clean(experiment.metric)))."
        } else if shareDuring > shareBefore {
            status = .failed
            conclusion = "Negative feedback on its subject rose from \(Recipe.percent(shareBefore)) to \(Recipe.percent(shareDuring)): the signal goes against the hypothesis."
        } else {
            status = .inconclusive
            conclusion = "Negative feedback on its subject moved from \(Recipe.percent(shareBefore)) to \(Recipe.percent(shareDuring)): less than the 30% fall that would support the hypothesis."
                + (ended ? "" : " The experiment is still running; read it again when it ends.")
        }
        return ExperimentReading(status: status, conclusion: conclusion, findings: findings, figures: figures,
                                 items: Array((during.filter { Recipe.isNegative(sentiment(of: $0)) } + during).prefix(5)))
    }

    /// Words of every hypothesis that say nothing about its subject.
    static let experimentWords: Set<String> = Set(["believe", "will", "because", "test", "show", "cut", "raise", "week", "team", "small"].map(Stemmer.stem))

    /// The numbers written in a text ("−30%" → -30, "≥ 45%" → 45, "52%" → 52).
    static func numbers(in text: String) -> [Double] {
        var result: [Double] = []
        var current = ""
        var negative = false
        for character in text + " " {
            if character.isNumber || (character == "." && !current.isEmpty) {
                current.append(character)
            } else {
                if let value = Double(current.trimmingCharacters(in: CharacterSet(charactersIn: "."))) { result.append(negative ? -value : value) }
                current = ""
                negative = character == "−" || character == "-"
            }
        }
        return result
    }
}

/// What the workspace says about an experiment's outcome.
struct ExperimentReading {
    var status: ExperimentStatus
    var conclusion: String
    var findings: [String]
    var figures: [Figure]
    var items: [FeedbackItem]
}
