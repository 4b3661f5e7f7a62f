import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine

/// `podium workspaces`: the products a Product Owner looks after, by name.
struct Workspaces: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep a list of your products' workspaces: add, list, rename, remove.",
        discussion: "The list lives in the user's config folder ($XDG_CONFIG_HOME/podium/workspaces.json). A workspace "
            + "still works alone; removing it from the list never deletes it. drafts list, automate run-due and metrics "
            + "take --all-workspaces.",
        subcommands: [List.self, Add.self, Remove.self, Rename.self],
        defaultSubcommand: List.self)

    /// The list, or a clear refusal when its file cannot be read.
    static func load() throws -> Portfolio {
        do { return try Portfolio.load(from: UserConfig.folder()) } catch let refusal as Portfolio.Refusal {
            throw CommandFailure(message: refusal.description)
        }
    }

    static func change(_ body: (inout Portfolio) throws -> String) throws {
        var portfolio = try load()
        let message: String
        do {
            message = try body(&portfolio)
            try portfolio.save()
        } catch let refusal as Portfolio.Refusal {
            throw CommandFailure(message: refusal.description)
        }
        Console.line(message)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workspaces with their state, feedback and drafts waiting.")
        @Flag(help: "Print JSON.") var json = false

        struct Row: Encodable {
            var name, path, state: String
            var product: String?
            var feedback, pendingDrafts, runningJobs: Int?
        }

        func run() throws {
            let portfolio = try Workspaces.load()
            guard !portfolio.entries.isEmpty else {
                Console.line("No workspaces on the list yet: podium workspaces add PATH [--name NAME]")
                return
            }
            let rows = PortfolioMember.open(portfolio, deferring: PortfolioMember.notForTheInbox).map { member -> Row in
                let snapshot = member.store?.snapshot
                return Row(name: member.entry.name, path: member.entry.path, state: member.stateText,
                           product: snapshot.map { Format.clean($0.product.name) },
                           feedback: member.feedbackCount,
                           pendingDrafts: snapshot.map { $0.drafts.values.filter { $0.status == .pending }.count },
                           runningJobs: snapshot.map { $0.jobs.values.filter { $0.status == .running || $0.status == .queued }.count })
            }
            if json {
                Console.line(try DraftPrinter.json(rows))
                return
            }
            let table = rows.map { row in
                [Format.clean(row.name), row.state, row.product ?? "", row.feedback.map(String.init) ?? "", row.pendingDrafts.map(String.init) ?? "",
                 row.runningJobs.map(String.init) ?? "", row.path.sanitizedForTerminal()]
            }
            Console.write(TextTable(headers: ["NAME", "STATE", "PRODUCT", "FEEDBACK", "DRAFTS", "JOBS", "PATH"], rows: table, flexibleColumn: 6)
                .render(width: Console.width))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a workspace to the list (named after its product unless --name).")
        @Argument(help: "The workspace folder.") var path: String
        @Option(help: "The name to call it by.") var name: String?

        func run() throws {
            try Workspaces.change { portfolio in
                let entry = try portfolio.add(path: path, name: name)
                return "Added \"\(entry.name)\" (\(entry.path))"
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a workspace off the list (its folder is not touched).")
        @Argument(help: "Its name on the list.") var name: String

        func run() throws {
            try Workspaces.change { portfolio in
                let entry = try portfolio.remove(name)
                return "Removed \"\(entry.name)\" from the list; \(entry.path) is left as it is"
            }
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Call a workspace by another name.")
        @Argument(help: "Its name now.") var name: String
        @Argument(help: "The new name.") var newName: String

        func run() throws {
            try Workspaces.change { portfolio in
                try portfolio.rename(name, to: newName)
                return "Renamed \"\(name)\" to \"\(newName)\""
            }
        }
    }
}
