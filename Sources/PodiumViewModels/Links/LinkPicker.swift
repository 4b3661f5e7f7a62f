import PodiumCore
import PodiumStore

/// The modal list that picks the backlog item feedback is linked to (or unlinked from):
/// typing filters it by a fuzzy match of key and title, Up/Down choose, Tab switches
/// between demand and praise, Enter picks, Esc cancels.
public struct LinkPicker: Sendable, Equatable {
    /// Linking to an open item, or unlinking from an item the feedback is linked to.
    public enum Purpose: Sendable, Equatable { case link, unlink }

    public var purpose: Purpose
    /// The feedback to link: the marked items, or the selected one.
    public var feedback: [RecordID<FeedbackItem>]
    public var query = ""
    public var selected = 0
    /// What linking makes the feedback (Tab toggles; demand unless told).
    public var kind = FeedbackLinkKind.demand

    public init(purpose: Purpose, feedback: [RecordID<FeedbackItem>], query: String = "", selected: Int = 0, kind: FeedbackLinkKind = .demand) {
        self.purpose = purpose
        self.feedback = feedback
        self.query = query
        self.selected = selected
        self.kind = kind
    }

    /// The items to choose from, best match first: every item not dropped, in backlog order,
    /// for linking (a done item still takes praise, and complaints about what shipped); the
    /// items any of the feedback is linked to for unlinking.
    public func candidates(in snapshot: WorkspaceSnapshot) -> [BacklogItem] {
        let items: [BacklogItem] = switch purpose {
        case .link: snapshot.orderedBacklog.filter { $0.status != .dropped }
        case .unlink: snapshot.orderedBacklog.filter { item in feedback.contains { item.linkKind(of: $0) != nil } }
        }
        let needle = query.lowercased().filter { !$0.isWhitespace }
        guard !needle.isEmpty else { return items }
        return items.enumerated().compactMap { position, item -> (BacklogItem, Int, Int)? in
            let haystack = ((item.key.map { $0 + " " } ?? "") + item.title).lowercased()
            return PaletteMatcher.score(needle, in: haystack).map { (item, $0, position) }
        }
        .sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        .map(\.0)
    }

    /// What Enter does, for the hint: "Enter links as demand · Tab: as praise instead · Esc cancels".
    public var hint: String {
        switch purpose {
        case .link: "Enter links as \(kind.word) · Tab: as \(kind.toggled.word) instead · Esc cancels"
        case .unlink: "Enter unlinks · Esc cancels"
        }
    }

    /// The picker's title: "Link 3 feedback items to… (as demand)".
    public var title: String {
        switch purpose {
        case .link: "Link \(Format.count(feedback.count, "feedback item")) to a backlog item as \(kind.word)"
        case .unlink: "Unlink \(Format.count(feedback.count, "feedback item")) from a backlog item"
        }
    }
}
