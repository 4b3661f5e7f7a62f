import PodiumCore
import PodiumRender
import PodiumStore

/// The record view: a record with the records it leads to (feedback, backlog items, cited
/// ids, the draft that made it); j/k select a link, Enter opens it on top, Esc goes back one
/// record at a time and then to where the trail started (the list, a detail, a draft).
extension AppState {
    /// Builds the page of the record the record view shows when the record or the workspace
    /// changed since it was built: a backlog item of a large workspace leads to thousands of
    /// feedback items, too many to gather again on every key (see `openRecordPage`).
    mutating func keepRecordPage() {
        guard case let .record(trail) = mode else {
            openRecordPage = nil
            openRecordPageKey = nil
            return
        }
        let key = RecordPageKey(reference: trail.current.reference, revision: revision)
        guard key != openRecordPageKey else { return }
        openRecordPage = RecordPage.build(key.reference, in: snapshot)
        openRecordPageKey = key
    }

    /// Opens the selected row's record in the record view.
    mutating func openRecord(from origin: RecordTrail.Origin) {
        guard let row = selectedRow else {
            message = "Nothing selected."
            return
        }
        guard let reference = RecordPage.reference(forRow: row.id, in: snapshot) else {
            message = "This row is no record with links to follow (Enter reads it)."
            return
        }
        message = nil
        mode = .record(RecordTrail(reference, from: origin))
    }

    /// Keys of the record view (fixed, listed in the help under "Record").
    mutating func handleRecord(_ key: Key, _ trail: RecordTrail) -> [Effect] {
        var trail = trail
        if [.escape, .character("q"), .backspace, .left, .character("h")].contains(key) {
            leave(&trail)
            return []
        }
        guard let page = openRecordPage else {
            message = "That record is no longer in the workspace."
            leave(&trail)
            return []
        }
        let links = page.links.count
        var step = trail.current
        message = nil
        switch key {
        case .down, .character("j"), .character("n"):
            if links == 0 { step.scroll += 1 } else { step.selected = min(step.selected + 1, links - 1) }
        case .up, .character("k"), .character("N"):
            if links == 0 { step.scroll = max(0, step.scroll - 1) } else { step.selected = max(0, step.selected - 1) }
        case .character("g"), .home:
            step.selected = 0
            step.scroll = 0
        case .character("G"), .end:
            step.selected = max(0, links - 1)
        case .pageDown, .control("d"), .character(" "): step.scroll += pageSize
        case .pageUp, .control("u"): step.scroll = max(0, step.scroll - pageSize)
        case .enter, .character("o"), .right, .character("l"):
            guard page.links.indices.contains(step.selected) else {
                message = "This record leads nowhere: no feedback, links or citations."
                return []
            }
            let link = page.links[step.selected]
            guard let reference = link.reference, RecordPage.exists(reference, in: snapshot) else {
                message = link.reference == nil ? link.label : "That record is no longer in the workspace."
                return []
            }
            trail.current = step
            trail.push(reference)
            mode = .record(trail)
            return []
        default:
            message = "Record: j/k choose a link · Enter opens it · Space/PgDn scroll · Esc back"
        }
        trail.current = step
        mode = .record(trail)
        return []
    }

    /// Goes back one record, or, from the first, to where the trail started.
    private mutating func leave(_ trail: inout RecordTrail) {
        if trail.pop() {
            mode = .record(trail)
            return
        }
        switch trail.origin {
        case .list: mode = .normal
        case let .detail(scroll): mode = .detail(scroll: scroll)
        case let .draft(view): mode = snapshot.drafts[view.id] == nil ? .normal : .draft(view)
        }
    }

    // MARK: Citations in the draft view

    /// The citations of a draft, in the order the record view lists them.
    public func citations(of draft: Draft) -> [RecordPage.Link] {
        RecordPage.build(ArtifactReference(.draft, draft.id), in: snapshot)?.links.filter { $0.group != "Changes" } ?? []
    }

    /// Picks the next (or previous) citation of the draft and says which it is.
    mutating func pickCitation(_ view: inout DraftView, _ draft: Draft, by delta: Int) {
        let citations = citations(of: draft)
        guard !citations.isEmpty else {
            message = "This draft cites no records."
            return
        }
        let next = view.citation.map { ($0 + delta + citations.count) % citations.count } ?? (delta > 0 ? 0 : citations.count - 1)
        view.citation = next
        if view.panel == .text { view.panel = .evidence }
        view.scroll = 0
        message = "Citation \(next + 1) of \(citations.count): \(citations[next].label) · Enter opens it · n/N next/previous"
    }

    /// Opens the picked citation (the first when none is) in the record view; Esc comes back to the draft as it was.
    mutating func openCitation(_ view: DraftView, _ draft: Draft) {
        let citations = citations(of: draft)
        let index = view.citation ?? 0
        guard citations.indices.contains(index) else {
            message = "This draft cites no records."
            mode = .draft(view)
            return
        }
        guard let reference = citations[index].reference, RecordPage.exists(reference, in: snapshot) else {
            message = citations[index].reference == nil ? citations[index].label : "That record is no longer in the workspace."
            mode = .draft(view)
            return
        }
        var back = view
        back.citation = index
        message = nil
        mode = .record(RecordTrail(reference, from: .draft(back)))
    }
}
