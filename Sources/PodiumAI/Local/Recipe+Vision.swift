import Foundation
import PodiumCore
import PodiumInsight

/// The Visionary's and the Collaborator's jobs, and answers to questions.
extension Recipe {
    /// The Visionary's and the Collaborator's kinds, and questions: each recipe, with what its prompt asks an LLM for.
    static let visionRecipes: [JobRecipe] = [
        JobRecipe(.visionNarrative,
                  objective: "Write a short, vivid vision narrative and a measurable product-goal statement grounded in the data.",
                  format: "Markdown with exactly two sections, \"## Vision\" (one paragraph) and \"## Product goal\" (one or two sentences), then \"## Why this, why now\" with bullet points citing the data.") { try $0.visionNarrative() },
        JobRecipe(.stakeholderSynthesis,
                  objective: "Synthesize what the stakeholders say: where they agree, where they conflict, and the open questions to settle.",
                  format: "Markdown with \"## Agreements\", \"## Conflicts\" and \"## Open questions\", bullet points, each citing the stakeholders.") { try $0.stakeholderSynthesis() },
        JobRecipe(.ask,
                  objective: "Answer the Product Owner's question from the workspace data only: {{question}}",
                  format: "Markdown: a direct answer first, then the evidence as bullet points citing the records. If the data does not answer it, say so.") { try $0.ask() },
    ]

    // MARK: vision-narrative

