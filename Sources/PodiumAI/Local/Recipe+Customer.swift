import Foundation
import PodiumCore
import PodiumInsight

/// The Customer Representative's jobs: summaries, themes, personas, sentiment tags.
extension Recipe {
    /// The Customer Representative's kinds: each recipe, with what its prompt asks an LLM for.
    static let customerRecipes: [JobRecipe] = [
        JobRecipe(.summarizeFeedback,
                  objective: "Summarize the customer feedback for a Product Owner: the biggest complaints, what customers like, and the themes with their size.",
                  format: "Markdown with \"## Biggest complaints\", \"## What customers like\" and \"## Themes\"; quote customers exactly and cite each quote.") { try $0.summarizeFeedback() },
        JobRecipe(.clusterThemes,
                  objective: "Describe each feedback theme found in the data: what it is about, how big and how negative it is.",
                  format: "Markdown, one \"## N. label\" section per theme of the data, in the same order and with the same labels and tags.") { try $0.clusterThemes() },
        JobRecipe(.buildPersonas,
                  objective: "Describe each persona of the data as a Product Owner would use it: goals, pains, and representative quotes.",
                  format: "Markdown, one \"## Name\" section per persona of the data, with the same names.") { try $0.buildPersonas() },
        JobRecipe(.tagSentiment,
                  objective: "Comment on the sentiment scores of the data: what drives the most negative and the most positive feedback.",
                  format: "Markdown with \"## Most negative\" and \"## Most positive\"; keep the scores as given.") { try $0.tagSentiment() },
    ]

    /// The feedback the job works on, refusing an empty set with a clear message.
    func feedbackToWorkOn() throws -> [FeedbackItem] {
        let items = request.feedback
        guard !items.isEmpty else {
            throw JobError.nothingToWorkOn(request.inputs(.feedback).isEmpty
                ? "There is no feedback in the workspace yet; import some with podium import feedback FILE."
                : "None of the selected feedback items exists any more.")
        }
        return items
    }

    /// Which feedback the draft covers, for titles: "all 400 items" or "312 filtered items".
    func scopeDescription(_ items: [FeedbackItem]) -> String {
        let noun = items.count == 1 ? "item" : "items"
        if let filter = request.parameters.filter { return "\(items.count) \(noun) matching “\(Recipe.clean(filter))”" }
        return request.inputs(.feedback).isEmpty ? "all \(items.count) \(noun)" : "\(items.count) selected \(noun)"
    }

    // MARK: summarize-feedback

