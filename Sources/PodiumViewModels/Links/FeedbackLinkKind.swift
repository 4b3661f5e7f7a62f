import PodiumCore

extension FeedbackLinkKind {
    /// The other kind (Tab in the link picker).
    public var toggled: FeedbackLinkKind { self == .demand ? .validation : .demand }

    /// How the dashboard names the kind: "demand" or "praise".
    public var word: String { self == .demand ? "demand" : "praise" }
}

extension BacklogItem {
    /// How the item is named in messages and pickers: its tracker key and title,
    /// `LED-104 “Offline photo queue”`, safe to print.
    public var displayName: String {
        (key.map { Format.clean($0) + " " } ?? "") + "“" + Format.clean(title) + "”"
    }
}
