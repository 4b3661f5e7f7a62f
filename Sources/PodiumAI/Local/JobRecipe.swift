import PodiumCore

/// How Podium makes one kind's draft: the offline engine's recipe and what the prompt asks an
/// LLM for. Each `Recipe+Area.swift` registers its kinds beside their recipes; `LocalProvider`
/// and `PromptTemplates` look a kind up in `JobRecipe.registered`.
struct JobRecipe: Sendable {
    let kind: JobKind
    /// Makes the draft from the workspace, offline (also the data an LLM's prompt carries).
    let make: @Sendable (inout Recipe) throws -> DraftOutput
    /// What the prompt asks the model for.
    let objective: String
    /// The shape of the model's answer.
    let format: String

    init(_ kind: JobKind, objective: String, format: String, make: @escaping @Sendable (inout Recipe) throws -> DraftOutput) {
        self.kind = kind
        self.objective = objective
        self.format = format
        self.make = make
    }

    /// Every area's registrations, in pane order.
    static let all: [JobRecipe] = Recipe.visionRecipes + Recipe.customerRecipes + Recipe.decisionRecipes
        + Recipe.experimentRecipes + Recipe.signalRecipes + Recipe.influenceRecipes

    /// The recipe of each built-in kind (a kind registered twice keeps its first registration;
    /// a test refuses that).
    static let registered: [JobKind: JobRecipe] = Dictionary(all.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
}
