/// A vector with few non-zero entries: sorted term indices and their weights.
public struct SparseVector: Sendable, Hashable {
    /// Term indices, strictly increasing.
    public private(set) var indices: [Int]
    /// The weight of each index in `indices`.
    public private(set) var weights: [Double]

    /// A vector from index-weight pairs in any order; weights of a repeated index add up
    /// and zero weights are left out.
    public init(_ entries: [(index: Int, weight: Double)]) {
        let sorted = entries.sorted { $0.index < $1.index }
        var indices: [Int] = []
        var weights: [Double] = []
        indices.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
        for entry in sorted {
            if let last = indices.last, last == entry.index {
                weights[weights.count - 1] += entry.weight
            } else {
                indices.append(entry.index)
                weights.append(entry.weight)
            }
        }
        let kept = weights.indices.filter { weights[$0] != 0 }
        self.indices = kept.map { indices[$0] }
        self.weights = kept.map { weights[$0] }
    }

    /// The vector with no entries.
    public static let zero = SparseVector([])

    /// Whether every weight is zero.
    public var isZero: Bool { indices.isEmpty }

    /// The number of non-zero entries.
    public var count: Int { indices.count }

    // MARK: - Arithmetic

    /// The dot product: the cosine similarity when both vectors have unit length.
    public func dot(_ other: SparseVector) -> Double {
        var left = 0
        var right = 0
        var sum = 0.0
        while left < indices.count && right < other.indices.count {
            let a = indices[left]
            let b = other.indices[right]
            if a == b {
                sum += weights[left] * other.weights[right]
                left += 1
                right += 1
            } else if a < b {
                left += 1
            } else {
                right += 1
            }
        }
        return sum
    }

    /// The dot product with a dense vector indexed by term.
    public func dot(dense: [Double]) -> Double {
        var sum = 0.0
        for position in indices.indices { sum += weights[position] * dense[indices[position]] }
        return sum
    }

    /// The Euclidean (L2) length.
    public var norm: Double {
        weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The vector scaled to unit length, or the zero vector unchanged.
    public var normalized: SparseVector {
        let length = norm
        guard length > 0 else { return self }
        var copy = self
        copy.weights = weights.map { $0 / length }
        return copy
    }

    /// Adds `scale` times this vector into a dense vector indexed by term.
    public func add(into dense: inout [Double], scale: Double = 1) {
        for position in indices.indices { dense[indices[position]] += scale * weights[position] }
    }
}
