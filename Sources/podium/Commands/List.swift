import ArgumentParser
import Foundation
import PodiumCore
import PodiumStore

/// `podium list`: the records of one collection, as a table or JSON.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the records of one collection.",
        discussion: "Collections: \(Collection.allValueStrings.joined(separator: ", ")).")

    /// What can be listed: the product and every record collection.
    enum Collection: String, ExpressibleByArgument, CaseIterable {
        case product, feedback, backlog, stakeholders, personas, experiments, decisions, communications, drafts, jobs, audit

        init?(argument: String) {
            self.init(rawValue: argument.lowercased())
        }
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "What to list.")
    var collection: Collection

    @Flag(help: "Print JSON (records in creation order; the backlog in backlog order).")
    var json = false

    @Option(help: "Show at most this many records (the newest ones of the audit log).")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more") }
    }

    func run() throws {
        let snapshot = try workspaceOptions.open().snapshot
        if json {
            Console.write(try jsonText(snapshot))
        } else {
            Console.write(table(snapshot))
        }
    }

    private func limited<T>(_ records: [T]) -> [T] {
        limit.map { Array(records.prefix($0)) } ?? records
    }

    /// The newest `limit` records, still in the order they were made (a log's tail).
    private func newest<T>(_ records: [T]) -> [T] {
        limit.map { Array(records.suffix($0)) } ?? records
    }

    private func jsonText(_ snapshot: WorkspaceSnapshot) throws -> String {
        let encoder = WorkspaceJSON.encoder()
        let data: Data
        switch collection {
        case .product: data = try encoder.encode(snapshot.product)
        case .feedback: data = try encoder.encode(limited(snapshot.feedback.all).map(\.withAnnotationsApplied))
        case .backlog: data = try encoder.encode(limited(snapshot.orderedBacklog).map(\.withAnnotationsApplied))
        case .stakeholders: data = try encoder.encode(limited(snapshot.stakeholders.all))
        case .personas: data = try encoder.encode(limited(snapshot.personas.all))
        case .experiments: data = try encoder.encode(limited(snapshot.experiments.all))
        case .decisions: data = try encoder.encode(limited(snapshot.decisions.all))
        case .communications: data = try encoder.encode(limited(snapshot.communications.all))
        case .drafts: data = try encoder.encode(limited(snapshot.drafts.all))
        case .jobs: data = try encoder.encode(limited(snapshot.jobs.all).map(\.observed))
        case .audit: data = try encoder.encode(newest(snapshot.audit.all))
        }
        let text = String(decoding: data, as: UTF8.self)
        return (text.filter { !$0.isWhitespace } == "[]" ? "[]" : text) + "\n"
    }

    private func table(_ snapshot: WorkspaceSnapshot) -> String {
        func day(_ date: Date?) -> String { date.map(Format.day) ?? "" }
        let width = Console.width
        switch collection {
        case .product:
            let product = snapshot.product
            var lines = ["Name:          \(product.name.sanitizedForTerminal())",
                         "Vision:        \(product.vision.sanitizedForTerminal())",
                         "Product goal:  \(product.productGoal.sanitizedForTerminal())"]
            for measure in product.goalMeasures {
                let progress = measure.progress.map { ", \(Format.percent($0)) of the way" } ?? ""
                func value(_ number: Double) -> String {
                    Format.number(number) + measure.unit
                }
                lines.append("  \(measure.name.sanitizedForTerminal()): \(value(measure.baseline)) → now \(value(measure.current)) "
                    + "→ target \(value(measure.target))\(progress)")
            }
            return lines.joined(separator: "\n") + "\n"
        case .feedback:
            return TextTable(headers: ["ID", "DATE", "STATE", "SOURCE", "SEGMENT", "RATING", "TEXT"],
                             rows: limited(snapshot.feedback.all).map {
                                 [$0.id.short, day($0.createdAt), $0.triageName, $0.source.rawValue, $0.segment ?? "", $0.rating?.display ?? "", $0.text]
                             }, flexibleColumn: 6).render(width: width)
        case .backlog:
            return TextTable(headers: ["#", "ID", "KEY", "STATUS", "RICE", "WSJF", "EVIDENCE", "TITLE"],
                             rows: limited(snapshot.orderedBacklog).map {
                                 [String($0.order), $0.id.short, $0.key ?? "", $0.status.rawValue, Format.score($0.rice.score),
                                  Format.score($0.wsjf.score), String($0.linkedFeedback.count), $0.title]
                             }, flexibleColumn: 7).render(width: width)
        case .stakeholders:
            return TextTable(headers: ["ID", "NAME", "INF", "INT", "ENGAGEMENT", "ROLE"],
                             rows: limited(snapshot.stakeholders.all).map {
                                 [$0.id.short, $0.name, String($0.influence), String($0.interest), $0.quadrant.rawValue, $0.role]
                             }, flexibleColumn: 5).render(width: width)
        case .personas:
            return TextTable(headers: ["ID", "NAME", "SUMMARY"],
                             rows: limited(snapshot.personas.all).map { [$0.id.short, $0.name, $0.summary] },
                             flexibleColumn: 2).render(width: width)
        case .experiments:
            return TextTable(headers: ["ID", "STATUS", "ENDS", "TITLE"],
                             rows: limited(snapshot.experiments.all).map { [$0.id.short, $0.status.rawValue, day($0.endsAt), $0.title] },
                             flexibleColumn: 3).render(width: width)
        case .decisions:
            return TextTable(headers: ["ID", "DECIDED", "TITLE", "CHOICE"],
                             rows: limited(snapshot.decisions.all).map { [$0.id.short, day($0.decidedAt), $0.title, $0.choice] },
                             flexibleColumn: 3).render(width: width)
        case .communications:
            return TextTable(headers: ["ID", "KIND", "STATUS", "AUDIENCE", "TITLE"],
                             rows: limited(snapshot.communications.all).map {
                                 [$0.id.short, $0.kind.rawValue, $0.status.rawValue, $0.audience, $0.title]
                             }, flexibleColumn: 4).render(width: width)
        case .drafts:
            return TextTable(headers: ["ID", "STATUS", "STANCE", "KIND", "TITLE"],
                             rows: limited(snapshot.drafts.all).map {
                                 [$0.id.short, $0.status.rawValue, $0.stance.rawValue, $0.kind.rawValue, $0.title]
                             }, flexibleColumn: 4).render(width: width)
        case .jobs:
            return TextTable(headers: ["ID", "STATUS", "STANCE", "KIND", "ERROR"],
                             rows: limited(snapshot.jobs.all).map {
                                 [$0.id.short, $0.observedStatus.rawValue, $0.stance.rawValue, $0.kind.rawValue, $0.error ?? ""]
                             }, flexibleColumn: 4).render(width: width)
        case .audit:
            return TextTable(headers: ["WHEN", "WHO", "ACTION", "SUMMARY"],
                             rows: newest(snapshot.audit.all).map {
                                 [Format.time($0.at), $0.who, $0.action.rawValue, $0.summary]
                             }, flexibleColumn: 3).render(width: width)
        }
    }
}
