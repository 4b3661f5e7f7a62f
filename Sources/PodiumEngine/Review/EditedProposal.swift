import Foundation
import PodiumCore

/// What accepting a draft applies once the reviewer has edited its text: the edit decides.
///
/// A draft's proposal is data (an order, experiments, personas…); its Markdown shows that
/// data. When the reviewer edits the text, the parts they removed are left out and the
/// fields they rewrote are taken: rows of a suggested order, experiment and persona
/// sections, theme sections. A vision needs its "Vision" and "Product goal" headings (an
/// empty section clears the field). Sentiment scores cannot be edited as text.
enum EditedProposal {
    static func effective(_ draft: Draft) throws -> DraftProposal? {
        guard var proposal = draft.proposal else { return nil }
        guard !draft.edits.isEmpty else { return proposal }
        let sections = MarkdownSections(draft.content)
        if let order = proposal.backlogOrder {
            // The order of the rows left, by the ids they cite.
            let byShort = Dictionary(order.map { ($0.short, $0) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<RecordID<BacklogItem>>()
            proposal.backlogOrder = draft.content.split(separator: "\n").compactMap { line -> RecordID<BacklogItem>? in
                guard let cite = line.firstMatch(of: /\[#([0-9a-f]{8})\]/), let id = byShort[String(cite.1)] else { return nil }
                return seen.insert(id).inserted ? id : nil
            }
        }
        if let experiments = proposal.experiments {
            proposal.experiments = experiments.compactMap { experiment in
                guard var body = sections.body(ofHeading: experiment.title) else { return nil }
                body = body.replacingOccurrences(of: "**", with: "")
                func field(_ name: String) -> String? {
                    body.split(separator: "\n").first { $0.hasPrefix("- \(name):") }
                        .map { String($0.dropFirst(name.count + 3)).trimmingCharacters(in: .whitespaces) }
                }
                var edited = experiment
                edited.hypothesis = field("Hypothesis") ?? experiment.hypothesis
                edited.metric = field("Metric") ?? experiment.metric
                edited.target = field("Target") ?? experiment.target
                return edited
            }
        }
        if let personas = proposal.personas {
            proposal.personas = personas.filter { sections.body(ofHeading: $0.name) != nil }
        }
        if let themes = proposal.themeTags {
            proposal.themeTags = themes.filter { draft.content.contains("`\($0.tag)`") }
        }
        if let links = proposal.feedbackLinks {
            proposal.feedbackLinks = keptLinks(links, content: draft.content)
        }
        if let links = proposal.experimentLinks {
            // An experiment's line cites the experiment, then the item.
            proposal.experimentLinks = links.filter { link in
                draft.content.split(separator: "\n").contains { $0.contains("[#\(link.experimentID.short)]") && $0.contains("[#\(link.backlogID.short)]") }
            }
        }
        if var change = proposal.product {
            guard sections.has("vision"), sections.has("product goal") else {
                throw EngineError.cannotApply("The edited draft has no “## Vision” and “## Product goal” sections; put them back (leave one empty to clear it).")
            }
            change.vision = sections["vision"] ?? ""
            change.productGoal = sections["product goal"] ?? ""
            proposal.product = change
        }
        return proposal
    }

    /// The links whose line is still in the edited text (listed under their item's heading),
    /// and those the draft did not list (beyond `FeedbackLink.shownPerItem` for an item).
    private static func keptLinks(_ links: [FeedbackLink], content: String) -> [FeedbackLink] {
        var listed = Set<String>()  // "item short|feedback short"
        var item: String?
        for line in content.split(separator: "\n") {
            let cites = line.matches(of: /\[#([0-9a-f]{8})\]/).map { String($0.1) }
            if line.hasPrefix("## ") {
                item = cites.last
            } else if let item, let feedback = cites.first {
                listed.insert(item + "|" + feedback)
            }
        }
        var result: [FeedbackLink] = []
        for (_, itemLinks) in Dictionary(grouping: links, by: \.backlogID).sorted(by: { $0.key < $1.key }) {
            let ordered = itemLinks.sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.feedbackID < $1.feedbackID }
            for (rank, link) in ordered.enumerated()
            where rank >= FeedbackLink.shownPerItem || listed.contains(link.backlogID.short + "|" + link.feedbackID.short) {
                result.append(link)
            }
        }
        return result
    }
}
