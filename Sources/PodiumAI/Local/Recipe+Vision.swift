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
