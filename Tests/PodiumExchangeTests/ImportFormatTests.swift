import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Exports as the tools write them (header layouts from their real files), each imported
/// with no flags: recognised, mapped, and stored without a garbled character.
@Suite("Importing the exports people have")
struct ImportFormatTests {
    /// Imports `bytes` as a file named `name` into a fresh workspace.
    private func load(_ bytes: [UInt8], name: String, options: FeedbackImportOptions = FeedbackImportOptions())
        throws -> (ImportReport, [FeedbackItem]) {
        let (folder, store) = try makeWorkspace()
        let url = folder.path(name)
        try Data(bytes).write(to: url)
        let report = try FeedbackImporter.importFile(at: url, into: store, options: options, now: fixedDate)
        let items = try WorkspaceStore.open(at: store.layout.root).snapshot.feedback.values.sorted { ($0.createdAt, $0.text) < ($1.createdAt, $1.text) }
        return (report, items)
    }

    private func load(_ text: String, name: String, options: FeedbackImportOptions = FeedbackImportOptions()) throws -> (ImportReport, [FeedbackItem]) {
        try load(Array(text.utf8), name: name, options: options)
    }

    private func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    private func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }

    @Test("Google Play Console reviews: UTF-16, title and text, stars, version, link; rating-only rows skipped")
    func googlePlay() throws {
        let csv = """
            Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,Review Submit Millis Since Epoch,Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,Review Title,Review Text,Developer Reply Date and Time,Developer Reply Millis Since Epoch,Developer Reply Text,Review Link
            com.fieldnote.app,412,4.1.2,fr,a06,2026-10-02T14:22:05Z,1791036125000,,,2,,"Sync a perdu mes notes, très frustrant",,,,https://play.google.com/store/apps/details?id=com.fieldnote.app&reviewId=gp1
            com.fieldnote.app,412,4.1.2,de,a52,2026-10-03T09:00:00Z,1791104400000,,,5,Großartig,Läuft super im Keller,,,,https://play.google.com/x?reviewId=gp2
            com.fieldnote.app,,,en,,2026-10-04T09:00:00Z,1791190800000,,,4,,,,,,

            """
        let (report, items) = try load(utf16LE(csv.replacingOccurrences(of: "\n", with: "\r\n")), name: "reviews_com.fieldnote.app_202610.csv")
        #expect(report.detectedFormat == "Google Play Console reviews")
        #expect(report.format.contains("UTF-16 LE"))
        #expect(items.map(\.text) == ["Sync a perdu mes notes, très frustrant", "Großartig — Läuft super im Keller"])
        #expect(items.map { $0.rating } == [Rating(2, scale: .stars5), Rating(5, scale: .stars5)])
        #expect(items.allSatisfy { $0.source == .review && $0.version == "4.1.2" })
        #expect(items[0].origin?.hasSuffix("reviewId=gp1") == true)
        #expect(report.skipped.map(\.message) == ["no feedback text (rating only)"])
    }

    @Test("a review tool's export: semicolons, a BOM, title and review, country as segment")
    func appReviewTool() throws {
        let csv = "\u{FEFF}Date;Author;Rating;Title;Review;Version;Country;Store\n"
            + "2026-10-02;Kim;1;Crashes;\"Crashes when I attach a photo; every time\";4.1.2;US;App Store\n"
            + "2026-10-03;Ana;5;Love it!;Invoices before the van leaves.;4.1.2;PT;App Store\n"
        let (report, items) = try load(csv, name: "appfollow.csv")
        #expect(report.detectedFormat == "App Store / review tool export")
        #expect(report.format.contains("semicolon-separated"))
        // A title that only repeats the start of the review is not written twice.
        #expect(items.map(\.text) == ["Crashes when I attach a photo; every time", "Love it! Invoices before the van leaves."])
        #expect(items.map(\.author) == ["Kim", "Ana"] && items.map(\.segment) == ["US", "PT"])
    }

    @Test("Delighted: NPS 0–10 kept apart from stars, dates with an offset, the plan as segment")
    func delighted() throws {
        let csv = """
            Response ID,Email,Name,Score,Comment,Permalink,Created At,Updated At,Delighted Source,Plan
            9001,dana@example.com,Dana,3,Offline sync keeps failing,https://delighted.com/r/9001,2026-10-02 14:22:05 -0700,,Email,Team
            9002,lee@example.com,Lee,10,,https://delighted.com/r/9002,2026-10-03 08:00:00 -0700,,Email,Solo
            9003,raj@example.com,Raj,9,Quick invoices,https://delighted.com/r/9003,2026-10-04 08:00:00 -0700,,Web,Solo

            """
        let (report, items) = try load(csv, name: "delighted-responses.csv")
        #expect(report.detectedFormat == "Delighted (NPS)")
        #expect(items.map(\.rating) == [Rating(3, scale: .nps), Rating(9, scale: .nps)])
        #expect(items.map(\.segment) == ["Team", "Solo"] && items.allSatisfy { $0.source == .survey })
        #expect(items[0].createdAt == Date(timeIntervalSince1970: 1_790_976_125))  // 2026-10-02 21:22:05 UTC
        #expect(report.skipped.count == 1, "a score without a comment is not stored as empty feedback")
    }

    @Test("Wootric / InMoment: score and text")
    func wootric() throws {
        let csv = "End User Email,Score,Text,Created At,Plan\nkim@example.com,6,Setup took too long,2026-10-02T10:00:00Z,Team\n"
        let (report, items) = try load(csv, name: "wootric.csv")
        #expect(report.detectedFormat == "Wootric / InMoment (NPS)")
        #expect(items.first?.rating == Rating(6, scale: .nps) && items.first?.author == "kim@example.com")
    }

    static let typeform = """
        #,What do you like most?,What should we improve?,How likely are you to recommend Fieldnote to a friend?,Other,Response Type,Start Date (UTC),Stage Date (UTC),Submit Date (UTC),Network ID,Tags
        a1,The dispatch board saves me an hour a day,Offline mode loses my notes,4,,completed,2026-10-02 06:20:00,,2026-10-02 06:24:12,n1,
        a2,Invoices on site are great,,9,,completed,2026-10-03 06:20:00,,2026-10-03 06:24:12,n2,
        a3,,,7,,partial,2026-10-04 06:20:00,,2026-10-04 06:24:12,n3,

        """

    @Test("Typeform with two free-text questions: the import names them and asks to choose")
    func typeformAsks() throws {
        #expect {
            try load(Self.typeform, name: "typeform.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("2 columns hold free-text answers") && text.contains("\"What do you like most?\"")
                && text.contains("\"What should we improve?\"") && text.contains("--text-columns")
                && text.contains("--map \"What do you like most?=text\"")
        }
    }

    @Test("Typeform with --map QUESTION=text takes that question; the NPS question is the rating")
    func typeformMapped() throws {
        let (report, items) = try load(Self.typeform, name: "typeform.csv", options: FeedbackImportOptions(mappings: ["What should we improve?=text"]))
        #expect(report.detectedFormat == "Typeform responses")
        #expect(items.map(\.text) == ["Offline mode loses my notes"])
        #expect(items.first?.rating == Rating(4, scale: .nps))
        #expect(day(items[0].createdAt) == "2026-10-02")
    }

    @Test("Typeform with --text-columns: one item per answer, tagged with its question")
    func typeformAll() throws {
        let (report, items) = try load(Self.typeform, name: "typeform.csv", options: FeedbackImportOptions(allTextColumns: true))
        #expect(items.count == 3)
        #expect(Set(items.flatMap(\.tags)) == ["question: What do you like most?", "question: What should we improve?"])
        #expect(report.skipped.map(\.message) == ["no answer to any free-text question (rating only)"])
    }

    @Test("SurveyMonkey's two header rows become one; the open-ended answer is the text")
    func surveyMonkey() throws {
        let csv = """
            Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,Which plan are you on?,What is the one thing we should fix first?,Which features do you use?,,
            ,,,,,,,,,Response,Open-Ended Response,Scheduling,Invoicing,Reports
            114,42,10/02/2026 02:10:00 PM,10/02/2026 02:22:05 PM,10.0.0.1,kim@example.com,Kim,Lee,,Team,"Sync conflicts duplicate my work orders",Scheduling,Invoicing,
            115,42,10/03/2026 09:00:00 AM,10/03/2026 09:05:00 AM,10.0.0.2,ana@example.com,Ana,Silva,,Solo,,Scheduling,,

            """
        let (report, items) = try load(csv, name: "surveymonkey.csv")
        #expect(report.detectedFormat == "SurveyMonkey responses")
        #expect(report.format.contains("two header rows"))
        #expect(items.map(\.text) == ["Sync conflicts duplicate my work orders"])
        #expect(items.first?.author == "kim@example.com" && day(items[0].createdAt) == "2026-10-02")
        #expect(report.skipped.count == 1)
    }

    @Test("Google Forms: Timestamp in the Forms style with a zone, the recommend question as NPS")
    func googleForms() throws {
        let csv = """
            Timestamp,Email address,How likely are you to recommend Fieldnote? (0-10),What could we do better?
            2026/09/27 3:00:00 PM GMT+3,kim@example.com,8,Let crews share one job
            2026/09/28 9:15:00 AM GMT+3,ana@example.com,3,The price jump to the Team plan is too steep

            """
        let (report, items) = try load(csv, name: "Fieldnote survey (Responses) - Form Responses 1.csv")
        #expect(report.detectedFormat == "Google Forms responses")
        #expect(items.map(\.text) == ["Let crews share one job", "The price jump to the Team plan is too steep"])
        #expect(items.map(\.rating) == [Rating(8, scale: .nps), Rating(3, scale: .nps)])
        #expect(items[0].createdAt == Date(timeIntervalSince1970: 1_790_510_400))  // 12:00 UTC
    }

    @Test("Zendesk JSON wrapped in {\"tickets\": […]}: subject and description, requester, tags")
    func zendeskJSON() throws {
        let json = """
            {"tickets": [
              {"id": 35436, "subject": "Invoices go out days late", "description": "We can't send the invoice from the job screen.",
               "requester_id": 20978392, "via": {"channel": "email"}, "tags": ["invoicing", "billing"], "created_at": "2026-10-02T14:22:05Z",
               "url": "https://acme.zendesk.com/api/v2/tickets/35436.json"},
              {"id": 35437, "subject": "Thanks!", "description": "", "requester_id": 20978393, "via": {"channel": "web"},
               "tags": [], "created_at": "2026-10-03T09:00:00Z"}
            ], "next_page": null, "count": 2}
            """
        let (report, items) = try load(json, name: "tickets.json")
        #expect(report.detectedFormat == "Zendesk tickets (JSON)")
        #expect(report.format.contains("inside \"tickets\""))
        #expect(items.map(\.text) == ["Invoices go out days late — We can't send the invoice from the job screen.", "Thanks!"])
        #expect(items[0].tags == ["invoicing", "billing"] && items.allSatisfy { $0.source == .support })
    }

    @Test("Zendesk's JSON export is one ticket per line, even when named .json")
    func zendeskLines() throws {
        let lines = #"{"id": 1, "subject": "Sync fails", "description": "Every evening.", "requester_id": 7, "created_at": "2026-10-02T14:22:05Z"}"# + "\n"
            + #"{"id": 2, "subject": "Slow board", "description": "Dragging is slow.", "requester_id": 8, "created_at": "2026-10-03T14:22:05Z"}"# + "\n"
        let (report, items) = try load(lines, name: "export-2026-10-05-1234.json")
        #expect(report.detectedFormat == "Zendesk tickets (JSON)" && items.count == 2)
    }

    @Test("Zendesk CSV: the subject is the text; Via is the channel, not the source")
    func zendeskCSV() throws {
        let csv = """
            Summation column,Id,Requester,Requester id,Requester external id,Requester email,Requester domain,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Organization,Satisfaction Score
            ,101,Kim Lee,5,,kim@example.com,example.com,Kim Lee,Leo,Support,Photos vanish from the offline queue,photos offline,open,high,Mail,Incident,2026-10-02 14:22,2026-10-02 15:00,Metro Lift,good

            """
        let (report, items) = try load(csv, name: "zendesk.csv")
        #expect(report.detectedFormat == "Zendesk tickets (CSV)")
        #expect(items.first?.text == "Photos vanish from the offline queue" && items.first?.source == .support)
        #expect(items.first?.author == "Kim Lee" && items.first?.segment == "Metro Lift")
    }

    @Test("Intercom CSAT: the rating remark is the text, 1–5 rating, a time-zone date header")
    func intercom() throws {
        let csv = """
            Conversation ID,Updated at (Europe/Berlin),Conversation rating,Conversation rating remark,User name,Company name
            215,2026-10-02 14:22:05,2,The bot never understood my question,Kim Lee,Metro Lift
            216,2026-10-03 09:00:00,5,,Ana Silva,Solo Plumbing

            """
        let (report, items) = try load(csv, name: "intercom-csat.csv")
        #expect(report.detectedFormat == "Intercom conversations")
        #expect(items.map(\.text) == ["The bot never understood my question"])
        #expect(items.first?.rating == Rating(2, scale: .stars5) && day(items[0].createdAt) == "2026-10-02")
    }

    @Test("Freshdesk from older Excel (Windows-1252): subject and description, company as segment")
    func freshdesk() throws {
        let csv = "Ticket ID,Subject,Description,Status,Priority,Source,Type,Agent,Group,Created time,Tags,Survey results,Product,Full name,Email,Contact ID,Company Name\r\n"
            + "77,Crash beim Export,Die App stürzt ab – jedes Mal,Open,High,Email,Problem,Leo,Support,2026-10-02 14:22:05,export,,Fieldnote,Jürgen Weiß,j@example.de,9,Café Kühn\r\n"
        let bytes = try #require(csv.data(using: .windowsCP1252))
        let (report, items) = try load([UInt8](bytes), name: "freshdesk.csv")
        #expect(report.detectedFormat == "Freshdesk tickets")
        #expect(report.format.contains("Windows-1252"))
        #expect(items.first?.text == "Crash beim Export — Die App stürzt ab – jedes Mal")
        #expect(items.first?.author == "Jürgen Weiß" && items.first?.segment == "Café Kühn" && items.first?.source == .support)
    }

    @Test("Canny: title and details, votes kept")
    func canny() throws {
        let csv = """
            Title,Details,Author Name,Author Email,Board,Status,Votes,Created,URL,Tags
            Crews on one job,Let two technicians share a job.,Aisha,aisha@example.com,Feature Requests,planned,42,2026-10-02,https://fieldnote.canny.io/p/crews,scheduling

            """
        let (report, items) = try load(csv, name: "canny-posts.csv")
        #expect(report.detectedFormat == "Canny posts")
        #expect(items.first?.text == "Crews on one job — Let two technicians share a job." && items.first?.votes == 42)
        #expect(items.first?.source == "feature-request")
    }

    @Test("UserVoice: one row per voter; the idea is stored once, the repeats reported")
    func userVoice() throws {
        let csv = """
            Idea Id,Idea Title,Idea Description,Category Name,Public Status Name,Labels,Voters Count,Created Timestamp,Idea Creator Name,Idea Creator Email Address,User Email Address
            1,QuickBooks sync,Sync invoices both ways.,Integrations,Planned,"[""billing""]",3,2026-10-02 03:37:03,Marcus,m@example.com,a@example.com
            1,QuickBooks sync,Sync invoices both ways.,Integrations,Planned,"[""billing""]",3,2026-10-02 03:37:03,Marcus,m@example.com,b@example.com
            1,QuickBooks sync,Sync invoices both ways.,Integrations,Planned,"[""billing""]",3,2026-10-02 03:37:03,Marcus,m@example.com,c@example.com

            """
        let (report, items) = try load(csv, name: "uservoice.csv")
        #expect(report.detectedFormat == "UserVoice ideas")
        #expect(items.count == 1 && items.first?.votes == 3 && items.first?.author == "Marcus")
        #expect(report.duplicates.count == 2)
    }

    @Test("Productboard notes: title and note text, customer and company")
    func productboard() throws {
        let csv = """
            Note ID,Title,Note text,Customer email,Company name,Tags,Created at,Source URL
            n1,Weekend support,We work Saturdays and chat is closed.,leo@example.com,Metro Lift,support,2026-10-02T08:00:00Z,https://app.productboard.com/n1

            """
        let (report, items) = try load(csv, name: "productboard-notes.csv")
        #expect(report.detectedFormat == "Productboard notes")
        #expect(items.first?.text == "Weekend support — We work Saturdays and chat is closed." && items.first?.segment == "Metro Lift")
    }

    @Test("an unknown layout with no text-like column: one message listing the columns and an example --map")
    func unknownLayout() throws {
        #expect {
            try load("id,score,when\n1,4,2026-10-02\n", name: "mystery.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("no column holds feedback text") && text.contains("\"id\", \"score\", \"when\"")
                && text.contains("--map \"id=text\"") && text.contains("nothing was imported")
        }
    }

    @Test("ambiguous dates: month first unless the column says otherwise, or --date-format decides")
    func dateFormats() throws {
        let csv = "text,date\na,03/11/2026\nb,04/11/2026\n"
        let (report, items) = try load(csv, name: "dates.csv")
        #expect(items.map { day($0.createdAt) } == ["2026-03-11", "2026-04-11"])
        #expect(report.notes.contains { $0.contains("month first") && $0.contains("--date-format day-first") })
        let (_, dayFirst) = try load(csv, name: "dates.csv", options: FeedbackImportOptions(dateFormat: "day-first"))
        #expect(dayFirst.map { day($0.createdAt) } == ["2026-11-03", "2026-11-04"])
        let (_, pattern) = try load("text,date\na,2026|11|03\n", name: "p.csv", options: FeedbackImportOptions(dateFormat: "yyyy|MM|dd"))
        #expect(pattern.map { day($0.createdAt) } == ["2026-11-03"])
        #expect(throws: ImportError.self) { try load(csv, name: "dates.csv", options: FeedbackImportOptions(dateFormat: "sometimes")) }
    }

    @Test("--encoding forces a reading; a wrong name is refused with the list")
    func forcedEncoding() throws {
        let latin = try #require("text\nCafé crème\n".data(using: .isoLatin1))
        let (report, items) = try load([UInt8](latin), name: "latin.csv", options: FeedbackImportOptions(encoding: "latin1"))
        #expect(items.first?.text == "Café crème" && report.format.contains("Windows-1252 (asked for as Latin-1) (--encoding)"))
        // Latin-1 from Windows is Windows-1252: 0x80 is the euro sign, not a control character.
        let (_, euro) = try load([UInt8]("text\nPrix 20 ".utf8) + [0x80, 0x20, 0x96, 0x20] + [UInt8]("cher\n".utf8), name: "e.csv",
                                 options: FeedbackImportOptions(encoding: "latin1"))
        #expect(euro.first?.text == "Prix 20 € – cher")
        #expect {
            try load("text\na\n", name: "a.csv", options: FeedbackImportOptions(encoding: "ebcdic"))
        } throws: { "\($0)".contains("utf-8, utf-16le") }
    }

    @Test("a dry run shows the format, the mapping and the first items as stored, and writes nothing")
    func preview() throws {
        let (folder, store) = try makeWorkspace()
        let url = folder.path("canny.csv")
        try Data("Title,Details,Votes\nCrews,Two on a job,7\nDark mode,,2\n".utf8).write(to: url)
        let report = try FeedbackImporter.importFile(at: url, into: store, options: FeedbackImportOptions(dryRun: true), now: fixedDate)
        #expect(report.detectedFormat == "Canny posts" && report.imported == 2)
        #expect(report.mapping.contains("Votes → votes"))
        #expect(report.preview.count == 2 && report.preview[0].contains("7 votes") && report.preview[0].hasSuffix("Crews — Two on a job"))
        #expect(store.snapshot.feedback.isEmpty)
    }

    @Test("dates as spreadsheets and APIs write them: two-digit years, ISO without a zone, a zone in the column's name")
    func moreDates() throws {
        let (_, twoDigit) = try load("text,date\na,11/03/26\nb,1/2/26 3:04 PM\n", name: "yy.csv")
        #expect(twoDigit.map { day($0.createdAt) } == ["2026-01-02", "2026-11-03"])
        let (_, local) = try load("text,date\nk1,2026-10-02T14:22:05\nk2,2026-10-03T14:22\nk3,2026-10-04T14:22:05.123\n", name: "iso.csv")
        #expect(local.map { day($0.createdAt) } == ["2026-10-02", "2026-10-03", "2026-10-04"])
        let (_, pattern) = try load("text,date\nq,2026-10-02T14:22:05\n", name: "p.csv", options: FeedbackImportOptions(dateFormat: "yyyy-MM-ddTHH:mm:ss"))
        #expect(pattern.first.map { day($0.createdAt) } == "2026-10-02")
        let csv = "Conversation ID,Updated at (Europe/Berlin),Conversation rating,Conversation rating remark\n1,2026-09-03 20:14:20,4,Quick help\n"
        let (report, berlin) = try load(csv, name: "intercom.csv")
        #expect(berlin.first?.createdAt == Date(timeIntervalSince1970: 1_788_459_260))  // 18:14:20 UTC
        #expect(report.notes.contains { $0.contains("Europe/Berlin") })
    }

    @Test("counts with thousands separators, Zendesk's space-separated tags, one score per survey respondent")
    func fieldDetails() throws {
        let (_, canny) = try load("Title,Details,Votes\nCrews,Two on a job,\"1,204\"\n", name: "canny.csv")
        #expect(canny.first?.votes == 1204)
        let zendesk = "Requester,Subject,Via,Ticket type,Tags\nKim,PDF export is blank,Mail,Incident,pdf export enterprise\n"
        let (_, tickets) = try load(zendesk, name: "zendesk.csv")
        #expect(tickets.first?.tags == ["pdf", "export", "enterprise"])
        let (_, answers) = try load(Self.typeform, name: "typeform.csv", options: FeedbackImportOptions(allTextColumns: true))
        #expect(answers.compactMap(\.rating).count == 2, "two respondents, two scores, though one answered twice")
    }

    @Test("rows repeated within the file are reported as repeats, not as already in the workspace")
    func repeatsInFile() throws {
        let (report, items) = try load("text,author\nsame,a\nsame,a\n", name: "r.csv")
        #expect(items.count == 1 && report.duplicates.map(\.message) == ["repeats line 2 of this file"])
        #expect(report.lines().contains { $0.contains("repeated in the file:") })
    }
}

