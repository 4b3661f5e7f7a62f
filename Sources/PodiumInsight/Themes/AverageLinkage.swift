/// Agglomerative clustering with average linkage and a similarity cut-off.
///
/// Starting from one cluster per item, repeatedly merges the two clusters whose members
/// are most similar on average, and stops merging a cluster once no other cluster is at
/// least `threshold` similar to it. Uses the nearest-neighbour chain algorithm (O(n²) time
/// on an n × n similarity matrix), which gives the same clusters as merging the globally
/// closest pair each time, because average linkage never makes a merged cluster closer to
/// a third one than either part was. Ties go to the lower index, so results are reproducible.
enum AverageLinkage {
    /// The clusters as lists of item indices (each ascending), ordered by first index.
    static func clusters(_ matrix: SimilarityMatrix, threshold: Float) -> [[Int]] {
        var similarity = matrix
        let count = matrix.size
        var sizes = [Int](repeating: 1, count: count)
        var members: [[Int]] = (0..<count).map { [$0] }
        var active = [Bool](repeating: true, count: count)
        var activeList = Array(0..<count)
        var finished: [Int] = []
        var chain: [Int] = []

        func deactivate(_ cluster: Int) {
            active[cluster] = false
            activeList.removeAll { $0 == cluster }
        }

        while activeList.count > 1 {
            if chain.isEmpty { chain.append(activeList[0]) }
            let current = chain[chain.count - 1]
            let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
            // The most similar active cluster; on a tie keep the previous link, then the lower index.
            var best = -1
            var bestSimilarity = -Float.infinity
            for other in activeList where other != current {
                let value = similarity[current, other]
                if value > bestSimilarity || (value == bestSimilarity && other == previous) {
                    best = other
                    bestSimilarity = value
                }
            }
            if previous >= 0, similarity[current, previous] == bestSimilarity { best = previous }
            if bestSimilarity < threshold {
                // No cluster on the chain can ever reach the threshold again: set them aside.
                for cluster in chain {
                    finished.append(cluster)
                    deactivate(cluster)
                }
                chain.removeAll()
                continue
            }
            if best == previous {
                chain.removeLast(2)
                let kept = min(current, best)
                let merged = max(current, best)
                let keptSize = Float(sizes[kept])
                let mergedSize = Float(sizes[merged])
                for other in activeList where other != kept && other != merged {
                    let value = (keptSize * similarity[kept, other] + mergedSize * similarity[merged, other])
                        / (keptSize + mergedSize)
                    similarity[kept, other] = value
                    similarity[other, kept] = value
                }
                sizes[kept] += sizes[merged]
                members[kept].append(contentsOf: members[merged])
                members[merged] = []
                deactivate(merged)
            } else {
                chain.append(best)
            }
        }
        let remaining = finished + activeList
        return remaining.map { members[$0].sorted() }.sorted { $0[0] < $1[0] }
    }
}
