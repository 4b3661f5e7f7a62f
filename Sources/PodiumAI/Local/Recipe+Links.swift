import Foundation
import PodiumCore
import PodiumInsight

/// link-feedback: links between feedback and the backlog items it is about, by meaning.
extension Recipe {
    /// The kind's registration (listed with the Decision Maker's kinds).
    static let linkRecipe = JobRecipe(
        .linkFeedback,
        objective: "Check each proposed link between customer feedback and a backlog item: is the feedback about the item, and is it demand (a complaint or request) or praise?",
        format: "Markdown: the sections of the data, same items, same links, each line keeping its [#id]; drop a line whose feedback is not about its item, and say why in one sentence at the end."
    ) { try $0.linkFeedback() }

    mutating func linkFeedback() throws -> DraftOutput {
        let items = snapshot.orderedBacklog.filter { $0.status != .dropped }
        guard !items.isEmpty else {
            throw JobError.nothingToWorkOn("There is no backlog item to link feedback to: add one, or import your tracker's export (podium import backlog FILE).")
        }
        let feedback = request.feedback
        guard !feedback.isEmpty else { throw JobError.nothingToWorkOn("There is no feedback to link.") }
        context.progress("Linking \(feedback.count) feedback items to \(items.count) backlog items")
        try context.checkCancellation()
        // Word rarity and the items' customer words come from all the feedback, even when only
        // some of it (a filter, a new batch from an import rule) is linked; the experiments go
        // in the same run, prefixed "x:".
        let wanted = Set(feedback.map(\.id))
        let sources = snapshot.feedback.all.map { LinkSource(id: $0.id.rawValue, text: $0.text, ratingShare: $0.rating?.normalized) }
            + snapshot.experiments.all.map { LinkSource(id: "x:" + $0.id.rawValue, text: $0.title + ". " + $0.hypothesis) }
        // Feedback linked already (by hand, or accepted before) teaches each item its customers' words.
        let targets = items.map { item in
            LinkTarget(id: item.id.rawValue, key: item.key, title: item.title, description: item.description, labels: item.tags,
                       examples: item.allLinkedFeedback.prefix(40).compactMap { snapshot.feedback[$0]?.text })
        }
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let proposedLinks = EvidenceLinker().link(sources, to: targets)
        let links = proposedLinks.compactMap { proposed -> FeedbackLink? in
            guard !proposed.sourceID.hasPrefix("x:") else { return nil }
            let backlogID = RecordID<BacklogItem>(proposed.targetID), feedbackID = RecordID<FeedbackItem>(proposed.sourceID)
            guard wanted.contains(feedbackID) else { return nil }
            guard let item = byID[backlogID], item.linkKind(of: feedbackID) != proposed.kind else { return nil }  // already so
            return FeedbackLink(feedbackID: feedbackID, backlogID: backlogID, kind: proposed.kind, strength: proposed.strength,
                                phrase: Recipe.shorten(Recipe.clean(proposed.sourcePhrase), to: 160), itemWords: proposed.targetWords)
        }
        let experimentLinks = proposedLinks.compactMap { proposed -> ExperimentLink? in
            guard proposed.sourceID.hasPrefix("x:") else { return nil }
            let experimentID = RecordID<Experiment>(String(proposed.sourceID.dropFirst(2))), backlogID = RecordID<BacklogItem>(proposed.targetID)
            guard let experiment = snapshot.experiments[experimentID], !experiment.linkedBacklog.contains(backlogID) else { return nil }
            return ExperimentLink(experimentID: experimentID, backlogID: backlogID, itemWords: proposed.targetWords)
        }
        var draft = linkDraft(links, items: items, feedbackCount: feedback.count)
        if !experimentLinks.isEmpty {
            draft.content += "\n\n## Experiments about backlog items\n\n" + experimentLinks.map { link in
                let experiment = snapshot.experiments[link.experimentID].map { Recipe.clean($0.title) } ?? "experiment"
                let item = byID[link.backlogID].map { ($0.key.map { Recipe.clean($0) + " " } ?? "") + Recipe.clean($0.title) } ?? "item"
                return "- “\(experiment)” \(Recipe.cite(link.experimentID)) is about \(item) \(Recipe.cite(link.backlogID))"
                    + (link.itemWords.isEmpty ? "" : " — meets: " + link.itemWords.prefix(4).map(Recipe.clean).joined(separator: ", "))
            }.joined(separator: "\n")
            draft.evidence += experimentLinks.map { Evidence(ArtifactReference(.experiment, $0.experimentID), detail: "about a backlog item") }
            draft.proposal?.experimentLinks = experimentLinks
        }
        return draft
    }

