/// How much of a row or column a part of a layout takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if there is not enough room).
    case length(Int)
    /// This share of the whole, 0–100.
    case percentage(Int)
    /// What is left, shared among `fill`s by weight, but at least `minimum` cells.
    case fill(weight: Int = 1, minimum: Int = 0)
}

/// The direction a rectangle is split in.
public enum Axis: Sendable {
    /// Side by side (columns).
    case horizontal
    /// One above the other (rows).
    case vertical
}

extension Rect {
    /// Splits the rectangle along `axis` by `constraints`, with `spacing` cells between parts.
    /// Parts that do not fit get what is left (possibly nothing), in order.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = axis == .horizontal ? width : height
        let available = max(0, total - spacing * (constraints.count - 1))
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case let .length(cells): max(0, cells)
            case let .percentage(share): available * max(0, min(100, share)) / 100
            case let .fill(_, minimum): max(0, minimum)
            }
        }
        let weights = constraints.map { constraint -> Int in
            if case let .fill(weight, _) = constraint { return max(0, weight) }
            return 0
        }
        var left = available - sizes.reduce(0, +)
        let totalWeight = weights.reduce(0, +)
        if left > 0 && totalWeight > 0 {
            var given = 0
            let fills = weights.indices.filter { weights[$0] > 0 }
            for (position, index) in fills.enumerated() {
                let share = position == fills.count - 1 ? left - given : left * weights[index] / totalWeight
                sizes[index] += share
                given += share
            }
            left = 0
        }
        // Not enough room: take it back from the end.
        var excess = -left
        for index in sizes.indices.reversed() where excess > 0 {
            let cut = min(sizes[index], excess)
            sizes[index] -= cut
            excess -= cut
        }
        var rects: [Rect] = []
        var position = axis == .horizontal ? x : y
        for size in sizes {
            switch axis {
            case .horizontal: rects.append(Rect(x: position, y: y, width: size, height: height))
            case .vertical: rects.append(Rect(x: x, y: position, width: width, height: size))
            }
            position += size + spacing
        }
        return rects
    }
}
