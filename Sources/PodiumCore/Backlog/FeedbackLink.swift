/// Whether linked feedback is a reason to do a backlog item or a sign that what it is about works.
public enum FeedbackLinkKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// A complaint or a request the item answers: counted as demand.
    case demand
    /// Praise of what the item is about: kept apart, never counted as demand.
    case validation
}

/// A link between a feedback item and a backlog item, as a draft proposes it: the two
/// records, whether it is demand or praise, how strong the match is and what connects them.
public struct FeedbackLink: Codable, Sendable, Hashable {
    public var feedbackID: RecordID<FeedbackItem>
    public var backlogID: RecordID<BacklogItem>
    public var kind: FeedbackLinkKind
    /// How strong the match is, 0…1 (0.5 just made it; 1 is far past the line).
    public var strength: Double
    /// The feedback's sentence that is about the item.
    public var phrase: String
    /// The item's words the sentence meets.
    public var itemWords: [String]

    /// How many links per backlog item a draft lists (strongest first); the others are
    /// summed up in a line, cannot be deleted from the text and are added on acceptance.
    public static let shownPerItem = 40

    public init(feedbackID: RecordID<FeedbackItem>, backlogID: RecordID<BacklogItem>, kind: FeedbackLinkKind,
                strength: Double, phrase: String, itemWords: [String]) {
        self.feedbackID = feedbackID
        self.backlogID = backlogID
        self.kind = kind
        self.strength = strength
        self.phrase = phrase
        self.itemWords = itemWords
    }
}

extension BacklogItem {
    /// How `feedback` is linked to the item, if it is.
    public func linkKind(of feedback: RecordID<FeedbackItem>) -> FeedbackLinkKind? {
        if linkedFeedback.contains(feedback) { return .demand }
        if validatingFeedback.contains(feedback) { return .validation }
        return nil
    }

    /// Links `feedback` as `kind` (moving it from the other list); false when it already was.
    @discardableResult
    public mutating func link(_ feedback: RecordID<FeedbackItem>, as kind: FeedbackLinkKind) -> Bool {
        guard linkKind(of: feedback) != kind else { return false }
        linkedFeedback.removeAll { $0 == feedback }
        validatingFeedback.removeAll { $0 == feedback }
        switch kind {
        case .demand: linkedFeedback.append(feedback)
        case .validation: validatingFeedback.append(feedback)
        }
        return true
    }

    /// Takes `feedback` off the item; false when it was not linked.
    @discardableResult
    public mutating func unlink(_ feedback: RecordID<FeedbackItem>) -> Bool {
        guard linkKind(of: feedback) != nil else { return false }
        linkedFeedback.removeAll { $0 == feedback }
        validatingFeedback.removeAll { $0 == feedback }
        return true
    }
}

/// An experiment found to be about a backlog item, as a draft proposes it.
public struct ExperimentLink: Codable, Sendable, Hashable {
    public var experimentID: RecordID<Experiment>
    public var backlogID: RecordID<BacklogItem>
    /// The item's words the experiment meets.
    public var itemWords: [String]

    public init(experimentID: RecordID<Experiment>, backlogID: RecordID<BacklogItem>, itemWords: [String]) {
        self.experimentID = experimentID
        self.backlogID = backlogID
        self.itemWords = itemWords
    }
}
