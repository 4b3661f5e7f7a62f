import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium backlog add|edit|done|delete`: the Product Backlog by hand, as the dashboard's
/// Decision Maker pane edits it (n, e, x there). Each change is audited; `--json` prints the item.
struct Backlog: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, edit, finish or delete backlog items.",
        discussion: """
            An item is named by its tracker key (LED-101) or its id (at least 4 characters of it).
            Examples:
              podium backlog add "Show last-synced time" --estimate 3 --tags sync,trust
              podium backlog edit LED-104 --status in-progress --reach 800 --impact 2 --confidence 80% --effort 1
              podium backlog done LED-104
              podium backlog delete 1a2b3c4d
            podium list backlog shows the items.
            """,
        subcommands: [Add.self, Edit.self, Done.self, Delete.self])

    /// The fields an add or edit may set; each is left as it is when not given.
    struct FieldOptions: ParsableArguments {
        @Option(help: "The tracker's key, e.g. LED-101 (unique; \"\" removes it).") var key: String?
        @Option(help: "Status: \(BacklogStatus.allCases.map(\.rawValue).joined(separator: ", ")).") var status: String?
        @Option(help: "Estimate (story points or any consistent unit).") var estimate: String?
        @Option(help: "Tags, comma separated (replace the item's tags).") var tags: String?
        @Option(help: "Description.") var description: String?
        @Option(help: "RICE reach: people or events per period.") var reach: String?
        @Option(help: "RICE impact: 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive.") var impact: String?
        @Option(help: "RICE confidence: 0 to 1, or a percentage (80%).") var confidence: String?
        @Option(help: "RICE effort: person-months or any consistent unit.") var effort: String?
        @Option(name: .customLong("business-value"), help: "WSJF business value.") var businessValue: String?
        @Option(name: .customLong("time-criticality"), help: "WSJF time criticality.") var timeCriticality: String?
        @Option(name: .customLong("risk-reduction"), help: "WSJF risk reduction.") var riskReduction: String?
        @Option(name: .customLong("job-size"), help: "WSJF job size.") var jobSize: String?
        @Flag(help: "Print the item as JSON.") var json = false

        /// `fields` with every option given written over it.
        func merged(into fields: BacklogFields) -> BacklogFields {
            var fields = fields
            let given: [(BacklogFields.Field, String?)] = [
                (.key, key), (.status, status), (.estimate, estimate), (.tags, tags), (.description, description),
                (.reach, reach), (.impact, impact), (.confidence, confidence), (.effort, effort), (.businessValue, businessValue),
                (.timeCriticality, timeCriticality), (.riskReduction, riskReduction), (.jobSize, jobSize),
            ]
            for case let (field, value?) in given { fields[field] = value }
            return fields
        }
    }

    /// `podium backlog add TITLE`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an item at the end of the backlog.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "What the item delivers.") var title: String
        @OptionGroup var fields: FieldOptions

        func run() throws {
            let store = try workspaceOptions.open()
            var typed = fields.merged(into: BacklogFields([.status: BacklogStatus.proposed.rawValue]))
            typed[.title] = title
            let (_, item) = try Backlog.saving { try BacklogEditor(store: store).save(typed, id: .make()) }
            try Backlog.print(item, json: fields.json, verb: "Added")
        }
    }

    /// `podium backlog edit ITEM`
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an item's fields (those given; the rest stay).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The item: its key or id.") var item: String
        @Option(help: "A new title.") var title: String?
        @OptionGroup var fields: FieldOptions

        func run() throws {
            let store = try workspaceOptions.open()
            let existing = try Backlog.find(item, in: store.snapshot)
            var typed = fields.merged(into: BacklogFields(existing))
            if let title { typed[.title] = title }
            let (_, after) = try Backlog.saving { try BacklogEditor(store: store).save(typed, id: existing.id) }
            try Backlog.print(after, json: fields.json, verb: "Saved")
        }
    }

    /// `podium backlog done ITEM`
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an item done (release notes and the team update count it from now).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The item: its key or id.") var item: String
        @Flag(help: "Print the item as JSON.") var json = false

        func run() throws {
            let store = try workspaceOptions.open()
            let existing = try Backlog.find(item, in: store.snapshot)
            guard existing.status != .done else {
                try Backlog.print(existing, json: json, verb: "Already done:")
                return
            }
            let (_, after) = try Backlog.saving { try BacklogEditor(store: store).setStatus(.done, of: existing.id) }
            try Backlog.print(after, json: json, verb: "Done:")
        }
    }

    /// `podium backlog delete ITEM`
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an item (the feedback linked to it stays).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The item: its key or id.") var item: String
        @Flag(help: "Print the deleted item as JSON.") var json = false

        func run() throws {
            let store = try workspaceOptions.open()
            let existing = try Backlog.find(item, in: store.snapshot)
            let deleted = try Backlog.saving { try BacklogEditor(store: store).delete(existing.id) }
            try Backlog.print(deleted, json: json, verb: "Deleted")
        }
    }

    // MARK: Shared

    /// The item named by its tracker key or its id.
    static func find(_ text: String, in snapshot: WorkspaceSnapshot) throws -> BacklogItem {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let byKey = snapshot.backlog.all.first(where: { $0.key?.caseInsensitiveCompare(trimmed) == .orderedSame }) { return byKey }
        return try IDLookup.find(trimmed, in: snapshot.backlog, noun: "backlog item")
    }

    /// Runs a change, turning a refused field into a message that names it.
    static func saving<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let refusal as BacklogEditor.Refusal {
            throw CommandFailure(message: "nothing saved: \(refusal)")
        } catch let failure as BacklogEditor.Failure {
            throw CommandFailure(message: failure.description)
        }
    }

    static func print(_ item: BacklogItem, json: Bool, verb: String) throws {
        if json {
            Console.line(try DraftPrinter.json(item))
        } else {
            Console.line("\(verb) \(item.key.map { Format.clean($0) + " " } ?? "")“\(Format.clean(item.title))” (\(item.id.short), \(item.status.rawValue))")
        }
    }
}
