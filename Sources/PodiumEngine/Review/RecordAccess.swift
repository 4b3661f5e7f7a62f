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
        }
    }
}
