/// Finds the themes in a set of documents without being told how many there are: at most
/// `maximumThemes` at the top, each large one with its sub-themes.
///
/// 1. Each document becomes a unit tf-idf vector of its stemmed terms (terms found in only
///    one document are left out: they cannot make two documents alike).
/// 2. Top-level themes come from the words that name a topic (`AnchorThemes`): each
///    member is placed by a word it holds (or, holding none, by closeness to a theme's
///    centre); documents placed by nothing stay unthemed. A theme needs
///    `minimumThemeSize` members, and 1.5% of the documents.
/// 3. Sub-themes: inside a theme of `subthemeMinimum` members or more, the finer clustering
///    (`fineGroups`) finds groups of at least a tenth of the theme; at most `maximumSubthemes`.
/// 4. `ThemeLabeler` names each: a top-level theme by the phrase its anchor word is most
///    often written in ("bank feed"), a sub-theme by what sets it apart.
///
/// The result depends only on the set of documents: they are put in id order first, the
/// sample is chosen by a stable hash, and every tie is broken by index or text.
public struct ThemeClusterer: Sendable {
    /// The least average cosine similarity at which two clusters of the sample merge into a seed.
    public var similarityThreshold: Double
    /// Themes with fewer members dissolve into the unassigned documents.
    public var minimumThemeSize: Int
    /// At most this many documents are compared pairwise (O(n²) time and memory) or read
    /// for how topical each word is; the rest follow.
    public var sampleLimit: Int
    /// At most this many top-level themes, whatever the number of documents.
    public var maximumThemes = 12
    /// The least cosine similarity between the centres of two anchor groups at which they
    /// become sub-themes of one theme.
    public var familyThreshold = 0.3
    /// A theme of one anchor group with this many members or more is divided into sub-themes.
    public var subthemeMinimum = 30
    /// At most this many sub-themes per theme.
    public var maximumSubthemes = 5
    /// The least cosine similarity between the centres of two seed clusters at which they
    /// merge (sub-themes).
    public var themeMergeThreshold: Double = 0.08
    /// The least cosine similarity to a sub-theme's centre at which a document joins it.
    public var assignmentThreshold: Double = 0.1
    /// How many times sub-theme centres are recomputed and documents reassigned.
    public var refinementPasses: Int = 2
    /// Terms that name no theme in this workspace however often they occur: the product's
    /// own name ("parcelpoint" in Parcelpoint's feedback is no topic).
    public var ignoredTerms: Set<String> = []

    public init(similarityThreshold: Double = 0.2, minimumThemeSize: Int = 3, sampleLimit: Int = 2_000) {
        self.similarityThreshold = similarityThreshold
        self.minimumThemeSize = max(1, minimumThemeSize)
        self.sampleLimit = max(2, sampleLimit)
    }