    mutating func summarizeFeedback() throws -> DraftOutput {
        let items = try feedbackToWorkOn()
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let clustering = try themes(of: items)
        context.progress("Summarizing \(items.count) items")
        try context.checkCancellation()
        // Key points: the most central complaint of the themes with the most complaints,
        // then the most central praise of the themes with the most praise; without
        // themes, the most central sentences overall.
        let allStats = clustering.themes.map { stats(of: $0, in: byID) }
        // The most central sentence that itself says what its heading claims: a complaint
        // under the complaints, praise under what customers like (a praising review's
        // central sentence may be its complaint: "Love it, but it drains my battery").
        let analyzer = analyzer
        func central(_ items: [FeedbackItem], praising: Bool) -> SummarySentence? {
            Summarizer().summarize(items.map { TextDocument(id: $0.id.rawValue, text: $0.text) }, maxSentences: 5).first { sentence in
                let score = analyzer.score(sentence.text).score
                // A benefit wished for ("…would save my sanity") asks, it praises nothing yet;
                // a sentence that also speaks of trouble is no quote of what customers like.
                return praising ? Recipe.isPositive(score) && FeedbackIntent.of(sentence.text, analyzer: analyzer) == .praise
                    && !FeedbackIntent.speaksOfTrouble(sentence.text)
                    : Recipe.isNegative(score)
            }
        }
        var sentiments: [RecordID<FeedbackItem>: Double] = [:]
        for item in items { sentiments[item.id] = sentiment(of: item) }
        func praising(_ stats: ThemeStats) -> [FeedbackItem] { stats.members.filter { Recipe.isPositive(sentiments[$0.id] ?? 0) } }
        let complaints = allStats.sorted { ($0.members(negative: true).count, $1.theme.label) > ($1.members(negative: true).count, $0.theme.label) }
            .prefix(3).compactMap { central($0.members(negative: true), praising: false) }
        let praise = allStats.sorted { (praising($0).count, $1.theme.label) > (praising($1).count, $0.theme.label) }
            .prefix(3).compactMap { central(praising($0), praising: true) }
        let scores = items.map { sentiment(of: $0) }
        let negative = Double(scores.filter(Recipe.isNegative).count) / Double(items.count)
        let positive = Double(scores.filter(Recipe.isPositive).count) / Double(items.count)
        var lines = ["# Feedback summary: \(scopeDescription(items))", ""]
        lines.append("**Sentiment:** \(Recipe.percent(negative)) negative, \(Recipe.percent(positive)) positive, "
            + "\(Recipe.percent(max(0, 1 - negative - positive))) neutral or mixed.")
        var figures = [Figure(name: "items", value: Double(items.count)), Figure(name: "negative share", value: negative),
                       Figure(name: "positive share", value: positive)]
        for scale in RatingScale.allCases {
            let ratings = items.compactMap(\.rating).filter { $0.scale == scale }.map(\.value)
            guard !ratings.isEmpty else { continue }
            let mean = ratings.reduce(0, +) / Double(ratings.count)
            if scale == .nps {
                // The Net Promoter Score: promoters (9–10) minus detractors (0–6), in points.
                let promoters = Double(ratings.filter { $0 >= 9 }.count), detractors = Double(ratings.filter { $0 <= 6 }.count)
                let nps = ((promoters - detractors) / Double(ratings.count) * 100).rounded()
                lines.append("**NPS:** \(Int(nps)) over \(ratings.count) answers (\(Int(promoters)) promoters, \(Int(detractors)) detractors).")
                figures.append(Figure(name: "NPS", value: nps))
            } else {
                lines.append("**Ratings (\(scale == .stars5 ? "stars" : scale.rawValue)):** mean \(String(format: "%.1f", mean)) over \(ratings.count) ratings.")
                figures.append(Figure(name: "mean rating \(scale.rawValue)", value: (mean * 100).rounded() / 100))
            }
        }
        var evidence: [Evidence] = []
        let sections: [(String, [SummarySentence])] = clustering.themes.isEmpty
            ? [("What customers say", Summarizer().summarize(items.map { TextDocument(id: $0.id.rawValue, text: $0.text) }, maxSentences: 5))]
            : [("Biggest complaints", complaints), ("What customers like", praise)]
        for (heading, sentences) in sections where !sentences.isEmpty {
            lines += ["", "## \(heading)", ""]
            for sentence in sentences {
                guard let item = byID[RecordID(sentence.sourceID)] else { continue }
                lines.append("- “\(Recipe.clean(sentence.text))” \(Recipe.cite(item.id))")
                evidence.append(Evidence(ArtifactReference(.feedback, item.id), detail: "quoted: \(Recipe.shorten(Recipe.clean(sentence.text), to: 80))"))
            }
        }
        if !clustering.themes.isEmpty {
            lines += ["", "## Themes", ""]
            for theme in clustering.themes.prefix(6) {
                let stats = stats(of: theme, in: byID)
                lines.append("- **\(stats.theme.label)**: \(Format.count(stats.count, "item")), \(Recipe.percent(stats.negativeShare)) negative"
                    + (stats.representative.first.map { " — e.g. \(Recipe.quote($0, limit: 90))" } ?? ""))
                if let first = stats.representative.first, !evidence.contains(where: { $0.reference.id == first.id.rawValue }) {
                    evidence.append(Evidence(ArtifactReference(.feedback, first.id), detail: "example of theme \(theme.label)"))
                }
            }
            if !clustering.unassignedIDs.isEmpty {
                lines.append("- \(Format.count(clustering.unassignedIDs.count, "item")) fit no theme.")
            }
        }
        return DraftOutput(title: "Feedback summary (\(scopeDescription(items)))", content: lines.joined(separator: "\n"),
                           evidence: evidence, figures: figures)
    }

