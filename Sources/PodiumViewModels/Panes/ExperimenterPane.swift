import PodiumCore
import PodiumRender
import PodiumStore

/// The Experimenter's pane: the experiments, running ones first, with their hypotheses,
/// metrics and results; and the signals in the feedback over time.
public struct ExperimenterPane: Pane {
    public var stance: Stance { .experimenter }
    public var name: String { "experimenter" }
    public var views: [any PaneView] { [ExperimentsView(), SignalsView()] }
    public var shortTitle: String { "Experimenter" }
    public var tinyTitle: String { "Experim" }
    public var themeRole: ThemeRole { .experimenter }
    public var showAction: Action { .showExperimenter }
    public var collections: Set<RecordCollection> { [.experiments, .feedback, .annotations, .backlog, .communications] }
}

extension ThemeRole {
    /// The Experimenter pane's tab.
    public static let experimenter = ThemeRole(rawValue: "experimenter")
}

/// The experiments, those not concluded first, with their metric and target.
struct ExperimentsView: PaneView {
    var name: String { "experiments" }
    var id: PaneViewID { .experiments }
    /// A job takes the selected experiment.
    var jobInputs: JobInputs { .selectedExperiment }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let experiments = snapshot.experiments.values.sorted { ($0.status.isConcluded ? 1 : 0, $0.id) < ($1.status.isConcluded ? 1 : 0, $1.id) }
        return PaneContent(
            title: "Experimenter — experiments",
            summary: [.init(ExperimentStatus.allCases.compactMap { status in
                let count = experiments.filter { $0.status == status }.count
                return count == 0 ? nil : "\(status.rawValue) \(count)"
            }.joined(separator: " · "), .muted)],
            columns: [.init("STATUS", width: 12), .init("ENDS", width: 10), .init("TITLE", width: 28), .init("METRIC → TARGET")],
            rows: experiments.map { experiment in
                .init(id: experiment.id.rawValue,
                      cells: [experiment.status.rawValue, experiment.endsAt.map(Format.day) ?? "", Format.clean(experiment.title),
                              Format.clean(experiment.metric) + " → " + Format.clean(experiment.target)],
                      tone: experiment.status == .succeeded ? .success : experiment.status == .failed ? .error
                          : experiment.status == .running ? .accent : .normal,
                      sortKeys: [nil, experiment.endsAt?.timeIntervalSince1970, nil, nil])
            },
            emptyMessage: "No experiments yet: n adds one, p proposes some.", hints: "n new · e edit (start, stop, result) · Enter reads",
            counts: "\(experiments.count) experiments")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let experiment = snapshot.experiments[RecordID(id)] else { return [] }
        var lines: [PaneContent.Line] = [
            .init(Format.clean(experiment.title), .accent), .init("Status: \(experiment.status.rawValue)", .muted),
            .init(""), .init("Hypothesis", .muted), .init(Format.clean(experiment.hypothesis, lines: true)),
            .init(""), .init("Metric: \(Format.clean(experiment.metric)) · target \(Format.clean(experiment.target))"),
            .init("Runs \(experiment.startsAt.map(Format.day) ?? "—") → \(experiment.endsAt.map(Format.day) ?? "—")", .muted),
        ]
        if let result = experiment.result { lines += [.init(""), .init("Result", .muted), .init(Format.clean(result, lines: true))] }
        return lines
    }
}

extension PaneViewID {
    /// The Experimenter's experiments.
    public static let experiments = PaneViewID(rawValue: "experiments")
}
