import Foundation
import PodiumCore
import PodiumStore

/// The decisions taken, newest first, those due for review standing out.
struct DecisionLogView: PaneView {
    var name: String { "decision log" }
    var id: PaneViewID { .decisionLog }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let decisions = snapshot.decisions.values.sorted { $0.decidedAt > $1.decidedAt }
        let due = decisions.filter { ($0.reviewAt ?? .distantFuture) <= Date() }.count
        return PaneContent(
            title: "Decision Maker — decision log",
            summary: [.init("\(decisions.count) decisions" + (due > 0 ? " · \(due) due for review" : "") + " · v: back to the backlog", .muted)],
            columns: [.init("DECIDED", width: 10), .init("REVIEW", width: 10), .init("DECISION", width: 40), .init("CHOICE")],
            rows: decisions.map { decision in
                .init(id: decision.id.rawValue,
                      cells: [Format.day(decision.decidedAt), decision.reviewAt.map(Format.day) ?? "", Format.clean(decision.title), Format.clean(decision.choice)],
                      tone: (decision.reviewAt ?? .distantFuture) <= Date() ? .warning : .normal,
                      sortKeys: [decision.decidedAt.timeIntervalSince1970, decision.reviewAt?.timeIntervalSince1970, nil, nil])
            },
            emptyMessage: "No decisions recorded yet: n records one.", hints: "n new · e edit · v backlog",
            counts: "\(decisions.count) decisions")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let decision = snapshot.decisions[RecordID(id)] else { return [] }
        var lines: [PaneContent.Line] = [
            .init(Format.clean(decision.title), .accent),
            .init("Decided \(Format.day(decision.decidedAt))" + (decision.decidedBy.map { " by \(Format.clean($0))" } ?? "")
                + (decision.reviewAt.map { " · review \(Format.day($0))" } ?? ""), .muted),
        ]
        if !decision.context.isEmpty { lines += [.init(""), .init("Context", .muted), .init(Format.clean(decision.context, lines: true))] }
        if !decision.options.isEmpty {
            lines += [.init(""), .init("Options", .muted)] + decision.options.map { .init("• " + Format.clean($0)) }
        }
        lines += [.init(""), .init("Choice: " + Format.clean(decision.choice), .accent)]
        if !decision.rationale.isEmpty { lines += [.init(""), .init("Why", .muted), .init(Format.clean(decision.rationale, lines: true))] }
        return lines
    }
}

extension PaneViewID {
    /// The Decision Maker's decision log.
    public static let decisionLog = PaneViewID(rawValue: "decisionLog")
}
