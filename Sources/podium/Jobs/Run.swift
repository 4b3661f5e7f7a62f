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
            Jobs: \(JobKindInfo.all.map(\.kind.rawValue).joined(separator: ", ")).
            podium jobs kinds describes each. Examples:
              podium run summarize-feedback --filter invoice
              podium run ask "What do customers say about offline sync?"
              podium run stakeholder-update --audience leadership --json
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The job kind, e.g. summarize-feedback.")
    var kind: String

    @Argument(help: "The question, for ask.")
    var question: String?

    @Option(help: "Only feedback whose text, source, segment or tags contain this text.")
    var filter: String?

    @Option(help: "Who a stakeholder update is for (default: leadership).")
    var audience: String?

    @Option(help: "Scoring for order-backlog and decision-record: rice or wsjf (default rice).")
    var method: String?

    @Option(help: "The backlog item a decision record is about (id or its last characters).")
    var item: String?

    @Option(help: "The experiment to conclude (id or its last characters).")
    var experiment: String?

    @Option(help: "The stance the job is filed under (default: the kind's own).")
    var stance: String?

    @Option(help: "The provider to run on (default: local, the built-in offline engine).")
    var provider: String?

    @Flag(help: "Print the draft as JSON.")
    var json = false

    func run() throws {
        let jobKind = JobKind(rawValue: kind)
        guard let info = jobKind.info else {
            let names = JobKindInfo.all.map(\.kind.rawValue)
            let suggestion = names.min { ArgumentOrder.distance($0, kind) < ArgumentOrder.distance($1, kind) }
                .flatMap { ArgumentOrder.distance($0, kind) <= 3 ? " (did you mean \($0)?)" : nil } ?? ""
            throw UsageFailure(message: "unknown job \"\(kind)\"\(suggestion); podium jobs kinds lists them")
        }
        if question != nil && jobKind != .ask { throw UsageFailure(message: "only ask takes a question; \(kind) takes options (podium run --help)") }
        let feedbackKinds: [JobKind] = [.summarizeFeedback, .clusterThemes, .buildPersonas, .tagSentiment, .proposeExperiments]
        let given: [(String, Bool, [JobKind])] = [
            ("--filter", filter != nil, feedbackKinds), ("--audience", audience != nil, [.stakeholderUpdate]),
            ("--method", method != nil, [.orderBacklog, .decisionRecord]), ("--item", item != nil, [.decisionRecord]),
            ("--experiment", experiment != nil, [.concludeExperiment]),
        ]
        for (option, isGiven, kinds) in given where isGiven && !kinds.contains(jobKind) {
            throw UsageFailure(message: "\(option) does not apply to \(kind); it is for \(kinds.map(\.rawValue).joined(separator: ", "))")
        }
        if let method, !["rice", "wsjf"].contains(method.lowercased()) {
            throw UsageFailure(message: "--method \(method): use rice or wsjf")
        }
        if jobKind == .ask && (question ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageFailure(message: "ask needs a question: podium run ask \"What do customers say about invoicing?\"")
        }
        let chosenStance = try stance.map { name in
            guard let value = Stance(rawValue: name) else {
                throw UsageFailure(message: "unknown stance \"\(name)\"; stances: \(Stance.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
        let store = try workspaceOptions.open()
        let config = UserConfig.load()
        for warning in config.warnings { Console.warning(warning) }
        let session = try JobSession(store: store, providers: config.providers, trust: config.automation.trust)
        let snapshot = store.snapshot
        var parameters = JobParameters(question: question, audience: audience, method: method.flatMap(ScoringMethod.init(name:)))
        var inputs: [ArtifactReference] = []
        if let filter {
            parameters.filter = filter
            let matches = FeedbackFilter.matching(filter, in: snapshot)
            guard !matches.isEmpty else { throw CommandFailure(message: "no feedback matches \"\(filter)\"") }
            inputs += matches.map { ArtifactReference(.feedback, $0.id) }
        }
        if let item { inputs.append(ArtifactReference(.backlog, try IDLookup.find(item, in: snapshot.backlog, noun: "backlog item").id)) }
        if let experiment { inputs.append(ArtifactReference(.experiment, try IDLookup.find(experiment, in: snapshot.experiments, noun: "experiment").id)) }
        let providerName = provider ?? config.providers.providerName(for: jobKind, stance: chosenStance ?? info.stance)
        guard providerName == ProviderInfo.local.name || config.providers.profiles[providerName] != nil else {
            throw UsageFailure(message: "no provider \"\(providerName)\"; defined: " + (["local"] + config.providers.profiles.keys.sorted()).joined(separator: ", ")
                + " (podium providers list)")
        }
        let providerInfo = config.providers.info(for: providerName)
        if !json {
            Console.status("running \(info.kind) on \(providerInfo.name) (\(providerInfo.model))\(providerInfo.host.map { " at \($0)" } ?? "")…")
        }
        let job = try session.engine.enqueue(jobKind, stance: chosenStance, parameters: parameters, inputs: inputs, provider: providerInfo)
        let (finished, draft) = session.finish(job)
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
            [item.text, item.source.rawValue, item.segment ?? "", item.tags.joined(separator: " ")]
                .joined(separator: " ").lowercased().contains(needle)
        }
    }
}
