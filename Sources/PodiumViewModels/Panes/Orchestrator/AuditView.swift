import Foundation
import PodiumCore
import PodiumStore

/// The audit log, newest first: every accept, reject, edit, undo, import and rule run,
/// by a person or by automation.
struct AuditView: PaneView {
    var name: String { "audit log" }
    var id: PaneViewID { .audit }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let entries = snapshot.audit.all.reversed()
        let now = Date()
        let automated = entries.filter(\.isAutomated).count
        let rows = entries.map { entry -> PaneContent.Row in
            let stance = entry.details["stance"].flatMap(Stance.init(rawValue:))?.title ?? ""
            return .init(id: entry.id.rawValue,
                         cells: [Format.shortTime(entry.at, now: now), entry.who, stance, Format.clean(entry.details["kind"] ?? entry.action.rawValue), Format.clean(entry.summary)],
                         tone: entry.isAutomated ? .accent : .normal,
                         sortKeys: [entry.at.timeIntervalSince1970, nil, nil, nil, nil])
        }
        return PaneContent(
            title: "Orchestrator — audit log",
            summary: [.init("Every accept, reject, edit, undo, import and rule run, newest first · \(automated) by automation", .muted),
                      .init("Filter with /: who:auto (automation), who:rule, who:user, stance:customer, kind:tag-sentiment, or any words", .muted)],
            columns: [.init("WHEN", width: 11, minimum: 11), .init("WHO", width: 19, minimum: 10), .init("STANCE", width: 14, minimum: 8),
                      .init("KIND", width: 18, minimum: 12), .init("WHAT")],
            rows: Array(rows),
            emptyMessage: "Nothing recorded yet.",
            hints: "/ filter (who:rule stance:… kind:…) · v next view",
            counts: "\(rows.count) audit entries")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let entry = snapshot.audit[RecordID(id)] else { return [] }
        return auditDetail(entry)
    }

    private func auditDetail(_ entry: AuditEntry) -> [PaneContent.Line] {
        var lines: [PaneContent.Line] = [.init(Format.clean(entry.summary, lines: true), .accent),
                                         .init("\(Format.time(entry.at)) · \(entry.who) · \(entry.action.rawValue)", .muted)]
        if let subject = entry.subject { lines.append(.init("About \(subject.kind.rawValue) \(String(subject.id.suffix(8)))", .muted)) }
        if !entry.details.isEmpty {
            lines.append(.init(""))
            lines += entry.details.sorted { $0.key < $1.key }.map { .init("\(Format.clean($0.key)): \(Format.clean($0.value))") }
        }
        return lines
    }
}

extension PaneViewID {
    /// The Orchestrator's audit log.
    public static let audit = PaneViewID(rawValue: "audit")
}
