import PodiumCore

/// A tracker's export layout (Jira, Linear, Azure DevOps, GitHub Issues), recognised from
/// its column names: which of its columns feed which field, how its key is written, and
/// what its statuses mean in Podium.
public struct BacklogFormat: Sendable {
    /// The name shown in previews and reports, e.g. "Jira issues".
    public var name: String
    /// Each entry is a set of alternative column names; every entry must be present.
    /// Names are compared without case, spaces or punctuation.
    var signature: [[String]]
    /// Columns per field, by name, in order of preference.
    var fields: [BacklogField: [String]]
    /// Written before the key column's value: GitHub's issue 17 is "#17".
    var keyPrefix = ""
    /// The tracker's status names by the Podium status they mean (compared without case,
    /// spaces or punctuation). A status not listed stops the import unless `--status` maps it.
    var statuses: [BacklogStatus: [String]]

    /// Whether the file's columns are this layout.
    func matches(_ columns: [String]) -> Bool {
        LayoutColumns.contains(signature, in: columns)
    }

    /// The file's column for each field this format names.
    func preset(for columns: [String]) -> [BacklogField: String] {
        LayoutColumns.preset(fields, for: columns)
    }

    /// The item's key from the key column's value: "17" → "#17" for GitHub.
    func key(_ value: String) -> String {
        value.hasPrefix(keyPrefix) ? value : keyPrefix + value
    }

    /// The Podium status a tracker status means; nil when the table does not list it.
    func status(_ written: String) -> BacklogStatus? {
        let word = LayoutColumns.normalize(written)
        return statuses.first { $0.value.contains { LayoutColumns.normalize($0) == word } }?.key
    }

    /// The layout and the columns that identify it, for messages: "Jira issues (Issue key, Summary)".
    var identification: String {
        "\(name) (\(signature.map { $0[0] }.joined(separator: ", ")))"
    }

    /// The first known layout the columns match, if any.
    public static func detect(_ columns: [String]) -> BacklogFormat? {
        let normalized = Set(columns.map(LayoutColumns.normalize))
        return known.first { LayoutColumns.contains($0.signature, inNormalized: normalized) }
    }
}