    // MARK: cluster-themes

    mutating func clusterThemes() throws -> DraftOutput {
        let items = try feedbackToWorkOn()
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let clustering = try themes(of: items)
        guard !clustering.themes.isEmpty else {
            throw JobError.nothingToWorkOn("No theme stands out in \(items.count) item\(items.count == 1 ? "" : "s"): they share too few words. Try again with more feedback.")
        }
        let themed = items.count - clustering.unassignedIDs.count
        var lines = ["# Themes in \(scopeDescription(items))", "",
                     "\(clustering.themes.count) theme\(clustering.themes.count == 1 ? " covers" : "s cover") \(themed) of \(Format.count(items.count, "item")); "
                        + "\(clustering.unassignedIDs.count) fit no theme and are left unthemed, not forced in. "
                        + "Each item is placed by a word it uses (the words in “placed by”). Accepting tags each item with its theme, "
                        + "and with its sub-theme (`theme:<theme>/<sub-theme>`) when it has one.", ""]
        var evidence: [Evidence] = []
        var assignments: [ThemeAssignment] = []
        var figures: [Figure] = []
        for (index, theme) in clustering.themes.enumerated() {
            try context.checkCancellation()
            let stats = self.stats(of: theme, in: byID)
            let tag = "theme:" + Recipe.slug(theme.label)
            lines.append("## \(index + 1). \(theme.label)")
            lines.append("\(Format.count(stats.count, "item")) · \(Recipe.percent(stats.negativeShare)) negative · mean sentiment "
                + String(format: "%+.2f", stats.meanSentiment) + " · tag `\(tag)`")
            lines.append("Placed by: " + Self.placedBySummary(theme))
            for member in stats.representative.prefix(2) { lines.append("- \(Recipe.quote(member))") }
            for sub in theme.subthemes {
                let subStats = self.stats(of: sub, in: byID)
                let subTag = tag + "/" + Recipe.slug(sub.label)
                lines.append("- **\(sub.label)**: \(Format.count(subStats.count, "item")), \(Recipe.percent(subStats.negativeShare)) negative"
                    + (subStats.representative.first.map { " — e.g. \(Recipe.quote($0, limit: 90))" } ?? ""))
                assignments.append(ThemeAssignment(tag: subTag, feedbackIDs: subStats.members.map { $0.id }))
                figures.append(Figure(name: "\(theme.label) / \(sub.label): items", value: Double(subStats.count)))
            }
            let rest = stats.count - Set(theme.subthemes.flatMap(\.memberIDs)).count
            if !theme.subthemes.isEmpty, rest > 0 { lines.append("- \(rest) more about \(theme.label) in general") }
            lines.append("")
            assignments.append(ThemeAssignment(tag: tag, feedbackIDs: stats.members.map(\.id)))
            evidence += stats.members.map { member in
                Evidence(ArtifactReference(.feedback, member.id),
                         detail: "member of the theme" + (theme.placedBy[member.id.rawValue].map { ", placed by “\($0)”" } ?? ""), group: theme.label)
            }
            figures.append(Figure(name: "\(theme.label): items", value: Double(stats.count)))
            figures.append(Figure(name: "\(theme.label): negative share", value: (stats.negativeShare * 100).rounded() / 100))
        }
        if !clustering.unassignedIDs.isEmpty {
            lines.append("\(Format.count(clustering.unassignedIDs.count, "item")) fit no theme and are left untagged.")
            figures.append(Figure(name: "unthemed items", value: Double(clustering.unassignedIDs.count)))
        }
        return DraftOutput(title: "\(clustering.themes.count) feedback themes", content: lines.joined(separator: "\n"),
                           evidence: evidence, figures: figures, proposal: DraftProposal(themeTags: assignments))
    }

