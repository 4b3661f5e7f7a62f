import Foundation
import PodiumAI
import PodiumCore
import PodiumStore

/// Runs AI jobs in the background: a queue on Dispatch with a concurrency limit, saving
/// every job and its draft in the workspace.
///
/// A job is counted as busy before it is dispatched, so `waitForIdle` never misses one.
/// Jobs run on a concurrent Dispatch queue; at most `concurrency` at once, in the order
/// they were queued. Events go to `onEvent` on a worker thread.
public final class JobEngine: @unchecked Sendable {
    private let store: WorkspaceStore
    private let providerFor: @Sendable (Job) throws -> any Provider
    private let concurrency: Int
    private var eventHandler: @Sendable (EngineEvent) -> Void
    private let workers = DispatchQueue(label: "podium.engine.jobs", qos: .userInitiated, attributes: .concurrent)
    private let idle = DispatchGroup()
    private let lock = NSLock()
    private var pending: [RecordID<Job>] = []
    private var running: [RecordID<Job>: JobContext] = [:]
    private var progress: [RecordID<Job>: String] = [:]
    private var trustPolicy = TrustPolicy()

    /// - Parameters:
    ///   - providerFor: the provider a job runs on (chosen by the job's provider name).
    ///   - concurrency: how many jobs run at once (at least 1).
    public init(
        store: WorkspaceStore, concurrency: Int = 2,
        providerFor: @escaping @Sendable (Job) throws -> any Provider,
        onEvent: @escaping @Sendable (EngineEvent) -> Void = { _ in }
    ) {
        self.store = store
        self.concurrency = max(1, concurrency)
        self.providerFor = providerFor
        eventHandler = onEvent
    }

    /// Sends the engine's events to `handler` (on worker threads) from now on.
    public func setEventHandler(_ handler: @escaping @Sendable (EngineEvent) -> Void) {
        lock.withLock { eventHandler = handler }
    }

    private func onEvent(_ event: EngineEvent) {
        let handler = lock.withLock { eventHandler }
        handler(event)
    }

    // MARK: Queueing

    /// Queues a job and returns it as saved. The job starts when a worker is free.
    @discardableResult
    public func enqueue(
        _ kind: JobKind, stance: Stance? = nil, parameters: JobParameters = [:],
        inputs: [ArtifactReference] = [], provider: ProviderInfo = .local
    ) throws -> Job {
        let job = try Self.prepare(kind, stance: stance, parameters: parameters, inputs: inputs, provider: provider, trust: trust)
        try store.write { try $0.save(job) }
        schedule(job)
        return job
    }

    /// A job ready to be saved and then started with `start(_:)`: queued, owned by this
    /// process, auto-accepted when `trust` or the rule (`autoAccept`) allows it.
    public static func prepare(
        _ kind: JobKind, stance: Stance? = nil, parameters: JobParameters = [:], inputs: [ArtifactReference] = [],
        provider: ProviderInfo = .local, trust: TrustPolicy = TrustPolicy(), rule: RecordID<AutomationRule>? = nil,
        autoAccept: Bool = false
    ) throws -> Job {
        guard let info = kind.info else { throw JobError.unknownKind(kind.rawValue) }
        var job = Job(kind: kind, stance: stance ?? info.stance, parameters: parameters, inputs: inputs, provider: provider)
        job.runner = .current
        job.rule = rule
        if (autoAccept && info.risk == .low) || trust.autoAccepts(kind) { job.autoAccept = true }
        return job
    }

    /// Starts jobs already saved as queued by `prepare(…)` (e.g. in the same transaction
    /// as the automation rules that made them).
    public func start(_ jobs: [Job]) {
        for job in jobs { schedule(job) }
    }

    /// Which kinds' drafts are accepted without review (the user's trust policy).
    public var trust: TrustPolicy {
        get { lock.withLock { trustPolicy } }
        set { lock.withLock { trustPolicy = newValue } }
    }

