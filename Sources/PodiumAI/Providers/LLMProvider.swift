import Foundation
import PodiumCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the two LLM providers share: gather the job's data with the offline engine, ask the
/// model to write the draft from it, stream the answer, retry what may succeed later.
///
/// The draft keeps the offline engine's evidence and proposal (what accepting applies); its
/// text is the model's. The prompt holds only the job's own data: the offline draft and the
/// records behind it (`PromptContext`, within the profile's `context_tokens`). Every citation
/// of the answer is checked against what was sent (`CitationCheck`); what fails is flagged
/// on the draft.
struct LLMJob {
    /// The offline proposal as the model judged it: for proposed links, the ones whose line
    /// the model kept (it was asked to drop a link whose feedback is not about its item). An
    /// answer that lists none of them is not in the format asked for: the proposal stays.
    static func judged(_ proposal: DraftProposal?, by text: String) -> DraftProposal? {
        guard var proposal, let links = proposal.feedbackLinks, !links.isEmpty else { return proposal }
        let kept = FeedbackLink.kept(links, listedIn: text)
        if kept.isEmpty && FeedbackLink.listedPairs(in: text).isEmpty { return proposal }
        proposal.feedbackLinks = kept
        if let experiments = proposal.experimentLinks { proposal.experimentLinks = ExperimentLink.kept(experiments, listedIn: text) }
        return proposal
    }

    var profile: ProviderProfile
    var promptFolder: URL?
    /// Builds the HTTP request of one call for a prompt, and reads its stream events.
    var makeRequest: (ProviderProfile, _ system: String, _ user: String, _ key: String?) throws -> URLRequest
    var decode: (ServerSentEvent) -> [ChatStreamEvent]

