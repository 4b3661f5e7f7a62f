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
