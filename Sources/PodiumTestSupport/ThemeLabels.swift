import Foundation
import PodiumCore

/// The hand-made theme and sentiment labels of a labelled set (`themes.json`, where a set
/// has one): every feedback item's top-level theme and sub-theme (nil: unthemed), what the
/// writer feels and what the text does.
public struct ThemeLabels: Sendable {
    public struct Theme: Sendable, Decodable, Hashable {
        public struct Sub: Sendable, Decodable, Hashable {
            public var id: String
            public var label: String
        }
        public var id: String
        public var label: String
        public var sub: [Sub]
    }

    public struct Item: Sendable, Decodable, Hashable {
        /// The feedback's id in the export.
        public var feedback: String
        public var theme: String?
        public var sub: String?
        /// "negative", "neutral" or "positive".
        public var sentiment: String
        /// "complaint", "request", "praise", "question" or "other".
        public var intent: String
    }

    private struct File: Decodable {
        var themes: [Theme]
        var items: [Item]
    }

    public let themes: [Theme]
    public let items: [Item]

    /// The labels of `set`, or nil when it has no `themes.json`.
    public init?(_ set: EvidenceSet) throws {
        let url = set.folder.appendingPathComponent("themes.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        themes = file.themes
        items = file.items
    }

    /// The sets that have theme labels, by name.
    public static var setNames: [String] {
        EvidenceSet.names.filter { FileManager.default.fileExists(atPath: EvidenceSet.root.appendingPathComponent("\($0)/themes.json").path) }
    }
}

/// How well sentiment labels match the truth: three-class accuracy over every item, and
/// polar accuracy over the items that are positive or negative (neutral predicted there is
/// a miss).
public struct SentimentAgreement: Sendable, CustomStringConvertible {
    public var items = 0, right = 0, polarItems = 0, polarRight = 0

    public init() {}

    /// Counts one item: `truth` and `predicted` are "negative", "neutral" or "positive".
    public mutating func add(truth: String, predicted: String) {
        items += 1
        if truth == predicted { right += 1 }
        guard truth != "neutral" else { return }
        polarItems += 1
        if truth == predicted { polarRight += 1 }
    }

    public var accuracy: Double { items == 0 ? 0 : Double(right) / Double(items) }
    public var polarAccuracy: Double { polarItems == 0 ? 0 : Double(polarRight) / Double(polarItems) }
    public var description: String { String(format: "three-class %.3f (%d items), polar %.3f (%d items)", accuracy, items, polarAccuracy, polarItems) }
}

/// The feedback texts of a labelled set as Podium imports them, by the export's id.
public enum FeedbackTexts {
    public static func byExportID(_ set: EvidenceSet) throws -> [String: String] {
        let folder = try TemporaryDirectory("podium-texts")
        let imported = try set.makeWorkspace(at: folder.path(set.name))
        let snapshot = imported.store.snapshot
        return imported.feedback.compactMapValues { snapshot.feedback[$0]?.text }
    }
}

/// How found themes match the labelled ones.
///
/// - purity: of the items put in a found theme, the share whose labelled top-level theme is
///   the one most of that found theme's items have (an item labelled unthemed counts as
///   its own class, so forcing noise into a theme costs purity);
/// - coverage: of the items labelled with a theme, the share put in some found theme.
public struct ThemeScore: Sendable, CustomStringConvertible {
    public var themes = 0, assigned = 0, pure = 0, labelled = 0, labelledAssigned = 0

    /// Scores `found` (each a list of export ids) against `labels`.
    public init(found: [[String]], labels: ThemeLabels) {
        let truth = Dictionary(uniqueKeysWithValues: labels.items.map { ($0.feedback, $0.theme ?? "(unthemed)") })
        themes = found.count
        for members in found {
            let classes = members.compactMap { truth[$0] }
            assigned += classes.count
            pure += Dictionary(grouping: classes, by: { $0 }).values.map(\.count).max() ?? 0
        }
        let placed = Set(found.flatMap { $0 })
        let themed = labels.items.filter { $0.theme != nil }
        labelled = themed.count
        labelledAssigned = themed.filter { placed.contains($0.feedback) }.count
    }

    public var purity: Double { assigned == 0 ? 0 : Double(pure) / Double(assigned) }
    public var coverage: Double { labelled == 0 ? 0 : Double(labelledAssigned) / Double(labelled) }
    public var description: String { String(format: "%d themes, purity %.3f, coverage %.3f", themes, purity, coverage) }
}
