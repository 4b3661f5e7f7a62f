import Foundation
import PodiumCore

/// The fields a feedback import fills.
public enum FeedbackField: String, ImportField {
    case text, source, author, segment, rating, date, tags, origin

    public var aliases: [String] {
        switch self {
        case .text: ["text", "feedback", "comment", "comments", "review", "review text", "body", "message",
                     "content", "verbatim", "answer", "response", "description", "feedback text"]
        case .source: ["source", "channel", "origin type", "type"]
        case .author: ["author", "name", "user", "username", "user name", "customer", "reviewer", "submitter", "email"]
        case .segment: ["segment", "plan", "tier", "customer segment", "cohort", "account type"]
        case .rating: ["rating", "stars", "star rating", "score", "nps", "nps score"]
        case .date: ["date", "created", "created at", "createdat", "timestamp", "submitted at", "submitted",
                     "review date", "time", "datetime"]
        case .tags: ["tags", "labels", "categories", "topics"]
        case .origin: ["url", "link", "permalink", "origin"]
        }
    }

    public var keywords: [String] {
        self == .rating ? ["recommend", "nps"] : []
    }
}

/// Choices for a feedback import beyond what the file says.
public struct FeedbackImportOptions: Sendable {
    /// "COLUMN=field" overrides of the column mapping.
    public var mappings: [String] = []
    /// The source for rows without a source column (else "other").
    public var source: FeedbackSource?
    public var ratingScale: RatingScale?
    public var dryRun = false

    public init(mappings: [String] = [], source: FeedbackSource? = nil, ratingScale: RatingScale? = nil, dryRun: Bool = false) {
        self.mappings = mappings
        self.source = source
        self.ratingScale = ratingScale
        self.dryRun = dryRun
    }
}

/// Imports feedback from CSV, JSON or JSON Lines, skipping rows without text and
/// feedback already in the workspace (same text, author and date).
public enum FeedbackImporter {
    public static func importFile(
        at url: URL, into store: WorkspaceStore, options: FeedbackImportOptions = FeedbackImportOptions(), now: Date = Date()
    ) throws -> ImportReport {
        let (bytes, name) = try readImportFile(url)
        let table = try TabularReader.read(bytes, fileName: name)
        let mapping = try ColumnMapping<FeedbackField>(columns: table.columns, overrides: options.mappings)
        let ratingColumn = mapping[.rating]
        let ratingValues = table.rows.compactMap { row in ratingColumn.flatMap { row.values[$0] }.flatMap(ValueParsers.number) }
        let scale = options.ratingScale ?? ValueParsers.ratingScale(columnName: ratingColumn ?? "", values: ratingValues)
        let dateValues = table.rows.compactMap { row in mapping[.date].flatMap { row.values[$0] } }
        let dates = DateReader(dayFirst: ValueParsers.columnIsDayFirst(dateValues))
        let origin = url.lastPathComponent

        var job = TabularImport<FeedbackItem, FeedbackField>(
            recordName: "feedback item", requiredField: .text, duplicateKey: { AnyHashable(importKey($0)) },
            convert: { row, mapping in
                guard let text = mapping.value(.text, in: row) else { return .skip("no feedback text") }
                var warnings: [String] = []
                var rating: Rating?
                if let written = mapping.value(.rating, in: row) {
                    if let value = ValueParsers.number(written), value >= scale.minimum, value <= scale.maximum {
                        rating = Rating(value, scale: scale)
                    } else {
                        warnings.append("rating \"\(written)\" is not a number on the \(scale.rawValue) scale; left out")
                    }
                }
                var createdAt = now
                if let written = mapping.value(.date, in: row) {
                    if let date = dates.date(written) {
                        createdAt = date
                    } else {
                        warnings.append("date \"\(written)\" is not a date Podium reads; the import time is used")
                    }
                }
                let item = FeedbackItem(
                    id: .make(at: createdAt), text: text,
                    source: mapping.value(.source, in: row).map { FeedbackSource(rawValue: $0) } ?? options.source ?? .other,
                    author: mapping.value(.author, in: row), segment: mapping.value(.segment, in: row), rating: rating,
                    createdAt: createdAt, tags: mapping.value(.tags, in: row).map(ValueParsers.list) ?? [],
                    origin: mapping.value(.origin, in: row) ?? origin, importedAt: now)
                return .record(item, warnings: warnings)
            })
        if let ratingColumn {
            let origin = options.ratingScale == nil ? "read from the column" : "--rating-scale"
            job.notes.append("ratings in \"\(ratingColumn)\" are on the \(scale.rawValue) scale (\(origin))")
        }
        if mapping[.date] == nil { job.notes.append("no date column: items are dated at this import") }
        if dates.dayFirst { job.notes.append("dates like 03/11/2026 are read day first (a value in the column has a day over 12)") }
        return try job.run(table: table, mapping: mapping, fileName: name, store: store, dryRun: options.dryRun)
    }

    /// Text, author and date; undated items (dated at their import) match on text and author.
    static func importKey(_ item: FeedbackItem) -> DuplicateKey {
        let undated = item.importedAt == item.createdAt
        return DuplicateKey(text: item.text, author: item.author, createdAt: undated ? .distantPast : item.createdAt)
    }
}