    /// The themes of `documents`, largest first, and the documents that fit none.
    public func cluster(_ documents: [TextDocument]) -> ThemeClustering {
        let ordered = TextDocument.canonicalOrder(documents)
        var analyzer = TermAnalyzer()
        let ignored = ignoredTerms
        let termLists = ordered.map { document in analyzer.terms(document.text).filter { !ignored.contains($0) } }
        let model = TFIDFModel(documents: termLists, minimumDocumentFrequency: 2)
        let vectors = termLists.map(model.vector(for:))

        let candidates = vectors.indices.filter { !vectors[$0].isZero }
        // Every document says the same words (100,000 copies of one complaint): tf-idf sees
        // nothing that sets any apart, so the themes are the identical texts themselves.
        if candidates.isEmpty { return identicalThemes(ordered, termLists: termLists) }
        let sample = DeterministicSample.indices(of: ordered, candidates: candidates, limit: sampleLimit)
        var finder = AnchorThemes()
        finder.maximumThemes = 3 * maximumThemes
        finder.minimumSize = max(minimumThemeSize, Int(0.015 * Double(ordered.count)))
        let found = finder.find(termLists: termLists, model: model, vectors: vectors, sample: sample)
        let families = Self.families(of: found.groups, limit: maximumThemes, vectors: vectors, vocabulary: model.vocabulary,
                                     threshold: familyThreshold, assignment: 0.15)

        var labeler = ThemeLabeler(model: model, documentTerms: termLists)
        var themes: [Theme] = []
        for family in families.kept {
            let parts = family.map { found.groups[$0] }
            var members = parts.flatMap(\.members)
            var placedBy = parts.reduce(into: [Int: String]()) { $0.merge($1.placedBy) { first, _ in first } }
            for (document, word) in families.joined where family.contains(word.family) { members.append(document); placedBy[document] = word.term }
            let (closestFirst, cohesion) = Self.closestFirst(members, vectors: vectors, dimension: model.vocabularySize)
            let naming = labeler.name(anchors: parts[0].terms, members: closestFirst, texts: closestFirst.map { ordered[$0].text })
            // A theme of several parts is named by its largest part's word ("bank"), its parts by their phrases ("bank feed").
            let label = parts.count >= 2 ? naming.usage.surfaceForm(of: parts[0].terms[0]) : naming.label
            var theme = Theme(label: label, keyTerms: naming.keyTerms,
                              memberIDs: closestFirst.map { ordered[$0].id }, cohesion: cohesion)
            theme.placedBy = Self.placedWords(placedBy, ordered: ordered)
            if parts.count >= 2 {
                for part in parts {
                    let (partFirst, partCohesion) = Self.closestFirst(part.members, vectors: vectors, dimension: model.vocabularySize)
                    let partNaming = labeler.name(anchors: part.terms, members: partFirst, texts: partFirst.map { ordered[$0].text })
                    var sub = Theme(label: partNaming.label, keyTerms: partNaming.keyTerms, memberIDs: partFirst.map { ordered[$0].id }, cohesion: partCohesion)
                    sub.placedBy = Self.placedWords(part.placedBy, ordered: ordered)
                    theme.subthemes.append(sub)
                }
            } else if members.count >= subthemeMinimum {
                theme.subthemes = subthemes(of: members, parentTerms: parts[0].terms, termLists: termLists, vectors: vectors,
                                            model: model, ordered: ordered, labeler: &labeler)
                if !theme.subthemes.isEmpty { theme.label = naming.usage.surfaceForm(of: parts[0].terms[0]) }
            }
            if let shared = Self.sharedWord(of: theme.subthemes.map(\.label)) {
                theme.label = shared  // "elevation" over "elevation profile" and "elevation gain"
            }
            themes.append(theme)
        }
        let unassigned = found.unassigned + families.unassigned
        themes.sort { lhs, rhs in
            if lhs.memberIDs.count != rhs.memberIDs.count { return lhs.memberIDs.count > rhs.memberIDs.count }
            if lhs.cohesion != rhs.cohesion { return lhs.cohesion > rhs.cohesion }
            return lhs.label != rhs.label ? lhs.label < rhs.label : lhs.memberIDs.first ?? "" < rhs.memberIDs.first ?? ""
        }
        return ThemeClustering(themes: themes, unassignedIDs: unassigned.map { ordered[$0].id }.sorted())
    }

