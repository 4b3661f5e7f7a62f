import PodiumCore

/// Something that turns a job into a draft: the built-in offline engine or an LLM.
///
/// `run` is called on a Dispatch worker and may block it; it reports progress and checks
/// for cancellation through `context`.
public protocol Provider: Sendable {
    /// The provider's name, model and host, shown before a job runs and on every draft.
    var info: ProviderInfo { get }
    func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput
}
