import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium jobs …`: the job kinds, the job history, and re-running jobs.
struct Jobs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List job kinds and jobs; retry a failed or interrupted job.",
        subcommands: [ListJobs.self, Kinds.self, Retry.self],
        defaultSubcommand: ListJobs.self)

    /// `podium jobs list`
    struct ListJobs: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List jobs, newest first.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Flag(help: "Print JSON.") var json = false
        @Option(help: "Show at most this many jobs.") var limit: Int = 30

        func run() throws {
            let snapshot = try workspaceOptions.open().snapshot
            let jobs = Array(snapshot.jobs.all.reversed().prefix(max(0, limit))).map(\.observed)
            if json {
                Console.line(try DraftPrinter.json(jobs))
                return
            }
            guard !jobs.isEmpty else {
                Console.line("No jobs yet. podium run JOB runs one; podium jobs kinds lists them.")
                return
            }
            let rows = jobs.map { job -> [String] in
                let duration = job.startedAt.flatMap { start in job.finishedAt.map { Format.duration($0.timeIntervalSince(start)) } } ?? ""
                let outcome = job.draftID.map { "draft \($0.short)" } ?? job.error ?? job.progress ?? ""
                let tokens = job.usage.map { "\($0.inputTokens)+\($0.outputTokens)" } ?? ""
                return [job.id.short, job.observedStatus.rawValue, job.kind.rawValue, job.provider.name, duration, tokens,
                        Drafts.ListDrafts.age(job.createdAt), outcome]
            }
            Console.write(TextTable(headers: ["ID", "STATUS", "KIND", "PROVIDER", "TOOK", "TOKENS", "AGE", "RESULT"], rows: rows, flexibleColumn: 7)
                .render(width: Console.width))
        }
    }

    /// `podium jobs kinds`
    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the kinds of job, their stance, risk and what accepting does.")

        @OptionGroup var workspaceOptions: WorkspaceOptions  // for the rules that auto-accept a kind
        @Flag(help: "Print JSON.") var json = false

        struct KindOutput: Encodable {
            var kind: String, title: String, stance: String, risk: String, review: String, summary: String, onAccept: String
        }

        func run() throws {
            let config = UserConfig.load()
            for warning in config.warnings { Console.warning(warning) }
            let trust = config.automation.trust
            // Rules of the workspace that auto-accept a kind, when there is a workspace.
            let rules = FileManager.default.fileExists(atPath: workspaceOptions.location.appendingPathComponent("workspace.json").path)
                ? ((try? WorkspaceStore.open(at: workspaceOptions.location))?.snapshot.rules.all ?? []) : []
            /// "auto-accept", "always review", "always review (required)" for kinds that may never skip it,
            /// or "review; auto-accept by rule 1a2b3c4d" when only a rule's drafts skip it.
            func review(_ info: JobKindInfo) -> String {
                if info.risk != .low { return "always review (required)" }
                if trust.autoAccepts(info.kind) { return "auto-accept" }
                let byRules = rules.filter { $0.enabled && $0.job == info.kind && $0.autoAccepts }.map(\.id.short)
                return byRules.isEmpty ? "always review" : "review; auto-accept by rule " + byRules.joined(separator: ", ")
            }
            if json {
                Console.line(try DraftPrinter.json(JobKindInfo.all.map {
                    KindOutput(kind: $0.kind.rawValue, title: $0.title, stance: $0.stance.rawValue, risk: $0.risk.rawValue,
                               review: review($0), summary: $0.summary, onAccept: $0.onAccept)
                }))
                return
            }
            let rows = JobKindInfo.all.map { [$0.kind.rawValue, $0.stance.title, $0.risk.rawValue, review($0), "\($0.summary) Accepting \($0.onAccept)."] }
            Console.write(TextTable(headers: ["KIND", "STANCE", "RISK", "DRAFTS", "WHAT IT DOES"], rows: rows, flexibleColumn: 4).render(width: Console.width))
            Console.line("Auto-accept a low-risk kind with [trust] in config.toml (e.g. tag-sentiment = \"auto-accept\") or podium automate add --auto-accept.")
        }
    }

    /// `podium jobs retry ID`
    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a failed, cancelled or interrupted job again and print its draft.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The job's id (or its last characters).") var id: String

        func run() throws {
            let store = try workspaceOptions.open()
            let config = UserConfig.load().forWorkspace(store.layout.root)
            let session = try JobSession(store: store, providers: config.providers, trust: config.automation.trust)
            let job = try IDLookup.find(id, in: store.snapshot.jobs, noun: "job")
            let queued = try review { try session.engine.retry(job.id) }
            let (finished, draft) = session.finish(queued)
            guard let draft, finished.status == .done else {
                throw CommandFailure(message: "\(job.kind) \(finished.status.rawValue): \(finished.error ?? "no draft was made")")
            }
            Console.line(DraftPrinter.text(draft, snapshot: store.snapshot))
        }
    }
}
