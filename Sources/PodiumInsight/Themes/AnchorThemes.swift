/// Finds the top-level themes of a set of documents from the words that anchor them.
///
/// Customers who write about the same thing seldom share many words, but they usually name
/// the thing: "bank", "receipt", "label", "map". A word that names a topic is *topical*: the
/// documents holding it resemble each other in their other words too, more than the
/// documents holding "great" or "again" do. The finder:
///
/// 1. scores each word's topicality (how alike, in their other words, the documents holding
///    it are, relative to the average word's);
/// 2. takes, greedily, the word that is both topical and common among the documents not yet
///    in a theme: the theme's anchor. Words found mostly beside the anchor (60% of their
///    documents or more hold it too: "reconnect" beside "bank") join it;
/// 3. repeats until `maximumThemes` themes or no word is held by `minimumSize` documents
///    still outside a theme;
/// 4. puts each document in the theme whose words it holds most weight of (idf ×
///    topicality), naming the word that placed it; a document holding none of them joins
///    the theme whose centre it is closest to, when at least `assignmentThreshold`
///    similar, placed by the word it shares most with that centre. The rest stay unthemed.
///
/// On the hand-labelled sets this is what bounds the number of top-level themes; sub-themes
/// come from the finer clustering inside each large theme (see `ThemeClusterer`).
struct AnchorThemes {
    /// One top-level theme: its words (the anchor first) and members, each with the word
    /// that placed it.
    struct Group {
        var terms: [String]
        var members: [Int]
        var placedBy: [Int: String]
    }

    var maximumThemes = 12
    var minimumSize = 3
    /// A word in more than this share of the documents anchors nothing ("app", "invoice" in an invoicing tool).
    var commonShare = 0.3
    /// The share of a word's documents that must hold the anchor for the word to join it.
    var joiningShare = 0.6
    /// Words less topical than this (1 = the average word) never join an anchor.
    var joiningTopicality = 0.5
    var assignmentThreshold = 0.15
    /// Words that may not anchor or join (a sub-theme's parent's own words).
    var excluded: Set<String> = []

