import PodiumCore
import PodiumRender
import PodiumStore

/// The Customer Representative's links by hand: Space marks feedback, L links the marked
/// (or selected) feedback to a backlog item picked from a fuzzy list, as demand or praise,
/// U unlinks it; every change is one write with an audit entry, and `u` takes it back.
extension AppState {
    var customerIndex: Int { Panes.index(of: .customerRepresentative) ?? 2 }

    /// Does a Customer Representative action; anywhere else (or in the personas view), says where it works.
    mutating func customerAction(_ action: Action) -> [Effect] {
        guard focusedStance == .customerRepresentative else {
            message = "That key works in the Customer Representative pane (\(customerIndex + 1))."
            return []
        }
        if action == .openAcceptedSummary { return openAcceptedSummary() }
        guard focusedView.id == .feedback else {
            message = "Marking and linking work in the feedback view (v switches views)."
            return []
        }
        switch action {
        case .linkToBacklog: openLinkPicker(.link)
        case .unlinkFromBacklog: openLinkPicker(.unlink)
        default: break
        }
        return []
    }

    // MARK: Marks

    /// Marks or unmarks the selected feedback item (a ✓ before its text) and moves down.
    /// Marks stay while the filter changes, so items found by several filters can be linked at once.
    mutating func toggleFeedbackMark() {
        let index = customerIndex
        guard let row = selectedRow, snapshot.feedback[RecordID(row.id)] != nil else {
            message = "Space marks feedback; there is none selected."
            return
        }
        let position = panes[index].visible[panes[index].selected]
        var content = contents[index]
        let text = content.rows[position].cells.count - 1
        if panes[index].marked.remove(row.id) != nil {
            if content.rows[position].cells[text].hasPrefix("✓ ") { content.rows[position].cells[text].removeFirst(2) }
        } else {
            panes[index].marked.insert(row.id)
            content.rows[position].cells[text] = "✓ " + content.rows[position].cells[text]
        }
        setContent(content, at: index)
        let count = panes[index].marked.count
        message = count == 0 ? "No feedback marked." : "\(Format.count(count, "feedback item")) marked · L links them to a backlog item · U unlinks"
        _ = perform(.moveDown)
    }

    /// Shows the ✓ of marked feedback in a rebuilt list and forgets marks on feedback that is gone.
    mutating func applyFeedbackMarks(_ index: Int) {
        panes[index].marked = panes[index].marked.filter { snapshot.feedback[RecordID($0)] != nil }
        guard !panes[index].marked.isEmpty else { return }
        var content = contents[index]
        for row in content.rows.positions(of: panes[index].marked) {
            let text = content.rows[row].cells.count - 1
            content.rows[row].cells[text] = "✓ " + content.rows[row].cells[text]
        }
        setContent(content, at: index)
    }

    /// Forgets every feedback mark and takes the ✓ off the rows.
    mutating func clearFeedbackMarks() {
        let index = customerIndex
        guard !panes[index].marked.isEmpty else { return }
        var content = contents[index]
        for row in content.rows.positions(of: panes[index].marked) {
            let text = content.rows[row].cells.count - 1
            if content.rows[row].cells[text].hasPrefix("✓ ") { content.rows[row].cells[text].removeFirst(2) }
        }
        panes[index].marked = []
        setContent(content, at: index)
    }

    // MARK: The picker

    /// The feedback L and U work on: the marked items (also those the filter hides), else the selected one.
    private var feedbackToLink: [RecordID<FeedbackItem>] {
        let marked = panes[customerIndex].marked.filter { snapshot.feedback[RecordID($0)] != nil }
        if !marked.isEmpty { return marked.sorted().map(RecordID.init) }
        guard let row = selectedRow, snapshot.feedback[RecordID(row.id)] != nil else { return [] }
        return [RecordID(row.id)]
    }

    private mutating func openLinkPicker(_ purpose: LinkPicker.Purpose) {
        // Feedback dismissed as noise is evidence of nothing: it is not linked.
        let all = feedbackToLink
        let feedback = purpose == .link ? all.filter { snapshot.feedback[$0]?.triage != .dismissed } : all
        guard !feedback.isEmpty else {
            message = all.isEmpty ? "Select a feedback item (or mark some with Space) first."
                : "Dismissed feedback is not linked: x on it brings it back first."
            return
        }
        let picker = LinkPicker(purpose: purpose, feedback: feedback)
        let candidates = picker.candidates(in: snapshot)
        guard !candidates.isEmpty else {
            message = purpose == .link ? "The backlog has no open items to link to."
                : (feedback.count == 1 ? "This feedback item is not linked to any backlog item." : "None of the \(feedback.count) marked items is linked to a backlog item.")
            return
        }
        mode = .linkPicker(picker)
    }

