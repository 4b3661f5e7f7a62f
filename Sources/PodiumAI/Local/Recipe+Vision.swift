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
}
