import Foundation
import PodiumCore
import PodiumInsight
import PodiumStore

/// The signals of a workspace: its feedback on a timeline by theme, with the releases
/// (backlog items done, release notes sent) marked on it.
public enum WorkspaceSignals {
    /// The report up to `now`, in periods of `cadence` (the product's sprints when asked and
    /// set, else weeks) reaching back to `since` (else twelve periods).
    ///
    /// A feedback item's themes are its accepted theme tags (`theme:NAME`, sub-themes counted
    /// in their theme); in a workspace with none, its own tags. Its sentiment is the stored
    /// one, else the offline engine's estimate. Dismissed feedback is left out.
    public static func report(_ snapshot: WorkspaceSnapshot, cadence: SignalCadence = .week, since: Date? = nil,
                              now: Date = Date()) -> SignalReport {
        let grid = PeriodGrid(cadence: cadence, now: now, since: since)
        let analyzer = SentimentAnalyzer()
        let usesThemeTags = usesThemeTags(snapshot)
        var items: [SignalItem] = []
        for item in snapshot.feedback.values where item.triage != .dismissed && item.createdAt <= now {
            guard grid.index(of: item.createdAt) != nil else {
                // Older items are counted (the report says when the newest one came), not analysed.
                items.append(SignalItem(id: item.id.rawValue, date: item.createdAt, themes: [], sentiment: 0))
                continue
            }
            let themes = themes(of: item, usesThemeTags: usesThemeTags)
            let sentiment = item.currentSentiment ?? analyzer.estimate(item)
            let nps = item.rating.flatMap { $0.scale == .nps ? $0.value : nil }
            items.append(SignalItem(id: item.id.rawValue, date: item.createdAt, themes: themes, sentiment: sentiment, npsScore: nps))
        }
        return SignalAnalysis().report(items: items, grid: grid, cadence: cadence, markers: markers(in: snapshot))
    }

    /// The cadence asked for: sprints need the product's sprint cadence.
    public static func cadence(named name: String, in snapshot: WorkspaceSnapshot) -> SignalCadence? {
        switch name {
        case "week": .week
        case "sprint": snapshot.product.sprint.map(SignalCadence.sprint)
        default: nil
        }
    }

    /// Whether any feedback item has an accepted theme tag (else items' own tags are their themes).
    public static func usesThemeTags(_ snapshot: WorkspaceSnapshot) -> Bool {
        snapshot.feedback.values.contains { $0.currentTags.contains { $0.hasPrefix(FeedbackAnnotations.themeTagPrefix) } }
    }

    /// An item's theme names: "theme:offline-sync/photos" is in "offline sync".
    public static func themes(of item: FeedbackItem, usesThemeTags: Bool) -> [String] {
        let prefix = FeedbackAnnotations.themeTagPrefix
        let tags = item.currentTags
        guard usesThemeTags else { return tags.filter { !$0.contains(":") }.map(label) }
        var names: [String] = []
        for tag in tags where tag.hasPrefix(prefix) {
            let name = label(String(tag.dropFirst(prefix.count).prefix { $0 != "/" }))
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The newest feedback item of each of `themes` dated from `since` on.
    public static func newestItems(in snapshot: WorkspaceSnapshot, since: Date, themes: Set<String>) -> [String: FeedbackItem] {
        let usesThemeTags = usesThemeTags(snapshot)
        var newest: [String: FeedbackItem] = [:]
        for item in snapshot.feedback.values where item.triage != .dismissed && item.createdAt >= since {
            for theme in Self.themes(of: item, usesThemeTags: usesThemeTags) where themes.contains(theme) {
                if let known = newest[theme], (known.createdAt, known.id) >= (item.createdAt, item.id) { continue }
                newest[theme] = item
            }
        }
        return newest
    }

    /// Up to `perTheme` of each theme's newest items dated from `since` on, for quotes.
    public static func quotedItems(in snapshot: WorkspaceSnapshot, themes: [String], since: Date, perTheme: Int) -> [String: [FeedbackItem]] {
        let wanted = Set(themes)
        let usesThemeTags = usesThemeTags(snapshot)
        var items: [String: [FeedbackItem]] = [:]
        for item in snapshot.feedback.values where item.triage != .dismissed && item.createdAt >= since {
            for theme in Self.themes(of: item, usesThemeTags: usesThemeTags) where wanted.contains(theme) { items[theme, default: []].append(item) }
        }
        return items.mapValues { Array($0.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.prefix(perTheme)) }
    }

    /// "offline-sync" as people read it: "offline sync".
    static func label(_ slug: String) -> String {
        slug.replacingOccurrences(of: "-", with: " ").sanitizedForTerminal()
    }

    /// Releases: backlog items done (on the day they were done) and release notes sent.
    public static func markers(in snapshot: WorkspaceSnapshot) -> [ReleaseMarker] {
        var markers: [ReleaseMarker] = []
        for item in snapshot.backlog.values where item.status == .done {
            guard let done = item.doneAt else { continue }
            let name = item.key.map { "\($0) " } ?? ""
            markers.append(ReleaseMarker(date: done, label: "\(name)“\(Format.clean(item.title))” done"))
        }
        for communication in snapshot.communications.values where communication.kind == .releaseNotes {
            guard let sent = communication.sentAt else { continue }
            markers.append(ReleaseMarker(date: sent, label: "“\(Format.clean(communication.title))” sent"))
        }
        return markers.sorted { $0.date != $1.date ? $0.date < $1.date : $0.label < $1.label }
    }
}
