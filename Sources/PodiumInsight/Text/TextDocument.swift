/// A piece of text with the id of the record it came from.
///
/// Every analysis in PodiumInsight takes documents, so that what it finds (a theme's
/// members, a summary sentence) can point back at the feedback it came from.
public struct TextDocument: Sendable, Hashable {
    /// The id of the record the text came from, e.g. a feedback item's id.
    public var id: String
    /// The text itself, as the customer wrote it.
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

// MARK: - Canonical order

extension TextDocument {
    /// Documents sorted by id, then text: an order that does not depend on how the caller
    /// happened to order them, so that results are the same for any input order.
    static func canonicalOrder(_ documents: [TextDocument]) -> [TextDocument] {
        documents.sorted { lhs, rhs in lhs.id != rhs.id ? lhs.id < rhs.id : lhs.text < rhs.text }
    }
}
