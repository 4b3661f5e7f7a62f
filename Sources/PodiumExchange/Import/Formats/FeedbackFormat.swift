import PodiumCore

/// A known export layout (Play Console reviews, a Zendesk ticket export…), recognised from
/// its column names, and which of its columns feed which field.
public struct FeedbackFormat: Sendable {
    /// The name shown in previews and reports, e.g. "Google Play Console reviews".
    public var name: String
    /// Each entry is a set of alternative column names; every entry must be present.
    /// Names are compared without case, spaces or punctuation.
    var signature: [[String]]
    /// An extra test on the column names, for layouts a fixed set cannot describe.
    var accepts: @Sendable ([String]) -> Bool = { _ in true }
    /// Columns per field, by name, in order of preference.
    var fields: [FeedbackField: [String]]
    /// The source of every item (a source column in the file still wins).
    public var source: FeedbackSource
    /// The scale of the rating column, when the format fixes it.
    public var ratingScale: RatingScale?
    /// Whether the feedback text is in question columns to find (survey tools).
    var hasQuestions = false
    /// Columns that are never the answer to a question (ids, timestamps, network data).
    var metadata: [String] = []
    /// Fields the format's columns must not feed even when a name matches (a help desk's
    /// "Source" is the ticket's channel, not where the feedback came from).
    var ignores: [FeedbackField] = []
    /// Whether the tags column separates tags with spaces (Zendesk).
    var spaceSeparatedTags = false
    /// The tool's name written before each record's id ("zendesk:4711") in
    /// `FeedbackItem.externalID`, so that the ids of two tools never meet; the column is
    /// the format's `externalID` field.
    var idNamespace: String?

    /// The external id of a record whose id column holds `value`.
    func externalID(_ value: String) -> String {
        idNamespace.map { "\($0):\(value)" } ?? value
    }

    /// Whether the file's columns are this layout.
    func matches(_ columns: [String]) -> Bool {
        matches(columns, normalized: Set(columns.map(LayoutColumns.normalize)))
    }

    private func matches(_ columns: [String], normalized: Set<String>) -> Bool {
        LayoutColumns.contains(signature, inNormalized: normalized) && accepts(columns)
    }

    /// The file's column for each field this format names.
    func preset(for columns: [String]) -> [FeedbackField: String] {
        LayoutColumns.preset(fields, for: columns)
    }

    /// Whether `column` is one of the format's metadata columns.
    func isMetadata(_ column: String) -> Bool {
        metadata.contains { FeedbackFormat.normalize($0) == FeedbackFormat.normalize(column) }
    }

    /// The first known layout the columns match, if any.
    public static func detect(_ columns: [String]) -> FeedbackFormat? {
        let normalized = Set(columns.map(LayoutColumns.normalize))
        return known.first { $0.matches(columns, normalized: normalized) }
    }

    static func normalize(_ name: String) -> String { LayoutColumns.normalize(name) }
}