    /// The words that placed a theme's members, most used first, with how many each placed.
    static func placedBySummary(_ theme: Theme) -> String {
        let counts = Dictionary(grouping: theme.placedBy.values, by: { $0.lowercased() }).mapValues(\.count)
        let words = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(6)
        return words.map { "“\($0.key)” (\($0.value))" }.joined(separator: ", ")
            + (counts.count > 6 ? ", and \(counts.count - 6) more words" : "")
    }

    // MARK: tag-sentiment

    mutating func tagSentiment() throws -> DraftOutput {
        let all = try feedbackToWorkOn()
        let explicit = !request.inputs(.feedback).isEmpty
        let items = explicit ? all : all.filter { $0.currentSentiment == nil }
        guard !items.isEmpty else {
            throw JobError.nothingToWorkOn("Every feedback item already has a sentiment. Select items to score them again.")
        }
        context.progress("Scoring the sentiment of \(items.count) items")
        var assignments: [SentimentAssignment] = []
        var scored: [(FeedbackItem, Double)] = []
        for (index, item) in items.enumerated() {
            if index % 500 == 0 { try context.checkCancellation() }
            let score = Recipe.estimate(item, analyzer: analyzer)
            assignments.append(SentimentAssignment(feedbackID: item.id, score: score))
            scored.append((item, score))
        }
        let negative = scored.filter { Recipe.isNegative($0.1) }.count
        let positive = scored.filter { Recipe.isPositive($0.1) }.count
        var lines = ["# Sentiment for \(items.count) feedback items", "",
                     "\(negative) negative, \(positive) positive, \(items.count - negative - positive) neutral or mixed. "
                        + "Scores run from -1 to 1: the text's words (with negation, intensifiers and “but”) and, when the item has one, its rating on its own scale.", "",
                     "## Most negative", ""]
        // Each list holds only items of its side: a batch of complaints has no "most positive".
        let sorted = scored.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
        let mostNegative = sorted.filter { Recipe.isNegative($0.1) }.prefix(5)
        let mostPositive = sorted.reversed().filter { Recipe.isPositive($0.1) }.prefix(5)
        for (item, score) in mostNegative { lines.append("- " + Recipe.quote(item, limit: 100) + String(format: " (%+.2f)", score)) }
        if mostNegative.isEmpty { lines.append("None of these items is negative.") }
        lines += ["", "## Most positive", ""]
        for (item, score) in mostPositive { lines.append("- " + Recipe.quote(item, limit: 100) + String(format: " (%+.2f)", score)) }
        if mostPositive.isEmpty { lines.append("None of these items is positive.") }
        return DraftOutput(
            title: "Sentiment for \(items.count) item\(items.count == 1 ? "" : "s")", content: lines.joined(separator: "\n"),
            evidence: scored.map { Evidence(ArtifactReference(.feedback, $0.0.id), detail: String(format: "sentiment %+.2f", $0.1)) },
            figures: [Figure(name: "negative", value: Double(negative)), Figure(name: "positive", value: Double(positive))],
            proposal: DraftProposal(sentiments: assignments))
    }

    // MARK: build-personas

