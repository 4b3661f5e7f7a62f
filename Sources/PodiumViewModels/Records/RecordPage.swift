import Foundation
import PodiumCore
import PodiumStore

/// One record as the record view shows it: its detail, and the records it leads to (a
/// backlog item's feedback, the items a feedback item backs, the ids a text cites, the draft
/// that made it), which j/k select and Enter opens. Every string is safe for the terminal.
public struct RecordPage: Sendable, Equatable {
    /// A record the page leads to.
    public struct Link: Sendable, Equatable {
        /// The record; nil for a cited id that matches nothing in the workspace.
        public var reference: ArtifactReference?
        /// The heading it is listed under: "Demand", "Praise", "Cited", "Made by".
        public var group: String
        /// One line naming it.
        public var label: String
    }

    public var reference: ArtifactReference
    /// "feedback #1a2b3c4d".
    public var title: String
    public var lines: [PaneContent.Line]
    public var links: [Link]

    /// The page of `reference`; nil when no such record exists (any more).
    public static func build(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> RecordPage? {
        guard RecordPage.exists(reference, in: snapshot) else { return nil }
        let lines = detailLines(reference, in: snapshot)
        let makers = madeBy(reference, in: snapshot)
        var links: [Link] = []
        switch reference.kind {
        case .backlog:
            if let item = snapshot.backlog[RecordID(reference.id)] {
                links += feedbackLinks(item.linkedFeedback, group: "Demand", in: snapshot)
                links += feedbackLinks(item.validatingFeedback, group: "Praise", in: snapshot)
            }
        case .feedback:
            let id = RecordID<FeedbackItem>(reference.id)
            for item in snapshot.orderedBacklog {
                guard let kind = item.linkKind(of: id) else { continue }
                links.append(Link(reference: ArtifactReference(.backlog, item.id), group: kind == .demand ? "Demand for" : "Praise of",
                                  label: label(ArtifactReference(.backlog, item.id), in: snapshot)))
            }
        case .decision:
            if let decision = snapshot.decisions[RecordID(reference.id)] {
                links += decision.linkedBacklog.map { link(ArtifactReference(.backlog, $0), group: "Backlog", in: snapshot) }
                links += feedbackLinks(decision.linkedFeedback, group: "Feedback", in: snapshot)
            }
        case .experiment:
            if let experiment = snapshot.experiments[RecordID(reference.id)] {
                links += experiment.linkedBacklog.map { link(ArtifactReference(.backlog, $0), group: "Backlog", in: snapshot) }
                links += feedbackLinks(experiment.linkedFeedback, group: "Feedback", in: snapshot)
            }
        case .persona:
            if let persona = snapshot.personas[RecordID(reference.id)] {
                var seen: Set<RecordID<FeedbackItem>> = []
                links += feedbackLinks(persona.quotes.map(\.sourceID).filter { seen.insert($0).inserted }, group: "Quoted", in: snapshot, newestFirst: false)
            }
        case .draft:
            if let draft = snapshot.drafts[RecordID(reference.id)] {
                links += citationLinks(draft)
                if let target = draft.target, target != reference, exists(target, in: snapshot) {
                    links.append(link(target, group: "Changes", in: snapshot))
                }
            }
        case .product, .stakeholder, .communication, .job, .annotations:
            break
        }
        if reference.kind != .draft {
            let known = makers.flatMap { $0.evidence.map(\.reference) }
            links += cited(in: text(of: reference, in: snapshot), known: known, in: snapshot)
                .filter { link in link.reference == nil || !links.contains { $0.reference == link.reference } }
            links += makers.map { link(ArtifactReference(.draft, $0.id), group: "Made by", in: snapshot) }
        }

        /// A draft's citations in the order its text makes them, then its evidence not cited in the text.
        func citationLinks(_ draft: Draft) -> [Link] {
            let known = draft.evidence.map(\.reference)
            var links = cited(in: draft.content, known: known, in: snapshot)
            for evidence in draft.evidence where !links.contains(where: { $0.reference == evidence.reference }) {
                links.append(link(evidence.reference, group: evidence.group.map { "Evidence: " + Format.clean($0) } ?? "Evidence", in: snapshot))
            }
            return links
        }
        return RecordPage(reference: reference, title: "\(reference.kind.rawValue) #\(reference.id.suffix(8))", lines: lines, links: links)
    }

    /// The record a pane's row shows, found by its id; nil for rows that are no record
    /// (a goal measure, a rule, an audit entry).
    public static func reference(forRow id: String, in snapshot: WorkspaceSnapshot) -> ArtifactReference? {
        let kinds: [ArtifactKind] = [.feedback, .backlog, .decision, .experiment, .communication, .draft, .stakeholder, .persona, .job]
        return kinds.lazy.map { ArtifactReference(kind: $0, id: id) }.first { exists($0, in: snapshot) }
    }

    /// Whether the workspace holds the record.
    public static func exists(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> Bool {
        let id = reference.id
        return switch reference.kind {
        case .product: true
        case .feedback: snapshot.feedback[RecordID(id)] != nil
        case .backlog: snapshot.backlog[RecordID(id)] != nil
        case .stakeholder: snapshot.stakeholders[RecordID(id)] != nil
        case .persona: snapshot.personas[RecordID(id)] != nil
        case .experiment: snapshot.experiments[RecordID(id)] != nil
        case .decision: snapshot.decisions[RecordID(id)] != nil
        case .communication: snapshot.communications[RecordID(id)] != nil
        case .draft: snapshot.drafts[RecordID(id)] != nil
        case .job: snapshot.jobs[RecordID(id)] != nil
        case .annotations: snapshot.annotations[RecordID(id)] != nil
        }
    }

    /// One line naming a record: a feedback item's day, source, rating and words; a backlog
    /// item's key, title and status; another record's title.
    public static func label(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> String {
        let id = reference.id
        let text: String? = switch reference.kind {
        case .product: "Product: " + snapshot.product.name
        case .feedback: snapshot.feedback[RecordID(id)].map { item in
            ([Format.day(item.createdAt), item.source.rawValue] + [item.rating?.display].compactMap { $0 }).joined(separator: " · ") + " — " + item.text }
        case .backlog: snapshot.backlog[RecordID(id)].map { "\($0.displayName) · \($0.status.rawValue)" }
        case .stakeholder: snapshot.stakeholders[RecordID(id)].map { "Stakeholder: \($0.name), \($0.role)" }
        case .persona: snapshot.personas[RecordID(id)].map { "Persona: \($0.name)" }
        case .experiment: snapshot.experiments[RecordID(id)].map { "Experiment: \($0.title) (\($0.status.rawValue))" }
        case .decision: snapshot.decisions[RecordID(id)].map { "Decision: \($0.title) — \($0.choice)" }
        case .communication: snapshot.communications[RecordID(id)].map { "\($0.kind.rawValue): \($0.title) (\($0.status.rawValue))" }
        case .draft: snapshot.drafts[RecordID(id)].map { "Draft: \($0.title) (\($0.kind), \($0.status.rawValue))" }
        case .job: snapshot.jobs[RecordID(id)].map { "Job: \($0.kind) (\($0.status.rawValue))" }
        case .annotations: snapshot.annotations[RecordID(id)].map { "Annotations: \($0.kind), \($0.itemCount) feedback items" }
        }
        return Format.clean(text ?? "(no longer in the workspace)")
    }

    // MARK: Parts

    private static func link(_ reference: ArtifactReference, group: String, in snapshot: WorkspaceSnapshot) -> Link {
        Link(reference: reference, group: group, label: label(reference, in: snapshot))
    }

    /// Feedback links, newest first (feedback no longer in the workspace is left out).
    private static func feedbackLinks(_ ids: [RecordID<FeedbackItem>], group: String, in snapshot: WorkspaceSnapshot, newestFirst: Bool = true) -> [Link] {
        var items = ids.compactMap { snapshot.feedback[$0] }
        if newestFirst { items.sort { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) } }
        return items.map { link(ArtifactReference(.feedback, $0.id), group: group, in: snapshot) }
    }

    /// The records a text cites, in order; an id that matches nothing is listed as such.
    private static func cited(in text: String, known: [ArtifactReference], in snapshot: WorkspaceSnapshot) -> [Link] {
        let shorts = Citations.shortIDs(in: text)
        guard !shorts.isEmpty else { return [] }
        let found = Citations.resolve(shorts, known: known, in: snapshot)
        return shorts.map { short in
            guard let reference = found[short], exists(reference, in: snapshot) else {
                return Link(reference: nil, group: "Cited", label: "#\(Format.clean(short)) — matches no record in the workspace")
            }
            return link(reference, group: "Cited", in: snapshot)
        }
    }

    /// Accepted drafts that made the record or aimed at it, newest first.
    private static func madeBy(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> [Draft] {
        guard reference.kind != .draft, reference.kind != .job else { return [] }
        return snapshot.drafts.values.filter { draft in
            draft.status == .accepted
                && (draft.target == reference || draft.appliedChanges?.contains { $0.reference == reference && $0.before == nil } == true)
        }
        .sorted { $0.id > $1.id }
    }

    /// The record's own words, where ids may be cited.
    private static func text(of reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> String {
        let id = reference.id
        return switch reference.kind {
        case .product: snapshot.product.vision + "\n" + snapshot.product.productGoal
        case .backlog: snapshot.backlog[RecordID(id)]?.description ?? ""
        case .stakeholder: snapshot.stakeholders[RecordID(id)]?.notes ?? ""
        case .persona: snapshot.personas[RecordID(id)].map { ([$0.summary] + $0.goals + $0.pains).joined(separator: "\n") } ?? ""
        case .experiment: snapshot.experiments[RecordID(id)].map { [$0.hypothesis, $0.metric, $0.target, $0.result ?? ""].joined(separator: "\n") } ?? ""
        case .decision: snapshot.decisions[RecordID(id)].map { ([$0.context, $0.choice, $0.rationale] + $0.options).joined(separator: "\n") } ?? ""
        case .communication: snapshot.communications[RecordID(id)]?.body ?? ""
        case .draft: snapshot.drafts[RecordID(id)]?.content ?? ""
        case .feedback, .job, .annotations: ""
        }
    }

    /// The record's detail, as its pane shows it (a backlog item without its feedback, which
    /// the page lists as links).
    private static func detailLines(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> [PaneContent.Line] {
        let id = reference.id
        switch reference.kind {
        case .product:
            let product = snapshot.product
            return [.init(Format.clean(product.name), .accent), .init(""), .init("Vision", .muted), .init(Format.clean(product.vision, lines: true)),
                    .init(""), .init("Product goal", .muted), .init(Format.clean(product.productGoal, lines: true))]
        case .backlog:
            return snapshot.backlog[RecordID(id)].map(BacklogView.describe) ?? []
        case .feedback, .persona:
            return Panes.detail(for: .customerRepresentative, id: id, in: snapshot)
        case .decision:
            return Panes.detail(for: .decisionMaker, id: id, in: snapshot)
        case .stakeholder:
            return Panes.detail(for: .collaborator, id: id, in: snapshot)
        case .experiment:
            return Panes.detail(for: .experimenter, id: id, in: snapshot)
        case .communication:
            return Panes.detail(for: .influencer, id: id, in: snapshot)
        case .draft, .job:
            return Panes.detail(for: .orchestrator, id: id, in: snapshot)
        case .annotations:
            guard let annotations = snapshot.annotations[RecordID(id)] else { return [] }
            var lines: [PaneContent.Line] = [
                .init("\(annotations.kind) annotations", .accent), .init(""),
                .init("Accepted \(Format.day(annotations.acceptedAt))" + (annotations.acceptedBy.map { " by " + Format.clean($0) } ?? ""), .muted),
            ]
            if let sentiment = annotations.sentiment { lines.append(.init("Sentiment of \(Format.number(Double(sentiment.count))) feedback items")) }
            for (tag, members) in (annotations.themes ?? [:]).sorted(by: { $0.key < $1.key }) {
                lines.append(.init(Format.clean(tag) + ": \(members.count) items"))
            }
            return lines
        }
    }
}
