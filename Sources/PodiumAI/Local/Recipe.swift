import Foundation
import PodiumCore
import PodiumInsight
import PodiumStore

/// One run of the offline engine: the job, the workspace, and analyses computed once and
/// shared by the sections of the draft (sentiment per item, themes).
struct Recipe {
    let request: JobRequest
    let context: JobContext
    let analyzer = SentimentAnalyzer()
    private var sentimentCache: [RecordID<FeedbackItem>: Double] = [:]

    init(request: JobRequest, context: JobContext) {
        self.request = request
        self.context = context
    }

    var snapshot: WorkspaceSnapshot { request.snapshot }
    var now: Date { request.now }

    // MARK: Feedback analysis

    /// An item's sentiment from -1 to 1: the one stored on it, else its text's score
    /// blended with its rating (on the rating's own scale) when it has one.
    mutating func sentiment(of item: FeedbackItem) -> Double {
        if let stored = item.currentSentiment { return stored }
        if let cached = sentimentCache[item.id] { return cached }
        let score = Self.estimate(item, analyzer: analyzer)
        sentimentCache[item.id] = score
        return score
    }

    static func estimate(_ item: FeedbackItem, analyzer: SentimentAnalyzer) -> Double { analyzer.estimate(item) }

    /// Items whose sentiment is below -0.15 count as negative, above 0.15 as positive.
    static func isNegative(_ score: Double) -> Bool { score < -0.15 }
    static func isPositive(_ score: Double) -> Bool { score > 0.15 }

    /// Themes of `items`, with progress reported.
    func themes(of items: [FeedbackItem]) throws -> ThemeClustering {
        context.progress("Clustering \(items.count) feedback items into themes")
        try context.checkCancellation()
        var clusterer = ThemeClusterer()
        // The product's own name is no theme ("Fieldnote" → "fieldnote"; a name of several
        // words is left alone, its words may name topics).
        clusterer.ignoredTerms = Set(Tokenizer.terms(snapshot.product.name.replacingOccurrences(of: " ", with: "")))
        return clusterer.cluster(items.map { TextDocument(id: $0.id.rawValue, text: $0.text) })
    }

    /// Items with distinct texts (the same complaint pasted twice is quoted once).
    static func distinct(_ items: [FeedbackItem]) -> [FeedbackItem] {
        var seen = Set<String>()
        return items.filter { seen.insert(clean($0.text).lowercased()).inserted }
    }

    /// Counts and sentiment of one theme.
    mutating func stats(of theme: Theme, in items: [RecordID<FeedbackItem>: FeedbackItem]) -> ThemeStats {
        let members = theme.memberIDs.compactMap { items[RecordID($0)] }
        return stats(of: theme, members: members)
    }

    mutating func stats(of theme: Theme, members: [FeedbackItem]) -> ThemeStats {
        let scores = members.map { sentiment(of: $0) }
        let negative = scores.filter(Self.isNegative).count
        return ThemeStats(theme: theme, members: members, negativeShare: members.isEmpty ? 0 : Double(negative) / Double(members.count),
                          meanSentiment: scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count), sentiments: scores)
    }

    // MARK: Citing

    /// How a draft cites a record in its text: `[#1a2b3c4d]` (the id's last 8 characters).
    static func cite<Subject>(_ id: RecordID<Subject>) -> String { "[#\(id.short)]" }

    /// A feedback item quoted on one line: its text (shortened) and citation.
    static func quote(_ item: FeedbackItem, limit: Int = 140) -> String {
        "“\(shorten(clean(item.text), to: limit))” \(cite(item.id))"
    }

    static func clean(_ text: String) -> String {
        text.sanitizedForTerminal().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    /// As the dashboard writes them (`Format`): a share as "42%", a number as "12" or "3.5", a day.
    static func percent(_ share: Double) -> String { Format.percent(share) }
    static func number(_ value: Double) -> String { Format.number(value) }
    static func day(_ date: Date) -> String { Format.day(date) }

    /// A theme label as a tag name: "offline · work" → "offline-work".
    static func slug(_ label: String) -> String {
        let words = label.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.prefix(4).joined(separator: "-")
    }

    /// Feedback given in `range` of dates.
    func feedback(in range: Range<Date>) -> [FeedbackItem] {
        snapshot.feedback.values.filter { range.contains($0.createdAt) }.sorted { $0.id < $1.id }
    }

    /// Evidence for feedback items, with what was used from each.
    static func evidence(_ items: [FeedbackItem], detail: (FeedbackItem) -> String?) -> [Evidence] {
        items.map { Evidence(ArtifactReference(.feedback, $0.id), detail: detail($0)) }
    }
}

/// Counts and sentiment of one theme.
struct ThemeStats {
    var theme: Theme
    var members: [FeedbackItem]
    var negativeShare: Double
    var meanSentiment: Double
    /// The sentiment of each member, in member order.
    var sentiments: [Double] = []

    /// Members whose sentiment is negative (`true`) or not, closest to the centre first.
    func members(negative: Bool) -> [FeedbackItem] {
        zip(members, sentiments).filter { Recipe.isNegative($0.1) == negative }.map(\.0)
    }

    /// Quotable members that speak for the theme's majority: complaints when most are.
    var representative: [FeedbackItem] {
        let side = Recipe.distinct(members(negative: negativeShare >= 0.5))
        return side.isEmpty ? quotable : side
    }

    var count: Int { members.count }

    /// Members with distinct texts, closest to the theme's centre first: for quoting.
    var quotable: [FeedbackItem] { Recipe.distinct(members) }

    /// "offline sync · lost changes — 48 items, 71% negative"
    var line: String {
        "\(theme.label) — \(count) item\(count == 1 ? "" : "s"), \(Recipe.percent(negativeShare)) negative"
    }
}
