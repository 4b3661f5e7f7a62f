import Foundation
import PodiumCore
import PodiumStore

/// Turns a workspace snapshot into files for people and other tools.
public enum WorkspaceExporter {
    /// The formats `podium export` writes.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, json, csv
        /// A stakeholder report in one self-contained HTML file (drawn by PodiumReport).
        case html
    }

    /// The collections that can be exported as CSV.
    public static let csvCollections: [RecordCollection] = [.feedback, .backlog, .stakeholders, .experiments, .decisions]

    /// The whole workspace as one JSON document, records in creation order.
    public static func json(_ snapshot: WorkspaceSnapshot) throws -> String {
        let document = ExportDocument(
            product: snapshot.product, feedback: snapshot.feedback.all.map(\.withAnnotationsApplied), backlog: snapshot.orderedBacklog.map(\.withAnnotationsApplied),
            stakeholders: snapshot.stakeholders.all, personas: snapshot.personas.all,
            experiments: snapshot.experiments.all, decisions: snapshot.decisions.all,
            communications: snapshot.communications.all, drafts: snapshot.drafts.all, rules: snapshot.rules.all,
            audit: snapshot.audit.all)
        return String(decoding: try WorkspaceJSON.encode(document, what: "the workspace"), as: UTF8.self)
    }

    /// One collection as CSV, a row per record.
    public static func csv(_ snapshot: WorkspaceSnapshot, collection: RecordCollection) throws -> String {
        func number(_ value: Double?) -> String { value.map { String(format: "%g", $0) } ?? "" }
        func date(_ value: Date?) -> String { value.map { $0.formatted(.iso8601) } ?? "" }
        switch collection {
        case .feedback:
            var writer = CSVWriter(header: ["id", "date", "source", "author", "segment", "rating", "rating_scale", "sentiment", "tags", "text"])
            for item in snapshot.feedback.all {
                writer.append([item.id.rawValue, date(item.createdAt), item.source.rawValue, item.author ?? "", item.segment ?? "",
                               number(item.rating?.value), item.rating?.scale.rawValue ?? "", number(item.currentSentiment),
                               item.currentTags.joined(separator: "; "), item.text])
            }
            return writer.text
        case .backlog:
            var writer = CSVWriter(header: ["order", "id", "title", "status", "reach", "impact", "confidence", "effort", "rice",
                                            "business_value", "time_criticality", "risk_reduction", "job_size", "wsjf",
                                            "linked_feedback", "tags", "description"])
            for item in snapshot.orderedBacklog {
                writer.append([String(item.order), item.id.rawValue, item.title, item.status.rawValue,
                               number(item.rice.reach), number(item.rice.impact), number(item.rice.confidence),
                               number(item.rice.effort), number(item.rice.score), number(item.wsjf.businessValue),
                               number(item.wsjf.timeCriticality), number(item.wsjf.riskReduction), number(item.wsjf.jobSize),
                               number(item.wsjf.score), String(item.linkedFeedback.count), item.tags.joined(separator: "; "),
                               item.description])
            }
            return writer.text
        case .stakeholders:
            var writer = CSVWriter(header: ["id", "name", "role", "influence", "interest", "quadrant", "notes"])
            for person in snapshot.stakeholders.all {
                writer.append([person.id.rawValue, person.name, person.role, String(person.influence), String(person.interest),
                               person.quadrant.rawValue, person.notes])
            }
            return writer.text
        case .experiments:
            var writer = CSVWriter(header: ["id", "title", "status", "hypothesis", "metric", "target", "starts", "ends", "result"])
            for experiment in snapshot.experiments.all {
                writer.append([experiment.id.rawValue, experiment.title, experiment.status.rawValue, experiment.hypothesis,
                               experiment.metric, experiment.target, date(experiment.startsAt), date(experiment.endsAt),
                               experiment.result ?? ""])
            }
            return writer.text
        case .decisions:
            var writer = CSVWriter(header: ["id", "decided", "title", "choice", "options", "rationale", "review"])
            for decision in snapshot.decisions.all {
                writer.append([decision.id.rawValue, date(decision.decidedAt), decision.title, decision.choice,
                               decision.options.joined(separator: "; "), decision.rationale, date(decision.reviewAt)])
            }
            return writer.text
        default:
            throw ExportError.unsupportedCollection(collection, csvCollections)
        }
    }
}

/// Why an export could not be made.
public enum ExportError: Error, CustomStringConvertible, Equatable {
    case unsupportedCollection(RecordCollection, [RecordCollection])

    public var description: String {
        switch self {
        case let .unsupportedCollection(collection, supported):
            "\(collection.rawValue) cannot be exported as CSV; choose one of "
                + supported.map(\.rawValue).joined(separator: ", ") + " (or export JSON)"
        }
    }
}

/// The shape of a JSON export.
struct ExportDocument: Encodable {
    var product: Product
    var feedback: [FeedbackItem]
    var backlog: [BacklogItem]
    var stakeholders: [Stakeholder]
    var personas: [Persona]
    var experiments: [Experiment]
    var decisions: [Decision]
    var communications: [Communication]
    var drafts: [Draft]
    var rules: [AutomationRule]
    var audit: [AuditEntry]
}
