import Foundation
import PodiumCore
import PodiumStore

/// The feedback, newest first, with its ratings and sentiment, under the counts by source
/// and the latest accepted summary.
struct FeedbackView: PaneView {
    var name: String { "feedback" }
    var id: PaneViewID { .feedback }
    /// A job takes the feedback in view when the list is filtered.
    var jobInputs: JobInputs { .filteredFeedback }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        // A virtual list: only the ids are put in order here; a row is made from its record
        // when it is drawn, so 100,000 items cost their ids, not a copy of every text.
        let feedback = snapshot.feedback
        let ids = feedback.ids.sorted(by: >)
        let hasSentiment = feedback.values.contains { $0.currentSentiment != nil }
        return PaneContent(
            title: "Customer Representative — feedback",
            summary: summary(in: snapshot),
            // Sentiment appears once an analysis has set it on some items.
            // STATE is the triage: new until the Product Owner marks it seen (N) or dismisses it (x).
            columns: [.init("DATE", width: 10), .init("STATE", width: 5), .init("SOURCE", width: 9), .init("SEGMENT", width: 11),
                      .init("RATING", width: 6, alignRight: true)]
                + (hasSentiment ? [.init("SENT", width: 5, alignRight: true)] : []) + [.init("FEEDBACK")],
            rows: PaneRows(count: ids.count, id: { ids[$0].rawValue }) { position in
                Self.row(feedback[ids[position]]!, sentiment: hasSentiment)
            },
            emptyMessage: "No feedback yet: podium import feedback FILE", hints: "N seen · x dismiss · T tag · Space mark · L link · / filter",
            counts: "\(ids.count) feedback items")
    }

    /// One item's row: its cells as the terminal may show them, and its values to sort by.
    static func row(_ item: FeedbackItem, sentiment hasSentiment: Bool) -> PaneContent.Row {
        .init(id: item.id.rawValue,
              cells: [Format.day(item.createdAt), state(item), Format.clean(item.source.rawValue), Format.clean(item.segment ?? ""),
                      item.rating?.display ?? ""]
                  + (hasSentiment ? [item.currentSentiment.map { String(format: "%+.1f", $0) } ?? ""] : []) + [Format.clean(item.text)],
              tone: item.triage == .dismissed ? .muted : item.rating.map(PaneContent.Tone.init(rating:)) ?? .normal,
              sortKeys: [item.createdAt.timeIntervalSince1970, nil, nil, nil, item.rating?.normalized]
                  + (hasSentiment ? [item.currentSentiment] : []) + [nil])
    }

    /// The triage as the narrow STATE column shows it: new, seen, or noise (dismissed); the
    /// filter takes the same words (`state:noise`).
    static func state(_ item: FeedbackItem) -> String {
        item.triage == .dismissed ? "noise" : item.triageName
    }

    /// The counts (items, average stars, sources, personas) and the latest accepted summary,
    /// in one pass over the items.
    private func summary(in snapshot: WorkspaceSnapshot) -> [PaneContent.Line] {
        let total = snapshot.feedback.count
        var new = 0, dismissed = 0, starCount = 0, starSum = 0.0
        var sources: [FeedbackSource: Int] = [:]
        for item in snapshot.feedback.values {
            if item.triage == nil { new += 1 } else if item.triage == .dismissed { dismissed += 1 }
            if let rating = item.rating, rating.scale == .stars5 {
                starCount += 1
                starSum += rating.value
            }
            sources[item.source, default: 0] += 1
        }
        var summary = "\(total) items"
        if new > 0 && new < total { summary += " · \(new) new" }
        if dismissed > 0 { summary += " · \(dismissed) dismissed" }
        if starCount > 0 { summary += String(format: " · average %.1f★ (%d reviews)", starSum / Double(starCount), starCount) }
        let sorted = sources.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        summary += " · " + sorted.prefix(5).map { "\(Format.clean($0.key.rawValue)) \($0.value)" }.joined(separator: ", ")
        if !snapshot.personas.isEmpty { summary += " · \(snapshot.personas.count) personas" }
        var lines = [PaneContent.Line(summary, .muted)]
        if let accepted = snapshot.drafts.values.filter({ $0.kind == .summarizeFeedback && $0.status == .accepted })
            .max(by: { ($0.reviewedAt ?? $0.createdAt) < ($1.reviewedAt ?? $1.createdAt) }) {
            let points = accepted.content.split(separator: "\n").filter { $0.hasPrefix("- ") }.prefix(2).map { Format.clean(String($0.dropFirst(2))) }
            lines.append(.init("Accepted summary (\(Format.day(accepted.reviewedAt ?? accepted.createdAt))): \(Format.clean(accepted.title))"
                + (points.isEmpty ? "" : " — " + points.joined(separator: " ")), .success))
        }
        return lines
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let item = snapshot.feedback[RecordID(id)] else { return [] }
        var lines: [PaneContent.Line] = [
            .init("\(Format.day(item.createdAt)) · \(Format.clean(item.source.rawValue)) · \(Format.clean(item.author ?? "anonymous"))", .muted),
        ]
        lines.append(.init(item.triage == .dismissed ? "Dismissed as noise: kept, left out of AI jobs (x brings it back)" : "Triage: \(item.triageName)",
                           item.triage == .dismissed ? .warning : .muted))
        if let segment = item.segment { lines.append(.init("Segment: \(Format.clean(segment))", .muted)) }
        if let rating = item.rating { lines.append(.init("Rating: \(rating.display)", PaneContent.Tone(rating: rating))) }
        if let sentiment = item.currentSentiment { lines.append(.init("Sentiment: \(String(format: "%+.2f", sentiment))")) }
        if let version = item.version { lines.append(.init("Version: \(Format.clean(version))", .muted)) }
        if let votes = item.votes { lines.append(.init("Votes: \(votes)", .muted)) }
        lines += [.init(""), .init(Format.clean(item.text, lines: true))]
        if let origin = item.origin { lines.append(.init("From: \(Format.clean(origin))", .muted)) }
        if let external = item.externalID {
            // Kept as "tool:id": shown as the tool names it ("Zendesk ticket 54577").
            let parts = external.split(separator: ":", maxSplits: 1).map(String.init)
            lines.append(.init(parts.count == 2 ? "\(parts[0].prefix(1).uppercased() + parts[0].dropFirst()) id: \(Format.clean(parts[1]))" : "Id in its tool: \(Format.clean(external))", .muted))
        }
        if !item.currentTags.isEmpty { lines += [.init(""), .init("Tags: " + Format.clean(item.currentTags.joined(separator: ", ")), .muted)] }
        if let linked = evidence[item.id.rawValue], !linked.isEmpty {
            lines.append(.init("Evidence for: " + Format.clean(linked.joined(separator: "; ")), .accent))
        }
        lines.append(.init("id \(item.id)", .muted))
        return lines
    }
}

extension PaneViewID {
    /// The Customer pane's feedback list.
    public static let feedback = PaneViewID(rawValue: "feedback")
}
