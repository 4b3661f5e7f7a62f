import PodiumCore
import PodiumReport
import PodiumStore

/// The roadmap: now, next and later from the backlog, each item with its evidence and the
/// goal measure it moves.
struct RoadmapView: PaneView {
    var name: String { "roadmap" }
    var id: PaneViewID { .roadmap }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let roadmap = Roadmap(snapshot)
        let counts = Roadmap.Lane.allCases.map { "\($0.title) \(roadmap.entries(in: $0).count)" }.joined(separator: " · ")
        return PaneContent(
            title: "Visionary — roadmap",
            summary: [.init("Product goal", .muted),
                      .init(Format.clean(roadmap.goal.isEmpty ? "Not set yet." : roadmap.goal, lines: true)),
                      .init(""), .init(counts + " (in progress · ready · proposed, in backlog order)", .muted)]
                + (roadmap.hasNoEvidence ? [.init(Roadmap.noLinksHint, .warning)] : []),
            columns: [.init("LANE", width: 5), .init("KEY", width: 9), .init("TITLE", minimum: 20),
                      .init("DEMAND", width: 6, alignRight: true), .init("PRAISE", width: 6, alignRight: true), .init("GOAL MEASURE", minimum: 12)],
            rows: roadmap.entries.map { entry in
                .init(id: entry.id,
                      cells: [entry.lane.title, entry.key ?? "", entry.title, "\(entry.demand)", "\(entry.praise)", entry.goalMeasure ?? ""],
                      tone: entry.lane == .now ? .accent : entry.lane == .later ? .muted : .normal,
                      sortKeys: [nil, nil, nil, Double(entry.demand), Double(entry.praise), nil])
            },
            emptyMessage: "Nothing on the roadmap: the backlog has no item in progress, ready or proposed.",
            hints: "Enter reads an item · podium roadmap, podium chart roadmap",
            counts: "\(roadmap.entries.count) items on the roadmap")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let entry = Roadmap(snapshot).entries.first(where: { $0.id == id }) else { return [] }
        let item = snapshot.backlog[RecordID(id)]
        var lines: [PaneContent.Line] = [.init((entry.key.map { $0 + " " } ?? "") + entry.title, .accent),
                                         .init("\(entry.lane.title) · \(item?.status.rawValue ?? "")", .muted), .init("")]
        lines.append(.init("Evidence: demand \(entry.demand) (requests and complaints) · praise \(entry.praise), kept apart"))
        lines.append(.init("Goal measure: " + (entry.goalMeasure.map { $0 + " (named by its title's words)" } ?? "none its title names")))
        if let item, !item.description.isEmpty { lines += [.init(""), .init(Format.clean(item.description, lines: true))] }
        return lines
    }
}

extension PaneViewID {
    /// The Visionary's roadmap.
    public static let roadmap = PaneViewID(rawValue: "roadmap")
}
