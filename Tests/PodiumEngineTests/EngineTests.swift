import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// The job engine: order, concurrency, cancel, retry, persistence and recovery, against a
/// real workspace on disk and a provider the test drives. Tests wait for idle, never sleep
/// for a result.
@Suite("Job engine")
struct EngineTests {
    private func engine(_ store: WorkspaceStore, _ provider: ScriptedProvider, concurrency: Int = 2) -> JobEngine {
        JobEngine(store: store, concurrency: concurrency, providerFor: { _ in provider })
    }

    @Test("never more jobs run at once than the limit; the rest wait their turn")
    func orderAndLimit() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        provider.holds = ["a", "b"]
        let engine = engine(store, provider, concurrency: 2)
        for name in ["a", "b", "c", "d"] { try engine.enqueue(.ask, parameters: ["name": name]) }
        #expect(provider.waitUntilStarted("a") && provider.waitUntilStarted("b"))
        #expect(engine.busyCount == 4)
        #expect(!provider.startOrder.contains("c"), "a third job started while two held the workers")
        provider.release("a")
        provider.release("b")
        #expect(engine.waitForIdle(timeout: .now() + 10))
        #expect(Set(provider.startOrder) == ["a", "b", "c", "d"])
        #expect(provider.peakConcurrency == 2)
        let jobs = store.snapshot.jobs.values
        #expect(jobs.count == 4 && jobs.allSatisfy { $0.status == .done && $0.draftID != nil })
        #expect(store.snapshot.drafts.count == 4)
    }

    @Test("with one worker, jobs run one after another in the order they were queued")
    func order() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        provider.holds = ["first"]
        let engine = engine(store, provider, concurrency: 1)
        for name in ["first", "second", "third", "fourth"] { try engine.enqueue(.ask, parameters: ["name": name]) }
        #expect(provider.waitUntilStarted("first"))
        provider.release("first")
        #expect(engine.waitForIdle(timeout: .now() + 10))
        #expect(provider.startOrder == ["first", "second", "third", "fourth"])
        #expect(provider.peakConcurrency == 1)
    }

    @Test("a job and its draft are saved on disk: a second process sees them")
    func persisted() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        let engine = engine(store, provider)
        let job = try engine.enqueue(.summarizeFeedback, parameters: ["name": "x"])
        engine.waitForIdle()
        let reopened = try WorkspaceStore.open(at: workspace.root)
        let saved = try #require(reopened.snapshot.jobs[job.id])
        #expect(saved.status == .done && saved.attempts == 1 && saved.startedAt != nil && saved.finishedAt != nil)
        let draft = try #require(saved.draftID.flatMap { reopened.snapshot.drafts[$0] })
        #expect(draft.content == "text of x" && draft.status == .pending && draft.provider.name == "scripted")
        #expect(draft.unknownReferences == ["feedback/01900000-0000-7000-8000-000000000000"], "an id that does not exist is flagged")
    }

    @Test("cancelling a running job stops it; cancelling a queued one means it never starts")
    func cancel() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        provider.holds = ["running"]
        let engine = engine(store, provider, concurrency: 1)
        let running = try engine.enqueue(.ask, parameters: ["name": "running"])
        let queued = try engine.enqueue(.ask, parameters: ["name": "queued"])
        #expect(provider.waitUntilStarted("running"))
        #expect(try engine.cancel(queued.id))
        #expect(try engine.cancel(running.id))
        #expect(engine.waitForIdle(timeout: .now() + 10))
        #expect(store.snapshot.jobs[running.id]?.status == .cancelled)
        #expect(store.snapshot.jobs[queued.id]?.status == .cancelled)
        #expect(!provider.startOrder.contains("queued"))
        #expect(store.snapshot.drafts.isEmpty)
        #expect(try engine.cancel(running.id) == false, "a finished job cannot be cancelled")
    }

    @Test("a failed job keeps a readable error and runs again with retry")
    func retry() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        provider.fail("flaky", with: JobError.nothingToWorkOn("There is no feedback in the workspace yet."))
        let engine = engine(store, provider)
        let job = try engine.enqueue(.ask, parameters: ["name": "flaky"])
        engine.waitForIdle()
        let failed = try #require(store.snapshot.jobs[job.id])
        #expect(failed.status == .failed && failed.error == "There is no feedback in the workspace yet.")
        try engine.retry(job.id)
        engine.waitForIdle()
        let done = try #require(store.snapshot.jobs[job.id])
        #expect(done.status == .done && done.attempts == 2 && done.error == nil && done.draftID != nil)
        #expect(store.snapshot.jobs.count == 1, "retry runs the same job, not a copy")
        #expect(throws: EngineError.self) { try engine.retry(job.id) }
    }

    @Test("regenerating a draft supersedes it when the new one is ready, unless it was edited")
    func regenerate() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        let engine = engine(store, provider)
        let job = try engine.enqueue(.ask, parameters: ["name": "v1"])
        engine.waitForIdle()
        let first = try #require(store.snapshot.jobs[job.id]?.draftID)
        try engine.regenerate(first)
        engine.waitForIdle()
        #expect(store.snapshot.drafts[first]?.status == .superseded)
        #expect(store.snapshot.drafts.values.filter { $0.status == .pending }.count == 1)
        // A draft the Product Owner edited is not replaced: the edit stays beside the new one.
        let second = try #require(store.snapshot.drafts.values.first { $0.status == .pending }?.id)
        try DraftReview(store: store).edit(second, content: "My own words.")
        try engine.regenerate(second)
        engine.waitForIdle()
        #expect(store.snapshot.drafts[second]?.status == .pending && store.snapshot.drafts[second]?.content == "My own words.")
        #expect(store.snapshot.drafts.values.filter { $0.status == .pending }.count == 2)
    }

    @Test("jobs of a process that died are marked interrupted on the next start; live ones are left alone")
    func recovery() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        var dead = Job(kind: .ask, stance: .orchestrator, status: .running, parameters: ["name": "lost"])
        dead.runner = JobRunner(processID: 999_999, bootID: "another-boot", host: "elsewhere")
        var live = Job(kind: .ask, stance: .orchestrator, status: .queued)
        live.runner = .current
        try store.write { try $0.save(dead); try $0.save(live) }
        let provider = ScriptedProvider()
        let engine = engine(store, provider)
        let recovered = try engine.recoverInterrupted()
        #expect(recovered.map(\.id) == [dead.id])
        #expect(store.snapshot.jobs[dead.id]?.status == .interrupted)
        #expect(store.snapshot.jobs[live.id]?.status == .queued)
        try engine.retry(dead.id)
        engine.waitForIdle()
        #expect(store.snapshot.jobs[dead.id]?.status == .done)
    }

    @Test("shutting down saves queued and running jobs as interrupted")
    func shutdown() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        provider.holds = ["slow"]
        let engine = engine(store, provider, concurrency: 1)
        let slow = try engine.enqueue(.ask, parameters: ["name": "slow"])
        let waiting = try engine.enqueue(.ask, parameters: ["name": "waiting"])
        #expect(provider.waitUntilStarted("slow"))
        engine.shutdown()
        #expect(store.snapshot.jobs[waiting.id]?.status == .interrupted)
        #expect(engine.waitForIdle(timeout: .now() + 10), "the running job stops at its next check")
        #expect([.interrupted, .cancelled].contains(store.snapshot.jobs[slow.id]?.status))
    }

    @Test("events arrive for each change: queued, running, progress, done, draft")
    func events() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        let log = EventLog()
        let engine = JobEngine(store: store, providerFor: { _ in provider }, onEvent: { log.append($0) })
        try engine.enqueue(.ask, parameters: ["name": "e"])
        engine.waitForIdle()
        #expect(log.names == ["job queued", "job running", "progress writing e", "job done", "draft"])
    }

    @Test("a job whose answer stopped part way keeps the text as an interrupted draft; the job failed and is not retried by itself")
    func interrupted() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let provider = ScriptedProvider()
        provider.fail("cut", with: InterruptedAnswer(
            output: DraftOutput(title: "Update", content: "The first half",
                                evidence: [Evidence(ArtifactReference(kind: .product, id: "product"))]),
            reason: "the connection was lost"))
        let engine = engine(store, provider)
        let job = try engine.enqueue(.stakeholderUpdate, parameters: ["name": "cut"])
        engine.waitForIdle()
        let saved = try #require(store.snapshot.jobs[job.id])
        #expect(saved.status == .failed && saved.error?.contains("Stopped after 14 characters: the connection was lost") == true)
        let draft = try #require(saved.draftID.flatMap { store.snapshot.drafts[$0] })
        #expect(draft.status == .interrupted && draft.content == "The first half" && draft.evidence.count == 1)
        #expect(provider.startOrder == ["cut"], "not replayed")
    }

    @Test("an unknown job kind is refused with the list's name")
    func unknownKind() throws {
        let workspace = try Workspace()
        let store = workspace.store
        defer { withExtendedLifetime(workspace) {} }
        let engine = engine(store, ScriptedProvider())
        #expect(throws: JobError.unknownKind("summarise")) { try engine.enqueue("summarise") }
    }
}

/// Collects engine events from worker threads.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func append(_ event: EngineEvent) {
        let name = switch event {
        case let .jobChanged(job): "job \(job.status.rawValue)"
        case let .progress(_, step): "progress \(step)"
        case .streamed: "streamed"
        case .draftReady: "draft"
        }
        lock.withLock { events.append(name) }
    }

    var names: [String] { lock.withLock { events } }
}