    mutating func buildPersonas() throws -> DraftOutput {
        let items = try feedbackToWorkOn()
        let clustering = try themes(of: items)
        context.progress("Grouping \(items.count) items by segment")
        // One persona per customer segment with enough to say; without segments, per source.
        let minimum = max(5, items.count / 50)
        var segmented = Dictionary(grouping: items.filter { $0.segment != nil }) { Recipe.clean($0.segment!) }
        // A segment column that names each customer's company rather than a plan or a tier
        // ("Harbor Candles", "Velvet Kids"…) makes no persona: its groups large enough to
        // describe hold less than half of the items that have one.
        let segmentItems = segmented.values.reduce(0) { $0 + $1.count }
        let inLargeSegments = segmented.values.filter { $0.count >= minimum }.reduce(0) { $0 + $1.count }
        let segmentsAreNames = segmented.count >= 2 && inLargeSegments * 2 < segmentItems
        if segmentsAreNames { segmented = [:] }
        let groups = segmented.count >= 2 ? segmented : Dictionary(grouping: items) { $0.source.rawValue }
        let chosen = groups.filter { $0.value.count >= minimum }.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.prefix(5)
        guard !chosen.isEmpty else {
            throw JobError.nothingToWorkOn("Too little feedback per segment to describe a persona (at least \(Format.count(minimum, "item")) per segment are needed).")
        }
        // Every item's intent once: what each segment does (complains, asks, praises, asks how).
        let analyzer = analyzer
        var intents: [RecordID<FeedbackItem>: FeedbackIntent] = [:]
        for item in items { intents[item.id] = FeedbackIntent.of(item.text, ratingShare: item.rating?.normalized, analyzer: analyzer) }
        let complaintsByTheme = Dictionary(uniqueKeysWithValues: clustering.themes.map { theme in
            (theme.label, theme.memberIDs.filter { intents[RecordID($0)] == .complaint }.count)
        })
        let allComplaints = max(1, intents.values.filter { $0 == .complaint }.count)
        var personas: [Persona] = []
        var evidence: [Evidence] = []
        var figures: [Figure] = []
        var lines = ["# \(chosen.count) persona\(chosen.count == 1 ? "" : "s") from \(scopeDescription(items))", "",
                     "One persona per \(segmented.count >= 2 ? "customer segment" : "feedback source") with at least \(Format.count(minimum, "item")). "
                        + "Pains are what the segment complains about more than the others do; goals what it asks for and praises; "
                        + "each in the words of a customer of the segment, with the source."
                        + (segmentsAreNames ? " The feedback's segment column has \(Dictionary(grouping: items.compactMap(\.segment)) { $0 }.count) different values, "
                            + "most held by a handful of items (company names rather than plans or tiers), so it does not group them." : ""), ""]
        var topPains: [(persona: String, pain: String)] = []
        for (group, members) in chosen {
            try context.checkCancellation()
            let built = persona(for: group, members: members, bySegment: segmented.count >= 2, themes: clustering.themes, intents: intents,
                                complaintsByTheme: complaintsByTheme, allComplaints: allComplaints)
            let persona = built.persona
            personas.append(persona)
            if let top = built.topPain { topPains.append((persona.name, top)) }
            lines.append("## \(persona.name)")
            lines.append(persona.summary)
            lines.append("")
            lines.append("**Pains:**" + (persona.pains.isEmpty ? " none stated" : ""))
            lines += persona.pains.map { "- " + $0 }
            lines.append("**Goals:**" + (persona.goals.isEmpty ? " none stated" : ""))
            lines += persona.goals.map { "- " + $0 }
            lines.append("")
            evidence += persona.quotes.map { Evidence(ArtifactReference(.feedback, $0.sourceID), detail: "quoted", group: persona.name) }
            evidence += members.filter { m in !persona.quotes.contains { $0.sourceID == m.id } }
                .map { Evidence(ArtifactReference(.feedback, $0.id), detail: "in the persona's segment", group: persona.name) }
            figures.append(Figure(name: "\(persona.name): items", value: Double(members.count)))
        }
        // Two personas troubled first by the same thing: the data says so, and so does the draft.
        let shared = Dictionary(grouping: topPains, by: \.pain).filter { $0.value.count > 1 }
        if !shared.isEmpty {
            lines += ["## Shared pains", ""]
            for (pain, holders) in shared.sorted(by: { $0.key < $1.key }) {
                lines.append("- \(Recipe.list(holders.map(\.persona))) \(holders.count == 2 ? "both" : "all") complain most about the same thing "
                    + "(the theme “\(pain)”): it is not one segment's problem.")
            }
            lines.append("")
        }
        return DraftOutput(title: "\(personas.count) personas", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: figures,
                           proposal: DraftProposal(personas: personas))
    }

