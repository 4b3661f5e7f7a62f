import Foundation
import PodiumCore
import PodiumStore

/// Reads and writes any record of a transaction by its reference, as JSON: what accepting
/// a draft keeps so that the acceptance can be undone.
enum RecordAccess {
    /// The record as JSON, or nil when it does not exist.
    static func json(of reference: ArtifactReference, in transaction: WorkspaceTransaction) throws -> String? {
        func encode<Record: Encodable>(_ record: Record?) throws -> String? {
            guard let record else { return nil }
            return String(decoding: try WorkspaceJSON.encoder().encode(record), as: UTF8.self)
        }
        let id = reference.id
        switch reference.kind {
        case .product: return try encode(transaction.product)
        case .feedback: return try encode(transaction.record(FeedbackItem.self, id: RecordID(id)))
        case .backlog: return try encode(transaction.record(BacklogItem.self, id: RecordID(id)))
        case .stakeholder: return try encode(transaction.record(Stakeholder.self, id: RecordID(id)))
        case .persona: return try encode(transaction.record(Persona.self, id: RecordID(id)))
        case .experiment: return try encode(transaction.record(Experiment.self, id: RecordID(id)))
        case .decision: return try encode(transaction.record(Decision.self, id: RecordID(id)))
        case .communication: return try encode(transaction.record(Communication.self, id: RecordID(id)))
        case .draft: return try encode(transaction.record(Draft.self, id: RecordID(id)))
        case .job: return try encode(transaction.record(Job.self, id: RecordID(id)))
        case .annotations:
            // Kept by its identity, not its (large) content: an annotations file is written
            // once, by the acceptance that made it, and only removed after.
            return transaction.record(FeedbackAnnotations.self, id: RecordID(id)).map(annotationsIdentity)
        }
    }

    /// Puts the record back as `json`, or deletes it when `json` is nil.
    static func restore(_ reference: ArtifactReference, to json: String?, in transaction: inout WorkspaceTransaction) throws {
        func put<Record: WorkspaceRecord>(_ type: Record.Type) throws {
            if let json {
                try transaction.save(try WorkspaceJSON.decoder().decode(Record.self, from: Data(json.utf8)))
            } else {
                transaction.delete(Record.self, id: RecordID(reference.id))
            }
        }
        switch reference.kind {
        case .product:
            guard let json else { throw EngineError.cannotApply("The product cannot be removed.") }
            try transaction.setProduct(try WorkspaceJSON.decoder().decode(Product.self, from: Data(json.utf8)))
        case .feedback: try put(FeedbackItem.self)
        case .backlog: try put(BacklogItem.self)
        case .stakeholder: try put(Stakeholder.self)
        case .persona: try put(Persona.self)
        case .experiment: try put(Experiment.self)
        case .decision: try put(Decision.self)
        case .communication: try put(Communication.self)
        case .draft: try put(Draft.self)
        case .job: try put(Job.self)
        case .annotations:
            guard json == nil else { throw EngineError.cannotApply("An annotations file cannot be put back; accept its draft again.") }
            transaction.delete(FeedbackAnnotations.self, id: RecordID(reference.id))
        }
    }

    /// What an acceptance keeps of the annotations file it wrote: its id, kind and size.
    static func annotationsIdentity(_ annotations: FeedbackAnnotations) -> String {
        "{\"annotations\":\"\(annotations.id.rawValue)\",\"kind\":\"\(annotations.kind)\",\"items\":\(annotations.itemCount)}"
    }

    /// Whether two saved forms of a record say the same, when was it last touched aside: a
    /// backlog item moved and moved back is as the acceptance left it.
    static func sameContent(_ left: String?, _ right: String?) -> Bool {
        guard left != right else { return true }
        guard let left, let right,
              var a = try? JSONSerialization.jsonObject(with: Data(left.utf8)) as? [String: Any],
              var b = try? JSONSerialization.jsonObject(with: Data(right.utf8)) as? [String: Any] else { return false }
        a["updatedAt"] = nil
        b["updatedAt"] = nil
        return NSDictionary(dictionary: a).isEqual(to: b)
    }

    /// A record as a person knows it: "backlog item “Offline sync”", "feedback “The app…”".
    static func name(of reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> String {
        let id = RecordID<BacklogItem>(reference.id)
        func quoted(_ text: String) -> String {
            let line = text.sanitizedForTerminal()
            return "“" + (line.count > 50 ? String(line.prefix(49)) + "…" : line) + "”"
        }
        switch reference.kind {
        case .backlog: return snapshot.backlog[id].map { "backlog item " + quoted($0.title) } ?? reference.description
        case .feedback: return snapshot.feedback[RecordID(reference.id)].map { "feedback " + quoted($0.text) } ?? reference.description
        case .experiment: return snapshot.experiments[RecordID(reference.id)].map { "experiment " + quoted($0.title) } ?? reference.description
        case .stakeholder: return snapshot.stakeholders[RecordID(reference.id)].map { "stakeholder " + quoted($0.name) } ?? reference.description
        case .persona: return snapshot.personas[RecordID(reference.id)].map { "persona " + quoted($0.name) } ?? reference.description
        case .decision: return snapshot.decisions[RecordID(reference.id)].map { "decision " + quoted($0.title) } ?? reference.description
        case .communication: return snapshot.communications[RecordID(reference.id)].map { "communication " + quoted($0.title) } ?? reference.description
        case .product: return "product's vision and goal"
        case .annotations:
            return snapshot.annotations[RecordID(reference.id)].map { "\($0.kind) annotations of \($0.itemCount) feedback items" } ?? reference.description
        default: return reference.description
        }
    }
}