    /// The sub-themes of a theme with `members`: the same search for anchoring words among
    /// its members, without the theme's own words, for groups of at least a tenth of it;
    /// none when fewer than two are found (one group is not a division).
    private func subthemes(
        of members: [Int], parentTerms: [String], termLists: [[String]], vectors: [SparseVector], model: TFIDFModel,
        ordered: [TextDocument], labeler: inout ThemeLabeler
    ) -> [Theme] {
        var finder = AnchorThemes()
        finder.maximumThemes = maximumSubthemes
        finder.minimumSize = max(minimumThemeSize, members.count / 10)
        finder.excluded = Set(parentTerms.prefix(1))  // the words that joined the anchor may divide it
        finder.commonShare = 0.6
        let sample = members.count <= sampleLimit ? Array(members.indices)
            : DeterministicSample.indices(of: members.map { ordered[$0] }, candidates: Array(members.indices), limit: sampleLimit)
        let found = finder.find(termLists: members.map { termLists[$0] }, model: model, vectors: members.map { vectors[$0] }, sample: sample)
        guard found.groups.count >= 2 else { return [] }
        var result: [Theme] = []
        for group in found.groups {
            let (closestFirst, cohesion) = Self.closestFirst(group.members.map { members[$0] }, vectors: vectors, dimension: model.vocabularySize)
            let naming = labeler.name(anchors: group.terms, members: closestFirst, texts: closestFirst.map { ordered[$0].text })
            var theme = Theme(label: naming.label, keyTerms: naming.keyTerms, memberIDs: closestFirst.map { ordered[$0].id }, cohesion: cohesion)
            theme.placedBy = Self.placedWords(Dictionary(uniqueKeysWithValues: group.placedBy.map { (members[$0.key], $0.value) }), ordered: ordered)
            result.append(theme)
        }
        return result.sorted { $0.memberIDs.count != $1.memberIDs.count ? $0.memberIDs.count > $1.memberIDs.count : $0.label < $1.label }
    }

    /// Anchor groups gathered into families by the similarity of their centres (average
    /// linkage, `threshold`), the largest `limit` families kept; the members of the others
    /// join the kept family whose centre is closest, when at least `assignment` similar
    /// (placed by the word they share most with it), or stay unthemed.
    static func families(
        of groups: [AnchorThemes.Group], limit: Int, vectors: [SparseVector], vocabulary: [String], threshold: Double, assignment: Double
    ) -> (kept: [[Int]], joined: [(Int, (family: Int, term: String))], unassigned: [Int]) {
        guard !groups.isEmpty else { return ([], [], []) }
        let dimension = vocabulary.count
        let centres = groups.map { Centroid(members: $0.members, vectors: vectors, dimension: dimension) }
        let merged = threshold >= 1 ? groups.indices.map { [$0] }
            : AverageLinkage.clusters(SimilarityMatrix(centres.map(\.sparse)), threshold: Float(threshold))
        let size = { (family: [Int]) in family.reduce(0) { $0 + groups[$1].members.count } }
        let ranked = merged.map { family in family.sorted { groups[$0].members.count != groups[$1].members.count ? groups[$0].members.count > groups[$1].members.count : $0 < $1 } }
            .sorted { size($0) != size($1) ? size($0) > size($1) : $0[0] < $1[0] }
        let kept = Array(ranked.prefix(limit))
        let keptCentres = kept.map { family in Centroid(members: family.flatMap { groups[$0].members }, vectors: vectors, dimension: dimension) }
        var joined: [(Int, (family: Int, term: String))] = []
        var unassigned: [Int] = []
        for document in ranked.dropFirst(limit).flatMap({ $0.flatMap { groups[$0].members } }) {
            let vector = vectors[document]
            let similarities = keptCentres.map { vector.dot(dense: $0.weights) }
            guard let best = similarities.indices.max(by: { similarities[$0] != similarities[$1] ? similarities[$0] < similarities[$1] : $0 > $1 }),
                  similarities[best] >= assignment else { unassigned.append(document); continue }
            let word = vector.indices.indices.max { vector.weights[$0] * keptCentres[best].weights[vector.indices[$0]] < vector.weights[$1] * keptCentres[best].weights[vector.indices[$1]] }
            joined.append((document, (kept[best][0], word.map { vocabulary[vector.indices[$0]] } ?? "")))
        }
        return (kept, joined, unassigned)
    }

    /// For each placed document (by index), its id and the word in its own text that gave
    /// the term that placed it ("invoice" where another member wrote "invoices").
    static func placedWords(_ terms: [Int: String], ordered: [TextDocument]) -> [String: String] {
        var analyzer = TermAnalyzer()
        var words: [String: String] = [:]
        for (document, term) in terms {
            let written = analyzer.occurrences(ordered[document].text).first { $0.term == term }?.surface
            words[ordered[document].id] = written ?? term
        }
        return words
    }

