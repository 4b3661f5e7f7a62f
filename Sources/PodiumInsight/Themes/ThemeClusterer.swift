/// Finds the themes in a set of documents without being told how many there are.
///
/// 1. Each document becomes a unit tf-idf vector of its stemmed terms (terms found in only
///    one document are left out: they cannot make two documents alike).
/// 2. Seeds: a deterministic sample of at most `sampleLimit` documents is clustered
///    agglomeratively with average linkage, merging while clusters are at least
///    `similarityThreshold` similar on average (see `AverageLinkage`). Seeds gather the
///    same complaint in near-identical words; seeds of one document are dropped.
/// 3. Themes: seeds whose centres (normalised mean vectors) are at least
///    `themeMergeThreshold` similar merge, again with average linkage, so that one topic
///    said in different words becomes one theme.
/// 4. Every document then joins the theme whose centre it is most similar to, if that
///    similarity reaches `assignmentThreshold`; centres are recomputed from their members
///    and documents reassigned `refinementPasses` times (spherical k-means steps).
/// 5. Themes with fewer than `minimumThemeSize` members dissolve: their documents are
///    unassigned. `ThemeLabeler` names the rest.
///
/// The result depends only on the set of documents: they are put in id order first, the
/// sample is chosen by a stable hash, and every tie is broken by index or text.
public struct ThemeClusterer: Sendable {
    /// The least average cosine similarity at which two clusters of the sample merge into a seed.
    public var similarityThreshold: Double
    /// Themes with fewer members dissolve into the unassigned documents.
    public var minimumThemeSize: Int
    /// At most this many documents are clustered pairwise (O(n²) time and memory); the
    /// rest join the themes found.
    public var sampleLimit: Int
    /// The least cosine similarity between the centres of two seed clusters at which they
    /// merge into one theme.
    public var themeMergeThreshold: Double = 0.08
    /// The least cosine similarity to a theme's centre at which a document joins the theme.
    public var assignmentThreshold: Double = 0.1
    /// How many times centres are recomputed and documents reassigned.
    public var refinementPasses: Int = 2

    public init(similarityThreshold: Double = 0.2, minimumThemeSize: Int = 3, sampleLimit: Int = 2_000) {
        self.similarityThreshold = similarityThreshold
        self.minimumThemeSize = max(1, minimumThemeSize)
        self.sampleLimit = max(2, sampleLimit)
    }

    /// The themes of `documents`, largest first, and the documents that fit none.
    public func cluster(_ documents: [TextDocument]) -> ThemeClustering {
        let ordered = TextDocument.canonicalOrder(documents)
        var analyzer = TermAnalyzer()
        let termLists = ordered.map { analyzer.terms($0.text) }
        let model = TFIDFModel(documents: termLists, minimumDocumentFrequency: 2)
        let vectors = termLists.map(model.vector(for:))

        // MARK: Seeds from the sample
        let candidates = vectors.indices.filter { !vectors[$0].isZero }
        // Every document says the same words (100,000 copies of one complaint): tf-idf sees
        // nothing that sets any apart, so the themes are the identical texts themselves.
        if candidates.isEmpty { return identicalThemes(ordered, termLists: termLists) }
        let sample = DeterministicSample.indices(of: ordered, candidates: candidates, limit: sampleLimit)
        let matrix = SimilarityMatrix(sample.map { vectors[$0] })
        let seeds = AverageLinkage.clusters(matrix, threshold: Float(similarityThreshold))
            .filter { $0.count >= 2 }
            .map { cluster in cluster.map { sample[$0] } }
        let seedCentres = seeds.map { Centroid(members: $0, vectors: vectors, dimension: model.vocabularySize) }

        // MARK: Seeds merged into themes
        // Near-identical wordings form the seeds; seeds whose centres share vocabulary (the
        // same topic said differently) merge, again with average linkage, over the centres.
        let merged = AverageLinkage.clusters(
            SimilarityMatrix(seedCentres.map(\.sparse)), threshold: Float(themeMergeThreshold))
        var centres = merged.map { group in
            Centroid(members: group.flatMap { seeds[$0] }, vectors: vectors, dimension: model.vocabularySize)
        }

        // MARK: Assignment and refinement
        var assignment = assign(vectors, to: centres)
        for _ in 0..<refinementPasses {
            let groups = members(of: assignment, themeCount: centres.count)
            let kept = groups.indices.filter { !groups[$0].isEmpty }
            centres = kept.map { Centroid(members: groups[$0], vectors: vectors, dimension: model.vocabularySize) }
            assignment = assign(vectors, to: centres)
        }

        // MARK: Themes
        let groups = members(of: assignment, themeCount: centres.count)
        var unassigned = assignment.indices.filter { assignment[$0].theme < 0 }
        var labeler = ThemeLabeler(model: model, documentTerms: termLists)
        var themes: [Theme] = []
        for group in groups {
            guard group.count >= minimumThemeSize else {
                unassigned.append(contentsOf: group)
                continue
            }
            let closestFirst = group.sorted { lhs, rhs in
                let left = assignment[lhs].similarity
                let right = assignment[rhs].similarity
                return left != right ? left > right : lhs < rhs
            }
            let cohesion = group.reduce(0.0) { $0 + assignment[$1].similarity } / Double(group.count)
            let naming = labeler.name(members: closestFirst, texts: closestFirst.map { ordered[$0].text })
            themes.append(Theme(
                label: naming.label, keyTerms: naming.keyTerms,
                memberIDs: closestFirst.map { ordered[$0].id }, cohesion: min(1, max(0, cohesion))))
        }
        themes.sort { lhs, rhs in
            if lhs.memberIDs.count != rhs.memberIDs.count { return lhs.memberIDs.count > rhs.memberIDs.count }
            if lhs.cohesion != rhs.cohesion { return lhs.cohesion > rhs.cohesion }
            return lhs.label != rhs.label ? lhs.label < rhs.label : lhs.memberIDs.first ?? "" < rhs.memberIDs.first ?? ""
        }
        return ThemeClustering(themes: themes, unassignedIDs: unassigned.map { ordered[$0].id }.sorted())
    }