    /// The groups, in the order their anchors were chosen, and the documents in none.
    func find(termLists: [[String]], model: TFIDFModel, vectors: [SparseVector], sample: [Int]) -> (groups: [Group], unassigned: [Int]) {
        let termSets = termLists.map { terms in Array(Set(terms.compactMap(model.index(of:)))).sorted() }
        let topicality = Self.topicality(termSets: termSets, sample: sample, model: model)
        let frequencies = model.documentFrequencies
        let count = termSets.count
        // Words that name no topic ("app", "wrong", "time") neither anchor nor join a theme.
        let namesTopic = model.vocabulary.map { !TopicFreeWords.terms.contains($0) && !excluded.contains($0) }
        var postings = [[Int]](repeating: [], count: model.vocabularySize)
        for (document, terms) in termSets.enumerated() { for term in terms { postings[term].append(document) } }

        // MARK: Anchors, greedily
        var covered = [Bool](repeating: false, count: count)
        var themeTerms: [[Int]] = []
        while themeTerms.count < maximumThemes {
            var best = -1
            var bestScore = 0.0
            var bestUncovered = 0
            for term in 0..<model.vocabularySize where namesTopic[term] && Double(frequencies[term]) <= commonShare * Double(count) && topicality[term] > 0 {
                let uncovered = postings[term].reduce(0) { $0 + (covered[$1] ? 0 : 1) }
                guard uncovered >= minimumSize else { continue }
                let score = Double(uncovered) * topicality[term]
                if score > bestScore { best = term; bestScore = score; bestUncovered = uncovered }
            }
            guard best >= 0, bestUncovered >= minimumSize else { break }
            var together: [Int: Int] = [:]
            for document in postings[best] { for term in termSets[document] where term != best { together[term, default: 0] += 1 } }
            let joined = together.filter { term, shared in
                namesTopic[term] && shared >= 3 && Double(shared) >= joiningShare * Double(frequencies[term]) && topicality[term] >= joiningTopicality
            }.keys.sorted { frequencies[$0] != frequencies[$1] ? frequencies[$0] > frequencies[$1] : $0 < $1 }
            let terms = [best] + joined
            themeTerms.append(terms)
            for term in terms { for document in postings[term] { covered[document] = true } }
        }
        guard !themeTerms.isEmpty else { return ([], Array(0..<count)) }

        // MARK: Each document to the theme it holds most weight of
        let weight = (0..<model.vocabularySize).map { model.inverseDocumentFrequencies[$0] * max(0, topicality[$0]) }
        var theme = [Int](repeating: -1, count: count)
        var reason = [Int](repeating: -1, count: count)
        let termThemes = Dictionary(grouping: themeTerms.enumerated().flatMap { index, terms in terms.map { ($0, index) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        for document in 0..<count {
            var scores: [Int: Double] = [:]
            for term in termSets[document] { for index in termThemes[term] ?? [] { scores[index, default: 0] += weight[term] } }
            guard let best = scores.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), best.value > 0 else { continue }
            theme[document] = best.key
            reason[document] = termSets[document].filter { themeTerms[best.key].contains($0) }
                .max { weight[$0] != weight[$1] ? weight[$0] < weight[$1] : $0 > $1 } ?? -1
        }

        // MARK: The rest by closeness to a theme's centre
        let centres = themeTerms.indices.map { index in
            Centroid(members: theme.indices.filter { theme[$0] == index }, vectors: vectors, dimension: model.vocabularySize)
        }
        for document in 0..<count where theme[document] < 0 && !vectors[document].isZero {
            var best = -1
            var bestSimilarity = assignmentThreshold
            for (index, centre) in centres.enumerated() {
                let similarity = vectors[document].dot(dense: centre.weights)
                if similarity >= bestSimilarity && (similarity > bestSimilarity || best < 0) { best = index; bestSimilarity = similarity }
            }
            guard best >= 0 else { continue }
            theme[document] = best
            let vector = vectors[document]
            reason[document] = vector.indices.indices.max { lhs, rhs in
                let left = vector.weights[lhs] * centres[best].weights[vector.indices[lhs]]
                let right = vector.weights[rhs] * centres[best].weights[vector.indices[rhs]]
                return left != right ? left < right : vector.indices[lhs] > vector.indices[rhs]
            }.map { vector.indices[$0] } ?? -1
        }

        var groups = themeTerms.map { Group(terms: $0.map { model.vocabulary[$0] }, members: [], placedBy: [:]) }
        var unassigned: [Int] = []
        for document in 0..<count {
            guard theme[document] >= 0 else { unassigned.append(document); continue }
            groups[theme[document]].members.append(document)
            if reason[document] >= 0 { groups[theme[document]].placedBy[document] = model.vocabulary[reason[document]] }
        }
        let kept = groups.filter { $0.members.count >= minimumSize }
        unassigned += groups.filter { $0.members.count < minimumSize }.flatMap(\.members)
        return (kept, unassigned.sorted())
    }

    /// How topical each word is: the mean cosine similarity, over their other words, of the
    /// sampled documents holding it, divided by the mean of that figure over the words held
    /// by three or more of them; 0 for a word held by fewer than two.
    static func topicality(termSets: [[Int]], sample: [Int], model: TFIDFModel) -> [Double] {
        let idf = model.inverseDocumentFrequencies
        var sums = [[Int: Double]](repeating: [:], count: model.vocabularySize)
        var holders = [Int](repeating: 0, count: model.vocabularySize)
        for document in sample {
            let terms = termSets[document]
            let squares = terms.reduce(0.0) { $0 + idf[$1] * idf[$1] }
            for term in terms {
                let rest = squares - idf[term] * idf[term]
                guard rest > 1e-12 else { continue }  // nothing else said: nothing to compare
                holders[term] += 1
                let scale = 1 / rest.squareRoot()
                for other in terms where other != term { sums[term][other, default: 0] += idf[other] * scale }
            }
        }
        var values = [Double](repeating: 0, count: model.vocabularySize)
        for term in 0..<model.vocabularySize where holders[term] >= 2 {
            let n = Double(holders[term])
            // Summed in word order: a dictionary's order differs between instances, and so would the last bits.
            let squared = sums[term].sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * $1.value }
            values[term] = max(0, (squared - n) / (n * (n - 1)))
        }
        let common = (0..<model.vocabularySize).filter { holders[$0] >= 3 }
        let mean = common.isEmpty ? 0 : common.reduce(0) { $0 + values[$1] } / Double(common.count)
        return mean > 0 ? values.map { $0 / mean } : values
    }
}