    /// Keys of the link picker: type to filter, Up/Down choose, Tab switches demand and praise, Enter picks, Esc cancels.
    mutating func handleLinkPicker(_ key: Key, _ picker: LinkPicker) -> [Effect] {
        var picker = picker
        let candidates = picker.candidates(in: snapshot)
        switch key {
        case .escape:
            mode = .normal
            message = picker.purpose == .link ? "Nothing linked." : "Nothing unlinked."
            return []
        case .enter:
            guard candidates.indices.contains(picker.selected) else {
                message = "No backlog item matches “\(Format.clean(picker.query))”: Ctrl-U clears the filter."
                return []
            }
            mode = .normal
            return setLinks(of: picker.feedback, on: candidates[picker.selected], to: picker.purpose == .link ? picker.kind : nil)
        case .tab, .backTab:
            guard picker.purpose == .link else { return [] }
            picker.kind = picker.kind.toggled
        case .down, .control("n"):
            picker.selected = min(picker.selected + 1, max(0, candidates.count - 1))
        case .up, .control("p"):
            picker.selected = max(0, picker.selected - 1)
        case .pageDown:
            picker.selected = min(picker.selected + pageSize, max(0, candidates.count - 1))
        case .pageUp:
            picker.selected = max(0, picker.selected - pageSize)
        default:
            guard LineEditing.apply(key, to: &picker.query) else { return [] }
            picker.selected = 0
        }
        mode = .linkPicker(picker)
        return []
    }

    /// Links `feedback` to `item` as `kind` (nil: unlinks it), with an undo entry that puts
    /// each feedback item back as it was; a change that changes nothing is only said.
    private mutating func setLinks(of feedback: [RecordID<FeedbackItem>], on item: BacklogItem, to kind: FeedbackLinkKind?) -> [Effect] {
        let before = Dictionary(uniqueKeysWithValues: feedback.map { ($0, item.linkKind(of: $0)) })
        let changing = feedback.filter { before[$0]! != kind }
        let name = item.displayName
        guard !changing.isEmpty else {
            message = kind.map { feedback.count == 1 ? "Already linked to \(name) as \($0.word): nothing changed."
                : "All \(feedback.count) are already linked to \(name) as \($0.word): nothing changed." }
                ?? "Not linked to \(name): nothing changed."
            return []
        }
        let after = Dictionary(uniqueKeysWithValues: changing.map { ($0, kind) })
        let restore = Dictionary(uniqueKeysWithValues: changing.map { ($0, before[$0]!) })
        let what = Format.count(changing.count, "feedback item")
        var description: String
        if let kind {
            description = "linked \(what) to \(name) as \(kind.word)"
            let moved = changing.filter { before[$0]! != nil }.count
            if moved > 0 { description += " (\(moved) moved from \(kind.toggled.word))" }
        } else {
            description = "unlinked \(what) from \(name)"
        }
        let unchanged = feedback.count - changing.count
        undoStack.append(UndoEntry(description: description, restore: .setFeedbackLinks(item.id, restore)))
        if undoStack.count > 50 { undoStack.removeFirst() }
        clearFeedbackMarks()
        message = description.prefix(1).uppercased() + description.dropFirst()
            + (unchanged > 0 ? " · \(unchanged) already \(kind == nil ? "unlinked" : "linked so")" : "") + " · u undoes"
        return [.write(.setFeedbackLinks(item.id, after), summary: description)]
    }

    // MARK: Accepted summary

    /// Opens the newest accepted feedback summary in the record view, where its citations can be opened.
    private mutating func openAcceptedSummary() -> [Effect] {
        guard let summary = snapshot.drafts.values.filter({ $0.kind == .summarizeFeedback && $0.status == .accepted })
            .max(by: { ($0.reviewedAt ?? $0.createdAt, $0.id) < ($1.reviewedAt ?? $1.createdAt, $1.id) }) else {
            message = "No feedback summary has been accepted yet (m drafts one)."
            return []
        }
        mode = .record(RecordTrail(ArtifactReference(.draft, summary.id), from: .list))
        return []
    }
}
