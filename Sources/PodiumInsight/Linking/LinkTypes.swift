import PodiumCore

/// Something feedback can be evidence for: a backlog item's words, by field.
public struct LinkTarget: Sendable, Hashable {
    public var id: String
    /// The tracker key, when the item has one ("LED-104"); shown, never matched.
    public var key: String?
    public var title: String
    public var description: String
    public var labels: [String]
    /// Texts already linked to the item (by hand, or accepted before): its customers' words.
    public var examples: [String]

    public init(id: String, key: String? = nil, title: String, description: String = "", labels: [String] = [], examples: [String] = []) {
        self.id = id
        self.key = key
        self.title = title
        self.description = description
        self.labels = labels
        self.examples = examples
    }
}

/// A text that may be evidence: a feedback item, a stakeholder's note, an experiment.
public struct LinkSource: Sendable, Hashable {
    public var id: String
    public var text: String
    /// The item's rating on 0…1 (one star 0, five stars 1), when it has one.
    public var ratingShare: Double?

    public init(id: String, text: String, ratingShare: Double? = nil) {
        self.id = id
        self.text = text
        self.ratingShare = ratingShare
    }
}

/// A link the linker proposes, with what connects the two texts.
public struct ProposedLink: Sendable, Hashable {
    public var sourceID: String
    public var targetID: String
    public var kind: FeedbackLinkKind
    /// How sure the link is, 0…1: half from its lead over the next item, half from how many of
    /// the item's words it meets (drafts say strong from 0.9, good from 0.7, fair below).
    public var strength: Double
    /// The sentence of the source that is about the target.
    public var sourcePhrase: String
    /// The target's words that the sentence meets, as the target writes them.
    public var targetWords: [String]
    /// What the sentence does (asks, complains, praises).
    public var intent: FeedbackIntent

    public init(sourceID: String, targetID: String, kind: FeedbackLinkKind, strength: Double, sourcePhrase: String,
                targetWords: [String], intent: FeedbackIntent) {
        self.sourceID = sourceID
        self.targetID = targetID
        self.kind = kind
        self.strength = strength
        self.sourcePhrase = sourcePhrase
        self.targetWords = targetWords
        self.intent = intent
    }
}
