import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore

/// `podium watch [DIR]`: imports feedback files dropped in an inbox folder, runs the import
/// rules on each batch, and runs scheduled rules when they fall due.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import feedback files dropped in an inbox folder, and run the automation rules.",
        discussion: """
            Each file (CSV, JSON or JSON Lines, any format podium import feedback reads) is imported \
            once it stops changing, then moved to done/; a file that cannot be imported goes to \
            failed/ with NAME.reason beside it saying why. Import rules run on each file's new items, \
            and scheduled rules run when due. The folder: DIR, else `inbox` in config.toml, else \
            WORKSPACE/inbox. Stops on Ctrl-C (jobs still running are saved as interrupted).
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The inbox folder (made when missing).", completion: .directory)
    var folder: String?

    @Flag(help: "Check the folder once (waiting for files to settle), run what is due, and exit (for cron).")
    var once = false

    @Option(help: "Seconds between checks of the folder.")
    var interval: Double = 2

    @Option(help: "Seconds a file must stay unchanged before it is imported.")
    var settle: Double = 1

    func validate() throws {
        guard interval > 0, interval <= 3600 else { throw ValidationError("--interval must be more than 0 and at most 3600 seconds") }
        guard settle >= 0, settle <= 600 else { throw ValidationError("--settle must be between 0 and 600 seconds") }
    }

    func run() throws {
        let store = try workspaceOptions.open()
        let config = UserConfig.load()
        for warning in config.warnings { Console.warning(warning) }
        let location = folder.map { URL(fileURLWithPath: $0) } ?? config.automation.inboxFolder(workspace: store.layout.root)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: location.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw UsageFailure(message: "\(location.path) is a file: podium watch takes a folder; podium import feedback \(location.path) imports one file")
        }
        if let reason = InboxFolder.unsafeReason(location, workspace: store.layout.root, home: ProcessInfo.processInfo.environment["HOME"]) {
            throw UsageFailure(message: "\(location.path): \(reason)")
        }
        let inbox = InboxFolder(folder: location, settleTime: settle)
        try inbox.prepare()
        let automation = try AutomationSession(store: store, config: config)
        defer { automation.jobs.engine.shutdown() }
        let stop = StopRequest()
        if !once {
            stop.install()
            Console.status("watching \(inbox.folder.path) (Ctrl-C stops)")
        }
        // Each step fails on its own (printed, and the next goes on): a failed rule run does
        // not keep the next file from being imported, nor stop the watch.
        var failures = 0
        func attempt(_ step: () throws -> Void) {
            do { try step() } catch {
                Console.error("\(error)")
                failures += 1
            }
        }
        var nextScheduleCheck = DispatchTime(uptimeNanoseconds: 0)  // monotonic: a clock set back does not stop it
        repeat {
            if DispatchTime.now() >= nextScheduleCheck {
                attempt { _ = try automation.runDue(stop: stop, queued: Self.announce, finished: { Console.line($0.line) }) }
                nextScheduleCheck = .now() + 60
            }
            var outcomes: [InboxFolder.Outcome] = []
            attempt { outcomes = try inbox.check(into: store) }
            if once {
                // The first look only notes each file; look again once they had time to settle.
                Thread.sleep(forTimeInterval: max(settle, 0.2))
                attempt { outcomes += try inbox.check(into: store) }
            }
            if once && outcomes.isEmpty && failures == 0 { Console.line("Nothing to import in \(inbox.folder.path).") }
            for outcome in outcomes {
                Console.line(outcome.summary.sanitizedForTerminal())
                guard let report = outcome.report, !report.importedIDs.isEmpty else { continue }
                let batch = RulePlanner.ImportedBatch(file: outcome.file, feedback: report.importedIDs.map(RecordID.init))
                attempt { _ = try automation.runDue(imported: batch, stop: stop, queued: Self.announce, finished: { Console.line($0.line) }) }
            }
            if !once { stop.wait(seconds: interval) }
        } while !once && !stop.requested
        if once && failures > 0 { throw ExitCode.failure }
    }
}

extension Watch {
    /// A line for each job rules started, so a slow one is not silent until it ends.
    static func announce(_ queued: [AutomationRunner.Queued]) {
        for entry in queued { Console.line(("started: " + entry.summary).sanitizedForTerminal()) }
    }
}
