import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore

/// A job engine for one command: the workspace, the providers, and a way to run a job to
/// its end in the foreground.
struct JobSession {
    let store: WorkspaceStore
    let engine: JobEngine

    /// - Parameter quiet: say nothing about jobs found interrupted (the dashboard shows them).
    /// - Parameter trust: the kinds whose drafts are accepted without review.
    init(store: WorkspaceStore, providers: ProviderSettings, trust: TrustPolicy = TrustPolicy(), concurrency: Int = 2, quiet: Bool = false) throws {
        self.store = store
        let folder = UserConfig.folder()
        engine = JobEngine(store: store, concurrency: concurrency, providerFor: { job in
            try providers.provider(named: job.provider.name, promptFolder: folder)
        })
        engine.trust = trust
        let recovered = try engine.recoverInterrupted()
        if !recovered.isEmpty && !quiet {
            Console.warning("\(recovered.count) job\(recovered.count == 1 ? " was" : "s were") interrupted when Podium stopped; podium jobs list shows them.")
        }
    }

    /// Waits for the job to end and returns it as saved, with its draft when it made one.
    func finish(_ job: Job) -> (Job, Draft?) {
        engine.waitForIdle()
        let snapshot = store.snapshot
        let saved = snapshot.jobs[job.id] ?? job
        return (saved, saved.draftID.flatMap { snapshot.drafts[$0] })
    }
}

/// Finds a record by its full id, or by at least 4 characters (so that a stray "2" never
/// picks a record) from the start or end of it, or from the start of the 8 that lists show.
enum IDLookup {
    static func find<Record>(_ text: String, in table: RecordTable<Record>, noun: String) throws -> Record {
        let needle = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = table[RecordID(needle)] { return exact }
        guard needle.count >= 4 else {
            throw CommandFailure(message: "\"\(text)\" is too short to name a \(noun): give at least 4 characters of its id (the list shows the last 8)")
        }
        // The whole id's start or end, or the start of the 8 characters lists show ("c42f" for c42ff8c5).
        let matches = table.all.filter { record in
            let id = record.id.rawValue.lowercased()
            return id.hasSuffix(needle) || id.hasPrefix(needle) || (needle.count < 8 && id.suffix(8).hasPrefix(needle))
        }
        guard let first = matches.first else {
            throw CommandFailure(message: "no \(noun) \"\(text)\"")
        }
        guard matches.count == 1 else {
            throw CommandFailure(message: "\"\(text)\" matches \(matches.count) \(noun)s; give more of the id")
        }
        return first
    }
}
