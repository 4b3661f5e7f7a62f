import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Writes `bytes` to a file named `name` next to the workspace and imports it as feedback.
private func importFeedback(
    _ bytes: [UInt8], name: String = "feedback.csv", options: FeedbackImportOptions = FeedbackImportOptions(),
    into store: WorkspaceStore, folder: TemporaryDirectory
) throws -> ImportReport {
    let url = folder.path(name)
    try Data(bytes).write(to: url)
    return try FeedbackImporter.importFile(at: url, into: store, options: options, now: fixedDate)
}

private func importFeedback(
    _ text: String, name: String = "feedback.csv", options: FeedbackImportOptions = FeedbackImportOptions(),
    into store: WorkspaceStore, folder: TemporaryDirectory
) throws -> ImportReport {
    try importFeedback(Array(text.utf8), name: name, options: options, into: store, folder: folder)
}

@Suite("Importing feedback")
struct FeedbackImportTests {
    @Test("CSV with quotes, embedded delimiters, quotes and line breaks, CRLF and a BOM")
    func rfc4180() throws {
        let (folder, store) = try makeWorkspace()
        let csv = "\u{FEFF}Text,Author,Rating,Date\r\n"
            + "\"Slow, very slow\",ana,2,2026-10-02\r\n"
            + "\"She said \"\"wow\"\"\",bo,5,2026-10-03T09:30:00Z\r\n"
            + "\"Two\r\nlines\",cy,4,1790000000\r\n\r\n"
        let report = try importFeedback(csv, into: store, folder: folder)
        #expect(report.imported == 3)
        #expect(report.skipped.isEmpty && report.warnings.isEmpty)
        let items = store.snapshot.feedback.values.sorted { $0.author! < $1.author! }
        #expect(items.map(\.text) == ["Slow, very slow", "She said \"wow\"", "Two\nlines"])
        #expect(items.map { $0.rating?.value } == [2, 5, 4])
        #expect(items.allSatisfy { $0.rating?.scale == .stars5 })
        #expect(items[2].createdAt == fixedDate)
        #expect(items[0].origin == "feedback.csv")
    }

    @Test("semicolons and tabs are sniffed from the header; rows name their line")
    func delimiters() throws {
        let (folder, store) = try makeWorkspace()
        let report = try importFeedback("comment;customer;plan\n\"a; b\";x;pro\n;y;free\n", into: store, folder: folder)
        #expect(report.imported == 1)
        #expect(report.skipped == [ImportReport.RowNote(line: 3, message: "no feedback text")])
        #expect(store.snapshot.feedback.values.first?.text == "a; b")
        #expect(store.snapshot.feedback.values.first?.segment == "pro")
        let tabs = try importFeedback("feedback\tuser\nTabbed in\tz\n", name: "t.tsv", into: store, folder: folder)
        #expect(tabs.imported == 1)
        #expect(tabs.format.contains("tab"))
    }

    @Test("re-importing the same file adds nothing and reports the duplicates")
    func duplicates() throws {
        let (folder, store) = try makeWorkspace()
        let csv = "text,author,date\nSame,ana,2026-10-02\nSame,ana,2026-10-02\nOther,ana,2026-10-02\nUndated,bo,\n"
        let first = try importFeedback(csv, into: store, folder: folder)
        #expect(first.imported == 3)
        #expect(first.duplicates.map(\.line) == [3])
        let second = try importFeedback(csv, into: store, folder: folder)
        #expect(second.imported == 0)
        #expect(second.duplicates.map(\.line) == [2, 3, 4, 5])
        #expect(store.snapshot.feedback.count == 3)
    }

