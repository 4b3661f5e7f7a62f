import Foundation
import PodiumCore
import PodiumStore

/// The Product Backlog in its order (K/J move an item), with RICE, WSJF and the count of
/// feedback items that are its evidence.
struct BacklogView: PaneView {
    var name: String { "backlog" }
    var id: PaneViewID { .backlog }
    /// A job takes the selected item.
    var jobInputs: JobInputs { .selectedBacklogItem }
    var reordersBacklog: Bool { true }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let backlog = snapshot.orderedBacklog.filter { $0.status != .dropped }
        let decisions = snapshot.decisions.values.sorted { $0.decidedAt > $1.decidedAt }
        var summary: [PaneContent.Line] = []
        if let latest = decisions.first {
            summary.append(.init("Latest decision (\(Format.day(latest.decidedAt))): \(Format.clean(latest.title)) — \(Format.clean(latest.choice))", .muted))
        }
        summary.append(.init("\(decisions.count) decisions in the log · \(backlog.filter { $0.status != .done }.count) open items", .muted))
        let due = decisions.filter { ($0.reviewAt ?? .distantFuture) <= Date() }
        if !due.isEmpty {
            summary.append(.init("\(Format.count(due.count, "decision")) due for review: " + due.prefix(2).map { "“\(Format.clean($0.title))”" }.joined(separator: ", ")
                + " · v shows the log, e there edits one", .warning))
        }
        // Items imported from a tracker show its key; a backlog made in Podium has no column for it.
        let keyWidth = backlog.compactMap { $0.key.map { Format.clean($0).count } }.max().map { min(max($0, 3), 10) }
        var columns: [PaneContent.Column] = [.init("#", width: 3, alignRight: true)]
        if let keyWidth { columns.append(.init("KEY", width: keyWidth, minimum: 3)) }
        columns += [.init("STATUS", width: 11), .init("RICE", width: 6, alignRight: true), .init("WSJF", width: 5, alignRight: true),
                    .init("EVID", width: 4, alignRight: true), .init("TITLE")]
        return PaneContent(
            title: "Decision Maker — Product Backlog",
            summary: summary,
            columns: columns,
            rows: backlog.map { item in
                let key: [String] = keyWidth == nil ? [] : [item.key.map { Format.clean($0) } ?? ""]
                let keySort: [Double?] = keyWidth == nil ? [] : [nil]
                return .init(id: item.id.rawValue,
                             cells: [String(item.order)] + key + [item.status.rawValue, Format.score(item.rice.score),
                                                                  Format.score(item.wsjf.score), String(item.linkedFeedback.count),
                                                                  Format.clean(item.title)],
                             tone: item.status == .done ? .muted : item.status == .inProgress ? .accent : .normal,
                             sortKeys: [Double(item.order)] + keySort + [nil, item.rice.score, item.wsjf.score,
                                                                         Double(item.linkedFeedback.count), nil])
            },
            emptyMessage: "The backlog is empty: n adds an item, podium import backlog FILE imports a tracker's export", hints: "n new · e edit · x delete · K/J move · v log",
            counts: "\(backlog.count) backlog items")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let item = snapshot.backlog[RecordID(id)] else { return [] }
        return Self.describe(item) + Self.evidence(of: item, evidence.newest(of: item, in: snapshot))
    }

    /// The item itself: key and title, status, description, RICE and WSJF with their inputs.
    static func describe(_ item: BacklogItem) -> [PaneContent.Line] {
        var lines: [PaneContent.Line] = [
            .init((item.key.map { Format.clean($0) + " " } ?? "") + Format.clean(item.title), .accent),
            .init("Status: \(item.status.rawValue) · order \(item.order)", .muted),
        ]
        if let key = item.key {
            let estimate = item.estimate.map { " · estimate \(Format.number($0))" } ?? ""
            lines.append(.init("Tracker key: \(Format.clean(key))\(estimate)", .muted))
        }
        if !item.description.isEmpty { lines += [.init(""), .init(Format.clean(item.description, lines: true))] }
        lines += [.init(""), .init("RICE \(Format.score(item.rice.score)) = reach \(Format.optional(item.rice.reach)) × impact "
            + "\(Format.optional(item.rice.impact)) × confidence \(Format.optional(item.rice.confidence)) ÷ effort \(Format.optional(item.rice.effort))"),
                  .init("WSJF \(Format.score(item.wsjf.score)) = (value \(Format.optional(item.wsjf.businessValue)) + time "
            + "\(Format.optional(item.wsjf.timeCriticality)) + risk \(Format.optional(item.wsjf.riskReduction))) ÷ size \(Format.optional(item.wsjf.jobSize))")]
        return lines
    }

    /// The feedback linked to the item, demand apart from praise: counts, then the first
    /// lines of the newest of each (found once per change, see ``EvidenceIndex``).
    static func evidence(of item: BacklogItem, _ links: EvidenceIndex.Newest) -> [PaneContent.Line] {
        func quotes(_ newest: [FeedbackItem], of found: Int) -> [PaneContent.Line] {
            var lines = newest.map { feedback in
                PaneContent.Line("• \(Format.day(feedback.createdAt)) " + Format.clean(feedback.text) + (feedback.rating.map { " (\($0.display))" } ?? ""))
            }
            if found > newest.count { lines.append(.init("  … and \(found - newest.count) more", .muted)) }
            return lines
        }
        var lines: [PaneContent.Line] = [.init(""), .init("Demand: \(Format.count(item.linkedFeedback.count, "feedback item")) (the evidence counted)", .muted)]
        lines += quotes(links.demand, of: links.demandCount)
        if !item.validatingFeedback.isEmpty {
            lines += [.init(""), .init("Praise: \(Format.count(item.validatingFeedback.count, "feedback item")) (kept apart, never counted as demand)", .muted)]
            lines += quotes(links.praise, of: links.praiseCount)
        }
        if !item.allLinkedFeedback.isEmpty { lines += [.init(""), .init("Enter opens the item: j/k over its feedback, Enter reads one", .muted)] }
        return lines
    }
}

extension PaneViewID {
    /// The Decision Maker's Product Backlog.
    public static let backlog = PaneViewID(rawValue: "backlog")
}
