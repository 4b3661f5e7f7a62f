import Foundation
import PodiumAI
import PodiumDemo
import PodiumCore
import PodiumEngine
import PodiumStore

/// Engine overhead: jobs with a provider that does nothing, from `enqueue` to idle, per
/// job. Each job is three store transactions (queued, running, draft + done), so the
/// figure is shown on disk next to three fsync'd writes, and on tmpfs (/dev/shm, where a
/// flush costs nothing) for the engine's own cost: dispatch, bookkeeping, JSON.
enum EngineBench {
    /// Returns a draft at once.
    struct NoopProvider: Provider {
        let info = ProviderInfo(name: "noop", model: "none")
        func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
            DraftOutput(title: "noop", content: "noop")
        }
    }

    static func run(jobs: Int = 200) throws {
        print("| where | jobs | per job | its 3 store transactions alone | engine's own (the rest) | 3 fsync'd writes | per job ÷ 3 writes |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        var places = [("disk (\(FileManager.default.temporaryDirectory.path))", FileManager.default.temporaryDirectory.path)]
        if FileManager.default.fileExists(atPath: "/dev/shm") { places.append(("tmpfs (/dev/shm)", "/dev/shm")) }
        for (name, base) in places {
            let folder = base + "/podium-engine-bench-\(getpid())"
            try? FileManager.default.removeItem(atPath: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let store = try WorkspaceStore.create(at: URL(fileURLWithPath: folder + "/ws"), product: Product(name: "Bench"))
            let engine = JobEngine(store: store, concurrency: 2, providerFor: { _ in NoopProvider() })
            // Warm up (first writes create the folders).
            try engine.enqueue(.ask)
            engine.waitForIdle()
            let total = try elapsed {
                for _ in 0..<jobs { try engine.enqueue(.ask) }
                engine.waitForIdle()
            }
            // The same three transactions without the engine: save the job queued, running, done with a draft.
            let storeOnly = try elapsed {
                for _ in 0..<jobs {
                    var job = Job(kind: .ask, stance: .orchestrator)
                    try store.write { try $0.save(job) }
                    job.status = .running
                    try store.write { try $0.save(job) }
                    let draft = Draft(jobID: job.id, kind: .ask, stance: .orchestrator, title: "noop", content: "noop")
                    job.status = .done
                    try store.write { try $0.save(draft); try $0.save(job) }
                }
            }
            var writes: [Double] = []
            for index in 0..<60 { writes.append(fsyncedWrite(in: folder, index: index)) }
            let perJob = total / Double(jobs), storePerJob = storeOnly / Double(jobs)
            let three = median(writes) * 3
            func ms(_ value: Double) -> String { String(format: "%.3f ms", value * 1000) }
            print("| \(name) | \(jobs) | \(ms(perJob)) | \(ms(storePerJob)) | \(ms(max(0, perJob - storePerJob))) | \(ms(three)) | \(String(format: "%.2f", perJob / three)) |")
        }
    }
}

/// Whole offline jobs on the demo product at several sizes: what a Product Owner waits for
/// after pressing the key (the workspace is in memory; saving the draft is not counted).
enum RecipeBench {
    static func run(sizes: [Int]) throws {
        let kinds: [JobKind] = [.summarizeFeedback, .clusterThemes, .tagSentiment, .buildPersonas, .orderBacklog, .stakeholderUpdate, .ask]
        print("| items | " + kinds.map(\.rawValue).joined(separator: " | ") + " |")
        print("|---:|" + String(repeating: "---:|", count: kinds.count))
        for size in sizes {
            let snapshot = DemoWorkspace(feedbackCount: size).makeContent().snapshot
            var cells: [String] = []
            for kind in kinds {
                let job = Job(kind: kind, stance: kind.info!.stance, parameters: kind == .ask ? ["question": "What do customers say about invoices?"] : [:])
                let time = try elapsed { _ = try LocalProvider().run(JobRequest(job: job, snapshot: snapshot), context: JobContext()) }
                cells.append(String(format: "%.2f s", time))
            }
            print("| \(size) | " + cells.joined(separator: " | ") + " |")
        }
    }
}