    /// Queues a failed, cancelled or interrupted job again (same id; its attempts count on).
    @discardableResult
    public func retry(_ id: RecordID<Job>) throws -> Job {
        let job = try store.write { transaction -> Job in
            guard var job = transaction.record(Job.self, id: id) else { throw EngineError.noSuchJob(id.rawValue) }
            // A job its stopped process left "running" is interrupted: it may run again.
            guard job.observedStatus.isFinished, job.status != .done else { throw EngineError.notRetryable(job) }
            job.status = .queued
            job.error = nil
            job.finishedAt = nil
            job.runner = .current
            try transaction.save(job)
            return job
        }
        schedule(job)
        return job
    }

    /// Runs the job behind a draft again; when the new draft is ready, the old one is
    /// marked superseded.
    @discardableResult
    public func regenerate(_ draftID: RecordID<Draft>) throws -> Job {
        guard let draft = store.snapshot.drafts[draftID] else { throw EngineError.noSuchDraft(draftID.rawValue) }
        let original = draft.jobID.flatMap { store.snapshot.jobs[$0] }
        var parameters = original?.parameters ?? [:]
        parameters.supersedes = draftID
        return try enqueue(draft.kind, stance: draft.stance, parameters: parameters, inputs: original?.inputs ?? [],
                           provider: original?.provider ?? draft.provider)
    }

    /// Cancels a queued or running job. A running job stops at its next check and is saved
    /// as cancelled; returns false when the job was not queued or running here.
    @discardableResult
    public func cancel(_ id: RecordID<Job>) throws -> Bool {
        let (wasPending, context) = lock.withLock { () -> (Bool, JobContext?) in
            if let index = pending.firstIndex(of: id) {
                pending.remove(at: index)
                return (true, nil)
            }
            return (false, running[id])
        }
        if wasPending {
            let job = try finish(id) { $0.status = .cancelled; $0.error = "Cancelled before it started." }
            idle.leave()
            job.map { onEvent(.jobChanged($0)) }
            return true
        }
        guard let context else { return false }
        context.cancel()
        return true
    }

    // MARK: State

    /// Jobs queued or running in this engine.
    public var busyCount: Int { lock.withLock { pending.count + running.count } }

    /// What each running job is doing now.
    public var liveProgress: [RecordID<Job>: String] { lock.withLock { progress } }

    /// Waits until no job is queued or running; false when `timeout` passed first.
    @discardableResult
    public func waitForIdle(timeout: DispatchTime = .distantFuture) -> Bool {
        idle.wait(timeout: timeout) == .success
    }

    /// Marks jobs that were queued or running in a process that no longer runs as
    /// interrupted (they can be queued again with `retry`). Returns them.
    @discardableResult
    public func recoverInterrupted() throws -> [Job] {
        let stale = store.snapshot.jobs.values.filter { !$0.status.isFinished && !($0.runner?.isAlive ?? false) }
        guard !stale.isEmpty else { return [] }
        return try store.write { transaction in
            var recovered: [Job] = []
            for id in stale.map(\.id).sorted() {
                guard var job = transaction.record(Job.self, id: id), !job.status.isFinished,
                      !(job.runner?.isAlive ?? false) else { continue }
                job.status = .interrupted
                job.error = "Podium stopped before the job finished; press r in the Orchestrator (or podium jobs retry) to run it again."
                job.runner = nil
                try transaction.save(job)
                recovered.append(job)
            }
            return recovered
        }
    }

    // MARK: Shutdown

    fileprivate func takeAllForShutdown() -> [RecordID<Job>] {
        let (queued, active) = lock.withLock { () -> ([RecordID<Job>], [RecordID<Job>]) in
            let queued = pending
            for context in running.values { context.cancel() }
            pending.removeAll()
            return (queued, running.keys.sorted())
        }
        for _ in queued { idle.leave() }  // they will never run
        return queued + active
    }

    fileprivate func markInterrupted(_ ids: [RecordID<Job>]) throws {
        try store.write { transaction in
            for id in ids {
                guard var job = transaction.record(Job.self, id: id), !job.status.isFinished else { continue }
                job.status = .interrupted
                job.error = "Podium was closed before the job finished; press r in the Orchestrator (or podium jobs retry) to run it again."
                job.runner = nil
                job.finishedAt = Date()
                try transaction.save(job)
            }
        }
    }