    @Test("a dry run reports what would happen and writes nothing")
    func dryRun() throws {
        let (folder, store) = try makeWorkspace()
        let report = try importFeedback("text\nHello\n", options: FeedbackImportOptions(dryRun: true), into: store, folder: folder)
        #expect(report.imported == 1)
        #expect(report.summary.hasPrefix("Would import 1 feedback item"))
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.isEmpty)
    }

    @Test("JSON arrays with nested fields, and JSON Lines")
    func json() throws {
        let (folder, store) = try makeWorkspace()
        let array = #"[{"body": "Nested works", "requester": {"name": "Ana"}, "stars": 4, "labels": ["ux", "speed"]}, {"body": null}]"#
        let report = try importFeedback(
            array, name: "tickets.json", options: FeedbackImportOptions(mappings: ["requester.name=author"]), into: store, folder: folder)
        #expect(report.imported == 1)
        #expect(report.skipped.map(\.line) == [2])
        let item = try #require(store.snapshot.feedback.values.first)
        #expect(item.author == "Ana")
        #expect(item.tags == ["ux", "speed"])
        #expect(item.rating == Rating(4, scale: .stars5))
        let lines = "{\"text\": \"one\", \"nps\": 9}\n\n{\"text\": \"two\", \"nps\": 0}\n"
        let jsonl = try importFeedback(lines, name: "answers.jsonl", into: store, folder: folder)
        #expect(jsonl.imported == 2)
        #expect(store.snapshot.feedback.values.filter { $0.rating?.scale == .nps }.count == 2)
    }

    @Test("UTF-16 with a BOM and Windows-1252 files read without mojibake")
    func encodings() throws {
        let (folder, store) = try makeWorkspace()
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "text,author\nCafé très lent,Zoë\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let first = try importFeedback(utf16, into: store, folder: folder)
        #expect(first.format.contains("UTF-16 LE"))
        let cp1252: [UInt8] = Array("text;author\n".utf8) + [0x50, 0x72, 0x69, 0x78, 0x20, 0x80, 0x20, 0x74, 0x72, 0x6F, 0x70, 0x20, 0xE9, 0x6C, 0x65, 0x76, 0xE9, 0x3B, 0x52, 0xE9, 0x6D, 0x69, 0x0A]
        let second = try importFeedback(cp1252, name: "excel.csv", into: store, folder: folder)
        #expect(second.format.contains("Windows-1252"))
        #expect(Set(store.snapshot.feedback.values.map(\.text)) == ["Café très lent", "Prix € trop élevé"])
        #expect(Set(store.snapshot.feedback.values.compactMap(\.author)) == ["Zoë", "Rémi"])
    }

    @Test("unreadable values become warnings; the feedback is still imported")
    func warnings() throws {
        let (folder, store) = try makeWorkspace()
        let report = try importFeedback("text,rating,date\nGood,five,someday\n", into: store, folder: folder)
        #expect(report.imported == 1)
        #expect(report.warnings.count == 2)
        #expect(report.warnings.allSatisfy { $0.line == 2 })
        #expect(store.snapshot.feedback.values.first?.rating == nil)
    }

    @Test("day-first dates are recognised from the whole column")
    func dayFirstDates() throws {
        let (folder, store) = try makeWorkspace()
        _ = try importFeedback("text,date\na,03/11/2026\nb,25/11/2026\n", into: store, folder: folder)
        let dates = store.snapshot.feedback.values.sorted { $0.text < $1.text }.map { $0.createdAt.formatted(.iso8601.year().month().day()) }
        #expect(dates == ["2026-11-03", "2026-11-25"])
    }

    /// Broken files: each imports nothing and names the line that is wrong.
    static let malformed: [(String, String, String, Int?)] = [
        ("unclosed quote", "text,author\nfine,a\n\"never closed,b\nmore,c\n", "never closed", 3),
        ("text after a closing quote", "text\n\"quoted\"tail\n", "closing quote", 2),
        ("too many fields", "text,author\na,b,c\n", "3 fields", 2),
        ("empty file", "", "empty", 1),
        ("no text column", "rating,date\n4,2026-01-01\n", "no column holds feedback text", nil),
        ("invalid JSON", "[{\"text\": \"a\"},\n {\"text\": }]", "not valid JSON", 2),
        ("JSON cut off", "[{\"text\": \"a\"},\n{\"text\": \"b\"},\n{\"text\": \"c", "not valid JSON", 3),
        ("JSON that is not an array", "{\"text\": \"a\"}", "array", 1),
        ("JSON array of numbers", "[1, 2]", "not an object", 1),
        ("bad JSON Lines line", "{\"text\": \"a\"}\nnot json\n", "line is not a JSON object", 2),
    ]

    @Test("malformed files import nothing and say where", arguments: malformed.indices)
    func malformedFiles(index: Int) throws {
        let (name, content, message, line) = Self.malformed[index]
        let (folder, store) = try makeWorkspace()
        let fileName = name.contains("Lines") ? "bad.jsonl" : (content.hasPrefix("[") || content.hasPrefix("{") ? "bad.json" : "bad.csv")
        do {
            _ = try importFeedback(content, name: fileName, into: store, folder: folder)
            Issue.record("\(name): expected an error")
        } catch let error as ImportError {
            #expect(error.description.contains(message), "\(name): \(error)")
            #expect(error.description.contains("nothing was imported"), "\(name)")
            if let line { #expect(error.description.contains("\(fileName):\(line):"), "\(name): \(error)") }
        }
        #expect(try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.isEmpty)
        #expect(store.snapshot.audit.isEmpty)
    }

    @Test("--map errors name the columns and fields that exist")
    func mappingErrors() throws {
        let (folder, store) = try makeWorkspace()
        #expect(throws: ImportError.self) {
            _ = try importFeedback("Comment\nx\n", options: FeedbackImportOptions(mappings: ["Comment=txt"]), into: store, folder: folder)
        }
        do {
            _ = try importFeedback("Comment\nx\n", options: FeedbackImportOptions(mappings: ["Remark=text"]), into: store, folder: folder)
        } catch let error as ImportError {
            #expect(error.description.contains("\"Comment\""))
        }
        let report = try importFeedback("Remark,Comment\nkeep me,not me\n", options: FeedbackImportOptions(mappings: ["Remark=text"]),
                                        into: store, folder: folder)
        #expect(report.imported == 1)
        #expect(store.snapshot.feedback.values.first?.text == "keep me")
    }

    @Test("an import is logged in the audit trail")
    func audit() throws {
        let (folder, store) = try makeWorkspace()
        _ = try importFeedback("text\nOne\nTwo\n", into: store, folder: folder)
        let entry = try #require(store.snapshot.audit.values.first)
        #expect(entry.action == .importData)
        #expect(entry.summary == "Imported 2 feedback items from feedback.csv")
    }

    @Test("a missing file is named in the error")
    func missingFile() throws {
        let (folder, store) = try makeWorkspace()
        #expect(throws: ImportError.unreadable(file: folder.path("nope.csv").path, reason: "no such file")) {
            _ = try FeedbackImporter.importFile(at: folder.path("nope.csv"), into: store)
        }
    }
}

