import Foundation
import PodiumCore

/// A record type that large workspaces hold many of, with a compact binary form for the
/// local open cache. Changing the layout means changing `cacheFormat`.
protocol CacheableRecord: WorkspaceRecord {
    /// Bumped whenever `write(to:)` changes, so an older cache is ignored.
    static var cacheFormat: Int { get }
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

extension FeedbackItem: CacheableRecord {
    static var cacheFormat: Int { 6 }

    func write(to writer: inout BinaryWriter) {
        writer.string(id.rawValue)
        writer.string(text)
        writer.string(source.rawValue)
        writer.optional(author) { $0.string($1) }
        writer.optional(segment) { $0.string($1) }
        writer.optional(rating) { writer, rating in
            writer.double(rating.value)
            writer.string(rating.scale.rawValue)
        }
        writer.date(createdAt)
        writer.strings(tags)
        writer.optional(sentiment) { $0.double($1) }
        writer.optional(origin) { $0.string($1) }
        writer.optional(importedAt) { $0.date($1) }
        writer.optional(version) { $0.string($1) }
        writer.optional(votes) { $0.integer(Int64($1)) }
        writer.optional(externalID) { $0.string($1) }
        writer.optional(triage) { $0.string($1.rawValue) }
        writer.optional(textChangedAt) { $0.date($1) }
    }

    init(from reader: inout BinaryReader) throws {
        let id = RecordID<FeedbackItem>(IDPool.shared(try reader.string()))
        let text = try reader.string()
        let source = FeedbackSource(rawValue: try reader.string())
        let author = try reader.optional { try $0.string() }
        let segment = try reader.optional { try $0.string() }
        let rating = try reader.optional { reader -> Rating in
            let value = try reader.double()
            guard let scale = RatingScale(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
            return Rating(value, scale: scale)
        }
        var item = FeedbackItem(
            id: id, text: text, source: source, author: author, segment: segment, rating: rating,
            createdAt: try reader.date(), tags: try reader.strings(), sentiment: try reader.optional { try $0.double() },
            origin: try reader.optional { try $0.string() }, importedAt: try reader.optional { try $0.date() },
            version: try reader.optional { try $0.string() }, votes: try reader.optional { Int(try $0.integer(Int64.self)) },
            externalID: try reader.optional { try $0.string() },
            triage: try reader.optional { reader -> FeedbackTriage in
                guard let triage = FeedbackTriage(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
                return triage
            })
        item.textChangedAt = try reader.optional { try $0.date() }
        self = item
    }
}