    mutating func visionNarrative() throws -> DraftOutput {
        let product = snapshot.product
        let items = snapshot.feedback.all
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let clustering = items.count >= 6 ? try themes(of: items) : ThemeClustering(themes: [], unassignedIDs: [])
        let top = clustering.themes.prefix(3).map { stats(of: $0, in: byID) }
        let name = Recipe.clean(product.name).isEmpty ? "The product" : Recipe.clean(product.name)
        let segments = Dictionary(grouping: items.compactMap(\.segment), by: { Recipe.clean($0) })
            .sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.prefix(3).map(\.key)
        let who = segments.isEmpty ? "our customers" : segments.joined(separator: ", ") + " customers"
        let pains = top.filter { $0.negativeShare >= 0.3 }.map(\.theme.label)
        var vision = Recipe.clean(product.vision)
        if vision.isEmpty {
            vision = "For \(who) who struggle with \(pains.first ?? "their daily work"), \(name) makes that work calm and dependable."
        }
        // The goal: the current statement made measurable with the goal's own measures.
        var goal = Recipe.clean(product.productGoal)
        if goal.isEmpty, let pain = pains.first { goal = "Remove the pain customers name most often: \(pain)." }
        var lines = ["# Vision narrative for \(name)", "", "## Vision", "", vision, "", "## Product goal", "", goal, "", "## Why this, why now", ""]
        var evidence: [Evidence] = [Evidence(ArtifactReference(kind: .product, id: "product"), detail: "current vision, goal and measures")]
        if top.isEmpty { lines.append("- There is too little feedback to show what customers need most.") }
        for stats in top {
            lines.append("- \(stats.line)" + (stats.representative.first.map { ", e.g. \(Recipe.quote($0, limit: 100))" } ?? ""))
            evidence += Recipe.evidence(Array(stats.representative.prefix(3))) { _ in "theme \(stats.theme.label)" }
        }
        for measure in product.goalMeasures {
            lines.append("- \(Recipe.clean(measure.name)) stands at \(Recipe.number(measure.current))\(measure.unit) (target \(Recipe.number(measure.target))\(measure.unit)).")
        }
        lines += ["", "Accepting replaces the vision and the product goal with the two sections above (as edited)."]
        return DraftOutput(title: "Vision narrative and product goal", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: top.map { Figure(name: "\($0.theme.label): items", value: Double($0.count)) },
                           target: ArtifactReference(kind: .product, id: "product"),
                           proposal: DraftProposal(product: ProductChange(vision: vision, productGoal: goal)))
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    // MARK: stakeholder-synthesis

    mutating func stakeholderSynthesis() throws -> DraftOutput {
        let stakeholders = snapshot.stakeholders.all.filter { !$0.notes.trimmingCharacters(in: .whitespaces).isEmpty }
        guard stakeholders.count >= 2 else {
            throw JobError.nothingToWorkOn("At least two stakeholders with notes are needed to compare their input.")
        }
        context.progress("Comparing the input of \(stakeholders.count) stakeholders")
        let terms = stakeholders.map { Set(Tokenizer.terms($0.notes)) }
        let model = TFIDFModel(documents: stakeholders.map { Tokenizer.terms($0.notes) })
        let vectors = stakeholders.map { model.vector(for: Tokenizer.terms($0.notes)) }
        let moods = stakeholders.map { analyzer.score($0.notes) }
        // Shared subjects: terms in two or more stakeholders' notes; agreement when their
        // tone matches, conflict when one is worried about what another pushes for.
        var shared: [String: [Int]] = [:]
        for (index, set) in terms.enumerated() { for term in set { shared[term, default: []].append(index) } }
        let surface = Recipe.surfaceForms(stakeholders.map(\.notes))
        var agreements: [String] = []
        var conflicts: [String] = []
        for (term, holders) in shared.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) })
        where holders.count >= 2 && !Recipe.genericWords.contains(term) {
            let word = surface[term] ?? term
            let names = holders.map { Recipe.clean(stakeholders[$0].name) }
            let worried = holders.filter { Recipe.isConcern(stakeholders[$0].notes) }
            let pushing = holders.filter { !worried.contains($0) }
            if !worried.isEmpty && !pushing.isEmpty {
                conflicts.append("**\(word)**: \(Recipe.list(pushing.map { Recipe.clean(stakeholders[$0].name) })) \(pushing.count == 1 ? "wants" : "want") it; "
                    + "\(Recipe.list(worried.map { Recipe.clean(stakeholders[$0].name) })) \(worried.count == 1 ? "is" : "are") wary — "
                    + worried.map { "“\(Recipe.shorten(Recipe.clean(stakeholders[$0].notes), to: 90))” \(Recipe.cite(stakeholders[$0].id))" }.joined(separator: " "))
            } else {
                agreements.append("**\(word)**: raised by \(Recipe.list(names)) \(holders.map { Recipe.cite(stakeholders[$0].id) }.joined(separator: " "))")
            }
        }
        // Pairs whose notes are most alike, for a human view of who thinks together.
        var pairs: [(Double, Int, Int)] = []
        for a in vectors.indices { for b in vectors.indices where b > a { pairs.append((vectors[a].dot(vectors[b]), a, b)) } }
        pairs.sort { ($0.0, $1.1, $1.2) > ($1.0, $0.1, $0.2) }
        // Open questions: what high-influence stakeholders raise that no backlog item covers.
        let backlogTerms = Set(snapshot.backlog.values.flatMap { Tokenizer.terms($0.title + " " + $0.description) })
        var questions: [String] = []
        for (index, stakeholder) in stakeholders.enumerated() where stakeholder.influence >= 4 {
            let uncovered = terms[index].subtracting(backlogTerms).subtracting(Recipe.genericWords).sorted().prefix(3).map { surface[$0] ?? $0 }
            if !uncovered.isEmpty {
                questions.append("\(Recipe.clean(stakeholder.name)) (\(Recipe.clean(stakeholder.role))) raises \(Recipe.list(uncovered.map { "“\($0)”" })), which no backlog item mentions: add it, or tell them why not? \(Recipe.cite(stakeholder.id))")
            }
        }
        for stakeholder in stakeholders where stakeholder.updatedAt < now.addingTimeInterval(-30 * 86_400) && stakeholder.interest >= 4 {
            questions.append("\(Recipe.clean(stakeholder.name))'s input is over 30 days old (\(Recipe.day(stakeholder.updatedAt))): is it still current? \(Recipe.cite(stakeholder.id))")
        }
        var lines = ["# What \(stakeholders.count) stakeholders say", "", "## Agreements", ""]
        lines += agreements.isEmpty ? ["- No subject is shared by two stakeholders."] : agreements.prefix(6).map { "- " + $0 }
        lines += ["", "## Conflicts", ""]
        lines += conflicts.isEmpty ? ["- No open conflict in their notes."] : conflicts.prefix(5).map { "- " + $0 }
        lines += ["", "## Who thinks alike", ""]
        for (similarity, a, b) in pairs.prefix(3) where similarity > 0.05 {
            lines.append("- \(Recipe.clean(stakeholders[a].name)) and \(Recipe.clean(stakeholders[b].name)) (similarity \(String(format: "%.2f", similarity)))")
        }
        lines += ["", "## Open questions", ""]
        lines += questions.isEmpty ? ["- None: every influential stakeholder's subject is in the backlog."] : questions.prefix(6).map { "- " + $0 }
        let evidence = stakeholders.enumerated().map { index, stakeholder in
            Evidence(ArtifactReference(.stakeholder, stakeholder.id), detail: String(format: "note tone %+.2f", moods[index].score))
        }
        return DraftOutput(title: "Stakeholder synthesis (\(stakeholders.count) stakeholders)", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "agreements", value: Double(agreements.count)), Figure(name: "conflicts", value: Double(conflicts.count))])
    }

    /// Whether a note voices a worry rather than a wish.
    static func isConcern(_ text: String) -> Bool {
        let words = Set(Tokenizer.words(text))
        return !words.isDisjoint(with: ["worried", "worries", "risky", "risk", "concerned", "cuts", "against", "afraid", "doubt"])
    }

    /// Stems of words too general to be a subject.
    static let genericWords: Set<String> = Set(["want", "wants", "ask", "asks", "push", "pushes", "need", "needs", "proposes", "team", "customer", "job", "every", "up", "top"].map { Stemmer.stem($0) })

    /// For each stem in the texts, its most frequent spelling.
    static func surfaceForms(_ texts: [String]) -> [String: String] {
        var counts: [String: [String: Int]] = [:]
        for text in texts {
            for word in Tokenizer.words(text) { counts[Stemmer.stem(word), default: [:]][word, default: 0] += 1 }
        }
        return counts.mapValues { forms in forms.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
    }

    // MARK: ask

    mutating func ask() throws -> DraftOutput {
        guard let question = request.parameters.question else {
            throw JobError.invalidInput("Ask a question, e.g. podium run ask \"What do customers say about invoicing?\"")
        }
        context.progress("Searching the workspace")
        let queryTerms = Tokenizer.terms(question)
        guard !queryTerms.isEmpty else { throw JobError.invalidInput("The question has no words to search for.") }
        // Every record with text becomes a document; the answer quotes the sentences closest to the question.
        var documents: [(ArtifactReference, String, String)] = []  // reference, label, text
        for item in snapshot.feedback.all { documents.append((ArtifactReference(.feedback, item.id), "feedback", item.text)) }
        for item in snapshot.backlog.all { documents.append((ArtifactReference(.backlog, item.id), "backlog item", item.title + ". " + item.description)) }
        for item in snapshot.decisions.all { documents.append((ArtifactReference(.decision, item.id), "decision", [item.title, item.context, item.choice, item.rationale].joined(separator: ". "))) }
        for item in snapshot.experiments.all { documents.append((ArtifactReference(.experiment, item.id), "experiment", [item.title, item.hypothesis, item.result ?? ""].joined(separator: ". "))) }
        for item in snapshot.stakeholders.all { documents.append((ArtifactReference(.stakeholder, item.id), "stakeholder \(Recipe.clean(item.name))", item.notes)) }
        for item in snapshot.communications.all { documents.append((ArtifactReference(.communication, item.id), "communication", item.title + ". " + item.body)) }
        try context.checkCancellation()
        let termLists = documents.map { Tokenizer.terms($0.2) }
        let model = TFIDFModel(documents: termLists)
        // A record answers better the more of the question's words it has, rarer words
        // counting more (idf): "invoicing" decides over "customers" in a customer-feedback
        // workspace. Ties go to the record whose words are closest overall (tf-idf cosine).
        let frequency = Dictionary(grouping: termLists.flatMap { Set($0) }, by: { $0 }).mapValues(\.count)
        let weights = Dictionary(uniqueKeysWithValues: Set(queryTerms).compactMap { term in
            frequency[term].map { (term, log(Double(documents.count + 1) / Double($0))) }
        })
        func match(_ terms: some Sequence<String>) -> Double { Set(terms).reduce(0) { $0 + (weights[$1] ?? 0) } }
        let query = model.vector(for: queryTerms)
        let ranked = documents.indices.map { ($0, match(termLists[$0]) + model.vector(for: termLists[$0]).dot(query)) }
            .filter { $0.1 > 0.05 && match(termLists[$0.0]) > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        guard !ranked.isEmpty else {
            throw JobError.nothingToWorkOn("Nothing in the workspace mentions \(Recipe.list(Tokenizer.words(question).filter { !StopWords.english.contains($0) }.map { "“\($0)”" })); "
                + "try other words, or import the feedback that would answer it.")
        }
        let best = ranked.first!.1
        let matching = ranked.prefix(60)
        // The best sentence of each of the best records, by the same measure.
        var sentences: [(Double, Int, String)] = []
        for (index, score) in matching {
            let top = SentenceSplitter.sentences(documents[index].2)
                .map { ($0, match(Tokenizer.terms($0))) }
                .max { ($0.1, $1.0.count) < ($1.1, $0.0.count) }
            if let top, top.1 > 0 { sentences.append((top.1 * 2 + score / best, index, top.0)) }
        }
        sentences.sort { ($0.0, $1.1) > ($1.0, $0.1) }
        var seenSentences = Set<String>()
        sentences = sentences.filter { seenSentences.insert(Recipe.clean($0.2).lowercased()).inserted }
        let feedbackMatches = ranked.filter { documents[$0.0].0.kind == .feedback }.map { snapshot.feedback[RecordID(documents[$0.0].0.id)]! }
        let negative = feedbackMatches.filter { Recipe.isNegative(sentiment(of: $0)) }.count
        var lines = ["# \(Recipe.clean(question))", ""]
        var summary = "\(ranked.count) records match"
        if !feedbackMatches.isEmpty {
            summary += ", \(feedbackMatches.count) of them feedback (\(Recipe.percent(Double(negative) / Double(feedbackMatches.count))) negative)"
        }
        lines += [summary + ". The closest:", ""]
        var evidence: [Evidence] = []
        for (_, index, sentence) in sentences.prefix(6) {
            let (reference, label, _) = documents[index]
            lines.append("- \(label.prefix(1).uppercased() + label.dropFirst()): “\(Recipe.shorten(Recipe.clean(sentence), to: 160))” [#\(reference.id.suffix(8))]")
            evidence.append(Evidence(reference, detail: "quoted: \(Recipe.shorten(Recipe.clean(sentence), to: 80))"))
        }
        return DraftOutput(title: "Q: \(Recipe.shorten(Recipe.clean(question), to: 60))", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "matching records", value: Double(ranked.count)), Figure(name: "matching feedback", value: Double(feedbackMatches.count))])
    }
}
