import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTUI

/// `podium edit stakeholder|experiment|decision [ID]`: a record as a short Markdown document,
/// in $EDITOR or from a file, as the dashboard's e and n write it.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Add or edit a stakeholder, an experiment or a decision as a document (in $EDITOR, or from a file).",
        discussion: """
            Without an id, a new record. The document has one heading per field; --print shows it.
            Examples:
              podium edit stakeholder "Ana Ruiz"            # in $VISUAL or $EDITOR
              podium edit experiment 1a2b --print > exp.md  # then edit exp.md …
              podium edit experiment 1a2b --from exp.md     # … and save it
              podium edit decision                          # record a new decision
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case stakeholder, experiment, decision
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @Argument(help: "stakeholder, experiment or decision.") var kind: Kind
    @Argument(help: "The record: its id (at least 4 characters), or a stakeholder's name. None: a new one.") var record: String?
    @Option(help: "Read the document from this file (- for standard input) instead of opening an editor.") var from: String?
    @Flag(help: "Print the document and change nothing.") var print = false
    @Flag(help: "Print the saved record as JSON.") var json = false

    func run() throws {
        let store = try workspaceOptions.open()
        let snapshot = store.snapshot
        switch kind {
        case .stakeholder:
            let existing = try record.map { name in
                try snapshot.stakeholders.values.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                    ?? IDLookup.find(name, in: snapshot.stakeholders, noun: "stakeholder")
            }
            try edit(existing, in: store, stance: .collaborator)
        case .experiment:
            try edit(try record.map { try IDLookup.find($0, in: snapshot.experiments, noun: "experiment") }, in: store, stance: .experimenter)
        case .decision:
            try edit(try record.map { try IDLookup.find($0, in: snapshot.decisions, noun: "decision") }, in: store, stance: .decisionMaker)
        }
    }

    private func edit<Record: DocumentEditable>(_ existing: Record?, in store: WorkspaceStore, stance: Stance) throws {
        let base = existing ?? Record.blank(now: Date())
        let document = RecordDocument.write(base)
        if print {
            Console.write(document)
            return
        }
        let text: String
        if let from {
            text = from == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : try String(contentsOfFile: (from as NSString).expandingTildeInPath, encoding: .utf8)
        } else {
            guard let edited = try ExternalEditor.edit(document, name: Record.noun) else {
                Console.line("Nothing changed.")
                return
            }
            text = edited
        }
        let edited: Record
        do {
            edited = try RecordDocument.read(text, into: base)
        } catch {
            throw CommandFailure(message: "nothing saved: \(error)" + (from == nil ? keep(text, noun: Record.noun) : ""))
        }
        guard existing.map({ $0 != edited }) ?? true else {
            Console.line("Nothing changed.")
            return
        }
        let before = try RecordEditor<Record>(store: store, stance: stance).save(edited)
        if json {
            Console.line(try DraftPrinter.json(edited))
        } else {
            Console.line((before == nil ? "Added the \(Record.noun) “" : "Saved the \(Record.noun) “") + Format.clean(edited.documentTitle) + "” (\(edited.id.short))")
        }
    }

    /// Keeps a refused document's text in a private file and says how to try again.
    private func keep(_ text: String, noun: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("podium-unsaved-\(noun)-\(getpid()).md").path
        guard (try? AtomicFile.write(Data(text.utf8), to: path)) != nil else { return "" }
        return "\nyour text is kept in \(path): fix it and run podium edit \(noun) \(record ?? "") --from \(path)"
    }
}
