import Foundation
import PodiumCore
import PodiumStore

/// The fields a feedback import fills.
public enum FeedbackField: String, ImportField {
    case text, title, source, author, segment, rating, date, tags, origin, version, votes
    /// The record's id in the tool it came from: a re-import updates the item with the same id.
    case externalID

    public var aliases: [String] {
        switch self {
        case .text: ["text", "feedback", "comment", "comments", "review", "review text", "body", "message",
                     "content", "verbatim", "answer", "response", "description", "feedback text", "details"]
        case .title: ["title", "subject", "review title", "headline"]
        case .source: ["source", "channel", "origin type", "type"]
        case .author: ["author", "name", "user", "username", "user name", "customer", "reviewer", "submitter", "email"]
        case .segment: ["segment", "plan", "tier", "customer segment", "cohort", "account type"]
        case .rating: ["rating", "stars", "star rating", "score", "nps", "nps score"]
        case .date: ["date", "created", "created at", "createdat", "timestamp", "submitted at", "submitted",
                     "review date", "time", "datetime"]
        case .tags: ["tags", "labels", "categories", "topics"]
        case .origin: ["url", "link", "permalink", "origin"]
        case .version: ["version", "app version", "app version name"]
        case .votes: ["votes", "vote count", "upvotes", "supporters"]
        case .externalID: ["external id"]
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
    /// The source for rows without a source column (else the format's, else "other").
    public var source: FeedbackSource?
    public var ratingScale: RatingScale?
    public var dryRun = false
    /// The file's encoding, when it must not be guessed ("utf-8", "utf-16le", "windows-1252"…).
    public var encoding: String?
    /// How dates are written: "day-first", "month-first", or a pattern like "dd/MM/yyyy HH:mm".
    public var dateFormat: String?
    /// Import every free-text question of a survey, one item per answer.
    public var allTextColumns = false
    /// Added to the import's audit entry, e.g. `["automation": "inbox"]` for the inbox folder.
    public var auditDetails: [String: String] = [:]

    public init(
        mappings: [String] = [], source: FeedbackSource? = nil, ratingScale: RatingScale? = nil, dryRun: Bool = false,
        encoding: String? = nil, dateFormat: String? = nil, allTextColumns: Bool = false
    ) {
        self.mappings = mappings
        self.source = source
        self.ratingScale = ratingScale
        self.dryRun = dryRun
        self.encoding = encoding
        self.dateFormat = dateFormat
        self.allTextColumns = allTextColumns
    }
}

/// Imports feedback from CSV, JSON or JSON Lines: recognises known export layouts, skips
/// rows without text and feedback already in the workspace (same text, author and date),
/// and updates the item with the same id when the export gives one (a Zendesk ticket id).
public enum FeedbackImporter {
    public static func importFile(
        at url: URL, into store: WorkspaceStore, options: FeedbackImportOptions = FeedbackImportOptions(), now: Date = Date()
    ) throws -> ImportReport {
        let (bytes, name) = try readImportFile(url)
        let table = try TabularReader.read(bytes, fileName: name, encoding: options.encoding)
        let format = FeedbackFormat.detect(table.columns)
        var mapping = try ColumnMapping<FeedbackField>(
            columns: table.columns, preset: format?.preset(for: table.columns) ?? [:], ignoring: format?.ignores ?? [],
            overrides: options.mappings)
        var notes: [String] = []
        if let format { notes.append("recognised from its columns: \(format.name)") }

        // Survey tools keep each question in its own column: find the free-text ones.
        var questionColumns: [String] = []
        let userChoseText = options.mappings.contains { $0.lowercased().hasSuffix("=text") }
        if !userChoseText && (format?.hasQuestions == true || mapping[.text] == nil) {
            let candidates = FreeTextColumns.find(in: table, excluding: Set(mapping.columns.values), format: format)
            if format?.hasQuestions == true || !candidates.isEmpty {
                if candidates.count > 1 && !options.allTextColumns {
                    throw ImportError.severalTextColumns(file: name, columns: candidates)
                }
                questionColumns = candidates
                if let first = candidates.first { mapping[.text] = first }
                if candidates.count > 1 {
                    notes.append("one item per answer to each of \(candidates.count) free-text questions, tagged with its question")
                } else if let first = candidates.first, format?.hasQuestions == true || mapping[.text] == first {
                    notes.append("the answers to \"\(first)\" are the feedback text")
                }
            }
        }
        guard mapping[.text] != nil else {
            throw ImportError.noTextColumn(file: name, columns: table.columns)
        }
        if let ratingColumn = mapping[.rating], questionColumns.contains(ratingColumn) { mapping[.rating] = nil }

        let ratingColumn = mapping[.rating]
        let ratingValues = table.rows.compactMap { row in ratingColumn.flatMap { row[$0] }.flatMap(ValueParsers.number) }
        let scale = options.ratingScale ?? format?.ratingScale ?? ValueParsers.ratingScale(columnName: ratingColumn ?? "", values: ratingValues)
        let dateValues = table.rows.compactMap { row in mapping[.date].flatMap { row[$0] } }
        let dates = try DateReader(format: options.dateFormat, columnValues: dateValues)
        // "Updated at (Europe/Berlin)": the column's name says the zone of its times.
        if let column = mapping[.date], let open = column.lastIndex(of: "("), column.hasSuffix(")"),
           let zone = TimeZone(identifier: String(column[column.index(after: open)..<column.index(before: column.endIndex)])) {
            dates.timeZone = zone
            notes.append("times in \"\(column)\" are in \(zone.identifier)")
        }
        let origin = url.lastPathComponent
        let source = options.source ?? format?.source ?? .other
        // One draw of system randomness seeds the ids of the whole import (a system call
        // per id was a tenth of a large import's time); the ids stay unpredictable.
        var ids = SeededGenerator(seed: UInt64.random(in: 0...UInt64.max))

        var job = TabularImport<FeedbackItem, FeedbackField, DuplicateKey>(
            recordName: "feedback item", requiredField: .text, duplicateKey: \.importKey,
            convert: { row, mapping in
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
                        if Timestamp.isStorable(date) {
                            createdAt = Timestamp.wholeSeconds(date)  // as it reads back once written
                        } else {
                            warnings.append("date \"\(written)\" is outside the \(Timestamp.storableDescription) Podium stores; the import time is used")
                        }
                    } else {
                        warnings.append("date \"\(written)\" is not a date Podium reads (--date-format says how); the import time is used")
                    }
                }
                var votes: Int?
                if let written = mapping.value(.votes, in: row) {
                    votes = ValueParsers.integer(written)
                    if votes == nil { warnings.append("votes \"\(written)\" is not a whole number Podium can hold; left out") }
                }
                func item(text: String, extraTags: [String]) -> FeedbackItem {
                    FeedbackItem(
                        id: RecordID(at: createdAt, using: &ids), text: text,
                        source: mapping.value(.source, in: row).map { FeedbackSource(rawValue: $0) } ?? source,
                        author: mapping.value(.author, in: row), segment: mapping.value(.segment, in: row), rating: rating,
                        createdAt: createdAt,
                        tags: (mapping.value(.tags, in: row).map { format?.spaceSeparatedTags == true ? $0.split(separator: " ").map(String.init) : ValueParsers.list($0) } ?? []) + extraTags,
                        origin: mapping.value(.origin, in: row) ?? origin, importedAt: now,
                        version: mapping.value(.version, in: row), votes: votes,
                        // Answers to several questions share their row's id: they keep none.
                        externalID: questionColumns.count > 1 ? nil : mapping.value(.externalID, in: row).map { format?.externalID($0) ?? $0 })
                }
                let title = mapping.value(.title, in: row)
                if questionColumns.count > 1 {
                    var answers = questionColumns.compactMap { column -> FeedbackItem? in
                        guard let answer = row[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !answer.isEmpty else { return nil }
                        return item(text: answer, extraTags: ["question: " + shorten(column)])
                    }
                    // One respondent's score counts once: on the first answer only.
                    for index in answers.indices.dropFirst() { answers[index].rating = nil }
                    return answers.isEmpty ? .skip("no answer to any free-text question" + (rating == nil ? "" : " (rating only)"))
                        : .records(answers, warnings: warnings)
                }
                let body = mapping.value(.text, in: row)
                guard let text = compose(title: title, body: body) else {
                    return .skip(rating == nil ? "no feedback text" : "no feedback text (rating only)")
                }
                return .record(item(text: text, extraTags: []), warnings: warnings)
            })
        job.notes = notes
        let given = Set(mapping.columns.keys)
        job.identity = .init(id: \.externalID, update: { FeedbackUpdate.apply($1, to: $0, given: given) })
        job.keyed = .init(format: FeedbackItem.importKeyFormat, digest: \.stableDigest)
        job.detectedFormat = format?.name
        job.describe = describe
        if let ratingColumn {
            let origin = options.ratingScale != nil ? "--rating-scale" : format?.ratingScale != nil ? "the format" : "read from the column"
            job.notes.append("ratings in \"\(ratingColumn)\" are on the \(scale.rawValue) scale (\(origin))")
        }
        if mapping[.date] == nil { job.notes.append("no date column: items are dated at this import") }
        if let note = dates.note { job.notes.append(note) }
        if mapping[.title] != nil && questionColumns.count <= 1 {
            job.notes.append("the text is \"\(mapping[.title]!)\" — \"\(mapping[.text]!)\"")
        }
        return try job.run(table: table, mapping: mapping, fileName: name, store: store, dryRun: options.dryRun,
                           auditDetails: options.auditDetails.merging(["stance": Stance.customerRepresentative.rawValue]) { given, _ in given })
    }

    /// A title and a body made one text: "Title — body"; either alone; nil when both are empty.
    static func compose(title: String?, body: String?) -> String? {
        switch (title, body) {
        case let (title?, body?):
            if body.lowercased().hasPrefix(title.lowercased()) { return body }
            let joiner = title.last.map { ".!?:".contains($0) } == true ? " " : " — "
            return title + joiner + body
        case let (title?, nil): return title
        case let (nil, body?): return body
        case (nil, nil): return nil
        }
    }

    static func shorten(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    /// One line per item for previews: date, source, rating, version, votes, text.
    static func describe(_ item: FeedbackItem) -> String {
        var parts = [Format.day(item.createdAt), item.source.rawValue]
        if let author = item.author { parts.append(author) }
        if let segment = item.segment { parts.append(segment) }
        if let rating = item.rating { parts.append("\(rating.display) (\(rating.scale.rawValue))") }
        if let version = item.version { parts.append("v\(version)") }
        if let votes = item.votes { parts.append("\(votes) vote\(votes == 1 ? "" : "s")") }
        let text = item.text.count > 100 ? String(item.text.prefix(99)) + "…" : item.text
        return parts.joined(separator: " · ") + " — " + text.replacingOccurrences(of: "\n", with: " ")
    }

}

/// Finds the columns of a table that hold free text (answers to open questions), as
/// opposed to ids, dates, numbers and multiple-choice answers.
enum FreeTextColumns {
    static func find(in table: TabularData, excluding used: Set<String>, format: FeedbackFormat?) -> [String] {
        table.columns.filter { column in
            guard !used.contains(column), !column.isEmpty, format?.isMetadata(column) != true else { return false }
            let values = table.rows.compactMap { $0[column]?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { return false }
            let numeric = values.filter { ValueParsers.number($0) != nil }.count
            guard Double(numeric) < 0.5 * Double(values.count) else { return false }
            let distinct = Set(values.map { $0.lowercased() }).count
            // Multiple choice: few distinct answers, repeated.
            if values.count >= 8 && distinct <= max(3, values.count / 4) { return false }
            let words = values.map { $0.split(whereSeparator: \.isWhitespace).count }
            let meanWords = Double(words.reduce(0, +)) / Double(values.count)
            return meanWords >= 3
        }
    }
}
