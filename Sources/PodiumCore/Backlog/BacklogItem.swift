import Foundation

/// A Product Backlog item with the inputs that RICE and WSJF scoring need.
public struct BacklogItem: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<BacklogItem>
    public var title: String
    public var description: String
    public var status: BacklogStatus
    /// Position in the Product Backlog; lower comes first.
    public var order: Int
    public var rice: RICEInputs
    public var wsjf: WSJFInputs
    /// Feedback items that ask for or support this item: its demand evidence.
    public var linkedFeedback: [RecordID<FeedbackItem>]
    public var tags: [String]
    public var createdAt: Date
    public var updatedAt: Date
    /// When the item reached `done`; release notes gather items by it.
    public var doneAt: Date?

    public init(
        id: RecordID<BacklogItem> = .make(), title: String, description: String = "",
        status: BacklogStatus = .proposed, order: Int = 0, rice: RICEInputs = RICEInputs(),
        wsjf: WSJFInputs = WSJFInputs(), linkedFeedback: [RecordID<FeedbackItem>] = [],
        tags: [String] = [], createdAt: Date = Date(), updatedAt: Date? = nil, doneAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.order = order
        self.rice = rice
        self.wsjf = wsjf
        self.linkedFeedback = linkedFeedback
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.doneAt = doneAt
    }
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