    /// Themes of documents whose terms are all the same: one per group of identical term
    /// lists with at least `minimumThemeSize` members, labelled by the words they share.
    private func identicalThemes(_ ordered: [TextDocument], termLists: [[String]]) -> ThemeClustering {
        let groups = Dictionary(grouping: ordered.indices.filter { !termLists[$0].isEmpty }) { termLists[$0].joined(separator: " ") }
        var themes: [Theme] = []
        var unassigned = ordered.indices.filter { termLists[$0].isEmpty }
        var analyzer = TermAnalyzer(recordsSurfaceForms: true)
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
            guard members.count >= minimumThemeSize else {
                unassigned += members
                continue
            }
            let terms = Array(Set(analyzer.terms(ordered[members[0]].text)).sorted().prefix(5))
            let words = terms.map { analyzer.surfaceForm(of: $0) }
            themes.append(Theme(label: words.prefix(3).joined(separator: " · "), keyTerms: words, memberIDs: members.map { ordered[$0].id }, cohesion: 1))
        }
        themes.sort { $0.memberIDs.count != $1.memberIDs.count ? $0.memberIDs.count > $1.memberIDs.count : $0.label < $1.label }
        return ThemeClustering(themes: themes, unassignedIDs: unassigned.map { ordered[$0].id }.sorted())
    }

    // MARK: - Assignment

    /// The theme each document joins (-1 for none) and its similarity to that theme's centre.
    private func assign(_ vectors: [SparseVector], to centres: [Centroid]) -> [(theme: Int, similarity: Double)] {
        vectors.map { vector in
            var best = -1
            var bestSimilarity = assignmentThreshold
            for (index, centre) in centres.enumerated() {
                let similarity = vector.dot(dense: centre.weights)
                if similarity > bestSimilarity || (similarity == bestSimilarity && best < 0) {
                    best = index
                    bestSimilarity = similarity
                }
            }
            return (best, best < 0 ? 0 : bestSimilarity)
        }
    }

    /// The document indices of each theme, ascending.
    private func members(of assignment: [(theme: Int, similarity: Double)], themeCount: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: themeCount)
        for (index, entry) in assignment.enumerated() where entry.theme >= 0 { groups[entry.theme].append(index) }
        return groups
    }
}

/// The centre of a group of unit vectors: their mean, scaled to unit length, kept dense.
struct Centroid {
    let weights: [Double]

    init(members: [Int], vectors: [SparseVector], dimension: Int) {
        var sum = [Double](repeating: 0, count: dimension)
        for member in members { vectors[member].add(into: &sum) }
        let length = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        weights = length > 0 ? sum.map { $0 / length } : sum
    }

    /// The centre as a sparse vector.
    var sparse: SparseVector {
        SparseVector(weights.indices.filter { weights[$0] != 0 }.map { (index: $0, weight: weights[$0]) })
    }
}