    /// A persona for one segment, and the theme of its first pain.
    ///
    /// Its pains are the themes it complains about more than the others do (its complaints
    /// there × how much more often than everyone's), each shown as a complaint of the segment
    /// in its own words; its goals what it asks for and what it praises, quoted the same way.
    /// Its summary says how it gives feedback: sources, and the share of complaints,
    /// requests, praise and questions.
    private mutating func persona(
        for group: String, members: [FeedbackItem], bySegment: Bool, themes: [Theme], intents: [RecordID<FeedbackItem>: FeedbackIntent],
        complaintsByTheme: [String: Int], allComplaints: Int
    ) -> (persona: Persona, topPain: String?) {
        let inGroup = Set(members.map(\.id))
        let mine = members.filter { intents[$0.id] == .complaint }.count
        var pains: [(label: String, weight: Double, items: [FeedbackItem])] = []
        var likes: [(label: String, items: [FeedbackItem])] = []
        for theme in themes {
            let inTheme = theme.memberIDs.map { RecordID<FeedbackItem>($0) }.filter(inGroup.contains).compactMap { snapshot.feedback[$0] }
            let complaints = inTheme.filter { intents[$0.id] == .complaint }
            let praise = inTheme.filter { intents[$0.id] == .praise }
            if complaints.count >= 2 {
                // Lift: the theme's share of this segment's complaints over its share of everyone's.
                let lift = (Double(complaints.count) / Double(max(1, mine))) / (Double(complaintsByTheme[theme.label] ?? 1) / Double(allComplaints))
                pains.append((theme.label, Double(complaints.count) * min(3, lift), complaints))
            }
            if praise.count >= 2 { likes.append((theme.label, praise)) }
        }
        pains.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.label < $1.label }
        likes.sort { $0.items.count != $1.items.count ? $0.items.count > $1.items.count : $0.label < $1.label }
        var quotes: [Persona.Quote] = []
        let analyzer = analyzer
        /// The most central sentence of `items` that does what it is quoted for, as a quote.
        func phrase(_ items: [FeedbackItem], _ wanted: FeedbackIntent) -> String? {
            let sentences = Summarizer().summarize(items.map { TextDocument(id: $0.id.rawValue, text: $0.text) }, maxSentences: 5)
            guard let sentence = sentences.first(where: { FeedbackIntent.of($0.text, analyzer: analyzer) == wanted }) ?? sentences.first,
                  !quotes.contains(where: { $0.sourceID.rawValue == sentence.sourceID }) else { return nil }
            let quote = Persona.Quote(text: Recipe.shorten(Recipe.clean(sentence.text), to: 110), sourceID: RecordID(sentence.sourceID))
            quotes.append(quote)
            return "“\(quote.text)” \(Recipe.cite(quote.sourceID))"
        }
        let painLines = pains.prefix(3).compactMap { pain in phrase(pain.items, .complaint).map { "\($0) — \(pain.items.count) complaints like it" } }
        let requests = members.filter { intents[$0.id] == .request }
        var goalLines: [String] = []
        if requests.count >= 2, let wish = phrase(requests, .request) { goalLines.append("\(wish) — \(requests.count) requests in all") }
        goalLines += likes.prefix(2).compactMap { like in phrase(like.items, .praise).map { "\($0) — valued: \(like.items.count) praise it" } }
        // How the segment gives feedback.
        let count = Double(max(1, members.count))
        func share(_ intent: FeedbackIntent) -> String { Recipe.percent(Double(members.filter { intents[$0.id] == intent }.count) / count) }
        let sources = Dictionary(grouping: members, by: \.source).sorted { ($1.value.count, $0.key.rawValue) < ($0.value.count, $1.key.rawValue) }
            .prefix(2).map { "\($0.key.rawValue) \(Recipe.percent(Double($0.value.count) / count))" }
        let name = bySegment ? "\(group.prefix(1).uppercased() + group.dropFirst()) customer" : "Voice of \(group)"
        let summary = "\(members.count) feedback items (\(sources.joined(separator: ", "))): \(share(.complaint)) complaints, \(share(.request)) requests, "
            + "\(share(.praise)) praise, \(share(.question)) questions." + (pains.isEmpty ? " Few complaints." : "")
        return (Persona(name: name, summary: summary, goals: goalLines, pains: painLines, quotes: quotes,
                        segment: bySegment ? group : nil, createdAt: now, updatedAt: now), pains.first?.label)
    }
}
