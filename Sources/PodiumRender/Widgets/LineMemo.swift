/// Lines a frame prepared (built and wrapped), kept for the next frame.
///
/// Most key presses move a selection and leave the text around it alone; with a memo, the
/// same text at the same width is built and wrapped once instead of on every frame.
public struct LineMemo: Sendable {
    private var slots: [String: (key: String, lines: [TextView.Line])] = [:]

    public init() {}

    /// The lines kept in `slot` when they were made for `key`; otherwise makes and keeps them.
    public mutating func lines(slot: String, key: String, make: () -> [TextView.Line]) -> [TextView.Line] {
        if let kept = slots[slot], kept.key == key { return kept.lines }
        let lines = make()
        slots[slot] = (key, lines)
        return lines
    }
}
