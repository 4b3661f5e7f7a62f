import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore

/// A hand-labelled data set of a product that is not the demo (under
/// `Tests/Fixtures/Evidence/NAME/`): its feedback export, its tracker's backlog export, and
/// the links a careful Product Owner made between them (`labels.json`).
public struct EvidenceSet: Sendable {
    /// One labelled link: a feedback item (by its id in the export) and a backlog item (by key).
    public struct Label: Sendable, Hashable, Decodable {
        public var feedback: String
        public var backlog: String
        public var kind: FeedbackLinkKind
    }

    private struct Labels: Decodable {
        var links: [Label]
        var unlinked: [String]
    }

    public let name: String
    public let folder: URL
    public let labels: [Label]
    public let unlinked: [String]

    /// Where the sets live in the repository.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Tests/Fixtures/Evidence").standardizedFileURL

    /// The names of the sets in the repository, sorted.
    public static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/labels.json").path) }.sorted()
    }

    public init(named name: String) throws {
        self.name = name
        folder = Self.root.appendingPathComponent(name)
        let decoded = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: folder.appendingPathComponent("labels.json")))
        labels = decoded.links
        unlinked = decoded.unlinked
    }

    /// The set imported into a new workspace at `root` as a user would import it, with the
    /// maps from the exports' ids to the records.
    public func makeWorkspace(at root: URL) throws -> ImportedEvidenceSet {
        let store = try WorkspaceStore.create(at: root, product: Product(name: name))
        _ = try FeedbackImporter.importFile(at: folder.appendingPathComponent("feedback.csv"), into: store)
        let backlogFile = ["backlog.csv", "backlog.json"].map { folder.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) } ?? folder.appendingPathComponent("backlog.csv")
        _ = try BacklogImporter.importFile(at: backlogFile, into: store)
        let stakeholders = try self.stakeholders()
        try store.write { transaction in for stakeholder in stakeholders { try transaction.save(stakeholder) } }
        let snapshot = store.snapshot
        return ImportedEvidenceSet(set: self, store: store, feedback: try feedbackIDs(snapshot), backlog: try backlogIDs(snapshot, file: backlogFile))
    }

    /// The set's stakeholders and their notes (`stakeholders.json`).
    public func stakeholders() throws -> [Stakeholder] {
        struct File: Decodable {
            struct Entry: Decodable { var name: String; var role: String; var influence: Int; var interest: Int; var notes: String }
            var stakeholders: [Entry]
        }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: folder.appendingPathComponent("stakeholders.json")))
        return file.stakeholders.map { Stakeholder(name: $0.name, role: $0.role, influence: $0.influence, interest: $0.interest, notes: $0.notes) }
    }

    /// Where a stakeholder stands on a backlog item, as labelled.
    public struct Position: Sendable, Decodable, Hashable {
        public var stakeholder: String
        public var backlog: String
        public var position: String
    }

    /// The labelled positions of the set's stakeholders (`stakeholders.json`).
    public func positions() throws -> [Position] {
        struct File: Decodable { var positions: [Position] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: folder.appendingPathComponent("stakeholders.json"))).positions
    }

    /// A question a Product Owner might ask, and the records that answer it (none: the
    /// workspace cannot answer it).
    public struct Question: Sendable, Decodable {
        public var question: String
        public var answerable: Bool
        /// Feedback export ids, backlog keys or stakeholder names.
        public var expected: [String]
    }

    /// The set's questions (`questions.json`).
    public func questions() throws -> [Question] {
        try JSONDecoder().decode([Question].self, from: Data(contentsOf: folder.appendingPathComponent("questions.json")))
    }

    /// Export id → record: by the id the importer kept, else by the row's text.
    private func feedbackIDs(_ snapshot: WorkspaceSnapshot) throws -> [String: RecordID<FeedbackItem>] {
        let items = snapshot.feedback.all
        var byExternal: [String: RecordID<FeedbackItem>] = [:]
        for item in items {
            guard let external = item.externalID else { continue }
            byExternal[external] = item.id
            // Kept as "tool:id" ("zendesk:35436"); the labels name the export's own id.
            if let colon = external.firstIndex(of: ":") { byExternal[String(external[external.index(after: colon)...])] = item.id }
        }
        let wanted = Set(labels.map(\.feedback) + unlinked)
        if wanted.isSubset(of: Set(byExternal.keys)) { return byExternal }
        let byText = Dictionary(items.map { ($0.text.trimmingCharacters(in: .whitespacesAndNewlines), $0.id) }, uniquingKeysWith: { first, _ in first })
        let table = try TabularReader.read(Array(try Data(contentsOf: folder.appendingPathComponent("feedback.csv"))), fileName: "feedback.csv")
        var result: [String: RecordID<FeedbackItem>] = [:]
        for row in table.rows {
            let values = row.values
            guard let id = values.values.first(where: { wanted.contains($0) }),
                  let text = values.values.compactMap({ byText[$0.trimmingCharacters(in: .whitespacesAndNewlines)] }).first else { continue }
            result[id] = text
        }
        return result
    }

    /// Tracker key → record: by the key the importer kept, else by the row's title.
    private func backlogIDs(_ snapshot: WorkspaceSnapshot, file: URL) throws -> [String: RecordID<BacklogItem>] {
        var byKey: [String: RecordID<BacklogItem>] = [:]
        for item in snapshot.backlog.all { if let key = item.key { byKey[key] = item.id; byKey[key.trimmingCharacters(in: CharacterSet(charactersIn: "#"))] = item.id } }
        let wanted = Set(labels.map(\.backlog))
        if wanted.isSubset(of: Set(byKey.keys)) { return byKey }
        let byTitle = Dictionary(snapshot.backlog.all.map { ($0.title, $0.id) }, uniquingKeysWith: { first, _ in first })
        let table = try TabularReader.read(Array(try Data(contentsOf: file)), fileName: file.lastPathComponent)
        var result: [String: RecordID<BacklogItem>] = [:]
        for row in table.rows {
            let values = row.values
            guard let key = values.values.first(where: { wanted.contains($0) }),
                  let id = values.values.compactMap({ byTitle[$0] }).first else { continue }
            result[key] = id
        }
        return result
    }
}

