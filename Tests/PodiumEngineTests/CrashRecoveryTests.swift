import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// A job killed mid-run with the whole process (kill -9), then the workspace reopened.
@Suite("Crash recovery")
struct CrashRecoveryTests {
    @Test("kill -9 while a job runs: on reopening it is interrupted, not lost or doubled, and runs again")
    func killMidJob() throws {
        let workspace = try Workspace(demo: true)
        let root = workspace.root
        let child = Process()
        child.executableURL = BuiltProducts.executable("podium-test-writer")
        child.arguments = ["hang-in-job", root.path]
        try child.run()
        // Wait until the other process has saved the job as running.
        let observer = try WorkspaceStore.open(at: root)
        var running: Job?
        for _ in 0..<500 where running == nil {
            _ = try observer.refresh()
            running = observer.snapshot.jobs.values.first { $0.status == .running }
            if running == nil { usleep(10_000) }
        }
        let job = try #require(running, "the child never started its job")
        #expect(job.runner?.processID == child.processIdentifier)

        // While the child lives, its job is not taken for interrupted.
        let bystander = JobEngine(store: observer, providerFor: { _ in LocalProvider() })
        #expect(try bystander.recoverInterrupted().isEmpty)

        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        let reopened = try WorkspaceStore.open(at: root)
        let engine = JobEngine(store: reopened, providerFor: { _ in LocalProvider() })
        let recovered = try engine.recoverInterrupted()
        #expect(recovered.map(\.id) == [job.id])
        #expect(reopened.snapshot.jobs[job.id]?.status == .interrupted)
        #expect(reopened.snapshot.jobs[job.id]?.error?.contains("run it again") == true)
        #expect(reopened.snapshot.drafts.isEmpty, "no half draft")

        try engine.retry(job.id)
        engine.waitForIdle()
        let done = try #require(reopened.snapshot.jobs[job.id])
        #expect(done.status == .done && done.attempts == 2)
        #expect(reopened.snapshot.jobs.count == 1 && reopened.snapshot.drafts.count == 1)
        #expect(try engine.recoverInterrupted().isEmpty, "recovery runs once")
    }
}