    // MARK: Running

    private func schedule(_ job: Job) {
        idle.enter()
        lock.withLock { pending.append(job.id) }
        onEvent(.jobChanged(job))
        pump()
    }

    /// Starts queued jobs while workers are free.
    private func pump() {
        while let (id, context) = nextToStart() {
            workers.async { self.execute(id, context: context) }
        }
    }

    private func nextToStart() -> (RecordID<Job>, JobContext)? {
        lock.withLock {
            guard running.count < concurrency, !pending.isEmpty else { return nil }
            let id = pending.removeFirst()
            let context = JobContext(
                onProgress: { [weak self] step in self?.report(id, step) },
                onText: { [weak self] text in self?.emitStreamed(id, text) })
            running[id] = context
            return (id, context)
        }
    }

    private func emitStreamed(_ id: RecordID<Job>, _ text: String) { onEvent(.streamed(id, text)) }

    private func report(_ id: RecordID<Job>, _ step: String) {
        lock.withLock { progress[id] = step }
        onEvent(.progress(id, step))
    }

    private func execute(_ id: RecordID<Job>, context: JobContext) {
        defer {
            lock.withLock {
                running[id] = nil
                progress[id] = nil
            }
            pump()
            idle.leave()
        }
        let started = Date()
        let job: Job
        do {
            guard let saved = try finish(id, { job in
                job.status = .running
                job.startedAt = started
                job.attempts += 1
                job.runner = .current
            }) else { return }
            job = saved
        } catch {
            _ = try? finish(id) { $0.status = .failed; $0.error = "Could not start: \(error)" }
            return
        }
        onEvent(.jobChanged(job))
        let outcome: Result<DraftOutput, any Error>
        var ranOn = job.provider
        do {
            let provider = try providerFor(job)
            ranOn = provider.info
            // Feedback dismissed as noise is kept in the workspace but never reaches a job.
            let request = JobRequest(job: job, snapshot: store.snapshot.withoutDismissedFeedback, now: started)
            let output = try provider.run(request, context: context)
            try context.checkCancellation()
            outcome = .success(output)
        } catch {
            outcome = .failure(error)
        }
        do {
            switch outcome {
            case let .success(output):
                let (saved, made) = try saveDraft(output, for: job, provider: ranOn)
                let draft = autoAcceptIfTrusted(made, of: job)
                onEvent(.jobChanged(saved))
                onEvent(.draftReady(draft))
            case let .failure(interruption as InterruptedAnswer):
                // The model stopped part way: its text is kept for review, marked interrupted,
                // with the job's evidence and proposal.
                let (_, draft) = try saveDraft(interruption.output, for: job, provider: ranOn, status: .interrupted)
                // Stopped by the user (cancel, Ctrl-C): interrupted, not failed.
                let stopped = context.isCancelled
                let saved = try finish(id) {
                    $0.status = stopped ? .interrupted : .failed
                    $0.error = interruption.description + " (draft \(draft.id.short))"
                    $0.draftID = draft.id
                }
                saved.map { onEvent(.jobChanged($0)) }
                onEvent(.draftReady(draft))
            case let .failure(error):
                let cancelled = (error as? JobError) == .cancelled
                let saved = try finish(id) {
                    $0.status = cancelled ? .cancelled : .failed
                    $0.error = cancelled ? "Cancelled while running." : Self.message(for: error)
                    $0.progress = nil
                }
                saved.map { onEvent(.jobChanged($0)) }
            }
        } catch {
            let saved = try? finish(id) { $0.status = .failed; $0.error = "Could not save the result: \(error)" }
            saved.map { onEvent(.jobChanged($0)) }
        }
    }

