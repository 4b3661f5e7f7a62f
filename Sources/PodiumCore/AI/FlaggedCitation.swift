/// A sentence of a model's draft whose citation the reviewer should check: the record it
/// cites was not given to the model, or does not say what the sentence says.
public struct FlaggedCitation: Codable, Sendable, Hashable {
    /// Why a citation is flagged.
    public enum Reason: String, Codable, Sendable, Hashable, CustomStringConvertible {
        /// The id is not one of the records the prompt carried (made up, or from elsewhere).
        case notSent = "not-sent"
        /// The record was sent, but shares too few words with the sentence to support it.
        case unsupported

        public var description: String {
            switch self {
            case .notSent: "cites a record it was not given"
            case .unsupported: "the cited record does not say this"
            }
        }
    }

    /// The sentence (or bullet line) as the model wrote it, made safe for a terminal.
    public var sentence: String
    /// The id as cited, lower case: the record id's last 8 characters (`1a2b3c4d`).
    public var id: String
    public var reason: Reason

    public init(sentence: String, id: String, reason: Reason) {
        self.sentence = sentence
        self.id = id
        self.reason = reason
    }

    /// One line for people: `[#1a2b3c4d] cites a record it was not given: “…”`.
    public var summary: String { "[#\(id)] \(reason): “\(sentence)”" }
}

/// The ids a text cites in square brackets, in every form a model may write them.
public enum CitedIDs {
    /// Every id cited, lower case and without dashes: `[#1a2b3c4d]`, but also `[#1A2B3C4D]`,
    /// `[#1a2b3c4d, #5e6f7a8b]` or a whole UUID, so none slips past a check.
    public static func all(in text: String) -> [String] {
        text.matches(of: /\[([^\[\]\n]{1,400})\]/).flatMap { group in
            group.1.matches(of: /#([0-9A-Fa-f][0-9A-Fa-f-]{7,})/).map { String($0.1).lowercased().filter { $0 != "-" } }
        }
    }

    /// The short forms (last 8 characters) of the ids a text cites, each once, in order.
    public static func short(in text: String) -> [String] {
        var seen = Set<String>()
        return all(in: text).map { String($0.suffix(8)) }.filter { seen.insert($0).inserted }
    }
}
