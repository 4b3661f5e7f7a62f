import PodiumCore
import PodiumStore

/// The personas built from the feedback, by name, with their goals, pains and quotes in the detail.
struct PersonasView: PaneView {
    var name: String { "personas" }
    var id: PaneViewID { .personas }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let personas = snapshot.personas.values.sorted { $0.name < $1.name }
        return PaneContent(
            title: "Customer Representative — personas",
            summary: [.init("\(personas.count) personas built from feedback · v: back to the feedback", .muted)],
            columns: [.init("NAME", width: 20), .init("SEGMENT", width: 12), .init("QUOTES", width: 6, alignRight: true), .init("SUMMARY")],
            rows: personas.map { persona in
                .init(id: persona.id.rawValue,
                      cells: [Format.clean(persona.name), Format.clean(persona.segment ?? ""), String(persona.quotes.count), Format.clean(persona.summary)],
                      sortKeys: [nil, nil, Double(persona.quotes.count), nil])
            },
            emptyMessage: "No personas yet: p in the feedback view (v) drafts them from reviews and surveys.",
            hints: "v feedback · Enter reads", counts: "\(personas.count) personas")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let persona = snapshot.personas[RecordID(id)] else { return [] }
        var lines: [PaneContent.Line] = [.init(Format.clean(persona.name), .accent)]
        if let segment = persona.segment { lines.append(.init("Segment: \(Format.clean(segment))", .muted)) }
        lines += [.init(""), .init(Format.clean(persona.summary, lines: true))]
        if !persona.goals.isEmpty { lines += [.init(""), .init("Goals", .muted)] + persona.goals.map { .init("• " + Format.clean($0)) } }
        if !persona.pains.isEmpty { lines += [.init(""), .init("Pains", .muted)] + persona.pains.map { .init("• " + Format.clean($0)) } }
        if !persona.quotes.isEmpty {
            lines += [.init(""), .init("In their words", .muted)]
                + persona.quotes.map { .init("“" + Format.clean($0.text) + "” (\($0.sourceID.short))") }
        }
        return lines
    }
}

extension PaneViewID {
    /// The Customer pane's personas.
    public static let personas = PaneViewID(rawValue: "personas")
}
