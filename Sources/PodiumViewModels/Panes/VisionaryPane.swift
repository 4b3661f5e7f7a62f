import PodiumCore
import PodiumRender
import PodiumStore

/// The Visionary's pane: the vision, the product goal and the measures of progress toward it;
/// and the roadmap.
public struct VisionaryPane: Pane {
    public var stance: Stance { .visionary }
    public var name: String { "visionary" }
    public var views: [any PaneView] { [GoalMeasuresView(), RoadmapView()] }
    public var shortTitle: String { "Visionary" }
    public var tinyTitle: String { "Vision" }
    public var themeRole: ThemeRole { .visionary }
    public var showAction: Action { .showVisionary }
    public var collections: Set<RecordCollection> { [.backlog] }
    public var showsProduct: Bool { true }
}

extension ThemeRole {
    /// The Visionary pane's tab.
    public static let visionary = ThemeRole(rawValue: "visionary")
}

/// The vision and goal above the goal's measures (baseline, now, target, progress).
struct GoalMeasuresView: PaneView {
    var name: String { "goal measures" }
    var id: PaneViewID { .goalMeasures }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let product = snapshot.product
        let measures = product.goalMeasures
        return PaneContent(
            title: "Visionary — \(Format.clean(product.name.isEmpty ? "Untitled product" : product.name))",
            summary: [
                .init("Vision", .muted), .init(Format.clean(product.vision.isEmpty ? "Not written yet." : product.vision, lines: true)),
                .init(""), .init("Product goal", .muted),
                .init(Format.clean(product.productGoal.isEmpty ? "Not set yet." : product.productGoal, lines: true)),
                .init(""), .init("Progress toward the goal: \(Format.bar(product.goalProgress)) \(Format.percent(product.goalProgress))", .accent),
            ],
            columns: [.init("MEASURE"), .init("BASELINE", width: 10, alignRight: true), .init("NOW", width: 8, alignRight: true),
                      .init("TARGET", width: 8, alignRight: true), .init("PROGRESS", width: 9, alignRight: true)],
            rows: measures.map { measure in
                .init(id: measure.name, cells: [Format.clean(measure.name), Format.number(measure.baseline) + measure.unit,
                                                Format.number(measure.current) + measure.unit, Format.number(measure.target) + measure.unit,
                                                Format.percent(measure.progress)],
                      tone: (measure.progress ?? 0) >= 1 ? .success : .normal,
                      sortKeys: [nil, measure.baseline, measure.current, measure.target, measure.progress])
            },
            emptyMessage: "No goal measures yet: + adds one", hints: "e edit vision · + measure · = new value · x remove",
            counts: "\(measures.count) goal measure\(measures.count == 1 ? "" : "s")")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let measure = snapshot.product.goalMeasures.first(where: { $0.name == id }) else { return [] }
        let unit = measure.unit.isEmpty || measure.unit == "%" || measure.unit == "★" ? measure.unit : " " + measure.unit
        return [.init(Format.clean(measure.name), .accent), .init("Baseline: \(Format.number(measure.baseline))\(unit)"),
                .init("Now: \(Format.number(measure.current))\(unit)"), .init("Target: \(Format.number(measure.target))\(unit)"),
                .init("Progress: \(Format.percent(measure.progress))")]
    }
}

extension PaneViewID {
    /// The Visionary's goal and its measures.
    public static let goalMeasures = PaneViewID(rawValue: "goalMeasures")
}
