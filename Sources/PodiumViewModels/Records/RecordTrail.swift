import PodiumCore

/// The record view's state: the records opened one from another (the last one shown), the
/// link selected on each, and where Esc goes once the trail is walked back.
public struct RecordTrail: Sendable, Equatable {
    /// What was on screen before the first record opened.
    public enum Origin: Sendable, Equatable {
        /// The pane's list.
        case list
        /// The detail of the selected row, scrolled this far.
        case detail(scroll: Int)
        /// A draft under review, as it was left.
        case draft(AppState.DraftView)
    }

    /// One record on the trail.
    public struct Step: Sendable, Equatable {
        public var reference: ArtifactReference
        /// The selected link (j/k), which Enter opens.
        public var selected: Int
        public var scroll: Int

        public init(_ reference: ArtifactReference, selected: Int = 0, scroll: Int = 0) {
            self.reference = reference
            self.selected = selected
            self.scroll = scroll
        }
    }

    /// At most this many records deep: the oldest steps are forgotten beyond it.
    public static let depth = 30

    public private(set) var steps: [Step]
    public var origin: Origin

    public init(_ reference: ArtifactReference, from origin: Origin) {
        steps = [Step(reference)]
        self.origin = origin
    }

    /// The record shown.
    public var current: Step {
        get { steps[steps.count - 1] }
        set { steps[steps.count - 1] = newValue }
    }

    /// Opens `reference` on top of the trail.
    public mutating func push(_ reference: ArtifactReference) {
        steps.append(Step(reference))
        if steps.count > Self.depth { steps.removeFirst(steps.count - Self.depth) }
    }

    /// Goes back one record; false when the first one was shown (the trail is over).
    public mutating func pop() -> Bool {
        guard steps.count > 1 else { return false }
        steps.removeLast()
        return true
    }
}
