import ArgumentParser
import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium run JOB`: runs an AI job in the foreground and prints its draft.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an AI job and print its draft (the draft waits for review).",
        discussion: """
            Jobs: \(JobKindInfo.names.joined(separator: ", ")).
            podium jobs kinds describes each. Examples:
              podium run summarize-feedback --filter invoice
              podium run ask "What do customers say about offline sync?"
              podium run stakeholder-update --audience leadership --json
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The job kind, e.g. summarize-feedback.")
    var kind: ChoiceArgument<JobKindInfo>

    @Argument(help: "The question, for ask.")
    var question: String?

    @Option(help: "Only feedback whose text, source, segment or tags contain this text.")
    var filter: String?

    @Option(help: "Who a stakeholder update is for (default: leadership).")
    var audience: String?

    @Option(help: "Scoring for order-backlog and decision-record: rice or wsjf (default rice).")
    var method: ChoiceArgument<ScoringMethod>?

    @Option(help: "The backlog item a decision record is about (its tracker key, e.g. LED-105, or its id or the id's last characters).")
    var item: String?

    @Option(help: "The experiment to conclude (id or its last characters).")
    var experiment: String?

    @Option(help: "The stance the job is filed under (default: the kind's own).")
    var stance: ChoiceArgument<Stance>?

    @Option(help: "The provider to run on (default: local, the built-in offline engine).")
    var provider: String?

    @Flag(help: "Print the draft as JSON.")
    var json = false

    /// Checks the arguments against what the kind takes, from its catalogue entry.
    func validate() throws {
        let info = try job()
        if question != nil && !info.parameters.contains(.question) {
            let askers = JobKindInfo.kinds(taking: .question).map(\.kind.rawValue).joined(separator: ", ")
            throw ValidationError("only \(askers) takes a question; \(kind) takes options (podium run --help)")
        }
        let options: [(option: String, isGiven: Bool, takers: [JobKindInfo])] = [
            ("--filter", filter != nil, JobKindInfo.kinds(taking: .filteredFeedback)),
            ("--audience", audience != nil, JobKindInfo.kinds(taking: .audience)),
            ("--method", method != nil, JobKindInfo.kinds(taking: .method)),
            ("--item", item != nil, JobKindInfo.kinds(taking: .selectedBacklogItem)),
            ("--experiment", experiment != nil, JobKindInfo.kinds(taking: .selectedExperiment)),
        ]
        for (option, isGiven, takers) in options where isGiven && !takers.contains(info) {
            throw ValidationError("\(option) does not apply to \(kind); it is for \(takers.map(\.kind.rawValue).joined(separator: ", "))")
        }
        if let method, method.choice == nil {
            throw ValidationError("--method \(method): use \(ScoringMethod.names.joined(separator: " or "))")
        }
        if info.parameters.contains(.question) && (question ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(kind) needs a question: podium run \(kind) \"What do customers say about invoicing?\"")
        }
        if let stance, stance.choice == nil {
            throw ValidationError("unknown stance \"\(stance)\"; stances: \(Stance.names.joined(separator: ", "))")
        }
        _ = try providerName(for: info, in: UserConfig.current.forWorkspace(workspaceOptions.location).providers)
    }

    /// The provider the job runs on: `--provider`, else the config's choice for the kind and
    /// stance; a usage error (exit 64, from `validate()`) when the config defines no such provider.
    private func providerName(for info: JobKindInfo, in providers: ProviderSettings) throws -> String {
        let name = provider ?? providers.providerName(for: info.kind, stance: stance?.choice ?? info.stance)
        guard name == ProviderInfo.local.name || providers.profiles[name] != nil else {
            throw ValidationError("no provider \"\(name)\"; defined: " + (["local"] + providers.profiles.keys.sorted()).joined(separator: ", ")
                + " (podium providers list)")
        }
        return name
    }

    /// The kind's catalogue entry, or the usage error naming the nearest kind.
    private func job() throws -> JobKindInfo {
        if let info = kind.choice { return info }
        let typed = kind.name
        let suggestion = JobKindInfo.names.min { ArgumentOrder.distance($0, typed) < ArgumentOrder.distance($1, typed) }
            .flatMap { ArgumentOrder.distance($0, typed) <= 3 ? " (did you mean \($0)?)" : nil } ?? ""
        throw ValidationError("unknown job \"\(typed)\"\(suggestion); podium jobs kinds lists them")
    }

    func run() throws {
        let info = try job()
        let chosenStance = stance?.choice
        let store = try workspaceOptions.open()
        let config = UserConfig.current.forWorkspace(store.layout.root)
        for warning in config.warnings { Console.warning(warning) }
        let session = try JobSession(store: store, providers: config.providers, trust: config.automation.trust)
        let snapshot = store.snapshot
        var parameters = JobParameters(question: question, audience: audience, method: method?.choice)
        var inputs: [ArtifactReference] = []
        if let filter {
            parameters.filter = filter
            let matches = FeedbackFilter.matching(filter, in: snapshot)
            guard !matches.isEmpty else { throw CommandFailure(message: "no feedback matches \"\(filter)\"") }
            inputs += matches.map { ArtifactReference(.feedback, $0.id) }
        }
        if let item {
            // A tracker key ("LED-105", "#17") names the item as the team knows it.
            let byKey = snapshot.backlog.all.first { $0.key?.caseInsensitiveCompare(item) == .orderedSame }
            inputs.append(ArtifactReference(.backlog, try byKey?.id ?? IDLookup.find(item, in: snapshot.backlog, noun: "backlog item").id))
        }
        if let experiment { inputs.append(ArtifactReference(.experiment, try IDLookup.find(experiment, in: snapshot.experiments, noun: "experiment").id)) }
        let providerInfo = config.providers.info(for: try providerName(for: info, in: config.providers))
        if !json {
            Console.status("running \(info.kind) on \(providerInfo.name) (\(providerInfo.model))\(providerInfo.host.map { " at \($0)" } ?? "")…")
        }
        let job = try session.engine.enqueue(info.kind, stance: chosenStance, parameters: parameters, inputs: inputs, provider: providerInfo)
        // Ctrl-C stops the job, keeps what a model has written so far as an interrupted
        // draft and saves the job as interrupted, then exits; a second Ctrl-C quits at once.
        let engine = session.engine
        let stop = StopRequest(message: "stopping \(info.kind): the text so far is kept as an interrupted draft (Ctrl-C again quits at once)") {
            _ = try? engine.cancel(job.id)
        }
        stop.install()
        let (finished, draft) = session.finish(job)
        if stop.requested {
            if let draft {
                Console.line(json ? try DraftPrinter.json(DraftPrinter.Output(draft)) : DraftPrinter.text(draft, snapshot: store.snapshot))
            }
            throw CommandFailure(message: "\(kind) stopped: " + (draft.map { "the text so far is draft \($0.id.short), marked interrupted" } ?? "no text had come yet"),
                                 exitCode: 130)
        }
        guard finished.status == .done, let draft else {
            throw CommandFailure(message: "\(kind) \(finished.status.rawValue): \(finished.error ?? "no draft was made")")
        }
        if json {
            Console.line(try DraftPrinter.json(DraftPrinter.Output(draft)))
        } else {
            Console.line(DraftPrinter.text(draft, snapshot: store.snapshot))
        }
    }
}

/// Which feedback a `--filter` selects: the same rule as the dashboard's filter (text,
/// source, segment and tags contain the words, any case).
enum FeedbackFilter {
    static func matching(_ filter: String, in snapshot: WorkspaceSnapshot) -> [FeedbackItem] {
        let needle = filter.lowercased()
        return snapshot.feedback.all.filter { item in
            [item.text, item.source.rawValue, item.segment ?? "", item.currentTags.joined(separator: " ")]
                .joined(separator: " ").lowercased().contains(needle)
        }
    }
}
