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
    /// How sure the link is, 0…1 (strong from 0.9, good from 0.7, fair below): its lead over
    /// the next item and how many of the item's words it meets.
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

    /// Links `feedback` as `kind` by hand (moving it from the other list); false when it
    /// already was.
    @discardableResult
    public mutating func link(_ feedback: RecordID<FeedbackItem>, as kind: FeedbackLinkKind) -> Bool {
        guard linkKind(of: feedback) != kind else { return false }
        ownDemand.removeAll { $0 == feedback }
        ownPraise.removeAll { $0 == feedback }
        unlinkedFeedback.removeAll { $0 == feedback }
        switch kind {
        case .demand: ownDemand.append(feedback)
        case .validation: ownPraise.append(feedback)
        }
        mergeLinks()
        return true
    }

    /// The item with `feedback` linked as `kind` (nil: unlinked), wherever it was before.
    public mutating func setLink(of feedback: RecordID<FeedbackItem>, to kind: FeedbackLinkKind?) {
        if let kind { link(feedback, as: kind) } else { unlink(feedback) }
    }

    /// Takes `feedback` off the item by hand; false when it was not linked. A link an
    /// accepted draft made is remembered as taken off, so that it stays off.
    @discardableResult
    public mutating func unlink(_ feedback: RecordID<FeedbackItem>) -> Bool {
        guard linkKind(of: feedback) != nil else { return false }
        ownDemand.removeAll { $0 == feedback }
        ownPraise.removeAll { $0 == feedback }
        if annotatedDemand.contains(feedback) || annotatedPraise.contains(feedback) { unlinkedFeedback.append(feedback) }
        mergeLinks()
        return true
    }

    /// Sets the links accepted drafts made (from `annotations/`), in the order they were made.
    public mutating func annotateLinks(demand: [RecordID<FeedbackItem>], praise: [RecordID<FeedbackItem>]) {
        guard demand != annotatedDemand || praise != annotatedPraise else { return }
        annotatedDemand = demand
        annotatedPraise = praise
        mergeLinks()
    }

    /// The item with its link ids sharing their text with every other read of them (see
    /// ``IDPool``): they are read unshared, for speed, and shared once the feedback is read.
    public mutating func shareLinkIDs() {
        let share = { (ids: [RecordID<FeedbackItem>]) in ids.map { RecordID<FeedbackItem>(IDPool.shared($0.rawValue)) } }
        ownDemand = share(ownDemand)
        ownPraise = share(ownPraise)
        unlinkedFeedback = share(unlinkedFeedback)
        mergeLinks()
    }

    /// The item as it shows now, with accepted drafts' links in its own lists: what a listing
    /// or an export gives other tools, which know nothing of `annotations/`.
    public var withAnnotationsApplied: BacklogItem {
        var item = self
        item.ownDemand = linkedFeedback
        item.ownPraise = validatingFeedback
        item.annotatedDemand = []
        item.annotatedPraise = []
        item.unlinkedFeedback = []
        return item
    }

    /// The item's links as they show: its own first, then the drafts' it has not taken off
    /// nor linked otherwise by hand.
    private mutating func mergeLinks() {
        guard !annotatedDemand.isEmpty || !annotatedPraise.isEmpty else {
            linkedFeedback = ownDemand
            validatingFeedback = ownPraise
            return
        }
        var taken = Set(ownDemand).union(ownPraise).union(unlinkedFeedback)
        linkedFeedback = ownDemand + annotatedDemand.filter { taken.insert($0).inserted }
        validatingFeedback = ownPraise + annotatedPraise.filter { taken.insert($0).inserted }
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

extension FeedbackLink {
    /// The links whose line is in `content` (a feedback citation on a line under its item's
    /// `## … [#item]` heading), and those the draft did not list (beyond `shownPerItem` for an
    /// item): what a reviewer's edit, or a model judging the links, kept.
    public static func kept(_ links: [FeedbackLink], listedIn content: String) -> [FeedbackLink] {
        let listed = listedPairs(in: content)
        var result: [FeedbackLink] = []
        for (_, itemLinks) in Dictionary(grouping: links, by: \.backlogID).sorted(by: { $0.key < $1.key }) {
            let ordered = itemLinks.sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.feedbackID < $1.feedbackID }
            for (rank, link) in ordered.enumerated() where rank >= shownPerItem || listed.contains(link.backlogID.short + "|" + link.feedbackID.short) {
                result.append(link)
            }
        }
        return result
    }

    /// "item short|feedback short" for each bullet under an item's heading that cites a
    /// feedback item (a sentence explaining why one was dropped is not a bullet).
    public static func listedPairs(in content: String) -> Set<String> {
        var listed = Set<String>()
        var item: String?
        for line in content.split(separator: "\n") {
            let cites = line.matches(of: /\[#([0-9a-fA-F]{8})\]/).map { String($0.1).lowercased() }
            let trimmed = line.drop { $0 == " " }
            if line.hasPrefix("## ") {
                item = cites.last
            } else if let item, trimmed.hasPrefix("- ") || trimmed.hasPrefix("* "), let feedback = cites.first {
                listed.insert(item + "|" + feedback)
            }
        }
        return listed
    }
}

extension ExperimentLink {
    /// The links whose line (citing the experiment and the item) is in `content`.
    public static func kept(_ links: [ExperimentLink], listedIn content: String) -> [ExperimentLink] {
        let lines = content.split(separator: "\n")
        return links.filter { link in lines.contains { $0.contains("[#\(link.experimentID.short)]") && $0.contains("[#\(link.backlogID.short)]") } }
    }
}