    func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        context.progress("Gathering the workspace data")
        let facts = try LocalProvider().run(request, context: context)
        // Nothing in the workspace answers the question: a model asked anyway could only invent.
        if request.job.kind == .ask, facts.evidence.isEmpty, facts.content.contains("\n\nNothing in the workspace") { return facts }
        let (template, source) = PromptTemplates.effective(request.job.kind, folder: promptFolder)
        // The records themselves go with the offline draft, in what the budget leaves.
        let question = request.parameters.question
        let fixed = PromptContext.tokens(PromptTemplates.system) + PromptContext.tokens(PromptTemplates.render(template, data: facts.content, question: question))
        let records = PromptContext(request: request, draft: facts, budget: profile.contextTokens - fixed)
        if records.leftOut > 0 { context.progress("Sending \(records.sent.count) records; \(records.leftOut) left out for the token budget") }
        let prompt = PromptTemplates.render(template, data: records.data, question: question)
        let key = profile.apiKey()
        let missingKey = key == nil ? profile.apiKeyEnvironment.map { " ($\($0) is not set)" } : nil
        if let missingKey { context.progress("No API key\(missingKey); asking without one") }
        let http = try makeRequest(profile, PromptTemplates.system, prompt, key)
        func partial(_ text: String, _ reason: String) -> InterruptedAnswer {
            let text = Self.redact(text, key: key)
            return InterruptedAnswer(output: DraftOutput(title: facts.title + " (interrupted)", content: text, evidence: Self.evidence(facts.evidence, citedIn: text, sent: records),
                                                  figures: facts.figures, target: facts.target, proposal: facts.proposal,
                                                  promptReference: "\(request.job.kind) (\(source))",
                                                  flaggedCitations: Self.flags(text, records)), reason: reason)
        }
        let policy = RetryPolicy(attempts: profile.retries)
        var attempt = 1
        while true {
            try context.checkCancellation()
            context.progress("Asking \(profile.name) (\(profile.model)\(profile.info.host.map { " at \($0)" } ?? ""))" + (attempt > 1 ? ", attempt \(attempt)" : ""))
            let stream = StreamState(context: context, decode: decode)
            do {
                _ = try StreamingHTTPClient.send(http, timeouts: profile.timeouts, isCancelled: { context.isCancelled }) { stream.feed($0) }
                let (answer, usage, error, finished) = stream.finish()
                // A server that echoes the request (a misconfigured proxy) must not put the key in a draft.
                let text = Self.redact(answer, key: key)
                if let error { throw StreamFailure.inStream(error, partial: text) }
                // A stream that ends without saying it is complete was cut off.
                if !finished && !text.isEmpty { throw partial(text, "the connection ended before the answer was complete") }
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw JobError.providerFailed("\(profile.name) answered with no text.")
                }
                return DraftOutput(title: facts.title, content: text, evidence: Self.evidence(facts.evidence, citedIn: text, sent: records),
                                   figures: facts.figures, target: facts.target, proposal: Self.judged(facts.proposal, by: text), usage: usage,
                                   promptReference: "\(request.job.kind) (\(source))", flaggedCitations: Self.flags(text, records))
            } catch let failure as HTTPFailure {
                let sofar = stream.text
                if failure == .cancelled {
                    if !sofar.isEmpty { throw partial(sofar, "cancelled") }
                    throw JobError.cancelled
                }
                if !sofar.isEmpty { throw partial(sofar, Self.redact(failure.description, key: key)) }
                guard let delay = policy.delay(after: failure, attempt: attempt) else {
                    var message = "\(profile.name): " + Self.redact(failure.description, key: key)
                    if case .status(401, _, _) = failure, let missingKey { message += missingKey }
                    throw JobError.providerFailed(message)
                }
                context.progress("\(profile.name): \(Self.redact(failure.description, key: key)); trying again in \(String(format: "%.1f", delay)) s")
                let until = Date().addingTimeInterval(delay)
                while Date() < until {
                    try context.checkCancellation()
                    usleep(50_000)
                }
                attempt += 1
            } catch let failure as StreamFailure {
                guard case let .inStream(message, _) = failure else { throw failure }
                let reason = "\(profile.name) reported an error: " + Self.redact(message, key: key)
                if case let .inStream(_, text) = failure, !text.isEmpty { throw partial(text, reason) }
                throw JobError.providerFailed(reason)
            }
        }
    }

    /// The offline evidence, and after it the records the model was sent and cites that it
    /// does not hold (so the reviewer sees them, and they count as known).
    static func evidence(_ offline: [Evidence], citedIn text: String, sent: PromptContext) -> [Evidence] {
        let known = Set(offline.map { PromptContext.shortID($0.reference.id) })
        let cited = Set(CitedIDs.short(in: text))
        return offline + sent.sent.filter { cited.contains($0.shortID) && !known.contains($0.shortID) }
            .map { Evidence($0.reference, detail: "sent to the model and cited by it") }
    }

    /// The flagged sentences of an answer, or nil when none is.
    static func flags(_ text: String, _ sent: PromptContext) -> [FlaggedCitation]? {
        let flagged = CitationCheck.flagged(text, context: sent)
        return flagged.isEmpty ? nil : flagged
    }

    /// Never let a key reach a message, a log or a draft.
    static func redact(_ text: String, key: String?) -> String {
        guard let key, key.count >= 4 else { return text }
        return text.replacingOccurrences(of: key, with: "[key]")
    }

    enum StreamFailure: Error { case inStream(String, partial: String) }
}

/// Turns the bytes of a streaming answer into text, usage and errors as they arrive.
final class StreamState: @unchecked Sendable {
    private let lock = NSLock()
    private var parser = ServerSentEventParser()
    private var collected = ""
    private var inputTokens: Int?
    private var outputTokens: Int?
    private var error: String?
    private var finished = false
    private let context: JobContext
    private let decode: (ServerSentEvent) -> [ChatStreamEvent]

    init(context: JobContext, decode: @escaping (ServerSentEvent) -> [ChatStreamEvent]) {
        self.context = context
        self.decode = decode
    }

    var text: String { lock.withLock { collected } }

    func feed(_ bytes: [UInt8]) {
        let events = lock.withLock { parser.feed(bytes) }
        handle(events)
    }

    func finish() -> (String, TokenUsage?, String?, Bool) {
        handle(lock.withLock { parser.finish() })
        return lock.withLock {
            let usage = inputTokens != nil || outputTokens != nil ? TokenUsage(inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0) : nil
            return (collected, usage, error, finished)
        }
    }

    private func handle(_ events: [ServerSentEvent]) {
        var streamed: String?
        lock.withLock {
            for event in events {
                for item in decode(event) {
                    switch item {
                    case let .text(piece):
                        collected += piece
                        streamed = collected
                    case let .usage(input, output):
                        if let input { inputTokens = input }
                        if let output { outputTokens = output }
                    case .finished:
                        finished = true
                    case let .error(message):
                        error = message
                    }
                }
            }
        }
        if let streamed {
            context.streamed(streamed)
            context.progress("Writing (\(streamed.count) characters so far)")
        }
    }
}
