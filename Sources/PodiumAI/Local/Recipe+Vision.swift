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

    /// A change to the vision and goal the evidence argues for, shown as a difference from
    /// what they say now — or, plainly, that the evidence argues for none, and why. Never the
    /// current text handed back as if it were a proposal.
    ///
    /// The evidence: the feedback's themes (a pain is a theme of at least 5 items and 8% of
    /// the feedback with a quarter or more of it negative, the most complaints first), the goal's measures and their
    /// progress. A pain the vision and goal do not speak of (no word of its label or key
    /// terms in them) becomes a measurable part of the goal: halve its complaints by the end
    /// of the next quarter. A vision that names none of the largest themes is kept, with a
    /// note saying so: a vision is the Product Owner's to rewrite.
    mutating func visionNarrative() throws -> DraftOutput {
        let product = snapshot.product
        let items = snapshot.feedback.all
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let clustering = items.count >= 6 ? try themes(of: items) : ThemeClustering(themes: [], unassignedIDs: [])
        let top = clustering.themes.prefix(5).map { stats(of: $0, in: byID) }
        let name = Recipe.clean(product.name).isEmpty ? "The product" : Recipe.clean(product.name)
        let currentVision = Recipe.clean(product.vision), currentGoal = Recipe.clean(product.productGoal)
        let minimum = max(5, Int((0.08 * Double(items.count)).rounded(.up)))
        let pains = top.filter { $0.negativeShare >= 0.25 && $0.count >= minimum }
            .sorted { Double($0.count) * $0.negativeShare > Double($1.count) * $1.negativeShare }
        // Whether the vision or goal speaks of a theme: a word of its label that names a topic
        // ("offline", "invoice"; not "work", "calmer" or "better") is in them.
        let spoken = Set(Tokenizer.terms(currentVision + " " + currentGoal))
        func spokenOf(_ stats: ThemeStats) -> Bool {
            !spoken.isDisjoint(with: Tokenizer.terms(stats.theme.label).filter { $0.count > 2 && !TopicFreeWords.terms.contains($0) && !Recipe.judgementTerms.contains($0) })
        }
        let unspoken = pains.first { !spokenOf($0) }
        var vision = currentVision, goal = currentGoal
        var reasons: [String] = []
        var evidence: [Evidence] = [Evidence(ArtifactReference(kind: .product, id: "product"), detail: "current vision, goal and measures")]
        if vision.isEmpty {
            let segments = Dictionary(grouping: items.compactMap(\.segment), by: { Recipe.clean($0) })
                .sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.prefix(3).map(\.key)
            let who = segments.isEmpty ? "our customers" : segments.joined(separator: ", ") + " customers"
            vision = "For \(who) who struggle with \(pains.first?.theme.label ?? "their daily work"), \(name) makes that work calm and dependable."
            reasons.append("There is no vision yet: this one is written from who gives the feedback and what troubles them most.")
        }
        if let pain = unspoken {
            let quarterEnd = Recipe.endOfNextQuarter(after: now)
            let complaints = pain.members(negative: true).count
            let target = "halve the complaints about \(pain.theme.label.replacingOccurrences(of: " · ", with: " / ")) (\(complaints) so far) by \(Recipe.day(quarterEnd))"
            goal = currentGoal.isEmpty ? "Remove the pain customers name most often: \(target)."
                : currentGoal.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) + "; and \(target)."
            // Said as it is: the largest pain of all, or the largest of those not spoken of.
            reasons.append(pain.theme.label == pains.first?.theme.label
                ? "The largest pain customers name, \(pain.line), is not in the vision or the goal."
                : "The largest pain customers name that the vision and goal do not speak of is \(pain.line) "
                    + "(larger ones they do speak of: \(Recipe.list(pains.prefix { $0.theme.label != pain.theme.label }.map(\.theme.label))))).")
            // A pain is shown by its complaints, never by praise of the same theme.
            evidence += Recipe.evidence(Array(Recipe.distinct(pain.members(negative: true)).prefix(3))) { _ in "pain: \(pain.theme.label)" }
        }
        let changed = vision != currentVision || goal != currentGoal
        var lines = ["# Vision narrative for \(name)", ""]
        if changed {
            lines += ["## What changes", ""]
            for (label, before, after) in [("Vision", currentVision, vision), ("Product goal", currentGoal, goal)] {
                if before == after {
                    lines.append("- \(label): unchanged.")
                } else {
                    lines += ["- \(label), now: \(before.isEmpty ? "(none)" : before)", "- \(label), proposed: \(after)"]
                }
            }
            lines.append("")
        } else {
            lines += ["## No change proposed", "",
                      pains.isEmpty ? "The evidence suggests no change: no theme of the feedback stands out as a pain (at least \(Format.count(minimum, "item")), a quarter of them negative)."
                          : "The evidence suggests no change: the pains customers name (\(Recipe.list(pains.prefix(3).map(\.theme.label)))) are what the vision and goal already speak of.",
                      ""]
        }
        lines += ["## Vision", "", vision, "", "## Product goal", "", goal, "", "## Why this, why now", ""]
        lines += reasons.map { "- " + $0 }
        if top.isEmpty { lines.append("- There is too little feedback to show what customers need most.") }
        for stats in top.prefix(3) {
            lines.append("- \(stats.line)" + (spokenOf(stats) ? " (the vision or goal speaks of it)" : "")
                + (stats.representative.first.map { ", e.g. \(Recipe.quote($0, limit: 100))" } ?? ""))
            evidence += Recipe.evidence(Array(stats.representative.prefix(2))) { _ in "theme \(stats.theme.label)" }
        }
        for measure in product.goalMeasures {
            lines.append("- \(Recipe.clean(measure.name)) stands at \(Recipe.number(measure.current))\(measure.unit) (target \(Recipe.number(measure.target))\(measure.unit))"
                + (measure.progress.map { ", \(Recipe.percent($0)) of the way." } ?? "."))
        }
        if !currentVision.isEmpty, !top.prefix(3).contains(where: spokenOf) {
            lines.append("- The vision names none of the three largest themes; whether it should is yours to judge.")
        }
        lines += ["", changed ? "Accepting replaces the vision and the product goal with the two sections above (as edited)."
                              : "Accepting keeps this reasoning on record and changes nothing, unless you edit the two sections above."]
        return DraftOutput(title: changed ? "Vision and product goal: a proposed change" : "Vision and product goal: no change proposed",
                           content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: top.map { Figure(name: "\($0.theme.label): items", value: Double($0.count)) },
                           target: ArtifactReference(kind: .product, id: "product"),
                           // Unchanged, the proposal holds the current texts: accepting changes nothing
                           // unless the Product Owner edits the two sections.
                           proposal: DraftProposal(product: ProductChange(vision: vision, productGoal: goal)))
    }

    /// How people judge a product ("calmer", "faster", "clunky"): words a theme's label may
    /// carry that name no topic of a vision.
    static let judgementTerms: Set<String> = Set(["calm", "calmer", "fast", "faster", "slow", "slower", "clunky", "smooth", "quick", "quicker",
                                                  "reliable", "dependable", "simple", "simpler", "clear", "clearer"].flatMap { Tokenizer.terms($0) })

    /// The last day of the quarter after the one `date` is in (UTC).
    static func endOfNextQuarter(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let quarter = ((parts.month ?? 1) - 1) / 3
        var start = DateComponents(year: parts.year, month: quarter * 3 + 1 + 6, day: 1)
        if (start.month ?? 1) > 12 { start.month! -= 12; start.year! += 1 }
        return calendar.date(from: start).map { $0.addingTimeInterval(-86_400) } ?? date
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
