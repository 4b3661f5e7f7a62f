import Foundation
import PodiumCore
import PodiumStore

/// What accepting a draft would change, as lines before and after, and their difference:
/// the "show the difference" view of a draft.
public enum DraftChanges {
    /// One line of the difference: kept, removed (was there) or added (would be there).
    public enum Line: Sendable, Equatable {
        case kept(String)
        case removed(String)
        case added(String)
    }

    /// The records a draft would change, as text before and after.
    public static func beforeAndAfter(_ draft: Draft, in snapshot: WorkspaceSnapshot) -> (before: [String], after: [String]) {
        let proposal: DraftProposal
        do {
            guard let effective = try EditedProposal.effective(draft), !effective.isEmpty else {
                let note = "Accepting changes no record: it \(draft.kind.info?.onAccept ?? "keeps the draft as accepted")."
                return ([note], [note])
            }
            proposal = effective
        } catch {
            let note = "Cannot be accepted as edited: \(error)"
            return ([note], [note])
        }
        var before: [String] = []
        var after: [String] = []
        let sections = MarkdownSections(draft.content)
        if let change = proposal.product {
            before += ["Vision:", snapshot.product.vision, "", "Product goal:", snapshot.product.productGoal]
            after += ["Vision:", change.vision, "", "Product goal:", change.productGoal]
        }
        if let order = proposal.backlogOrder {
            let titles = Dictionary(uniqueKeysWithValues: snapshot.backlog.values.map { ($0.id, $0.title) })
            // Numbered by place in the Product Backlog, as the Decision Maker pane and the
            // draft number them: the items share out the places they hold now.
            let position = Dictionary(uniqueKeysWithValues: snapshot.orderedBacklog.enumerated().map { ($1.id, $0 + 1) })
            let current = snapshot.orderedBacklog.map(\.id).filter { order.contains($0) }
            let slots = current.compactMap { position[$0] }
            let heading = "Places in the Product Backlog of the items waiting to start:"
            before += [heading] + current.map { "\(position[$0] ?? 0). \(titles[$0] ?? $0.short)" }
            after += [heading] + zip(slots, order.filter { position[$0] != nil }).map { "\($0). \(titles[$1] ?? $1.short)" }
        }
        for assignment in (proposal.sentiments ?? []).prefix(500) {
            let old = snapshot.feedback[assignment.feedbackID]?.currentSentiment
            guard old != assignment.score else { continue }
            before.append("#\(assignment.feedbackID.short) sentiment " + (old.map { String(format: "%+.2f", $0) } ?? "none"))
            after.append("#\(assignment.feedbackID.short) sentiment " + String(format: "%+.2f", assignment.score))
        }
        if let themes = proposal.themeTags {
            let old = Dictionary(grouping: snapshot.feedback.values.flatMap { item in item.currentTags.filter { $0.hasPrefix(FeedbackAnnotations.themeTagPrefix) }.map { ($0, item.id) } },
                                 by: \.0).mapValues(\.count)
            before += old.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) items" }
            after += themes.map { "\($0.tag): \($0.feedbackIDs.count) items" }.sorted()
        }
        if let links = proposal.feedbackLinks {
            let (was, will) = linkLines(links, in: snapshot)
            before += was
            after += will
        }
        for link in proposal.experimentLinks ?? [] {
            let experiment = snapshot.experiments[link.experimentID]?.title ?? link.experimentID.short
            let item = snapshot.backlog[link.backlogID].map { ($0.key.map { $0 + " " } ?? "") + $0.title } ?? link.backlogID.short
            after.append("Experiment “\(experiment)” linked to \(item)")
        }
        for persona in proposal.personas ?? [] { after.append("New persona: \(persona.name) — \(persona.summary)") }
        for experiment in proposal.experiments ?? [] { after.append("New experiment: \(experiment.title) (\(experiment.metric), target \(experiment.target))") }
        if let decision = proposal.decision { after.append("New decision: \(decision.title) — \(sections["choice"] ?? decision.choice)") }
        if let conclusion = proposal.experimentConclusion {
            let experiment = snapshot.experiments[conclusion.experimentID]
            before += ["Status: \(experiment?.status.rawValue ?? "missing")", "Result: \(experiment?.result ?? "none")"]
            after += ["Status: \(conclusion.status.rawValue)", "Result: \(sections["conclusion"] ?? conclusion.result)"]
        }
        if let communication = proposal.communication {
            after.append("New \(communication.kind.rawValue) for \(communication.audience): \(communication.title) (its text is the draft)")
        }
        return (before.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) },
                after.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) })
    }

    /// Per backlog item, its demand and praise counts now and after, and the links added.
    private static func linkLines(_ links: [FeedbackLink], in snapshot: WorkspaceSnapshot) -> ([String], [String]) {
        var before: [String] = [], after: [String] = []
        let grouped = Dictionary(grouping: links, by: \.backlogID)
        for item in snapshot.orderedBacklog {
            guard let itemLinks = grouped[item.id] else { continue }
            var changed = item
            for link in itemLinks { changed.link(link.feedbackID, as: link.kind) }
            let name = (item.key.map { $0 + " " } ?? "") + item.title
            before.append("\(name): \(item.linkedFeedback.count) demand, \(item.validatingFeedback.count) praise")
            after.append("\(name): \(changed.linkedFeedback.count) demand, \(changed.validatingFeedback.count) praise")
            for link in itemLinks.sorted(by: { $0.strength > $1.strength }).prefix(200) {
                let text = snapshot.feedback[link.feedbackID].map { $0.text.count > 90 ? String($0.text.prefix(89)) + "…" : $0.text } ?? "(feedback no longer there)"
                after.append("  + \(link.kind == .demand ? "demand" : "praise") #\(link.feedbackID.short) \(text)")
            }
        }
        return (before, after)
    }

    /// The line difference between what is there and what accepting would leave.
    public static func lines(_ draft: Draft, in snapshot: WorkspaceSnapshot) -> [Line] {
        let (before, after) = beforeAndAfter(draft, in: snapshot)
        let difference = after.difference(from: before)
        var removals = Set<Int>(), insertions = Set<Int>()
        for change in difference {
            switch change {
            case let .remove(offset, _, _): removals.insert(offset)
            case let .insert(offset, _, _): insertions.insert(offset)
            }
        }
        var result: [Line] = []
        var old = 0, new = 0
        while old < before.count || new < after.count {
            if old < before.count, removals.contains(old) {
                result.append(.removed(before[old])); old += 1
            } else if new < after.count, insertions.contains(new) {
                result.append(.added(after[new])); new += 1
            } else if old < before.count, new < after.count {
                result.append(.kept(after[new])); old += 1; new += 1
            } else if old < before.count {
                result.append(.removed(before[old])); old += 1
            } else {
                result.append(.added(after[new])); new += 1
            }
        }
        return result
    }
}
