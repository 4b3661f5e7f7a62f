import Foundation
import MCP
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore

/// The `search_feedback` tool: feedback filtered by words, theme, sentiment, days and
/// source, newest first, each with what the Customer pane shows of it.
struct FeedbackSearch {
    var words: [String] = []
    var theme: String?
    var sentiment: String?
    var since: Date?
    var until: Date?
    var source: String?
    var limit = 20

    init(_ arguments: ToolArguments) throws {
        words = (try arguments.string("text") ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        theme = try arguments.string("theme").map { Self.loose($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if let mood = try arguments.string("sentiment") {
            guard ["negative", "neutral", "positive"].contains(mood) else {
                throw MCPError.invalidParams("search_feedback: \"sentiment\" must be negative, neutral or positive")
            }
            sentiment = mood
        }
        func day(_ name: String) throws -> Date? {
            guard let text = try arguments.string(name) else { return nil }
            guard let day = Format.localDay(parsing: text) else {
                throw MCPError.invalidParams("search_feedback: \"\(name)\" must be a day as YYYY-MM-DD")
            }
            return day
        }
        since = try day("since")
        until = try day("until").map { $0.addingTimeInterval(86_400) }
        source = try arguments.string("source").map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        limit = try arguments.int("limit", default: 20, range: 1...200)
    }

    /// "Bank Feeds" and "bank-feeds" are the same theme.
    static func loose(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "-", with: " ").trimmingCharacters(in: .whitespaces)
    }

    private static let analyzer = SentimentAnalyzer()

    /// The item's sentiment: the accepted one, else Podium's estimate.
    static func score(_ item: FeedbackItem) -> Double { item.currentSentiment ?? analyzer.estimate(item) }

    static func label(_ score: Double) -> String { score <= -0.05 ? "negative" : score >= 0.05 ? "positive" : "neutral" }

    /// Whether the workspace has accepted theme tags (else items' own tags are their themes, as in the signals).
    private var tagged = true

    func matches(_ item: FeedbackItem) -> Bool {
        if item.triage == .dismissed { return false }
        if let since, item.createdAt < since { return false }
        if let until, item.createdAt >= until { return false }
        if let source, !item.source.rawValue.lowercased().contains(source) { return false }
        if !words.isEmpty {
            let text = item.text.lowercased()
            guard words.allSatisfy(text.contains) else { return false }
        }
        if let theme, !WorkspaceSignals.themes(of: item, usesThemeTags: tagged).contains(where: { Self.loose($0) == theme }) { return false }
        if let sentiment, Self.label(Self.score(item)) != sentiment { return false }
        return true
    }

    func answer(in snapshot: WorkspaceSnapshot) throws -> AgentDesk.Answer {
        var search = self
        search.tagged = WorkspaceSignals.usesThemeTags(snapshot)
        return try search.answered(in: snapshot)
    }

    private func answered(in snapshot: WorkspaceSnapshot) throws -> AgentDesk.Answer {
        var backs: [RecordID<FeedbackItem>: [String]] = [:]
        for item in snapshot.backlog.values {
            for feedback in item.linkedFeedback { backs[feedback, default: []].append(item.id.rawValue) }
        }
        let matching = snapshot.feedback.values.filter(matches).sorted { $0.createdAt > $1.createdAt }
        let items = matching.prefix(limit).map { item -> [String: Any] in
            let score = Self.score(item)
            var json: [String: Any] = [
                "id": item.id.rawValue, "date": Format.localDay(item.createdAt), "source": item.source.rawValue.sanitizedForTerminal(),
                "sentiment": ["score": score, "label": Self.label(score), "accepted": item.currentSentiment != nil] as [String: Any],
                "themes": WorkspaceSignals.themes(of: item, usesThemeTags: tagged).map { $0.sanitizedForTerminal() },
                "text": item.text.sanitizedForTerminal(keepingLineBreaks: true),
                "backs": backs[item.id] ?? [],
            ]
            if let segment = item.segment { json["segment"] = segment.sanitizedForTerminal() }
            if let rating = item.rating { json["rating"] = rating.display }
            return json
        }
        return AgentDesk.Answer(json: ["matched": matching.count, "shown": items.count, "feedback": Array(items)],
                                summary: "searched feedback (\(describe)): \(matching.count) matched")
    }

    /// The filters as the audit log says them.
    private var describe: String {
        let parts: [String?] = [words.isEmpty ? nil : "text “\(words.joined(separator: " "))”", theme.map { "theme \($0)" }, sentiment,
                                since.map { "since \(Format.localDay($0))" }, until.map { "until \(Format.localDay($0.addingTimeInterval(-86_400)))" },
                                source.map { "source \($0)" }]
        let said = parts.compactMap { $0 }
        return said.isEmpty ? "everything" : said.joined(separator: ", ")
    }
}
