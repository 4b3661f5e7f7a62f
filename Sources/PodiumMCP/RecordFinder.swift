import Foundation
import PodiumCore
import PodiumStore

/// Finds any record of a workspace by its id (whole, or the 8 characters Podium shows), and
/// renders records as JSON whose every string is the sanitized text Podium shows.
struct RecordFinder {
    let snapshot: WorkspaceSnapshot

    /// A record found: its kind, its full id and its JSON.
    struct Found {
        var reference: ArtifactReference
        var json: Any
    }

    /// The kinds of record an agent may cite or read, with their tables.
    private func candidates(_ id: String) -> [(ArtifactKind, String, () throws -> Any)] {
        var found: [(ArtifactKind, String, () throws -> Any)] = []
        func look<Record: WorkspaceRecord & Encodable>(_ kind: ArtifactKind, _ table: RecordTable<Record>) {
            if let record = table[RecordID(id)] {
                found.append((kind, id, { try Self.json(record) }))
                return
            }
            guard id.count >= 8 else { return }
            for record in table.values where record.id.rawValue.hasSuffix(id) {
                found.append((kind, record.id.rawValue, { try Self.json(record) }))
            }
        }
        look(.feedback, snapshot.feedback)
        look(.backlog, snapshot.backlog)
        look(.stakeholder, snapshot.stakeholders)
        look(.persona, snapshot.personas)
        look(.experiment, snapshot.experiments)
        look(.decision, snapshot.decisions)
        look(.communication, snapshot.communications)
        look(.draft, snapshot.drafts)
        look(.job, snapshot.jobs)
        return found
    }

    /// The record with id `id` (the product for "product"); nil when none or more than one has it.
    func find(_ id: String) throws -> Found? {
        let id = Self.normalized(id)
        if id == "product" { return Found(reference: ArtifactReference(kind: .product, id: "product"), json: try Self.json(snapshot.product)) }
        let found = candidates(id)
        guard found.count == 1, let only = found.first else { return nil }
        return Found(reference: ArtifactReference(kind: only.0, id: only.1), json: try only.2())
    }

    /// The reference of the record `id` names, if exactly one does (no JSON made).
    func reference(_ id: String) -> ArtifactReference? {
        let id = Self.normalized(id)
        if id == "product" { return ArtifactReference(kind: .product, id: "product") }
        let found = candidates(id)
        return found.count == 1 ? ArtifactReference(kind: found[0].0, id: found[0].1) : nil
    }

    /// An id as given ("[#1A2B3C4D]", " 1a2b3c4d"), as Podium writes ids: lower case, bare.
    static func normalized(_ id: String) -> String {
        id.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#[]")).lowercased()
    }

    /// A value as JSON with every string made safe to show (control characters removed).
    static func json(_ value: some Encodable) throws -> Any {
        let data = try WorkspaceJSON.encoder().encode(value)
        return clean(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// Every string of a JSON value, sanitized.
    static func clean(_ value: Any) -> Any {
        switch value {
        case let text as String: return text.sanitizedForTerminal(keepingLineBreaks: true)
        case let list as [Any]: return list.map(clean)
        case let object as [String: Any]: return object.mapValues(clean)
        default: return value
        }
    }
}
