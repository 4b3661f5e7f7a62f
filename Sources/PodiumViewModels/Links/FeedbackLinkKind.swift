import PodiumCore

/// How a feedback item backs a backlog item: as demand (it asks for the item or complains
/// of what it fixes; counted as evidence) or as praise (it values what the item is about;
/// kept apart and never counted as demand).
public enum FeedbackLinkKind: String, Sendable, Equatable, CaseIterable {
    case demand
    case praise

    /// The other kind (Tab in the link picker).
    public var toggled: FeedbackLinkKind { self == .demand ? .praise : .demand }
}

extension BacklogItem {
    /// How `feedback` is linked to this item, if it is.
    public func linkKind(of feedback: RecordID<FeedbackItem>) -> FeedbackLinkKind? {
        if linkedFeedback.contains(feedback) { return .demand }
        if validatingFeedback.contains(feedback) { return .praise }
        return nil
    }

    /// The item with `feedback` linked as `kind` (nil: unlinked), wherever it was before.
    public mutating func setLink(of feedback: RecordID<FeedbackItem>, to kind: FeedbackLinkKind?) {
        linkedFeedback.removeAll { $0 == feedback }
        validatingFeedback.removeAll { $0 == feedback }
        switch kind {
        case .demand?: linkedFeedback.append(feedback)
        case .praise?: validatingFeedback.append(feedback)
        case nil: break
        }
    }

    /// How the item is named in messages and pickers: its tracker key and title,
    /// `LED-104 “Offline photo queue”`, safe to print.
    public var displayName: String {
        (key.map { Format.clean($0) + " " } ?? "") + "“" + Format.clean(title) + "”"
    }
}
