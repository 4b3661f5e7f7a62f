import PodiumCore

extension FeedbackLinkKind {
    /// The other kind (Tab in the link picker).
    public var toggled: FeedbackLinkKind { self == .demand ? .validation : .demand }

    /// How the dashboard names the kind: "demand" or "praise".
    public var word: String { self == .demand ? "demand" : "praise" }
}

extension BacklogItem {
    /// The item with `feedback` linked as `kind` (nil: unlinked), wherever it was before.
    public mutating func setLink(of feedback: RecordID<FeedbackItem>, to kind: FeedbackLinkKind?) {
        if let kind { link(feedback, as: kind) } else { unlink(feedback) }
    }

    /// How the item is named in messages and pickers: its tracker key and title,
    /// `LED-104 “Offline photo queue”`, safe to print.
    public var displayName: String {
        (key.map { Format.clean($0) + " " } ?? "") + "“" + Format.clean(title) + "”"
    }
}
