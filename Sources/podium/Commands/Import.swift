import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore

/// `podium import`: add feedback or backlog items from files.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import feedback or backlog items from CSV, JSON or JSON Lines.",
        discussion: """
            The file's format is read from its content: CSV with `,` `;` or tab between fields \
            (UTF-8, UTF-16 with BOM, or Windows-1252), a JSON array of objects (or an object \
            holding one), or JSON Lines. Known exports (Google Play Console, review tools, \
            Delighted, Wootric, Typeform, SurveyMonkey, Google Forms, Zendesk, Intercom, \
            Freshdesk, Canny, UserVoice, Productboard) and backlog exports (Jira, Linear, Azure \
            DevOps, GitHub Issues) are recognised from their columns; other columns are matched \
            to fields by their names, and --map COLUMN=FIELD says otherwise. A malformed file imports nothing and names the line that is wrong. \
            See docs/IMPORT.md.
            """,
        subcommands: [ImportFeedback.self, ImportBacklog.self])
}

/// The options both imports share.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The file to import.", completion: .file())
    var file: String

    @Option(name: .customLong("map"), parsing: .singleValue, help: ArgumentHelp(
        "Take FIELD from COLUMN (repeatable); nested JSON keys as a.b.", valueName: "column=field"))
    var mappings: [String] = []

    @Flag(help: "Show what would be imported (format, columns, the first items, counts) and write nothing.")
    var dryRun = false

    @Option(help: "The file's encoding when it must not be guessed: utf-8, utf-16le, utf-16be, utf-16, windows-1252, latin1.")
    var encoding: String?

    @Flag(help: "Do not run the automation rules that run on import (podium automate list).")
    var noRules = false

    var url: URL { URL(fileURLWithPath: file) }
}

struct ImportFeedback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Import feedback (reviews, survey answers, tickets…).",
        discussion: "Fields: \(FeedbackField.allCases.map(\.rawValue).joined(separator: ", ")). "
            + "Rows without text are skipped; feedback with the same text, author and date as one already in "
            + "the workspace is not imported twice.")

    /// The rating scales a user can name.
    enum Scale: String, ExpressibleByArgument, CaseIterable {
        case stars, nps, score10
        var ratingScale: RatingScale {
            switch self {
            case .stars: .stars5
            case .nps: .nps
            case .score10: .score10
            }
        }
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var importOptions: ImportOptions

    @Option(help: "The source of rows that have no source column (e.g. review, survey, support, interview).")
    var source: String?

    @Option(help: "The rating scale: stars (1–5), nps (0–10) or score10 (1–10). Default: from the format or the column.")
    var ratingScale: Scale?

    @Option(help: ArgumentHelp("How dates are written: day-first, month-first, or a pattern like dd/MM/yyyy HH:mm.",
                               discussion: "Default: read from the values (03/11/2026 is month first unless a value in the column has a day over 12)."))
    var dateFormat: String?

    @Flag(help: "For surveys with several free-text questions: import every answer, one item each, tagged with its question.")
    var textColumns = false

    func run() throws {
        // Nothing large is read for an import: duplicates are checked through the feedback's
        // key index (only the items a row could repeat are read), and the drafts,
        // annotations and audit log of a workspace in use are not needed at all.
        let store = try workspaceOptions.open(deferring: WorkspaceStore.largeCollections)
        let options = FeedbackImportOptions(
            mappings: importOptions.mappings, source: source.map { FeedbackSource(rawValue: $0) },
            ratingScale: ratingScale?.ratingScale, dryRun: importOptions.dryRun, encoding: importOptions.encoding,
            dateFormat: dateFormat, allTextColumns: textColumns)
        let report = try FeedbackImporter.importFile(at: importOptions.url, into: store, options: options)
        ImportReportPrinter.print(report)
        guard !report.dryRun, !report.importedIDs.isEmpty, !importOptions.noRules, !store.snapshot.rules.isEmpty else { return }
        let config = UserConfig.load()
        for warning in config.warnings { Console.warning(warning) }
        let batch = RulePlanner.ImportedBatch(file: importOptions.url.lastPathComponent, feedback: report.importedIDs.map(RecordID.init))
        _ = try AutomationSession(store: store, config: config).runDue(imported: batch, finished: { Console.line($0.line) })
    }
}

struct ImportBacklog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backlog",
        abstract: "Import Product Backlog items (with RICE and WSJF inputs when the file has them).",
        discussion: "Fields: \(BacklogField.allCases.map(\.rawValue).joined(separator: ", ")). "
            + "Exports of Jira, Linear, Azure DevOps and GitHub Issues (gh issue list --json number,title,body,state,labels) "
            + "are recognised from their columns; their keys are kept, and importing a newer export updates the items "
            + "with the same key (title, description, status, estimate, labels) instead of adding them again. "
            + "Items without a key whose title is already in the backlog are not imported twice.")

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var importOptions: ImportOptions

    @Option(name: .customLong("status"), parsing: .singleValue, help: ArgumentHelp(
        "What a tracker's status means in Podium (repeatable): proposed, ready, in-progress, done or dropped.",
        valueName: "tracker status=status"))
    var statuses: [String] = []

    func run() throws {
        do {
            _ = try StatusMeanings(statuses)
        } catch let error as ImportError {
            throw UsageFailure(message: error.description)
        }
        // The backlog import reads the backlog alone.
        let store = try workspaceOptions.open(deferring: WorkspaceStore.largeCollections)
        let options = BacklogImportOptions(
            mappings: importOptions.mappings, statuses: statuses, dryRun: importOptions.dryRun, encoding: importOptions.encoding)
        let report = try BacklogImporter.importFile(at: importOptions.url, into: store, options: options)
        ImportReportPrinter.print(report)
    }
}

/// Prints an import report: the summary first, then the details a user needs to act.
enum ImportReportPrinter {
    static func print(_ report: ImportReport) {
        for line in report.lines() { Console.line(line) }
        if report.dryRun { Console.line("Dry run: nothing was written.") }
    }
}
