import Foundation

/// The product a workspace is about: its name, vision and current product goal.
public struct Product: Codable, Sendable, Hashable {
    public var name: String
    /// Where the product is heading in the long run, in the Product Owner's words.
    public var vision: String
    /// The current product goal: the next concrete objective on the way to the vision.
    public var productGoal: String
    /// Measurable signs that the product goal is reached, each with its progress.
    public var goalMeasures: [GoalMeasure]
    /// The sprint cadence, used for sprint-end automation and review packs.
    public var sprint: SprintCadence?
    /// When the name, vision, goal or its measures last changed (the Visionary's activity;
    /// setting the sprint cadence leaves it).
    public var updatedAt: Date

    public init(
        name: String, vision: String = "", productGoal: String = "",
        goalMeasures: [GoalMeasure] = [], sprint: SprintCadence? = nil, updatedAt: Date = Date()
    ) {
        self.name = name
        self.vision = vision
        self.productGoal = productGoal
        self.goalMeasures = goalMeasures
        self.sprint = sprint
        self.updatedAt = updatedAt
    }

    /// Overall progress toward the product goal, 0…1, averaged over its measures.
    public var goalProgress: Double? {
        let values = goalMeasures.compactMap(\.progress)
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }
}

/// One measurable sign of the product goal (e.g. "weekly active teams": 1,250 → 2,000).
public struct GoalMeasure: Codable, Sendable, Hashable {
    public var name: String
    public var baseline: Double
    public var current: Double
    public var target: Double
    public var unit: String

    public init(name: String, baseline: Double, current: Double, target: Double, unit: String = "") {
        self.name = name
        self.baseline = baseline
        self.current = current
        self.target = target
        self.unit = unit
    }

    /// How far `current` has moved from `baseline` toward `target`, clamped to 0…1.
    public var progress: Double? {
        let span = target - baseline
        guard span != 0 else { return nil }
        return min(1, max(0, (current - baseline) / span))
    }
}

/// When sprints start and how long they last.
public struct SprintCadence: Codable, Sendable, Hashable {
    public var firstSprintStart: Date
    public var lengthInDays: Int

    public init(firstSprintStart: Date, lengthInDays: Int) {
        self.firstSprintStart = firstSprintStart
        self.lengthInDays = lengthInDays
    }
}
