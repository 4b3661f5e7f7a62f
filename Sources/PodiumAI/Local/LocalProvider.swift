import PodiumCore

/// The built-in offline engine: every job kind made from the workspace with PodiumInsight's
/// text analytics. No network, no model; the same workspace gives the same draft.
public struct LocalProvider: Provider {
    public let info = ProviderInfo.local

    public init() {}

    /// The kinds it has a recipe for (a kind from a newer Podium has none).
    public static var kinds: Set<JobKind> { Set(JobRecipe.registered.keys) }

    public func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        guard let recipe = JobRecipe.registered[request.job.kind] else { throw JobError.unknownKind(request.job.kind.rawValue) }
        var run = Recipe(request: request, context: context)
        return try recipe.make(&run)
    }
}
