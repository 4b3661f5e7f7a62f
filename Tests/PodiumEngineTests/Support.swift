import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumStore
import PodiumTestSupport

/// A provider a test drives: each job waits until the test lets it go, then returns a
/// draft (or the error it was told to throw). Records the order jobs started in.
final class ScriptedProvider: Provider, @unchecked Sendable {
    let info = ProviderInfo(name: "scripted", model: "test")
    private let lock = NSLock()
    private var started: [String] = []
    private var released = Set<String>()
    private var failures: [String: any Error] = [:]
    private var running = 0
    private(set) var maximumRunning = 0
    /// Jobs (by their "name" parameter) that wait for `release`; others finish at once.
    var holds: Set<String> = []

    var startOrder: [String] { lock.withLock { started } }
    var peakConcurrency: Int { lock.withLock { maximumRunning } }

    func release(_ name: String) { lock.withLock { _ = released.insert(name) } }
    func fail(_ name: String, with error: any Error) { lock.withLock { failures[name] = error } }

    func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        let name = request.job.parameters["name"] ?? "?"
        lock.withLock {
            started.append(name)
            running += 1
            maximumRunning = max(maximumRunning, running)
        }
        defer { lock.withLock { running -= 1 } }
        while lock.withLock({ holds.contains(name) && !released.contains(name) }) {
            try context.checkCancellation()
            usleep(2_000)
        }
        if let error = lock.withLock({ failures.removeValue(forKey: name) }) { throw error }
        context.progress("writing \(name)")
        return DraftOutput(title: "Draft \(name)", content: "text of \(name)",
                           evidence: [Evidence(ArtifactReference(kind: .feedback, id: "01900000-0000-7000-8000-000000000000"))])
    }

    /// Waits until `name` has started (true) or a second passed.
    func waitUntilStarted(_ name: String) -> Bool {
        for _ in 0..<500 {
            if startOrder.contains(name) { return true }
            usleep(2_000)
        }
        return false
    }
}

/// A fresh workspace on disk (the demo one, or an empty one), removed with the value.
final class Workspace: @unchecked Sendable {
    let folder: TemporaryDirectory
    let store: WorkspaceStore
    var root: URL { folder.path("ws") }

    init(demo: Bool = false) throws {
        folder = try TemporaryDirectory("podium-engine")
        let root = folder.path("ws")
        store = demo ? try DemoWorkspace(feedbackCount: 200).create(at: root)
            : try WorkspaceStore.create(at: root, product: Product(name: "Test", vision: "", productGoal: ""))
    }
}
