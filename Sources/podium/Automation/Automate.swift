import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium automate …`: the workspace's automation rules, and running the due ones.
struct Automate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Automation rules: run AI jobs on import, on a schedule or at sprint end.",
        discussion: """
            Rules live in the workspace (rules/ID.json), so the dashboard, cron and podium watch \
            share them. Examples:
              podium automate add --on import --job tag-sentiment --auto-accept
              podium automate add --on import --job cluster-themes --auto-accept
              podium automate add --every "fri 15:00" --job stakeholder-update --audience leadership
              podium automate add --on sprint-end --job sprint-review-pack
              podium automate run-due          # from cron: */15 * * * * podium automate run-due
            Times are in your time zone ($TZ). A rule that was due while nothing ran runs once, \
            not once per missed time. Auto-accept is only for low-risk kinds (podium jobs kinds).
            """,
        subcommands: [ListRules.self, Add.self, Remove.self, Enable.self, Disable.self, RunDue.self, Sprint.self],
        defaultSubcommand: ListRules.self)

    /// `podium automate list`
    struct ListRules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the automation rules.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let store = try workspaceOptions.open()
            let rules = store.snapshot.rules.all
            if json {
                Console.line(try DraftPrinter.json(rules))
                return
            }
            guard !rules.isEmpty else {
                Console.line("No automation rules. podium automate add --help shows how to make one.")
                return
            }
            let cadence = store.snapshot.product.sprint
            let trust = UserConfig.load().automation.trust
            let automatic = AutoAcceptance.drafts(in: store.snapshot)
            let rows = rules.map { rule -> [String] in
                [rule.id.short, rule.enabled ? "on" : "off", rule.trigger.description, rule.jobDescription,
                 rule.reviewPolicy(trust: trust), rule.lastRun.map { Drafts.ListDrafts.age($0) }.map { $0 == "now" ? "just now" : $0 + " ago" } ?? "never",
                 rule.isDue(now: Date(), timeZone: .current, cadence: cadence) ? "due now (run-due runs it)"
                    : rule.nextRun(after: Date(), timeZone: .current, cadence: cadence).map(Format.weekdayTime) ?? (rule.trigger == .schedule(.sprintEnd) ? "no sprint cadence" : "on event"),
                 RuleOutcome.describe(rule, in: store.snapshot, automatic: automatic)]
            }
            Console.write(TextTable(headers: ["ID", "ON", "TRIGGER", "JOB", "DRAFTS", "LAST RUN", "NEXT", "LAST OUTCOME"], rows: rows, flexibleColumn: 7)
                .render(width: Console.width))
        }
    }

    /// `podium automate add`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a rule: --on EVENT or --every TIME, and the --job to run.",
            discussion: """
                --on import          after feedback is imported (command line, dashboard or inbox folder); \
                tag-sentiment and summarize-feedback see only the new items
                --on experiment-end  when a running experiment's end date passes (conclude-experiment)
                --on backlog-done    when backlog items move to done (e.g. release-notes)
                --on sprint-end      at the end of each sprint (the product's sprint start and length)
                --every "fri 15:00"  also "mon,wed 08:30", "weekdays 9:00", "daily 07:45"
                """)

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Option(help: "The event: import, experiment-end, backlog-done, spike (a theme rising, emerging or souring this week beyond chance) or sprint-end.") var on: String?
        @Option(help: "A schedule, e.g. \"fri 15:00\".") var every: String?
        @Option(help: "The job kind to run (podium jobs kinds lists them).") var job: String
        @Option(help: "Who a stakeholder update is for (default: leadership).") var audience: String?
        @Option(help: "The question, for ask.") var question: String?
        @Flag(help: "Accept the drafts without review (low-risk kinds only).") var autoAccept = false

        func run() throws {
            let trigger: RuleTrigger
            switch (on, every) {
            case let (on?, nil): trigger = try usage { try RuleTrigger.on(on) }
            case let (nil, every?): trigger = try usage { try RuleTrigger.every(every) }
            default: throw UsageFailure(message: "give either --on EVENT or --every \"TIME\" (podium automate add --help)")
            }
            let parameters = JobParameters(question: question, audience: audience)
            let rule = try usage {
                try AutomationRule.validated(trigger: trigger, job: JobKind(rawValue: job), parameters: parameters, autoAccept: autoAccept)
            }
            let store = try workspaceOptions.open()
            if case .schedule(.sprintEnd) = trigger, store.snapshot.product.sprint == nil {
                Console.warning("the product has no sprint cadence yet, so this rule runs once one is set: podium automate sprint --start YYYY-MM-DD --length 14")
            }
            do { try RuleBook(store: store).add(rule) } catch let error as AutomationRule.Invalid { throw CommandFailure(message: error.description) }
            Console.line("Added rule \(rule.id.short): \(rule.summary)".sanitizedForTerminal())
        }
    }

    /// `podium automate remove ID`
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a rule (its past jobs and drafts stay).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The rule's id (or its last characters).") var id: String

        func run() throws {
            let store = try workspaceOptions.open()
            let rule = try IDLookup.find(id, in: store.snapshot.rules, noun: "rule")
            try usage { try RuleBook(store: store).remove(rule.id) }
            Console.line("Removed rule \(rule.id.short): \(rule.summary)".sanitizedForTerminal())
        }
    }

    /// `podium automate enable ID`
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Turn a rule on.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The rule's id (or its last characters).") var id: String

        func run() throws { try RuleSwitch.set(id, enabled: true, workspace: workspaceOptions) }
    }

    /// `podium automate disable ID`
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Turn a rule off (it stays, and runs again once enabled).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The rule's id (or its last characters).") var id: String

        func run() throws { try RuleSwitch.set(id, enabled: false, workspace: workspaceOptions) }
    }

    /// `podium automate run-due`
    struct RunDue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-due",
            abstract: "Run the rules that are due now, wait for their jobs, and print what ran (for cron).",
            discussion: "Exits 0 when it could check the rules, whatever the jobs came to; a failed job is printed and kept for podium jobs retry.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var portfolioOptions: PortfolioOptions
        @Flag(help: "Print JSON.") var json = false

        func validate() throws { try portfolioOptions.validate(with: workspaceOptions) }

        func run() throws {
            let config = UserConfig.load()
            for warning in config.warnings { Console.warning(warning) }
            if portfolioOptions.allWorkspaces { return try runAcrossPortfolio(config: config) }
            let store = try workspaceOptions.open()
            let outcomes = try AutomationSession(store: store, config: config).runDue(finished: { outcome in
                if !json { Console.line(outcome.line) }
            })
            if json {
                Console.line(try DraftPrinter.json(outcomes))
            } else if outcomes.isEmpty {
                Console.line("Nothing is due (\(store.snapshot.rules.count) rule\(store.snapshot.rules.count == 1 ? "" : "s")).")
            }
        }

        /// What one workspace's run came to, for `--all-workspaces --json`.
        struct ProductRun: Encodable {
            var workspace: String
            var path: String
            /// "ran", "missing" or "failed".
            var state: String
            var error: String?
            var outcomes: [AutomationSession.Outcome]
        }

        /// Each workspace of the list in turn, under its own lock: a missing one is reported,
        /// a failing one is reported and the others still run; exits 1 when any failed.
        func runAcrossPortfolio(config: UserConfig) throws {
            var runs: [ProductRun] = []
            for member in try portfolioOptions.members() {
                let name = member.entry.name.sanitizedForTerminal()
                guard let store = member.store else {
                    runs.append(ProductRun(workspace: member.entry.name, path: member.entry.path,
                                           state: member.state.isMissing ? "missing" : "failed", error: member.stateText, outcomes: []))
                    continue
                }
                do {
                    let outcomes = try AutomationSession(store: store, config: config).runDue(finished: { outcome in
                        if !json { Console.line("[\(name)] " + outcome.line) }
                    })
                    if !json && outcomes.isEmpty { Console.line("[\(name)] nothing is due") }
                    runs.append(ProductRun(workspace: member.entry.name, path: member.entry.path, state: "ran", outcomes: outcomes))
                } catch {
                    let reason = "\(error)".sanitizedForTerminal()
                    Console.warning("\(name): \(reason); the other workspaces went on")
                    runs.append(ProductRun(workspace: member.entry.name, path: member.entry.path, state: "failed", error: reason, outcomes: []))
                }
            }
            if json { Console.line(try DraftPrinter.json(runs)) }
            if runs.contains(where: { $0.state == "failed" }) { throw ExitCode(1) }
        }
    }
}

extension Automate {
    /// `podium automate sprint`
    struct Sprint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the sprint cadence that sprint-end rules follow.",
            discussion: "Example: podium automate sprint --start 2026-11-02 --length 14 (the first sprint's first day, your time zone).")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Option(help: ArgumentHelp("The first day of a sprint (YYYY-MM-DD).", valueName: "date")) var start: String?
        @Option(help: ArgumentHelp("Days per sprint (1 to 60).", valueName: "days")) var length: Int?

        func run() throws {
            let store = try workspaceOptions.open()
            guard start != nil || length != nil else {
                if let sprint = store.snapshot.product.sprint {
                    Console.line("Sprints of \(sprint.lengthInDays) days from \(Format.localDay(sprint.firstSprintStart)).")
                } else {
                    Console.line("No sprint cadence yet: podium automate sprint --start YYYY-MM-DD --length 14")
                }
                return
            }
            let current = store.snapshot.product.sprint
            let days = length ?? current?.lengthInDays ?? 14
            guard (1...60).contains(days) else { throw UsageFailure(message: "--length \(days): a sprint lasts 1 to 60 days") }
            let first: Date
            if let start {
                guard let date = Format.localDay(parsing: start) else { throw UsageFailure(message: "--start \(start): write the day as YYYY-MM-DD") }
                first = date
            } else if let current {
                first = current.firstSprintStart
            } else {
                throw UsageFailure(message: "give --start YYYY-MM-DD: the product has no sprint cadence yet")
            }
            let cadence = SprintCadence(firstSprintStart: first, lengthInDays: days)
            try store.write { transaction in
                var product = transaction.product
                product.sprint = cadence  // a setting: updatedAt stays the vision's and goal's
                try transaction.setProduct(product)
                try transaction.log(AuditEntry(actor: AuditEntry.currentActor, action: .update,
                                               summary: "Set the sprint cadence: \(days) days from \(Format.localDay(first))",
                                               details: ["stance": Stance.orchestrator.rawValue]))
            }
            Console.line("Sprints of \(days) days from \(Format.localDay(first)); sprint-end rules follow them.")
        }
    }
}

/// Turns a rule on or off.
enum RuleSwitch {
    static func set(_ id: String, enabled: Bool, workspace: WorkspaceOptions) throws {
        let store = try workspace.open()
        let rule = try IDLookup.find(id, in: store.snapshot.rules, noun: "rule")
        try usage { try RuleBook(store: store).setEnabled(rule.id, enabled) }
        Console.line("Rule \(rule.id.short) is \(enabled ? "on" : "off"): \(rule.summary)".sanitizedForTerminal())
    }
}

/// Runs `body`, turning a rule's refusal into a usage error (exit status 64).
func usage<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as AutomationRule.Invalid { throw UsageFailure(message: error.description) }
}
