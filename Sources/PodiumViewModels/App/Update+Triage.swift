import PodiumCore
import PodiumEngine

/// The Customer Representative's triage: N marks feedback seen (or new again), x dismisses it
/// as noise (or brings it back), T tags it; on the marked items when there are any, else the
/// selected one. Each is one write with an audit entry; `u` takes it back.
extension AppState {
    mutating func triageAction(_ action: Action) -> [Effect] {
        guard focusedStance == .customerRepresentative, focusedView.id == .feedback else {
            message = "Triage works in the Customer Representative's feedback view (\(customerIndex + 1), v switches views)."
            return []
        }
        let targets = triageTargets()
        guard !targets.isEmpty else {
            message = "No feedback is selected."
            return []
        }
        switch action {
        case .toggleSeen:
            // All seen already: new again. Otherwise (new or dismissed): seen.
            let state: FeedbackTriage? = targets.allSatisfy { $0.triage == .seen } ? nil : .seen
            return setTriage(targets, to: state)
        case .dismissFeedback:
            let state: FeedbackTriage? = targets.allSatisfy { $0.triage == .dismissed } ? .seen : .dismissed
            return setTriage(targets, to: state)
        default:
            let text = targets.count == 1 ? targets[0].tags.joined(separator: ", ") : ""
            mode = .prompt(Prompt(purpose: .feedbackTags(targets.map(\.id)), text: text))
            return []
        }
    }

    /// The marked feedback (in the list's order), or the selected item.
    private func triageTargets() -> [FeedbackItem] {
        let marked = panes[customerIndex].marked
        if !marked.isEmpty { return marked.sorted().compactMap { snapshot.feedback[RecordID($0)] } }
        return selectedRow.flatMap { snapshot.feedback[RecordID($0.id)] }.map { [$0] } ?? []
    }

    private mutating func setTriage(_ items: [FeedbackItem], to state: FeedbackTriage?) -> [Effect] {
        let after = Dictionary(uniqueKeysWithValues: items.map { ($0.id, state) })
        let before = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.triage) })
        let summary = FeedbackEditor.describe(after)
        pushUndo(UndoEntry(description: summary.prefix(1).lowercased() + summary.dropFirst(), restore: .setFeedbackTriage(before)))
        message = summary + (state == .dismissed ? " (kept; AI jobs leave it out)" : "") + " · u undoes"
        clearFeedbackMarks()
        if items.count == 1 { _ = perform(.moveDown) }
        return [.write(.setFeedbackTriage(after), summary: summary)]
    }

    /// Tags typed for feedback: they replace one item's tags, or are added to several items'.
    mutating func tagFeedback(_ ids: [RecordID<FeedbackItem>], text: String) -> [Effect] {
        let typed = Self.unique(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let items = ids.compactMap { snapshot.feedback[$0] }
        guard !items.isEmpty else { return [] }
        var after: [RecordID<FeedbackItem>: [String]] = [:]
        for item in items {
            after[item.id] = items.count == 1 ? Self.unique(typed) : Self.unique(item.tags + typed)
        }
        let changed = items.filter { after[$0.id] != $0.tags }
        guard !changed.isEmpty else {
            message = "No tag changed."
            return []
        }
        let before = Dictionary(uniqueKeysWithValues: changed.map { ($0.id, $0.tags) })
        let summary = "Tagged \(Format.count(changed.count, "feedback item"))" + (typed.isEmpty ? " (tags removed)" : ": " + typed.joined(separator: ", "))
        pushUndo(UndoEntry(description: summary.prefix(1).lowercased() + summary.dropFirst(), restore: .setFeedbackTags(before)))
        message = summary + " · u undoes"
        // The marks stay: tagging a group is often followed by linking it (L).
        return [.write(.setFeedbackTags(after.filter { before[$0.key] != nil }), summary: summary)]
    }

    /// `tags` without repeats (any case), in their first order.
    private static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }
}
