/// A group of documents about the same thing, with a label a person can read.
public struct Theme: Sendable, Hashable {
    /// A short phrase as the members wrote it, e.g. "bank feed" or "receipts".
    public var label: String
    /// The words and phrases that characterise the theme, best first.
    public var keyTerms: [String]
    /// The member documents' ids, closest to the theme's centre first.
    public var memberIDs: [String]
    /// Mean cosine similarity of the members to the theme's centre, 0...1: how tightly
    /// the members agree.
    public var cohesion: Double
    /// The finer groups inside a large theme, largest first (empty for a sub-theme, and for a
    /// theme too small to divide); a member may belong to none of them.
    public var subthemes: [Theme] = []
    /// For each member id, the word in its text that placed it in the theme, as written.
    public var placedBy: [String: String] = [:]

    public init(label: String, keyTerms: [String], memberIDs: [String], cohesion: Double) {
        self.label = label
        self.keyTerms = keyTerms
        self.memberIDs = memberIDs
        self.cohesion = cohesion
    }
}

/// The themes found in a set of documents and the documents that fit none of them.
public struct ThemeClustering: Sendable, Hashable {
    /// The themes, largest first.
    public var themes: [Theme]
    /// Documents too unlike every theme, or in a theme too small to keep (sorted by id).
    public var unassignedIDs: [String]

    public init(themes: [Theme], unassignedIDs: [String]) {
        self.themes = themes
        self.unassignedIDs = unassignedIDs
    }
}