    /// Accepts the draft of a job marked auto-accept, when its kind is low risk, every
    /// record it cites exists, no sentence's citation was flagged, and the policy still allows it now (its rule still
    /// auto-accepts, or the trust policy does: one changed while the job waited or was
    /// retried later counts as it is now); the acceptance is audited as made by automation.
    /// Returns the draft as it is now (still pending when it was not accepted).
    private func autoAcceptIfTrusted(_ draft: Draft, of job: Job) -> Draft {
        guard job.autoAccept == true, job.kind.info?.risk == .low, !draft.hasDoubtfulCitations else { return draft }
        let byRule = job.rule.flatMap { store.snapshot.rules[$0] }?.autoAccepts == true
        guard byRule || trust.autoAccepts(job.kind) else { return draft }
        let by = byRule ? job.rule.map { "rule \($0.short)" } ?? "rule" : "trust policy"
        let review = DraftReview(store: store, actor: "automation", automation: by)
        do {
            return try review.accept(draft.id, note: "Auto-accepted (\(by)): \(job.kind) is low risk")
        } catch {
            // It waits for review instead; the audit log says why.
            _ = try? store.write { transaction in
                try transaction.log(AuditEntry(
                    actor: "automation", action: .update, subject: ArtifactReference(.draft, draft.id),
                    summary: "Auto-accept of “\(draft.title)” not done, it waits for review: \(Self.message(for: error))",
                    details: ["kind": draft.kind.rawValue, "stance": draft.stance.rawValue, AuditEntry.automationDetail: by]))
            }
            return draft
        }
    }

    /// Every id a text cites in square brackets, lower case and without dashes: `[#1a2b3c4d]`,
    /// but also the forms a model may write instead (`[#1A2B3C4D]`, `[#1a2b3c4d, #5e6f7a8b]`,
    /// a whole UUID), so none of them slips past the check of what exists.
    static func citedIDs(in text: String) -> [String] { CitedIDs.all(in: text) }

    /// Saves the draft and the finished job in one transaction.
    private func saveDraft(_ output: DraftOutput, for job: Job, provider: ProviderInfo, status: DraftStatus = .pending) throws -> (Job, Draft) {
        try store.write { transaction in
            let snapshot = transaction.snapshot
            var draft = Draft(
                jobID: job.id, kind: job.kind, stance: job.stance, title: output.title.sanitizedForTerminal(),
                target: output.target, content: output.content.sanitizedForTerminal(keepingLineBreaks: true),
                evidence: output.evidence, figures: output.figures, provider: provider,
                promptReference: output.promptReference, proposal: output.proposal)
            draft.status = status
            var unknown = output.evidence.map(\.reference).filter { !Self.exists($0, in: snapshot) }.map(\.description)
            // Ids the text cites that none of its evidence has (a model can make them up).
            let known = Set(output.evidence.map { String($0.reference.id.suffix(8)).lowercased() })
            for cite in Self.citedIDs(in: draft.content) where !known.contains(String(cite.suffix(8))) {
                let text = "[#\(cite)]"
                if !unknown.contains(text) { unknown.append(text) }
            }
            if !unknown.isEmpty { draft.unknownReferences = unknown }
            // Sentences whose citation the model was not given, or that the record does not support.
            if let flagged = output.flaggedCitations, !flagged.isEmpty {
                draft.flaggedCitations = flagged.map { FlaggedCitation(sentence: $0.sentence.sanitizedForTerminal(), id: $0.id, reason: $0.reason) }
            }
            try transaction.save(draft)
            // A regenerated draft replaces the one it was made from, unless the Product Owner
            // edited that one: their edit stays in the inbox beside the new draft.
            if let old = job.parameters.supersedes,
               var previous = transaction.record(Draft.self, id: old), previous.status == .pending, previous.edits.isEmpty {
                previous.status = .superseded
                previous.reviewNote = "Regenerated as \(draft.id.short)"
                try transaction.save(previous)
            }
            // The same job run again (same kind, parameters and selection): the newest draft
            // replaces the pending older ones instead of piling up in the inbox, but never one
            // the Product Owner edited (their work waits for them, beside the new one).
            // The file an import rule ran for is bookkeeping, not a different job; release notes
            // cover everything done since the last notes, whatever items started the job.
            let parameters = job.parameters.withoutBookkeeping
            for older in snapshot.drafts.values where status == .pending && older.status == .pending && older.edits.isEmpty
                && older.kind == job.kind && older.id != draft.id {
                guard let olderJob = older.jobID.flatMap({ snapshot.jobs[$0] }) else { continue }
                guard olderJob.parameters.withoutBookkeeping == parameters, olderJob.inputs == job.inputs || job.kind == .releaseNotes else { continue }
                var replaced = older
                replaced.status = .superseded
                replaced.reviewNote = "Replaced by the newer draft \(draft.id.short) of the same job"
                try transaction.save(replaced)
            }
            guard var finished = transaction.record(Job.self, id: job.id) else { throw EngineError.noSuchJob(job.id.rawValue) }
            if status == .interrupted { return (finished, draft) }
            finished.status = .done
            finished.finishedAt = Date()
            finished.draftID = draft.id
            finished.usage = output.usage
            finished.runner = nil
            finished.progress = nil
            try transaction.save(finished)
            return (finished, draft)
        }
    }

