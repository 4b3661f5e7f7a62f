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
            proposal.feedbackLinks = FeedbackLink.kept(links, listedIn: draft.content)
        }
        if let links = proposal.experimentLinks {
            proposal.experimentLinks = ExperimentLink.kept(links, listedIn: draft.content)
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
}
