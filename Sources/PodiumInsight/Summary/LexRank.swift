/// LexRank (Erkan & Radev, 2004): the centrality of sentences in their similarity graph.
///
/// Sentences are nodes; two sentences at least `edgeThreshold` similar are joined by an
/// edge weighted by their similarity. A random walk that follows edges with probability
/// `damping` and otherwise jumps anywhere settles on each node with a probability that is
/// its centrality: sentences that many others resemble score high. A node may stand for
/// several identical sentences (`multiplicity`); it then counts exactly as that many
/// copies would, copies linked to each other with similarity 1.
enum LexRank {
    /// Stationary probabilities of the walk, one per node, summing to 1.
    static func centrality(_ similarity: SimilarityMatrix, multiplicity: [Int], edgeThreshold: Float,
                           damping: Double = 0.85, iterations: Int = 100, tolerance: Double = 1e-10) -> [Double] {
        let count = similarity.size
        guard count > 0 else { return [] }
        let copies = multiplicity.map { Double(max(1, $0)) }
        let totalCopies = copies.reduce(0, +)
        // Edge lists with weights, and each node's total outgoing weight (per copy).
        var edges: [[(node: Int, weight: Double)]] = Array(repeating: [], count: count)
        var outgoing = [Double](repeating: 0, count: count)
        for row in 0..<count {
            for column in 0..<count {
                let weight: Double
                if row == column {
                    weight = copies[row] - 1
                } else {
                    let value = similarity[row, column]
                    guard value >= edgeThreshold else { continue }
                    weight = Double(value) * copies[column]
                }
                guard weight > 0 else { continue }
                edges[row].append((column, weight))
                outgoing[row] += weight
            }
        }
        let teleport = copies.map { $0 / totalCopies }
        var rank = teleport
        for _ in 0..<iterations {
            var next = teleport.map { (1 - damping) * $0 }
            var dangling = 0.0
            for row in 0..<count {
                guard outgoing[row] > 0 else {
                    dangling += rank[row]
                    continue
                }
                let share = damping * rank[row] / outgoing[row]
                for edge in edges[row] { next[edge.node] += share * edge.weight }
            }
            for node in 0..<count { next[node] += damping * dangling * teleport[node] }
            let change = zip(next, rank).reduce(0) { $0 + abs($1.0 - $1.1) }
            rank = next
            if change < tolerance { break }
        }
        return rank
    }
}