@Suite("Importing backlog items")
struct BacklogImportTests {
    @Test("titles, statuses, RICE and WSJF inputs; order follows the existing backlog")
    func backlog() throws {
        let (folder, store) = try makeWorkspace()
        try store.write { try $0.save(BacklogItem(title: "Existing", order: 5, createdAt: fixedDate)) }
        let csv = """
            Summary,Status,Reach,Impact,Confidence,Effort,Business Value,Time Criticality,Risk Reduction,Job Size
            Offline mode,In Progress,1000,2,80%,4,8,5,3,4
            Dark theme,Won't do,,,,,,,,
            existing,Done,,,,,,,,
            Mystery,Pondering,,,,,,,,
            ,Done,,,,,,,,

            """
        let url = folder.path("backlog.csv")
        try Data(csv.utf8).write(to: url)
        let report = try BacklogImporter.importFile(at: url, into: store, now: fixedDate)
        #expect(report.imported == 3)
        #expect(report.duplicates.map(\.line) == [4])
        #expect(report.skipped.map(\.line) == [6])
        #expect(report.warnings.map(\.line) == [5])
        let ordered = store.snapshot.orderedBacklog
        #expect(ordered.map(\.title) == ["Existing", "Offline mode", "Dark theme", "Mystery"])
        #expect(ordered.map(\.order) == [5, 6, 7, 8])
        let offline = ordered[1]
        #expect(offline.status == .inProgress)
        #expect(offline.rice.confidence == 0.8)
        #expect(offline.rice.score == 400)
        #expect(offline.wsjf.score == 4)
        #expect(ordered[2].status == .dropped)
        #expect(ordered[3].status == .proposed)
    }
}

@Suite("Importing: what the report tells")
struct ImportReportTests {
    @Test("columns no field took are listed; the rating scale and a missing date column are noted")
    func unusedColumnsAndNotes() throws {
        let (folder, store) = try makeWorkspace()
        let url = folder.path("survey.csv")
        try Data("Comment,How likely are you to recommend us?,autor\nGreat,9,ana\n".utf8).write(to: url)
        let report = try FeedbackImporter.importFile(at: url, into: store, now: fixedDate)
        #expect(report.unusedColumns == ["autor"])
        #expect(report.mapping.contains("How likely are you to recommend us? → rating"))
        #expect(report.notes.contains { $0.contains("nps-0-10") })
        #expect(report.notes.contains { $0.contains("no date column") })
        #expect(store.snapshot.feedback.values.first?.rating == Rating(9, scale: .nps))
    }

    @Test("records wrapped in an object ({\"data\": [...]}) are found without flags")
    func wrappedJSON() throws {
        let (folder, store) = try makeWorkspace()
        let url = folder.path("export.json")
        try Data(#"{"meta": {"count": 1}, "data": [{"text": "wrapped"}]}"#.utf8).write(to: url)
        let report = try FeedbackImporter.importFile(at: url, into: store, now: fixedDate)
        #expect(report.imported == 1)
        #expect(report.format.contains("inside \"data\""))
        try Data(#"{"a": [{"text": "x"}], "b": [{"text": "y"}]}"#.utf8).write(to: url)
        #expect(throws: ImportError.self) { _ = try FeedbackImporter.importFile(at: url, into: store) }
    }

    @Test("a folder given as the file is named as such")
    func folderAsFile() throws {
        let (folder, store) = try makeWorkspace()
        #expect(throws: ImportError.unreadable(file: folder.url.path, reason: "is a folder, not a file")) {
            _ = try FeedbackImporter.importFile(at: folder.url, into: store)
        }
    }
}