/// A labelled set in a workspace: the store and where each labelled record went.
public struct ImportedEvidenceSet: @unchecked Sendable {
    public let set: EvidenceSet
    public let store: WorkspaceStore
    /// Export id → feedback record.
    public let feedback: [String: RecordID<FeedbackItem>]
    /// Tracker key → backlog record.
    public let backlog: [String: RecordID<BacklogItem>]

    /// Links the first `perItem` labelled demand items of each backlog item by hand, as a
    /// Product Owner starting out would; returns their export ids (leave them out of scores).
    @discardableResult
    public func linkByHand(perItem: Int) throws -> Set<String> {
        var seeded = Set<String>()
        var counts: [String: Int] = [:]
        try store.write { transaction in
            for label in set.labels where label.kind == .demand && counts[label.backlog, default: 0] < perItem {
                guard let itemID = backlog[label.backlog], let feedbackID = feedback[label.feedback],
                      var item = transaction.record(BacklogItem.self, id: itemID) else { continue }
                item.link(feedbackID, as: .demand)
                try transaction.save(item)
                counts[label.backlog, default: 0] += 1
                seeded.insert(label.feedback)
            }
        }
        return seeded
    }

    /// How `links` compare with the labels, leaving out the feedback in `excluded` (export ids).
    public func score(_ links: [FeedbackLink], excluding excluded: Set<String> = []) -> LinkScore {
        let excludedIDs = Set(excluded.compactMap { feedback[$0] })
        let links = links.filter { !excludedIDs.contains($0.feedbackID) }
        let truth = Dictionary(set.labels.filter { !excluded.contains($0.feedback) }.compactMap { label -> (String, FeedbackLinkKind)? in
            guard let f = feedback[label.feedback], let b = backlog[label.backlog] else { return nil }
            return (f.rawValue + "|" + b.rawValue, label.kind)
        }, uniquingKeysWith: { first, _ in first })
        var score = LinkScore()
        score.labelledDemand = truth.values.filter { $0 == .demand }.count
        score.labelledValidation = truth.values.filter { $0 == .validation }.count
        for link in links {
            let key = link.feedbackID.rawValue + "|" + link.backlogID.rawValue
            switch (link.kind, truth[key]) {
            case (.demand, .demand?): score.demandRight += 1
            case (.demand, _): score.demandWrong += 1
            case (.validation, .validation?): score.validationRight += 1
            case (.validation, _): score.validationWrong += 1
            }
        }
        return score
    }
}

/// Links measured against labels. A demand link is right when the labels link that feedback
/// to that item as demand; a praise link when they link it as validation.
public struct LinkScore: Sendable, CustomStringConvertible {
    public var demandRight = 0, demandWrong = 0, validationRight = 0, validationWrong = 0
    public var labelledDemand = 0, labelledValidation = 0

    public init() {}

    /// Of the demand links proposed, the share that are right.
    public var precision: Double { demandRight + demandWrong == 0 ? 0 : Double(demandRight) / Double(demandRight + demandWrong) }
    /// Of the labelled demand links, the share proposed.
    public var recall: Double { labelledDemand == 0 ? 0 : Double(demandRight) / Double(labelledDemand) }
    public var validationPrecision: Double {
        validationRight + validationWrong == 0 ? 0 : Double(validationRight) / Double(validationRight + validationWrong)
    }
    public var validationRecall: Double { labelledValidation == 0 ? 0 : Double(validationRight) / Double(labelledValidation) }

    public var description: String {
        String(format: "demand precision %.2f (%d of %d), recall %.2f (of %d); praise precision %.2f (%d of %d), recall %.2f (of %d)",
               precision, demandRight, demandRight + demandWrong, recall, labelledDemand,
               validationPrecision, validationRight, validationRight + validationWrong, validationRecall, labelledValidation)
    }
}
