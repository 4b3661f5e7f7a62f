import Foundation
import PodiumCore
import PodiumStore

/// Finds any record of a workspace by its id (whole, or the 8 characters Podium shows), and
/// renders records as JSON whose every string is the sanitized text Podium shows. Short ids
/// are looked up in an index of every record's last 8 characters, made once per finder on
/// the first short id (a draft citing 2,000 short ids must not scan 100,000 items each time).
final class RecordFinder {
    let snapshot: WorkspaceSnapshot
    private var byLastEight: [Substring: [ArtifactReference]]?

    init(snapshot: WorkspaceSnapshot) {
        self.snapshot = snapshot
    }

    /// A record found: its kind, its full id and its JSON.
    struct Found {
        var reference: ArtifactReference
        var json: Any
    }

    /// The kinds of record an agent may cite or read.
    private static let kinds: [ArtifactKind] = [.feedback, .backlog, .stakeholder, .persona, .experiment, .decision, .communication, .draft, .job]

    /// Every record whose id is `id`, or ends with it (8 characters or more).
    private func candidates(_ id: String) -> [ArtifactReference] {
        let whole = Self.kinds.filter { json(of: ArtifactReference(kind: $0, id: id)) != nil }
        if !whole.isEmpty { return whole.map { ArtifactReference(kind: $0, id: id) } }
        guard id.count >= 8 else { return [] }
        if byLastEight == nil {
            var index: [Substring: [ArtifactReference]] = [:]
            func add<Record: WorkspaceRecord>(_ kind: ArtifactKind, _ table: RecordTable<Record>) {
                for record in table.values { index[record.id.rawValue.suffix(8), default: []].append(ArtifactReference(kind: kind, id: record.id.rawValue)) }
            }
            add(.feedback, snapshot.feedback)
            add(.backlog, snapshot.backlog)
            add(.stakeholder, snapshot.stakeholders)
            add(.persona, snapshot.personas)
            add(.experiment, snapshot.experiments)
            add(.decision, snapshot.decisions)
            add(.communication, snapshot.communications)
            add(.draft, snapshot.drafts)
            add(.job, snapshot.jobs)
            byLastEight = index
        }
        return (byLastEight?[id.suffix(8)] ?? []).filter { $0.id.hasSuffix(id) }
    }

    /// The JSON of the record `reference` names, if it exists.
    private func json(of reference: ArtifactReference) -> (() throws -> Any)? {
        func record<Record: WorkspaceRecord & Encodable>(_ table: RecordTable<Record>) -> (() throws -> Any)? {
            table[RecordID(reference.id)].map { found in { try Self.json(found) } }
        }
        switch reference.kind {
        case .feedback: return record(snapshot.feedback)
        case .backlog: return record(snapshot.backlog)
        case .stakeholder: return record(snapshot.stakeholders)
        case .persona: return record(snapshot.personas)
        case .experiment: return record(snapshot.experiments)
        case .decision: return record(snapshot.decisions)
        case .communication: return record(snapshot.communications)
        case .draft: return record(snapshot.drafts)
        case .job: return record(snapshot.jobs)
        case .product, .annotations: return nil
        }
    }

    /// The record with id `id` (the product for "product"); nil when none or more than one has it.
    func find(_ id: String) throws -> Found? {
        let id = Self.normalized(id)
        if id == "product" { return Found(reference: ArtifactReference(kind: .product, id: "product"), json: try Self.json(snapshot.product)) }
        let found = candidates(id)
        guard found.count == 1, let only = found.first, let json = json(of: only) else { return nil }
        return Found(reference: only, json: try json())
    }

    /// The reference of the record `id` names, if exactly one does (no JSON made).
    func reference(_ id: String) -> ArtifactReference? {
        let id = Self.normalized(id)
        if id == "product" { return ArtifactReference(kind: .product, id: "product") }
        let found = candidates(id)
        return found.count == 1 ? found[0] : nil
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
