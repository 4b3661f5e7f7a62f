import Foundation
import PodiumCore
import PodiumInsight

/// The Decision Maker's jobs: a backlog order with its rationale, and decision records.
extension Recipe {
    /// The Decision Maker's kinds: each recipe, with what its prompt asks an LLM for.
    static let decisionRecipes: [JobRecipe] = [
        JobRecipe(.orderBacklog,
                  objective: "Explain the suggested order of the backlog to stakeholders: why the top items come first.",
                  format: "Markdown: the numbered list of the data, same items, same order, each line keeping its [#id], with one sentence of rationale per item.") { try $0.orderBacklog() },
        JobRecipe(.decisionRecord,
                  objective: "Write a decision record for the backlog item in the data.",
                  format: "Markdown with \"## Context\", \"## Options\" (bullets), \"## Choice\" and \"## Rationale\".") { try $0.decisionRecord() },
        linkRecipe,
    ]

    /// Demand per backlog item from its linked feedback: how many items, and the share
    /// of them that is negative.
    mutating func demand(for items: [BacklogItem]) -> [RecordID<BacklogItem>: Demand] {
        var demand: [RecordID<BacklogItem>: Demand] = [:]
        for item in items {
            let linked = item.linkedFeedback.compactMap { snapshot.feedback[$0] }
            let negative = linked.filter { Recipe.isNegative(sentiment(of: $0)) }.count
            demand[item.id] = Demand(linkedCount: linked.count, negativeShare: linked.isEmpty ? 0 : Double(negative) / Double(linked.count))
        }
        return demand
    }

    // MARK: order-backlog

    /// The open backlog: work in progress first (it stays on top), then the items waiting to
    /// start ranked by `method` with demand. Both the order and decision records use it, so
    /// an item gets the same score in both.
    mutating func rankedBacklog(_ method: PriorityMethod) -> (inProgress: [BacklogItem], waiting: [BacklogItem], ranked: [RankedBacklogItem]) {
        let inProgress = snapshot.orderedBacklog.filter { $0.status == .inProgress }
        let waiting = snapshot.orderedBacklog.filter { $0.status == .proposed || $0.status == .ready }
        let demand = demand(for: waiting)
        var ranked = BacklogRanker.rank(waiting, demand: demand, method: method)
        // A backlog imported from a tracker has estimates but no RICE or WSJF inputs: rather
        // than a score of 0 for every item, rank by demand per point of effort.
        if ranked.allSatisfy({ $0.baseScore == nil }), waiting.contains(where: { (demand[$0.id]?.linkedCount ?? 0) > 0 }) {
            ranked = demandPerEffort(waiting, demand: demand, method: method)
        }
        return (inProgress, waiting, ranked)
    }

    /// The items ranked by linked demand (complaints weighing up to half more) ÷ effort (the
    /// RICE effort, WSJF job size or tracker estimate; 1 when none is known).
    private func demandPerEffort(_ items: [BacklogItem], demand: [RecordID<BacklogItem>: Demand], method: PriorityMethod) -> [RankedBacklogItem] {
        items.enumerated().map { index, item -> (RankedBacklogItem, Int) in
            let itemDemand = demand[item.id] ?? Demand(linkedCount: 0, negativeShare: 0)
            let effort = max(0.5, item.rice.effort ?? item.wsjf.jobSize ?? item.estimate ?? 1)
            let weight = Double(itemDemand.linkedCount) * (1 + 0.5 * itemDemand.negativeShare)
            let score = weight / effort
            let rationale = "no \(method.rawValue.uppercased()) inputs, so ranked by demand per point of effort: \(itemDemand.linkedCount) linked feedback items "
                + "(\(Recipe.percent(itemDemand.negativeShare)) negative) ÷ effort \(Recipe.number(effort))\(item.rice.effort == nil && item.wsjf.jobSize == nil && item.estimate == nil ? " (none known, 1 assumed)" : "")"
            return (RankedBacklogItem(id: item.id, baseScore: nil, demandFactor: 1, score: score, rationale: rationale), index)
        }
        .sorted { ($0.0.score, -$0.1) > ($1.0.score, -$1.1) }
        .map(\.0)
    }

