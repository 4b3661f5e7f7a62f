import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumViewModels

/// The draft review screen: the draft's text, and beside it (or instead, on a narrow
/// terminal) its evidence with the cited records' own text, or what accepting would change.
enum DraftScreen {
    /// Draws the screen, the focused panel scrolled at most to the end of its text; returns
    /// how far that panel can scroll (so the caller can stop the scroll there).
    @discardableResult
    static func render(_ draft: Draft, view: AppState.DraftView, state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        let reviewable = draft.status == .pending || draft.status == .interrupted
        let title = "Draft \(draft.id.short) · \(draft.kind) · \(draft.status.rawValue) · \(Format.clean(draft.provider.name)) (\(Format.clean(draft.provider.model)))"
            + (draft.provider.host.map { " at \(Format.clean($0))" } ?? "")
        let hint = reviewable ? "a accept · x reject · e edit" : "r regenerate · Esc back"
        let wide = area.width >= 110
        let side = view.panel == .text ? AppState.DraftView.Panel.evidence : view.panel
        if wide {
            let parts = area.split(.horizontal, [.percentage(55), .fill()])
            let text = panel(.text, draft, view: view, state: state, title: title, hint: hint, scroll: view.panel == .text ? view.scroll : 0,
                             focused: view.panel == .text, into: &buffer, area: parts[0], theme: theme)
            let other = panel(side, draft, view: view, state: state, title: side == .changes ? "What accepting changes" : "Evidence",
                              hint: side == .changes ? "d back to evidence" : "v focus", scroll: view.panel == .text ? 0 : view.scroll,
                              focused: view.panel != .text, into: &buffer, area: parts[1], theme: theme)
            return view.panel == .text ? text : other
        }
        return panel(view.panel, draft, view: view, state: state, title: title, hint: hint, scroll: view.scroll, focused: true,
                     into: &buffer, area: area, theme: theme)
    }

    /// Draws one panel, its text scrolled by `scroll` at most to its end; returns how far it can scroll.
    private static func panel(
        _ kind: AppState.DraftView.Panel, _ draft: Draft, view: AppState.DraftView, state: AppState, title: String, hint: String, scroll: Int,
        focused: Bool, into buffer: inout Buffer, area: Rect, theme: Theme
    ) -> Int {
        Block(title: title, focused: focused, hint: hint).render(into: &buffer, area: area, theme: theme)
        let lines: [TextView.Line] = switch kind {
        case .text: textLines(draft)
        case .evidence: citationLines(draft, view: view, state: state) + flaggedLines(draft) + evidenceLines(draft, snapshot: state.snapshot)
        case .changes: changeLines(draft, snapshot: state.snapshot)
        }
        let inner = Block.inner(area)
        let wrapped = lines.reduce(0) { $0 + max(1, TextView.wrap($1.text, width: max(1, inner.width)).count) }
        let limit = max(0, wrapped - inner.height)
        TextView(lines: lines, offset: min(scroll, limit)).render(into: &buffer, area: inner, theme: theme)
        return limit
    }

    static func textLines(_ draft: Draft) -> [TextView.Line] {
        var lines = [TextView.Line(Format.clean(draft.title), role: .title),
                     TextView.Line("Made \(Format.time(draft.createdAt)) · \(draft.evidence.count) evidence record\(draft.evidence.count == 1 ? "" : "s")"
                        + (draft.edits.isEmpty ? "" : " · edited \(draft.edits.count)×")
                        + (draft.kind.info.map { " · accepting \($0.onAccept)" } ?? ""), role: .muted)]
        if let unknown = draft.unknownReferences, !unknown.isEmpty {
            lines.append(TextView.Line("Cites \(unknown.count) record(s) that do not exist: \(unknown.prefix(4).joined(separator: ", "))", role: .warning))
        }
        if let flagged = draft.flaggedCitations, !flagged.isEmpty {
            lines.append(TextView.Line("\(flagged.count) sentence(s) cite a record not given to the model or that does not say it (listed with the evidence)",
                                       role: .warning))
        }
        if let note = draft.reviewNote { lines.append(TextView.Line("Note: \(Format.clean(note))", role: .muted)) }
        lines.append(TextView.Line(""))
        for line in MarkdownLines.lines(draft.content) {
            lines.append(TextView.Line(line.text, role: line.style == .heading ? .accent : line.style == .rule ? .muted : .text))
        }
        if !draft.figures.isEmpty {
            lines += [TextView.Line(""), TextView.Line("Figures", role: .accent)]
            lines += draft.figures.prefix(30).map { TextView.Line("\(Format.clean($0.name)): \(Format.number($0.value))\($0.unit ?? "")", role: .muted) }
        }
        return lines
    }