/// Any list of texts written as CSV — any delimiter, quoting, line ends, encoding — comes
/// back the same.
@Suite("CSV round trip")
struct CSVRoundTripTests {
    @Test("random texts survive every delimiter, line end and encoding", arguments: 0..<24)
    func roundTrip(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) + 7)
        let alphabet = Array("abcxyz ÄéßΩ中文👍🏽,;\t\"'\n\r-!?.") + ["e\u{301}"]
        let texts: [String] = (0..<20).map { _ in
            var text = String((0..<Int.random(in: 1...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "x" : text
        }
        let delimiter = [",", ";", "\t"][seed % 3]
        let lineEnd = ["\n", "\r\n", "\r"][(seed / 3) % 3]
        func quoted(_ field: String) -> String {
            let needs = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r") || seed % 2 == 0
            return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var csv = "text\(delimiter)author" + lineEnd
        for (index, text) in texts.enumerated() { csv += quoted(text) + delimiter + "a\(index)" + lineEnd }
        let bytes: [UInt8]
        switch (seed / 9) % 3 {
        case 0: bytes = Array(csv.utf8)
        case 1: bytes = [0xEF, 0xBB, 0xBF] + Array(csv.utf8)
        default: bytes = [0xFE, 0xFF] + csv.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
        let (folder, store) = try makeWorkspace()
        let url = folder.path("round.csv")
        try Data(bytes).write(to: url)
        _ = try FeedbackImporter.importFile(at: url, into: store, now: fixedDate)
        let stored = Dictionary(uniqueKeysWithValues: store.snapshot.feedback.values.map { ($0.author ?? "", $0.text) })
        for (index, text) in texts.enumerated() {
            let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(stored["a\(index)"] == expected, "seed \(seed), text \(index): \(text.debugDescription)")
        }
    }
}
