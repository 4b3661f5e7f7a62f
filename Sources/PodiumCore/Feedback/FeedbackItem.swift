import Foundation

/// One piece of customer or stakeholder feedback: a review, a survey answer, a ticket…
public struct FeedbackItem: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<FeedbackItem>
    public var text: String
    public var source: FeedbackSource
    public var author: String?
    /// The customer segment or plan, e.g. "enterprise" or "free".
    public var segment: String?
    public var rating: Rating?
    /// When the feedback was given (not when it was imported).
    public var createdAt: Date
    public var tags: [String]
    /// Sentiment from -1 (negative) to 1 (positive), once an analysis has set it.
    public var sentiment: Double?
    /// Where the item came from: a file name, a URL back to the review or ticket.
    public var origin: String?
    public var importedAt: Date?
    /// The app or product version the feedback is about, when the export says (app reviews).
    public var version: String?
    /// How many people back it, for feature requests (votes, supporters).
    public var votes: Int?
    /// The item's id in the tool it was exported from (a Zendesk ticket, an Intercom
    /// conversation, a Canny post, a Play Console review link): a re-export updates the item
    /// with the same id instead of adding it again.
    public var externalID: String?
    /// How the Product Owner triaged it: nil while it is new.
    public var triage: FeedbackTriage?
    /// When a re-import changed its text: sentiment accepted before that was about the old
    /// text and no longer shows.
    public var textChangedAt: Date?
    /// The sentiment accepted AI drafts gave it, from `annotations/` (never written to the
    /// item's own file; set by the store as it reads). See ``currentSentiment``.
    public var annotatedSentiment: Double?
    /// Its theme tags from the latest accepted themes, from `annotations/`; nil when no
    /// accepted draft has given themes. See ``currentTags``.
    public var annotatedThemes: [String]?

    /// What the item's own file holds: the annotations live in their own files.
    enum CodingKeys: String, CodingKey {
        case id, text, source, author, segment, rating, createdAt, tags, sentiment, origin, importedAt, version, votes
        case externalID, triage, textChangedAt
    }

    public init(
        id: RecordID<FeedbackItem> = .make(), text: String, source: FeedbackSource = .other,
        author: String? = nil, segment: String? = nil, rating: Rating? = nil,
        createdAt: Date = Date(), tags: [String] = [], sentiment: Double? = nil,
        origin: String? = nil, importedAt: Date? = nil, version: String? = nil, votes: Int? = nil, externalID: String? = nil,
        triage: FeedbackTriage? = nil
    ) {
        self.id = id
        self.text = text
        self.source = source
        self.author = author
        self.segment = segment
        self.rating = rating
        self.createdAt = createdAt
        self.tags = tags
        self.sentiment = sentiment
        self.origin = origin
        self.importedAt = importedAt
        self.version = version
        self.votes = votes
        self.externalID = externalID
        self.triage = triage
    }

    /// The identity used to spot the same feedback imported twice: text, author and day.
    public var duplicateKey: DuplicateKey {
        DuplicateKey(text: text, author: author, createdAt: createdAt)
    }

    /// What an import compares a row with: text, author and date; an item dated at its
    /// import (its file gave no date) matches on text and author.
    public var importKey: DuplicateKey {
        DuplicateKey(text: text, author: author, createdAt: importedAt == createdAt ? .distantPast : createdAt)
    }

    /// The name of `importKey`'s form, for the key index kept on disk: a change to the key
    /// is a new name, so an index of the old key is never read as the new one.
    public static let importKeyFormat = "import-key-1"
}

/// Text, author and date, normalised so that re-importing the same export is recognised.
public struct DuplicateKey: Hashable, Sendable {
    /// Lower case, runs of white space made one space, no space at the ends. ASCII text (the
    /// common case, and the hot path of a large import) is done byte by byte.
    static func normalized(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 32 || (byte >= 9 && byte <= 13) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(32)
                pendingSpace = false
            }
            result.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    public let text: String
    public let author: String
    public let date: String

    public init(text: String, author: String?, createdAt: Date) {
        self.text = Self.normalized(text)
        self.author = Self.normalized(author ?? "")
        let seconds = createdAt.timeIntervalSince1970.rounded(.down)
        self.date = seconds.isFinite && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// A 64-bit digest of the key (FNV-1a over its three parts), the same in every process
    /// and on every machine, unlike `hashValue`: what an index kept on disk can hold. Two
    /// keys with one digest are rare but possible, so a match is confirmed on the keys.
    public var stableDigest: UInt64 {
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [text, author, date] {
            for byte in part.utf8 {
                digest ^= UInt64(byte)
                digest &*= 0x0000_0100_0000_01b3
            }
            digest ^= 0xff  // a separator no UTF-8 text holds
            digest &*= 0x0000_0100_0000_01b3
        }
        return digest
    }
}

/// Where a piece of feedback came from. An open set: imports may name new sources.
public struct FeedbackSource: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        // Most values are already clean ("review"); only touch the ones that are not.
        let clean = rawValue.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
        self.rawValue = clean ? rawValue : rawValue.trimmingCharacters(in: .whitespaces).lowercased()
    }

    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let survey: Self = "survey"
    public static let review: Self = "review"
    public static let support: Self = "support"
    public static let interview: Self = "interview"
    public static let stakeholder: Self = "stakeholder"
    public static let sales: Self = "sales"
    public static let other: Self = "other"

    /// The sources Podium knows by name; any other text is kept as it is.
    public static let known: [Self] = [.survey, .review, .support, .interview, .stakeholder, .sales, .other]
}

/// A rating with its scale, so that 4 stars and an NPS of 4 are never confused.
public struct Rating: Codable, Sendable, Hashable {
    public var value: Double
    public var scale: RatingScale

    public init(_ value: Double, scale: RatingScale) {
        self.value = value
        self.scale = scale
    }

    /// The rating mapped onto 0…1 within its scale.
    public var normalized: Double {
        let span = scale.maximum - scale.minimum
        return min(1, max(0, (value - scale.minimum) / span))
    }

    /// The rating as people write it: "4/5" or "7/10".
    public var display: String {
        "\(Format.number(value))/\(Int(scale.maximum))"
    }
}

/// The scale a rating was given on.
public enum RatingScale: String, Codable, Sendable, CaseIterable {
    /// App store and review-site stars, 1…5.
    case stars5 = "stars-1-5"
    /// Net Promoter Score answers, 0…10.
    case nps = "nps-0-10"
    /// Satisfaction surveys, 1…10.
    case score10 = "score-1-10"

    public var minimum: Double {
        switch self {
        case .stars5, .score10: 1
        case .nps: 0
        }
    }

    public var maximum: Double {
        switch self {
        case .stars5: 5
        case .nps, .score10: 10
        }
    }
}

/// What the Product Owner made of a feedback item: read it, or put it aside as noise (spam,
/// a duplicate, off-topic). Dismissed feedback is kept, shown apart, and left out of every AI job.
public enum FeedbackTriage: String, Codable, Sendable, CaseIterable {
    case seen
    case dismissed
}

extension FeedbackItem {
    /// "new", "seen" or "dismissed", as lists show it.
    public var triageName: String { triage?.rawValue ?? "new" }
}
