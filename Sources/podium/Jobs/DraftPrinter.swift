import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// How drafts print on the command line: as text for people, as JSON for scripts.
enum DraftPrinter {
    /// A draft as an object for scripts: id, kind, status, content, evidence (and the ids
    /// per theme or persona, for drafts that group their evidence).
    struct Output: Encodable {
        var id: String
        var jobID: String?
        var kind: String
        var stance: String
        var status: String
        var title: String
        var content: String
        var evidence: [EvidenceOutput]
        var evidenceGroups: [String: [String]]?
        var figures: [Figure]
        var provider: ProviderInfo
        var target: String?
        var unknownReferences: [String]?
        /// Sentences whose citation was not sent to the model or does not support them.
        var flaggedCitations: [FlaggedCitation]?
        /// What accepting applies (as edited), as data.
        var proposal: DraftProposal?
        var edits: [DraftEdit]
        var createdAt: Date
        var reviewedAt: Date?
        var reviewNote: String?

        init(_ draft: Draft) {
            id = draft.id.rawValue
            jobID = draft.jobID?.rawValue
            kind = draft.kind.rawValue
            stance = draft.stance.rawValue
            status = draft.status.rawValue
            title = draft.title
            content = draft.content
            evidence = draft.evidence.map { EvidenceOutput(kind: $0.reference.kind.rawValue, id: $0.reference.id, detail: $0.detail, group: $0.group) }
            var groups: [String: [String]] = [:]
            for item in draft.evidence { if let group = item.group { groups[group, default: []].append(item.reference.id) } }
            evidenceGroups = groups.isEmpty ? nil : groups
            figures = draft.figures
            provider = draft.provider
            target = draft.target?.description
            unknownReferences = draft.unknownReferences
            flaggedCitations = draft.flaggedCitations
            proposal = draft.proposal
            edits = draft.edits
            createdAt = draft.createdAt
            reviewedAt = draft.reviewedAt
            reviewNote = draft.reviewNote
        }
    }

    struct EvidenceOutput: Encodable {
        var kind: String
        var id: String
        var detail: String?
        var group: String?
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try WorkspaceJSON.encoder().encode(value), as: UTF8.self)
    }

    /// The draft for people: a header, its text, and its evidence in short.
    static func text(_ draft: Draft, snapshot: WorkspaceSnapshot) -> String {
        var lines = ["Draft \(draft.id.short) · \(draft.kind) · \(draft.status.rawValue) · \(draft.provider.name) (\(draft.provider.model))"
                        + (draft.provider.host.map { " @ \($0)" } ?? "") + " · \(draft.createdAt.formatted(.iso8601))",
                     ""]
        if !draft.edits.isEmpty, let last = draft.edits.last {
            lines.append("Edited \(draft.edits.count)× (last by \(last.by.sanitizedForTerminal()), \(last.at.formatted(.iso8601)))")
        }
        if let note = draft.reviewNote {
            lines.append("\(draft.status == .rejected ? "Rejected" : "Note"): \(note.sanitizedForTerminal())")
        }
        if !draft.edits.isEmpty || draft.reviewNote != nil { lines.append("") }
        lines.append(draft.content.sanitizedForTerminal(keepingLineBreaks: true))
        lines.append("")
        let counts = Dictionary(grouping: draft.evidence, by: \.reference.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        lines.append("Evidence: " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")) + " (podium drafts show \(draft.id.short) --json lists every id)")
        if !draft.figures.isEmpty {
            lines.append("Figures: " + draft.figures.prefix(8).map { "\($0.name) = \(format($0.value))" }.joined(separator: "; ").sanitizedForTerminal())
        }
        if let unknown = draft.unknownReferences, !unknown.isEmpty {
            lines.append("Warning: cites \(unknown.count) record(s) that do not exist: \(unknown.prefix(5).joined(separator: ", "))")
        }
        if let flagged = draft.flaggedCitations, !flagged.isEmpty {
            lines.append("Warning: \(flagged.count) sentence(s) cite a record not given to the model or that does not say it:")
            lines += flagged.prefix(10).map { "  [#\($0.id.sanitizedForTerminal())] \($0.reason): “\($0.sentence.sanitizedForTerminal())”" }
            if flagged.count > 10 { lines.append("  … and \(flagged.count - 10) more (podium drafts show \(draft.id.short) --json)") }
        }
        if draft.status == .pending || draft.status == .interrupted {
            // What accepting applies, which may differ from what the text says (an agent's
            // text and its proposed changes are checked apart): the reviewer sees both.
            let changes = DraftChanges.lines(draft, in: snapshot).filter { if case .kept = $0 { false } else { true } }
            if !changes.isEmpty {
                lines += ["", "Accepting would change (- now, + after):"]
                lines += changes.prefix(40).map { line -> String in
                    switch line {
                    case let .added(text): "+ " + text.sanitizedForTerminal()
                    case let .removed(text): "- " + text.sanitizedForTerminal()
                    case let .kept(text): "  " + text.sanitizedForTerminal()
                    }
                }
                if changes.count > 40 { lines.append("… and \(changes.count - 40) more lines (d in the dashboard's review shows them all)") }
            }
        }
        if let info = draft.kind.info, draft.status == .pending {
            lines.append("Accept: podium drafts accept \(draft.id.short)  (\(info.onAccept)) · reject: podium drafts reject \(draft.id.short)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
