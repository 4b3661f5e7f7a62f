/// Pairwise cosine similarities of a few thousand unit vectors, stored densely.
struct SimilarityMatrix {
    let size: Int
    private(set) var values: [Float]

    /// Similarities of every pair of `vectors`, computed through an inverted index so that
    /// only pairs sharing a term cost anything. The diagonal is 1 for non-zero vectors.
    init(_ vectors: [SparseVector]) {
        size = vectors.count
        values = [Float](repeating: 0, count: size * size)
        var postings: [Int: [(row: Int, weight: Double)]] = [:]
        for (row, vector) in vectors.enumerated() {
            for position in vector.indices.indices {
                postings[vector.indices[position], default: []].append((row, vector.weights[position]))
            }
        }
        // Accumulate in a fixed order (by term index) so that the sums are reproducible.
        for term in postings.keys.sorted() {
            let list = postings[term]!
            for first in list.indices {
                let (row, weight) = list[first]
                for second in (first + 1)..<list.count {
                    values[row * size + list[second].row] += Float(weight * list[second].weight)
                }
            }
        }
        for row in 0..<size {
            if !vectors[row].isZero { values[row * size + row] = 1 }
            for column in (row + 1)..<max(row + 1, size) {
                values[column * size + row] = values[row * size + column]
            }
        }
    }

    /// Similarities (dot products) of every pair of dense unit vectors of equal length.
    init(dense vectors: [[Double]]) {
        size = vectors.count
        values = [Float](repeating: 0, count: size * size)
        for row in 0..<size {
            let left = vectors[row]
            for column in row..<size {
                let right = vectors[column]
                var sum = 0.0
                for index in left.indices { sum += left[index] * right[index] }
                values[row * size + column] = Float(sum)
                values[column * size + row] = Float(sum)
            }
        }
    }

    subscript(row: Int, column: Int) -> Float {
        get { values[row * size + column] }
        set { values[row * size + column] = newValue }
    }
}
