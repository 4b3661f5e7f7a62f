import PodiumCore

/// What a provider made of a job: the draft's text, evidence, numbers and proposal.
public struct DraftOutput: Sendable {
    public var title: String
    /// Markdown the Product Owner reads.
    public var content: String
    public var evidence: [Evidence]
    public var figures: [Figure]
    public var target: ArtifactReference?
    public var proposal: DraftProposal?
    public var usage: TokenUsage?
    public var promptReference: String?
    /// Sentences of a model's text whose citation was not sent or does not support them.
    public var flaggedCitations: [FlaggedCitation]?

    public init(
        title: String, content: String, evidence: [Evidence] = [], figures: [Figure] = [],
        target: ArtifactReference? = nil, proposal: DraftProposal? = nil, usage: TokenUsage? = nil,
        promptReference: String? = nil, flaggedCitations: [FlaggedCitation]? = nil
    ) {
        self.title = title
        self.content = content
        self.evidence = evidence
        self.figures = figures
        self.target = target
        self.proposal = proposal
        self.usage = usage
        self.promptReference = promptReference
        self.flaggedCitations = flaggedCitations
    }
}
