import Foundation

/// A person or group with a stake in the product, placed on the influence/interest grid.
public struct Stakeholder: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<Stakeholder>
    public var name: String
    public var role: String
    /// Power over the product's direction, 1 (low) … 5 (high).
    public var influence: Int
    /// How much the outcome matters to them, 1 (low) … 5 (high).
    public var interest: Int
    public var notes: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: RecordID<Stakeholder> = .make(), name: String, role: String = "",
        influence: Int = 3, interest: Int = 3, notes: String = "",
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.influence = influence
        self.interest = interest
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The quadrant of the classic influence/interest grid.
    public var quadrant: Quadrant {
        switch (influence >= 3, interest >= 3) {
        case (true, true): .manageClosely
        case (true, false): .keepSatisfied
        case (false, true): .keepInformed
        case (false, false): .monitor
        }
    }

    /// How to engage a stakeholder, by influence and interest.
    public enum Quadrant: String, Codable, Sendable, CaseIterable {
        case manageClosely = "manage closely"
        case keepSatisfied = "keep satisfied"
        case keepInformed = "keep informed"
        case monitor
    }
}
