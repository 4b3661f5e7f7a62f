import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium feedback seen|new|dismiss|restore|tag|link|unlink`: feedback triage from the
/// command line, as the Customer Representative pane does it (N, x, T, L, U there).
struct Feedback: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Triage feedback: mark it seen, dismiss it as noise, tag it, link it to a backlog item.",
        discussion: """
            Items are named by their ids (at least 4 characters; podium list feedback shows the last 8).
            Dismissed feedback is kept and shown apart, and no AI job reads it. Examples:
              podium feedback seen 1a2b3c4d 5e6f7a8b
              podium feedback dismiss 9c0d1e2f
              podium feedback tag 1a2b3c4d --add billing,urgent --remove triage
              podium feedback link 1a2b3c4d 5e6f7a8b --to LED-104
              podium feedback link 3a4b5c6d --to LED-104 --praise
            """,
        subcommands: [Seen.self, New.self, Dismiss.self, Restore.self, Tag.self, Link.self, Unlink.self])

    /// The items named on the command line.
    struct Items: ParsableArguments {
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "Feedback ids (or at least 4 characters of each).") var ids: [String] = []
        @Flag(help: "Print the changed items as JSON.") var json = false

        func validate() throws {
            if ids.isEmpty { throw ValidationError("name at least one feedback item by its id (podium list feedback shows them)") }
        }

        func resolve(in snapshot: WorkspaceSnapshot) throws -> [FeedbackItem] {
            var seen = Set<RecordID<FeedbackItem>>()
            return try ids.map { try IDLookup.find($0, in: snapshot.feedback, noun: "feedback item") }.filter { seen.insert($0.id).inserted }
        }

        /// Prints the items as they are now.
        func report(_ ids: [RecordID<FeedbackItem>], in store: WorkspaceStore, summary: String) throws {
            let items = ids.compactMap { store.snapshot.feedback[$0] }
            if json {
                Console.line(try DraftPrinter.json(items))
            } else {
                Console.line(summary)
            }
        }
    }

    /// Sets the triage of the named items.
    private static func triage(_ items: Items, to state: FeedbackTriage?) throws {
        let store = try items.workspaceOptions.open()
        let found = try items.resolve(in: store.snapshot)
        let change = Dictionary(uniqueKeysWithValues: found.map { ($0.id, state) })
        let summary = FeedbackEditor.describe(change)
        try FeedbackEditor(store: store).setTriage(change, summary: summary)
        try items.report(found.map(\.id), in: store, summary: summary + (state == .dismissed ? " (kept; AI jobs leave it out)" : ""))
    }

    struct Seen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark feedback seen.")
        @OptionGroup var items: Items
        func run() throws { try Feedback.triage(items, to: .seen) }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark feedback new again.")
        @OptionGroup var items: Items
        func run() throws { try Feedback.triage(items, to: nil) }
    }

    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dismiss feedback as noise: kept and shown apart, left out of every AI job.")
        @OptionGroup var items: Items
        func run() throws { try Feedback.triage(items, to: .dismissed) }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring dismissed feedback back (as seen).")
        @OptionGroup var items: Items
        func run() throws { try Feedback.triage(items, to: .seen) }
    }

    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or remove tags.")
        @OptionGroup var items: Items
        @Option(help: "Tags to add, comma separated.") var add: String?
        @Option(help: "Tags to remove, comma separated (any case).") var remove: String?

        func validate() throws {
            if add == nil && remove == nil { throw ValidationError("give --add TAGS, --remove TAGS or both") }
        }

        func run() throws {
            let store = try items.workspaceOptions.open()
            let found = try items.resolve(in: store.snapshot)
            func list(_ text: String?) -> [String] {
                (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let adding = list(add), removing = Set(list(remove).map { $0.lowercased() })
            var tags: [RecordID<FeedbackItem>: [String]] = [:]
            for item in found {
                var seen = Set<String>()
                let updated = (item.tags + adding).filter { !removing.contains($0.lowercased()) && seen.insert($0.lowercased()).inserted }
                if updated != item.tags { tags[item.id] = updated }
            }
            guard !tags.isEmpty else {
                try items.report(found.map(\.id), in: store, summary: "No tag changed.")
                return
            }
            let summary = "Tagged \(Format.count(tags.count, "feedback item"))"
                + (adding.isEmpty ? "" : ": +" + adding.joined(separator: ", +")) + (removing.isEmpty ? "" : " -" + list(remove).joined(separator: ", -"))
            try FeedbackEditor(store: store).setTags(tags, summary: summary)
            try items.report(found.map(\.id), in: store, summary: summary)
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link feedback to a backlog item as demand (or as praise).")
        @OptionGroup var items: Items
        @Option(help: "The backlog item: its key or id.") var to: String
        @Flag(help: "Link as praise (validation: kept apart, never counted as demand).") var praise = false

        func run() throws {
            let store = try items.workspaceOptions.open()
            let named = try items.resolve(in: store.snapshot)
            // Feedback dismissed as noise is evidence of nothing: it is not linked.
            let found = named.filter { $0.triage != .dismissed }
            guard !found.isEmpty else { throw CommandFailure(message: "dismissed feedback is not linked: podium feedback restore ID brings it back first") }
            if found.count < named.count { Console.warning("\(named.count - found.count) dismissed item\(named.count - found.count == 1 ? " is" : "s are") left out") }
            let target = try Backlog.find(to, in: store.snapshot)
            let kind: FeedbackLinkKind = praise ? .validation : .demand
            let summary = "Linked \(Format.count(found.count, "feedback item")) to \(target.key.map { $0 + " " } ?? "")“\(target.title)” as \(praise ? "praise" : "demand")"
            try FeedbackEditor(store: store).setLinks(of: target.id, Dictionary(uniqueKeysWithValues: found.map { ($0.id, kind) }), summary: summary)
            try items.report(found.map(\.id), in: store, summary: Format.clean(summary))
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unlink feedback from a backlog item.")
        @OptionGroup var items: Items
        @Option(help: "The backlog item: its key or id.") var from: String

        func run() throws {
            let store = try items.workspaceOptions.open()
            let found = try items.resolve(in: store.snapshot)
            let target = try Backlog.find(from, in: store.snapshot)
            let linked = found.filter { target.linkKind(of: $0.id) != nil }
            guard !linked.isEmpty else { throw CommandFailure(message: "none of these feedback items is linked to \(Format.clean(target.title))") }
            let summary = "Unlinked \(Format.count(linked.count, "feedback item")) from \(target.key.map { $0 + " " } ?? "")“\(target.title)”"
            try FeedbackEditor(store: store).setLinks(of: target.id, Dictionary(uniqueKeysWithValues: linked.map { ($0.id, nil) }), summary: summary)
            try items.report(linked.map(\.id), in: store, summary: Format.clean(summary))
        }
    }
}