    /// The word two or more of `labels` share (the first such, as the first label holding
    /// it writes it), or nil: the name of what sub-themes have in common.
    static func sharedWord(of labels: [String]) -> String? {
        let words = labels.map { label in label.split(separator: " ").map { (String($0), Tokenizer.terms(String($0)).first ?? "") } }
        var counts: [String: Int] = [:]
        for list in words { for stem in Set(list.map(\.1)) where !stem.isEmpty { counts[stem, default: 0] += 1 } }
        for list in words { for (word, stem) in list where counts[stem, default: 0] >= 2 { return word } }
        return nil
    }

    /// `members` sorted by similarity to their centre, closest first (ties by index), and
    /// their mean similarity to it.
    private static func closestFirst(_ members: [Int], vectors: [SparseVector], dimension: Int) -> ([Int], Double) {
        let centre = Centroid(members: members, vectors: vectors, dimension: dimension)
        let similarity = Dictionary(uniqueKeysWithValues: members.map { ($0, vectors[$0].dot(dense: centre.weights)) })
        let sorted = members.sorted { similarity[$0]! != similarity[$1]! ? similarity[$0]! > similarity[$1]! : $0 < $1 }
        let mean = members.isEmpty ? 0 : members.reduce(0.0) { $0 + similarity[$1]! } / Double(members.count)
        return (sorted, min(1, max(0, mean)))
    }

    /// Finer groups among `members`: the same complaint in near-identical words.
    ///
    /// A deterministic sample is clustered agglomeratively with average linkage, merging
    /// while clusters are at least `similarityThreshold` similar on average (see
    /// `AverageLinkage`); groups of one are dropped. Groups whose centres are at least
    /// `themeMergeThreshold` similar merge, again with average linkage; every member then
    /// joins the group whose centre it is most similar to, if at least
    /// `assignmentThreshold`, and centres are recomputed `refinementPasses` times.
    func fineGroups(_ members: [Int], vectors: [SparseVector], dimension: Int) -> [[Int]] {
        let candidates = members.filter { !vectors[$0].isZero }
        guard candidates.count >= 2 else { return [] }
        let sample = candidates.count <= sampleLimit ? candidates
            : candidates.sorted { StableHash.fnv1a(String($0)) < StableHash.fnv1a(String($1)) }.prefix(sampleLimit).sorted()
        let matrix = SimilarityMatrix(sample.map { vectors[$0] })
        let seeds = AverageLinkage.clusters(matrix, threshold: Float(similarityThreshold))
            .filter { $0.count >= 2 }
            .map { cluster in cluster.map { sample[$0] } }
        guard !seeds.isEmpty else { return [] }
        let seedCentres = seeds.map { Centroid(members: $0, vectors: vectors, dimension: dimension) }
        let merged = AverageLinkage.clusters(SimilarityMatrix(seedCentres.map(\.sparse)), threshold: Float(themeMergeThreshold))
        var centres = merged.map { group in Centroid(members: group.flatMap { seeds[$0] }, vectors: vectors, dimension: dimension) }
        var assignment = assign(members.map { vectors[$0] }, to: centres)
        for _ in 0..<refinementPasses {
            let groups = Self.groups(of: assignment, count: centres.count)
            centres = groups.filter { !$0.isEmpty }.map { group in
                Centroid(members: group.map { members[$0] }, vectors: vectors, dimension: dimension)
            }
            assignment = assign(members.map { vectors[$0] }, to: centres)
        }
        return Self.groups(of: assignment, count: centres.count).filter { !$0.isEmpty }.map { $0.map { members[$0] } }
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

    /// The group each vector joins (-1 for none) and its similarity to that group's centre.
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

    /// The positions assigned to each group, ascending.
    private static func groups(of assignment: [(theme: Int, similarity: Double)], count: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
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
