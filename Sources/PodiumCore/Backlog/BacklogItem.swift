import Foundation

/// A Product Backlog item with the inputs that RICE and WSJF scoring need.
public struct BacklogItem: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<BacklogItem>
    /// The item's key in the tracker it was imported from ("LED-101", "ENG-42", "#17"); nil
    /// for items made in Podium. A re-import updates the item with the same key.
    public var key: String?
    /// The tracker's estimate as last imported (story points, Linear's estimate, Azure's
    /// effort). The effort inputs take it while they are empty or still hold it.
    public var estimate: Double?
    public var title: String
    public var description: String
    public var status: BacklogStatus
    /// Position in the Product Backlog; lower comes first.
    public var order: Int
    public var rice: RICEInputs
    public var wsjf: WSJFInputs
    /// Feedback that asks for this item or complains of what it fixes: its demand evidence,
    /// the item's own links with those of accepted drafts (see ``ownDemand``).
    public internal(set) var linkedFeedback: [RecordID<FeedbackItem>]
    /// Feedback that praises what this item is about: evidence that it works or is valued,
    /// kept apart from demand and never counted as a reason to do it.
    public internal(set) var validatingFeedback: [RecordID<FeedbackItem>]
    /// The demand links the item's own file holds: made by hand or by an import.
    public internal(set) var ownDemand: [RecordID<FeedbackItem>]
    /// The praise links the item's own file holds.
    public internal(set) var ownPraise: [RecordID<FeedbackItem>]
    /// Links accepted drafts made, from `annotations/` (never written to the item's file; set
    /// by the store as it reads).
    public internal(set) var annotatedDemand: [RecordID<FeedbackItem>] = []
    public internal(set) var annotatedPraise: [RecordID<FeedbackItem>] = []
    /// Links of accepted drafts the Product Owner took off by hand: kept in the item's file,
    /// so that the link stays off while the draft's annotations are there.
    public internal(set) var unlinkedFeedback: [RecordID<FeedbackItem>] = []
    public var tags: [String]
    public var createdAt: Date
    public var updatedAt: Date
    /// When the item reached `done`; release notes gather items by it.
    public var doneAt: Date?

    public init(
        id: RecordID<BacklogItem> = .make(), key: String? = nil, estimate: Double? = nil, title: String, description: String = "",
        status: BacklogStatus = .proposed, order: Int = 0, rice: RICEInputs = RICEInputs(),
        wsjf: WSJFInputs = WSJFInputs(), linkedFeedback: [RecordID<FeedbackItem>] = [],
        validatingFeedback: [RecordID<FeedbackItem>] = [], tags: [String] = [], createdAt: Date = Date(), updatedAt: Date? = nil, doneAt: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.estimate = estimate
        self.title = title
        self.description = description
        self.status = status
        self.order = order
        self.rice = rice
        self.wsjf = wsjf
        self.linkedFeedback = linkedFeedback
        self.validatingFeedback = validatingFeedback
        self.ownDemand = linkedFeedback
        self.ownPraise = validatingFeedback
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.doneAt = doneAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, key, estimate, title, description, status, order, rice, wsjf, linkedFeedback, validatingFeedback, unlinkedFeedback
        case tags, createdAt, updatedAt, doneAt
    }

    /// Reads an item; files written before validation links existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(RecordID<BacklogItem>.self, forKey: .id)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        estimate = try container.decodeIfPresent(Double.self, forKey: .estimate)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decode(String.self, forKey: .description)
        status = try container.decode(BacklogStatus.self, forKey: .status)
        order = try container.decode(Int.self, forKey: .order)
        rice = try container.decode(RICEInputs.self, forKey: .rice)
        wsjf = try container.decode(WSJFInputs.self, forKey: .wsjf)
        // Links are read as they are, not shared with other reads of the same ids (see
        // `IDPool`): the backlog is read before a large workspace's first frame, where the
        // thousands of links of each item would cost it time; `shareLinkIDs()` shares them after.
        ownDemand = try container.decode([String].self, forKey: .linkedFeedback).map(RecordID.init)
        ownPraise = (try container.decodeIfPresent([String].self, forKey: .validatingFeedback) ?? []).map(RecordID.init)
        unlinkedFeedback = (try container.decodeIfPresent([String].self, forKey: .unlinkedFeedback) ?? []).map(RecordID.init)
        linkedFeedback = ownDemand
        validatingFeedback = ownPraise
        tags = try container.decode([String].self, forKey: .tags)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        doneAt = try container.decodeIfPresent(Date.self, forKey: .doneAt)
    }

    /// Writes what the item's own file holds: its own links, not those of `annotations/`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(estimate, forKey: .estimate)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(status, forKey: .status)
        try container.encode(order, forKey: .order)
        try container.encode(rice, forKey: .rice)
        try container.encode(wsjf, forKey: .wsjf)
        try container.encode(ownDemand, forKey: .linkedFeedback)
        try container.encode(ownPraise, forKey: .validatingFeedback)
        if !unlinkedFeedback.isEmpty { try container.encode(unlinkedFeedback, forKey: .unlinkedFeedback) }
        try container.encode(tags, forKey: .tags)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encodeIfPresent(doneAt, forKey: .doneAt)
    }

    /// All feedback linked to the item: demand first, then validation.
    public var allLinkedFeedback: [RecordID<FeedbackItem>] { linkedFeedback + validatingFeedback }
}

/// Where a backlog item stands.
public enum BacklogStatus: String, Codable, Sendable, CaseIterable {
    case proposed
    case ready
    case inProgress = "in-progress"
    case done
    case dropped
}

/// RICE inputs: Reach × Impact × Confidence ÷ Effort.
public struct RICEInputs: Codable, Sendable, Hashable {
    /// People or events affected per period (e.g. users per quarter).
    public var reach: Double?
    /// 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive.
    public var impact: Double?
    /// 0…1 (0.5 low, 0.8 medium, 1 high).
    public var confidence: Double?
    /// Person-months (or any consistent unit).
    public var effort: Double?

    public init(reach: Double? = nil, impact: Double? = nil, confidence: Double? = nil, effort: Double? = nil) {
        self.reach = reach
        self.impact = impact
        self.confidence = confidence
        self.effort = effort
    }

    /// The RICE score, or nil while an input is missing or effort is zero.
    public var score: Double? {
        guard let reach, let impact, let confidence, let effort, effort > 0 else { return nil }
        return reach * impact * confidence / effort
    }
}

/// WSJF inputs: Cost of Delay (value + time criticality + risk reduction) ÷ Job Size.
public struct WSJFInputs: Codable, Sendable, Hashable {
    public var businessValue: Double?
    public var timeCriticality: Double?
    public var riskReduction: Double?
    public var jobSize: Double?

    public init(
        businessValue: Double? = nil, timeCriticality: Double? = nil,
        riskReduction: Double? = nil, jobSize: Double? = nil
    ) {
        self.businessValue = businessValue
        self.timeCriticality = timeCriticality
        self.riskReduction = riskReduction
        self.jobSize = jobSize
    }

    /// Business value + time criticality + risk reduction (opportunity enablement).
    public var costOfDelay: Double? {
        guard let businessValue, let timeCriticality, let riskReduction else { return nil }
        return businessValue + timeCriticality + riskReduction
    }

    /// The WSJF score, or nil while an input is missing or the job size is zero.
    public var score: Double? {
        guard let costOfDelay, let jobSize, jobSize > 0 else { return nil }
        return costOfDelay / jobSize
    }
}