    mutating func orderBacklog() throws -> DraftOutput {
        let method = try priorityMethod()
        let name = method.rawValue.uppercased()
        let (inProgress, waiting, ranked) = rankedBacklog(method)
        guard waiting.count >= 2 else { throw JobError.nothingToWorkOn("Fewer than two backlog items wait to be started: there is nothing to order.") }
        context.progress("Scoring \(waiting.count) backlog items by \(name)")
        // Positions as the Decision Maker pane numbers them (done and in-progress items
        // included): the waiting items share out the places they hold now.
        let position = Dictionary(uniqueKeysWithValues: snapshot.orderedBacklog.enumerated().map { ($1.id, $0 + 1) })
        let slots = waiting.compactMap { position[$0.id] }.sorted()
        let byID = Dictionary(uniqueKeysWithValues: waiting.map { ($0.id, $0) })
        let moved = ranked.enumerated().filter { index, entry in index < slots.count && position[entry.id] != slots[index] }.count
        let byDemand = ranked.allSatisfy { $0.baseScore == nil } && ranked.contains { $0.score > 0 }
        let noEffort = waiting.allSatisfy { $0.rice.effort == nil && $0.wsjf.jobSize == nil && $0.estimate == nil }
        let orderedBy = !byDemand ? name : noEffort ? "linked demand" : "demand per point of effort"
        var lines = ["# Suggested order of the \(waiting.count) items waiting to start", "",
                     byDemand
                        ? "No item has \(name) inputs yet, so the order is by demand per point of effort: the feedback linked to each item "
                            + "(complaints weigh up to half more) ÷ its effort or tracker estimate"
                            + (noEffort ? " (no item has an effort or an estimate either, so each counts as one point: the order is by demand alone)" : "")
                            + ". \(moved) would move. Fill in \(name) inputs for a fuller score."
                        : "By \(name) (\(method == .rice ? "reach × impact × confidence ÷ effort" : "cost of delay ÷ job size")) × demand from the linked feedback "
                            + "(1 to 1.5: more items and more of them negative weigh more). \(moved) would move. Items without \(name) inputs keep their turn at the end.", ""]
        let kept = snapshot.orderedBacklog.enumerated().filter { $1.status == .done || $1.status == .dropped }.map { $0.offset + 1 }
        lines += ["Numbers are places in the Product Backlog, as the Decision Maker pane shows them"
                  + (kept.isEmpty ? "." : "; \(kept.count == 1 ? "place" : "places") \(Recipe.list(kept.map(String.init))) \(kept.count == 1 ? "holds a done or dropped item, which keeps it" : "hold done or dropped items, which keep them")."), ""]
        if !inProgress.isEmpty {
            lines.append("In progress, keeping their places: " + inProgress.map { "\(Recipe.clean($0.title)) \(Recipe.cite($0.id))" }.joined(separator: "; ") + ".")
            lines.append("")
        }
        var evidence = inProgress.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "in progress") }
        var figures: [Figure] = []
        for (index, entry) in ranked.enumerated() {
            guard let item = byID[entry.id], let was = position[entry.id], index < slots.count else { continue }
            let now = slots[index]
            let move = was == now ? "stays in place \(now)" : was > now ? "moves up from place \(was)" : "moves down from place \(was)"
            let score = entry.baseScore == nil ? (entry.score > 0 ? "demand per point \(Recipe.number((entry.score * 10).rounded() / 10))" : "no \(name) inputs")
                : "score \(Recipe.number((entry.score).rounded()))"
            lines.append("\(now). \(Recipe.clean(item.title)) \(Recipe.cite(item.id)) — \(score), \(move)")
            if entry.baseScore != nil || entry.score > 0 { lines.append("   \(Recipe.clean(entry.rationale))") }
            evidence.append(Evidence(ArtifactReference(.backlog, item.id), detail: entry.rationale))
            figures.append(Figure(name: "\(Recipe.shorten(item.title, to: 40)): score", value: (entry.score * 100).rounded() / 100))
        }
        lines += ["", "Editing: delete a line to leave that item where it is; move lines to change the order."]
        for item in waiting.prefix(10) {
            evidence += item.linkedFeedback.prefix(3).compactMap { snapshot.feedback[$0] }
                .map { Evidence(ArtifactReference(.feedback, $0.id), detail: "demand for \(Recipe.shorten(item.title, to: 40))") }
        }
        return DraftOutput(title: "Backlog order by \(orderedBy) (\(moved) moves)", content: lines.joined(separator: "\n"),
                           evidence: evidence, figures: figures, proposal: DraftProposal(backlogOrder: ranked.map(\.id)))
    }

    /// The job's scoring method: RICE unless it asks for WSJF; a method Podium does not know
    /// (a hand-edited or newer job file) fails the job.
    func priorityMethod() throws -> PriorityMethod {
        let parameters = request.parameters
        if parameters.method == nil, let name = parameters[.method]?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), !name.isEmpty {
            throw JobError.invalidInput("Unknown method “\(name)”: use rice or wsjf.")
        }
        switch parameters.method ?? .rice {
        case .rice: return .rice
        case .wsjf: return .wsjf
        }
    }

    // MARK: decision-record

    mutating func decisionRecord() throws -> DraftOutput {
        let ordered = snapshot.orderedBacklog.filter { $0.status != .done && $0.status != .dropped }
        let chosenID = request.inputs(.backlog).first
        guard let item = chosenID.flatMap({ snapshot.backlog[RecordID($0)] }) ?? ordered.first else {
            throw JobError.nothingToWorkOn("Select a backlog item to record a decision about (the backlog is empty).")
        }
        context.progress("Gathering the evidence for “\(Recipe.shorten(item.title, to: 40))”")
        let method = try priorityMethod()
        let ranked = rankedBacklog(method).ranked
        let rank = ranked.firstIndex { $0.id == item.id }.map { $0 + 1 }
        let entry = ranked.first { $0.id == item.id }
        let linked = item.linkedFeedback.compactMap { snapshot.feedback[$0] }
        let negative = linked.filter { Recipe.isNegative(sentiment(of: $0)) }
        let praise = item.validatingFeedback.compactMap { snapshot.feedback[$0] }
        // Stakeholders whose notes are about the item (placed by meaning, not a shared word),
        // and decisions taken about it.
        let stands = stakeholderStands(snapshot.stakeholders.all).stands.filter { $0.item.id == item.id }
        let related = snapshot.decisions.all.filter { $0.linkedBacklog.contains(item.id) }
        let top = item.status == .inProgress || (rank.map { $0 <= 5 } ?? false)
        let sliceable = (item.rice.effort ?? item.wsjf.jobSize ?? 0) >= 5
        // A decision already taken about this item stands unless the evidence says otherwise.
        let earlier = related.filter { $0.linkedBacklog.contains(item.id) }.max { $0.decidedAt < $1.decidedAt }
        var options = [item.status == .inProgress ? "Carry on: finish “\(Recipe.clean(item.title))” as planned" : "Do it next: take “\(Recipe.clean(item.title))” into the coming sprint",
                       "Slice it: ship the smallest releasable part first, then decide on the rest with its results",
                       "Defer it: keep it in the backlog and review after the next Sprint Review"]
        if let earlier { options.insert("Keep the decision of \(Recipe.day(earlier.decidedAt)): \(Recipe.clean(earlier.choice))", at: 0) }
        var choice = earlier != nil && top ? options[0] : top ? (sliceable ? options[options.count - 2] : options[options.count - 3]) : options[options.count - 1]
        // A stakeholder against it is settled before the team commits to it.
        if let objection = stands.first(where: { $0.position == .against }), item.status != .inProgress {
            let settle = "Settle \(Recipe.clean(objection.stakeholder.name))'s objection first, then decide: “\(Recipe.shorten(Recipe.clean(objection.sentence), to: 120))”"
            options.insert(settle, at: 0)
            choice = settle
        }
        var rationale: [String] = []
        if let earlier, top {
            rationale.append("“\(Recipe.clean(earlier.title))” was decided on \(Recipe.day(earlier.decidedAt)) and the item still ranks near the top, so nothing calls for a new direction.")
        }
        if item.status == .inProgress {
            rationale.append("It is in progress.")
        } else if let rank, let entry {
            rationale.append("It ranks \(rank) of \(ranked.count) waiting items by \(method.rawValue.uppercased()) with demand (\(Recipe.clean(entry.rationale))).")
        } else {
            rationale.append("It has no \(method.rawValue.uppercased()) inputs yet, so it cannot be ranked; fill them in first.")
        }
        rationale.append("\(linked.count) feedback items ask for it or complain of what it fixes, \(negative.count) of them negative"
            + (praise.isEmpty ? "." : "; \(praise.count) praise what it is about (not counted as demand)."))
        for stand in stands where stand.position.isOpposed {
            rationale.append("\(Recipe.clean(stand.stakeholder.name)) \(stand.position == .against ? "is against it" : "worries about it"): weigh that before committing.")
        }
        if sliceable && top && earlier == nil { rationale.append("Its effort is large enough that a first slice lowers the risk.") }
        var lines = ["# Decision: \(Recipe.clean(item.title))", "", "## Context", "",
                     Recipe.clean(item.description).isEmpty ? "No description." : Recipe.clean(item.description), ""]
        lines.append("Status \(item.status.rawValue); order \(item.order); RICE \(item.rice.score.map { String(format: "%.1f", $0) } ?? "–"), "
            + "WSJF \(item.wsjf.score.map { String(format: "%.1f", $0) } ?? "–"); \(linked.count) demand, \(praise.count) praise linked \(Recipe.cite(item.id)).")
        for feedback in Recipe.distinct(negative).prefix(3) { lines.append("- \(Recipe.quote(feedback, limit: 110))") }
        for feedback in Recipe.distinct(praise).prefix(2) { lines.append("- Praise, not demand: \(Recipe.quote(feedback, limit: 110))") }
        for stand in stands.prefix(4) {
            lines.append("- \(Recipe.clean(stand.stakeholder.name)) (\(Recipe.clean(stand.stakeholder.role))), \(stand.position.rawValue): "
                + "“\(Recipe.shorten(Recipe.clean(stand.sentence), to: 160))” \(Recipe.cite(stand.stakeholder.id))")
        }
        for decision in related.prefix(2) { lines.append("- Earlier decision: \(Recipe.clean(decision.title)) \(Recipe.cite(decision.id))") }
        lines += ["", "## Options", ""] + options.map { "- " + $0 }
        lines += ["", "## Choice", "", choice, "", "## Rationale", "", rationale.joined(separator: " ")]
        var evidence = [Evidence(ArtifactReference(.backlog, item.id), detail: entry?.rationale)]
        evidence += Recipe.evidence(Array(Recipe.distinct(negative).prefix(3))) { _ in "negative feedback linked to the item" }
        evidence += Recipe.evidence(Array(Recipe.distinct(praise).prefix(2))) { _ in "praise of what the item is about" }
        evidence += stands.prefix(4).map { Evidence(ArtifactReference(.stakeholder, $0.stakeholder.id), detail: "\($0.position.rawValue): \(Recipe.shorten(Recipe.clean($0.sentence), to: 80))") }
        evidence += related.prefix(2).map { Evidence(ArtifactReference(.decision, $0.id), detail: "related decision") }
        let decision = Decision(title: Recipe.clean(item.title), context: Recipe.clean(item.description), options: options, choice: choice,
                                rationale: rationale.joined(separator: " "), decidedAt: now, decidedBy: nil,
                                linkedBacklog: [item.id], linkedFeedback: linked.prefix(10).map(\.id), createdAt: now, updatedAt: now)
        var figures = [Figure(name: "linked feedback", value: Double(linked.count)), Figure(name: "negative linked", value: Double(negative.count))]
        if let rank { figures.append(Figure(name: "rank", value: Double(rank))) }
        return DraftOutput(title: "Decision record: \(Recipe.shorten(Recipe.clean(item.title), to: 50))", content: lines.joined(separator: "\n"),
                           evidence: evidence, figures: figures, target: ArtifactReference(.backlog, item.id),
                           proposal: DraftProposal(decision: decision))
    }
}
