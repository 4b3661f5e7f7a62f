import PodiumCore

/// The built-in offline engine: every job kind made from the workspace with PodiumInsight's
/// text analytics. No network, no model; the same workspace gives the same draft.
public struct LocalProvider: Provider {
    public let info = ProviderInfo.local

    public init() {}

    public func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        var recipe = Recipe(request: request, context: context)
        switch request.job.kind {
        case .visionNarrative: return try recipe.visionNarrative()
        case .stakeholderSynthesis: return try recipe.stakeholderSynthesis()
        case .summarizeFeedback: return try recipe.summarizeFeedback()
        case .clusterThemes: return try recipe.clusterThemes()
        case .buildPersonas: return try recipe.buildPersonas()
        case .tagSentiment: return try recipe.tagSentiment()
        case .orderBacklog: return try recipe.orderBacklog()
        case .decisionRecord: return try recipe.decisionRecord()
        case .proposeExperiments: return try recipe.proposeExperiments()
        case .concludeExperiment: return try recipe.concludeExperiment()
        case .stakeholderUpdate: return try recipe.stakeholderUpdate()
        case .releaseNotes: return try recipe.releaseNotes()
        case .ask: return try recipe.ask()
        case .sprintReviewPack: return try recipe.sprintReviewPack()
        default: throw JobError.unknownKind(request.job.kind.rawValue)
        }
    }
}