    /// The citation picked with n/N, above the evidence: which it is and that Enter opens it.
    static func citationLines(_ draft: Draft, view: AppState.DraftView, state: AppState) -> [TextView.Line] {
        guard let index = view.citation else { return [] }
        let citations = state.citations(of: draft)
        guard citations.indices.contains(index) else { return [] }
        let citation = citations[index]
        return [TextView.Line("Citation \(index + 1) of \(citations.count) · Enter opens it · n/N next/previous", role: .accent),
                TextView.Line("› " + (citation.reference.map { "\($0.kind.rawValue) #\($0.id.suffix(8)) · " } ?? "") + citation.label,
                              role: citation.reference == nil ? .warning : .focus),
                TextView.Line("")]
    }

    /// The sentences whose citation was flagged, above the evidence: the id, why, and the sentence.
    static func flaggedLines(_ draft: Draft) -> [TextView.Line] {
        guard let flagged = draft.flaggedCitations, !flagged.isEmpty else { return [] }
        var lines = [TextView.Line("Flagged citations", role: .warning)]
        for item in flagged.prefix(50) {
            lines.append(TextView.Line("#\(Format.clean(item.id)) · \(item.reason)", role: .warning))
            lines.append(TextView.Line("  “\(Format.clean(item.sentence))”"))
        }
        if flagged.count > 50 { lines.append(TextView.Line("… and \(flagged.count - 50) more (podium drafts show \(draft.id.short) --json)", role: .muted)) }
        return lines + [TextView.Line("")]
    }

    /// The cited records with their own words, so the draft can be checked against them.
    static func evidenceLines(_ draft: Draft, snapshot: WorkspaceSnapshot) -> [TextView.Line] {
        guard !draft.evidence.isEmpty else { return [TextView.Line("This draft cites no records.", role: .muted)] }
        var lines: [TextView.Line] = []
        var group: String?
        for evidence in draft.evidence.prefix(300) {
            if evidence.group != group, let name = evidence.group {
                lines.append(TextView.Line(Format.clean(name), role: .accent))
            }
            group = evidence.group
            let reference = evidence.reference
            let detail = evidence.detail.map { " · " + Format.clean($0) } ?? ""
            lines.append(TextView.Line("\(reference.kind.rawValue) #\(reference.id.suffix(8))\(detail)", role: .muted))
            lines.append(TextView.Line("  " + (recordText(reference, snapshot: snapshot) ?? "(no longer in the workspace)")))
        }
        if draft.evidence.count > 300 { lines.append(TextView.Line("… and \(draft.evidence.count - 300) more (podium drafts show \(draft.id.short) --json)", role: .muted)) }
        return lines
    }

    static func recordText(_ reference: ArtifactReference, snapshot: WorkspaceSnapshot) -> String? {
        let id = reference.id
        let text: String? = switch reference.kind {
        case .product: snapshot.product.name + ": " + snapshot.product.productGoal
        case .feedback: snapshot.feedback[RecordID(id)].map { item in
            [item.source.rawValue, item.segment, item.rating?.display].compactMap { $0 }.joined(separator: " · ") + " — " + item.text }
        case .backlog: snapshot.backlog[RecordID(id)].map { "\($0.title) (\($0.status.rawValue), order \($0.order))" }
        case .stakeholder: snapshot.stakeholders[RecordID(id)].map { "\($0.name), \($0.role): \($0.notes)" }
        case .persona: snapshot.personas[RecordID(id)].map { "\($0.name): \($0.summary)" }
        case .experiment: snapshot.experiments[RecordID(id)].map { "\($0.title) (\($0.status.rawValue))" }
        case .decision: snapshot.decisions[RecordID(id)].map { "\($0.title): \($0.choice)" }
        case .communication: snapshot.communications[RecordID(id)].map { "\($0.title) (\($0.status.rawValue))" }
        case .draft: snapshot.drafts[RecordID(id)].map(\.title)
        case .job: snapshot.jobs[RecordID(id)].map(\.kind.rawValue)
        case .annotations: snapshot.annotations[RecordID(id)].map { "\($0.kind) annotations of \($0.itemCount) feedback items" }
        }
        return text.map { Format.clean($0) }
    }

    static func changeLines(_ draft: Draft, snapshot: WorkspaceSnapshot) -> [TextView.Line] {
        DraftChanges.lines(draft, in: snapshot).map { line in
            switch line {
            case let .kept(text): TextView.Line("  " + Format.clean(text), role: .muted)
            case let .removed(text): TextView.Line("- " + Format.clean(text), role: .error)
            case let .added(text): TextView.Line("+ " + Format.clean(text), role: .success)
            }
        }
    }
}
