import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTUI

/// `podium drafts …`: review AI drafts from the command line.
struct Drafts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, accept, reject, edit or undo AI drafts.",
        subcommands: [ListDrafts.self, Show.self, Accept.self, Reject.self, Edit.self, Undo.self],
        defaultSubcommand: ListDrafts.self)

    /// `podium drafts list`
    /// The workspace to review draft `id` in: the one given, or with `--all-workspaces` the one
    /// workspace of the list that holds it (an id in two of them must be given longer).
    static func store(holding id: String, workspace: WorkspaceOptions, portfolio: PortfolioOptions) throws -> WorkspaceStore {
        guard portfolio.allWorkspaces else { return try workspace.open() }
        let holders = try portfolio.members(deferring: PortfolioMember.notForTheInbox).filter { member in
            guard let store = member.store else { return false }
            return (try? IDLookup.find(id, in: store.snapshot.drafts, noun: "draft")) != nil
        }
        guard let first = holders.first, let store = first.store else {
            throw CommandFailure(message: "no workspace on the list has a draft \(id.sanitizedForTerminal()) (podium drafts list --all-workspaces)")
        }
        guard holders.count == 1 else {
            let names = holders.map { $0.entry.name.sanitizedForTerminal() }.joined(separator: " and ")
            let ids = Set(holders.compactMap { try? IDLookup.find(id, in: $0.store!.snapshot.drafts, noun: "draft").id })
            // The very same draft in two workspaces: copies of one workspace (a folder copied, two clones).
            if ids.count == 1 {
                throw CommandFailure(message: "draft \(id.sanitizedForTerminal()) is in \(names), which look like copies of one workspace: "
                    + "choose one with -w PATH instead of --all-workspaces")
            }
            throw CommandFailure(message: "draft \(id.sanitizedForTerminal()) is in \(names): give more of its id")
        }
        Console.line("In \(first.entry.name.sanitizedForTerminal()) (\(first.entry.path.sanitizedForTerminal()))")
        return store
    }

    struct ListDrafts: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List drafts, pending ones first.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var portfolioOptions: PortfolioOptions

        @Flag(help: "Include drafts already accepted, rejected or superseded.")
        var all = false

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws { try portfolioOptions.validate(with: workspaceOptions) }

        /// The drafts to list in one workspace, pending ones first.
        func drafts(in snapshot: WorkspaceSnapshot) -> [Draft] {
            snapshot.drafts.all.reversed().filter { all || $0.status == .pending || $0.status == .interrupted }
                .sorted { ($0.status == .pending ? 0 : 1) < ($1.status == .pending ? 0 : 1) }
        }

        /// A draft of one product, for `--all-workspaces --json`.
        struct ProductDraft: Encodable {
            var workspace: String
            var path: String
            var draft: DraftPrinter.Output
        }

        func run() throws {
            if portfolioOptions.allWorkspaces { return try runAcrossPortfolio() }
            let drafts = drafts(in: try workspaceOptions.open().snapshot)
            if json {
                Console.line(try DraftPrinter.json(drafts.map(DraftPrinter.Output.init)))
                return
            }
            guard !drafts.isEmpty else {
                Console.line(all ? "No drafts yet. podium run JOB makes one." : "No drafts wait for review (--all shows reviewed ones).")
                return
            }
            let rows = drafts.map { draft in
                [draft.id.short, draft.status.rawValue, draft.kind.rawValue, draft.title, Self.madeBy(draft), Self.age(draft.createdAt)]
            }
            Console.write(TextTable(headers: ["ID", "STATUS", "KIND", "TITLE", "BY", "AGE"], rows: rows, flexibleColumn: 3).render(width: Console.width))
        }

        /// Every product's drafts in one list: the inbox of a Product Owner for several teams.
        func runAcrossPortfolio() throws {
            var listed: [(member: PortfolioMember, draft: Draft)] = []
            for member in try portfolioOptions.members(deferring: PortfolioMember.notForTheInbox) {
                guard let store = member.store else { continue }
                listed += drafts(in: store.snapshot).map { (member, $0) }
            }
            if json {
                Console.line(try DraftPrinter.json(listed.map { ProductDraft(workspace: $0.member.entry.name, path: $0.member.entry.path,
                                                                            draft: DraftPrinter.Output($0.draft)) }))
                return
            }
            guard !listed.isEmpty else {
                Console.line("No drafts wait for review in any workspace.")
                return
            }
            let rows = listed.map { member, draft in
                [Format.clean(member.entry.name), draft.id.short, draft.status.rawValue, draft.kind.rawValue, draft.title, Self.madeBy(draft), Self.age(draft.createdAt)]
            }
            Console.write(TextTable(headers: ["WORKSPACE", "ID", "STATUS", "KIND", "TITLE", "BY", "AGE"], rows: rows, flexibleColumn: 4)
                .render(width: Console.width))
            Console.line("Review one where it is: podium drafts show|accept|reject ID --all-workspaces")
        }

        static func age(_ date: Date) -> String { Format.age(date, now: Date()) }

        /// Who made it: "local" (the built-in engine), a provider's profile, or an agent (MCP).
        static func madeBy(_ draft: Draft) -> String {
            Format.clean(String(draft.provider.name.prefix(24)))
        }
    }

    /// `podium drafts show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a draft with its evidence.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var portfolioOptions: PortfolioOptions
        @Argument(help: "The draft's id (or its last characters).") var id: String
        @Flag(help: "Print JSON (every evidence id).") var json = false

        func validate() throws { try portfolioOptions.validate(with: workspaceOptions) }

        func run() throws {
            let snapshot = try Drafts.store(holding: id, workspace: workspaceOptions, portfolio: portfolioOptions).snapshot
            let draft = try IDLookup.find(id, in: snapshot.drafts, noun: "draft")
            Console.line(json ? try DraftPrinter.json(DraftPrinter.Output(draft)) : DraftPrinter.text(draft, snapshot: snapshot))
        }
    }

    /// `podium drafts accept ID`
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept a draft: apply it to the workspace (undo with podium drafts undo).")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var portfolioOptions: PortfolioOptions
        @Argument(help: "The draft's id (or its last characters).") var id: String
        @Option(help: "Why, for the audit log.") var note: String?

        func validate() throws { try portfolioOptions.validate(with: workspaceOptions) }

        func run() throws {
            let store = try Drafts.store(holding: id, workspace: workspaceOptions, portfolio: portfolioOptions)
            let draft = try IDLookup.find(id, in: store.snapshot.drafts, noun: "draft")
            let accepted = try review { try DraftReview(store: store).accept(draft.id, note: note) }
            let count = accepted.changedRecordCount
            Console.line("Accepted \(accepted.id.short) “\(accepted.title.sanitizedForTerminal())”: "
                + (count == 0 ? "kept as accepted." : "\(accepted.kind.info?.onAccept ?? "applied") (\(count) record\(count == 1 ? "" : "s") changed)."))
        }
    }

    /// `podium drafts reject ID`
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a draft (nothing else changes).")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var portfolioOptions: PortfolioOptions
        @Argument(help: "The draft's id (or its last characters).") var id: String
        @Option(help: "Why, kept on the draft and in the audit log.") var reason: String?

        func validate() throws { try portfolioOptions.validate(with: workspaceOptions) }

        func run() throws {
            let store = try Drafts.store(holding: id, workspace: workspaceOptions, portfolio: portfolioOptions)
            let draft = try IDLookup.find(id, in: store.snapshot.drafts, noun: "draft")
            let rejected = try review { try DraftReview(store: store).reject(draft.id, reason: reason) }
            Console.line("Rejected \(rejected.id.short) “\(rejected.title.sanitizedForTerminal())”.")
        }
    }

    /// `podium drafts edit ID`
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Edit a draft's text in $VISUAL or $EDITOR (or take it from a file).")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The draft's id (or its last characters).") var id: String
        @Option(help: "Take the new text from this file instead of opening an editor (- reads standard input).") var from: String?

        func run() throws {
            let store = try workspaceOptions.open()
            let draft = try IDLookup.find(id, in: store.snapshot.drafts, noun: "draft")
            let text: String
            if let from {
                let data: Data
                if from == "-" {
                    data = FileHandle.standardInput.readDataToEndOfFile()
                } else {
                    guard let contents = FileManager.default.contents(atPath: from) else {
                        throw CommandFailure(message: "\(from): " + (FileManager.default.fileExists(atPath: from) ? "cannot be read" : "no such file") + "; the draft was not changed")
                    }
                    data = contents
                }
                guard let decoded = String(data: data, encoding: .utf8) else {
                    throw CommandFailure(message: "\(from): not UTF-8 text; the draft was not changed")
                }
                text = decoded
            } else {
                do {
                    guard let edited = try ExternalEditor.edit(draft.content, name: "draft-\(draft.id.short)") else {
                        Console.line("Unchanged.")
                        return
                    }
                    text = edited
                } catch let error as ExternalEditor.Failure {
                    throw CommandFailure(message: error.description)
                }
            }
            let edited = try review { try DraftReview(store: store).edit(draft.id, content: text) }
            Console.line(edited.edits.count == draft.edits.count ? "Unchanged." : "Saved your edit of \(edited.id.short) (\(edited.edits.count) edit\(edited.edits.count == 1 ? "" : "s") so far).")
        }
    }

    /// `podium drafts undo ID`
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo accepting a draft (every record it changed is put back) or rejecting it; it waits for review again.")

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Argument(help: "The draft's id (or its last characters).") var id: String

        func run() throws {
            let store = try workspaceOptions.open()
            let draft = try IDLookup.find(id, in: store.snapshot.drafts, noun: "draft")
            if draft.status == .rejected {
                let restored = try review { try DraftReview(store: store).undoReject(draft.id) }
                Console.line("Undone: the rejection; \(restored.id.short) is pending again.")
                return
            }
            let restored = try review { try DraftReview(store: store).undoAccept(draft.id) }
            let count = draft.changedRecordCount
            Console.line("Undone: \(count) record\(count == 1 ? "" : "s") restored; \(restored.id.short) is pending again.")
        }
    }
}

/// Runs a review step, turning the engine's refusals into messages.
func review<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as EngineError {
        throw CommandFailure(message: error.description)
    }
}