    func linkDraft(_ links: [FeedbackLink], items: [BacklogItem], feedbackCount: Int) -> DraftOutput {
        let grouped = Dictionary(grouping: links, by: \.backlogID)
        let demand = links.filter { $0.kind == .demand }.count
        let linkedFeedback = Set(links.map(\.feedbackID)).count
        var lines = ["# Feedback linked to the backlog", "",
                     "\(links.count) new link\(links.count == 1 ? "" : "s") from \(linkedFeedback) of \(feedbackCount) feedback items to \(grouped.count) backlog items: "
                        + "\(demand) demand (complaints and requests), \(links.count - demand) praise kept apart (never counted as demand).",
                     "Each line: demand or praise, how sure the link is (strong, good or fair: by its lead over the next item and the words it meets), "
                        + "the feedback's own sentence, and the item's words it meets. Fair links are the ones to check first.",
                     "Editing: delete a line to leave that link out.", ""]
        var evidence: [Evidence] = []
        for item in items {
            guard let itemLinks = grouped[item.id] else { continue }
            let heading = (item.key.map { Recipe.clean($0) + " " } ?? "") + Recipe.clean(item.title)
            let itemDemand = itemLinks.filter { $0.kind == .demand }.count
            lines += ["## \(heading) \(Recipe.cite(item.id))",
                      "\(itemDemand) demand, \(itemLinks.count - itemDemand) praise · now \(item.linkedFeedback.count) demand, \(item.validatingFeedback.count) praise", ""]
            evidence.append(Evidence(ArtifactReference(.backlog, item.id), detail: "\(itemLinks.count) new link\(itemLinks.count == 1 ? "" : "s")"))
            let ordered = itemLinks.sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.feedbackID < $1.feedbackID }
            for link in ordered.prefix(FeedbackLink.shownPerItem) {
                let words = link.itemWords.isEmpty ? "" : " — meets: " + link.itemWords.prefix(4).map(Recipe.clean).joined(separator: ", ")
                lines.append("- \(link.kind == .demand ? "demand" : "praise") · \(Self.strengthWord(link.strength)): “\(link.phrase)” \(Recipe.cite(link.feedbackID))\(words)")
                evidence.append(Evidence(ArtifactReference(.feedback, link.feedbackID), detail: link.phrase, group: heading))
            }
            if ordered.count > FeedbackLink.shownPerItem {
                lines.append("- … and \(ordered.count - FeedbackLink.shownPerItem) weaker links, added too when you accept")
            }
            lines.append("")
        }
        if links.isEmpty { lines.append("No new links: every feedback item that matches a backlog item is linked to it already, or none matches clearly enough.") }
        let unmatched = feedbackCount - linkedFeedback
        lines.append("\(unmatched) feedback item\(unmatched == 1 ? "" : "s") matched no backlog item clearly enough to link; \"/\" in the Customer pane and a link by hand cover the rest.")
        let figures = [Figure(name: "links", value: Double(links.count)), Figure(name: "demand links", value: Double(demand)),
                       Figure(name: "praise links", value: Double(links.count - demand)), Figure(name: "feedback matched", value: Double(linkedFeedback))]
        return DraftOutput(title: "\(links.count) feedback links to \(grouped.count) backlog items", content: lines.joined(separator: "\n"),
                           evidence: evidence, figures: figures, proposal: DraftProposal(feedbackLinks: links))
    }

    static func strengthWord(_ strength: Double) -> String {
        strength >= 0.9 ? "strong" : strength >= 0.7 ? "good" : "fair"
    }
}
