/// The kinds of record a workspace holds; drafts and audit entries point at them.
public enum ArtifactKind: String, Codable, Sendable, CaseIterable, Hashable {
    case product
    case feedback
    case backlog
    case stakeholder
    case persona
    case experiment
    case decision
    case communication
    case draft
    case job
    /// An accepted draft's sentiment and themes for many feedback items (`annotations/`).
    case annotations
}

/// A pointer to one record: its kind and id (the product has the id "product").
public struct ArtifactReference: Codable, Sendable, Hashable, CustomStringConvertible {
    public var kind: ArtifactKind
    public var id: String

    public init(kind: ArtifactKind, id: String) {
        self.kind = kind
        self.id = id
    }

    public init<Subject>(_ kind: ArtifactKind, _ id: RecordID<Subject>) {
        self.init(kind: kind, id: id.rawValue)
    }

    public var description: String { "\(kind.rawValue)/\(id)" }

    private enum CodingKeys: String, CodingKey { case kind, id }

    /// Reads a reference, sharing the id's text with every other read of it (see ``IDPool``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(ArtifactKind.self, forKey: .kind)
        id = IDPool.shared(try container.decode(String.self, forKey: .id))
    }
}
