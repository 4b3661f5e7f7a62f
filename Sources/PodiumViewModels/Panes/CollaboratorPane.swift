import PodiumCore
import PodiumRender
import PodiumStore

/// The Collaborator's pane: the stakeholders by influence and interest, and their latest input.
public struct CollaboratorPane: Pane {
    public var stance: Stance { .collaborator }
    public var name: String { "collaborator" }
    public var views: [any PaneView] { [StakeholdersView()] }
    public var shortTitle: String { "Collaborator" }
    public var tinyTitle: String { "Collab" }
    public var themeRole: ThemeRole { .collaborator }
    public var showAction: Action { .showCollaborator }
    public var collections: Set<RecordCollection> { [.stakeholders] }
}

extension ThemeRole {
    /// The Collaborator pane's tab.
    public static let collaborator = ThemeRole(rawValue: "collaborator")
}

/// The stakeholders, those to manage closely first, with their engagement quadrant.
struct StakeholdersView: PaneView {
    var name: String { "stakeholders" }
    var id: PaneViewID { .stakeholders }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let people = snapshot.stakeholders.values.sorted { ($0.influence + $0.interest, $1.name) > ($1.influence + $1.interest, $0.name) }
        let quadrants = Dictionary(grouping: people, by: \.quadrant).mapValues(\.count)
        return PaneContent(
            title: "Collaborator — stakeholders",
            summary: [.init(Stakeholder.Quadrant.allCases.map { "\($0.rawValue): \(quadrants[$0] ?? 0)" }.joined(separator: " · "), .muted)],
            columns: [.init("NAME", width: 20), .init("INF", width: 3, alignRight: true), .init("INT", width: 3, alignRight: true),
                      .init("ENGAGEMENT", width: 14), .init("ROLE / LATEST INPUT")],
            rows: people.map { person in
                .init(id: person.id.rawValue,
                      cells: [Format.clean(person.name), String(person.influence), String(person.interest), person.quadrant.rawValue,
                              Format.clean(person.role) + (person.notes.isEmpty ? "" : " — " + Format.clean(person.notes))],
                      tone: person.quadrant == .manageClosely ? .accent : .normal,
                      sortKeys: [nil, Double(person.influence), Double(person.interest), nil, nil])
            },
            emptyMessage: "No stakeholders yet: n adds one.", hints: "n new · e edit · Enter detail · / filter",
            counts: "\(people.count) stakeholders")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let person = snapshot.stakeholders[RecordID(id)] else { return [] }
        return [.init(Format.clean(person.name), .accent), .init(Format.clean(person.role), .muted),
                .init("Influence \(person.influence)/5 · interest \(person.interest)/5 · \(person.quadrant.rawValue)"),
                .init(""), .init("Latest input", .muted), .init(Format.clean(person.notes, lines: true))]
    }
}

extension PaneViewID {
    /// The Collaborator's stakeholders.
    public static let stakeholders = PaneViewID(rawValue: "stakeholders")
}