    /// Changes a saved job; nil when it no longer exists.
    private func finish(_ id: RecordID<Job>, _ change: (inout Job) -> Void) throws -> Job? {
        try store.write { transaction in
            guard var job = transaction.record(Job.self, id: id) else { return nil }
            change(&job)
            if job.status.isFinished {
                job.finishedAt = Date()
                job.runner = nil
            }
            try transaction.save(job)
            return job
        }
    }

    static func message(for error: any Error) -> String {
        if let error = error as? JobError { return error.description }
        if let error = error as? LocalizedError, let text = error.errorDescription { return text }
        return "\(error)"
    }

    static func exists(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> Bool {
        switch reference.kind {
        case .product: true
        case .feedback: snapshot.feedback[RecordID(reference.id)] != nil
        case .backlog: snapshot.backlog[RecordID(reference.id)] != nil
        case .stakeholder: snapshot.stakeholders[RecordID(reference.id)] != nil
        case .persona: snapshot.personas[RecordID(reference.id)] != nil
        case .experiment: snapshot.experiments[RecordID(reference.id)] != nil
        case .decision: snapshot.decisions[RecordID(reference.id)] != nil
        case .communication: snapshot.communications[RecordID(reference.id)] != nil
        case .draft: snapshot.drafts[RecordID(reference.id)] != nil
        case .job: snapshot.jobs[RecordID(reference.id)] != nil
        case .annotations: snapshot.annotations[RecordID(reference.id)] != nil
        }
    }
}

/// Why the engine or the review refused a request.
public enum EngineError: Error, Sendable, CustomStringConvertible, LocalizedError {
    case noSuchJob(String)
    case noSuchDraft(String)
    case notRetryable(Job)
    case notPending(Draft)
    case notAccepted(Draft)
    case notRejected(Draft)
    /// A record the acceptance changed was changed again since; `later` names the accepted
    /// draft that did it, when one did ("“22 themes” (draft 67de2932)").
    case changedSinceAccepted(String, later: String? = nil)
    case cannotApply(String)

    public var description: String {
        switch self {
        case let .noSuchJob(id): "No job \(id)."
        case let .noSuchDraft(id): "No draft \(id)."
        case let .notRetryable(job): "Job \(job.id.short) is \(job.status.rawValue); only failed, cancelled or interrupted jobs can run again."
        case let .notPending(draft): "Draft \(draft.id.short) is already \(draft.status.rawValue)."
        case let .notAccepted(draft): "Draft \(draft.id.short) is \(draft.status.rawValue), not accepted: there is nothing to undo."
        case let .notRejected(draft): "Draft \(draft.id.short) is \(draft.status.rawValue), not rejected: there is nothing to undo."
        case let .changedSinceAccepted(_, later?): "\(later) changed the same records since; undo that one first."
        case let .changedSinceAccepted(what, nil): "The \(what) changed after the draft was accepted; undoing it would overwrite that change, so nothing was undone (change the item back by hand, or keep the draft)."
        case let .cannotApply(reason): reason
        }
    }

    public var errorDescription: String? { description }
}

extension JobEngine {
    /// Stops taking jobs before the process exits: jobs still queued or running here are
    /// saved as interrupted (to be queued again on the next start), never left "running".
    public func shutdown() {
        let ids = takeAllForShutdown()
        guard !ids.isEmpty else { return }
        _ = try? markInterrupted(ids)
    }
}
