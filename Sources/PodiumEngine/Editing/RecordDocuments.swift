import Foundation
import PodiumCore
import PodiumStore

extension Stakeholder: DocumentEditable {
    public static var noun: String { "stakeholder" }
    public static var artifactKind: ArtifactKind { .stakeholder }
    public static var fields: [(heading: String, hint: String)] {
        [("Name", "required"), ("Role", "e.g. Head of Customer Success"), ("Influence", "1 (low) to 5 (high): power over the product's direction"),
         ("Interest", "1 (low) to 5 (high): how much the outcome matters to them"), ("Notes", "what they said, in their words; add a dated line for a new note")]
    }
    public static func blank(now: Date) -> Stakeholder { Stakeholder(name: "", createdAt: now) }
    public var documentValues: [String: String] {
        ["Name": name, "Role": role, "Influence": String(influence), "Interest": String(interest), "Notes": notes]
    }
    public var documentTitle: String { name }
    public func applying(_ values: [String: String], now: Date) throws -> Stakeholder {
        var copy = self
        copy.name = try RecordDocument.required(values["Name"] ?? "", "Name")
        copy.role = values["Role"] ?? ""
        copy.influence = try RecordDocument.integer(values["Influence"] ?? "", "Influence", in: 1...5)
        copy.interest = try RecordDocument.integer(values["Interest"] ?? "", "Interest", in: 1...5)
        copy.notes = values["Notes"] ?? ""
        copy.updatedAt = now
        return copy
    }
}

extension Experiment: DocumentEditable {
    public static var noun: String { "experiment" }
    public static var artifactKind: ArtifactKind { .experiment }
    public static var fields: [(heading: String, hint: String)] {
        [("Title", "required"), ("Hypothesis", "we believe … will …"), ("Metric", "what is measured"), ("Target", "the value that means it worked"),
         ("Status", ExperimentStatus.allCases.map(\.rawValue).joined(separator: ", ") + ": running starts it, a concluded status stops it"),
         ("Starts", "YYYY-MM-DD (empty: today when it starts running)"), ("Ends", "YYYY-MM-DD (empty: not planned)"),
         ("Result", "what was measured and what it means")]
    }
    public static func blank(now: Date) -> Experiment { Experiment(title: "", hypothesis: "", metric: "", target: "", createdAt: now) }
    public var documentValues: [String: String] {
        ["Title": title, "Hypothesis": hypothesis, "Metric": metric, "Target": target, "Status": status.rawValue,
         "Starts": RecordDocument.day(startsAt), "Ends": RecordDocument.day(endsAt), "Result": result ?? ""]
    }
    public var documentTitle: String { title }
    public func applying(_ values: [String: String], now: Date) throws -> Experiment {
        var copy = self
        copy.title = try RecordDocument.required(values["Title"] ?? "", "Title")
        copy.hypothesis = values["Hypothesis"] ?? ""
        copy.metric = values["Metric"] ?? ""
        copy.target = values["Target"] ?? ""
        let typed = (values["Status"] ?? "").lowercased()
        guard let status = ExperimentStatus(rawValue: typed) else {
            throw EditFailure(description: "Status: “\(typed)” is not one of " + ExperimentStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        copy.status = status
        copy.startsAt = try RecordDocument.day(values["Starts"] ?? "", "Starts", now: now) ?? (status == .running || status.isConcluded ? startsAt ?? now : nil)
        // Concluded without an end date: it ended when it was concluded (today, or the day it had).
        copy.endsAt = try RecordDocument.day(values["Ends"] ?? "", "Ends", now: now) ?? (status.isConcluded ? endsAt ?? now : nil)
        if let start = copy.startsAt, let end = copy.endsAt, end < start {
            throw EditFailure(description: "Ends (\(Format.day(end))) is before Starts (\(Format.day(start)))")
        }
        let result = values["Result"] ?? ""
        copy.result = result.isEmpty ? nil : result
        copy.updatedAt = now
        return copy
    }
}

extension Decision: DocumentEditable {
    public static var noun: String { "decision" }
    public static var artifactKind: ArtifactKind { .decision }
    public static var fields: [(heading: String, hint: String)] {
        [("Title", "required"), ("Context", "what made a decision necessary"), ("Options", "one per line, as a list (- …)"),
         ("Choice", "required: what was decided"), ("Rationale", "why; ask quotes it"), ("Decided on", "YYYY-MM-DD"),
         ("Review on", "YYYY-MM-DD: the Decision Maker and the Orchestrator say when it is due (empty: none)")]
    }
    public static func blank(now: Date) -> Decision { Decision(title: "", choice: "", decidedAt: now, createdAt: now) }
    public var documentValues: [String: String] {
        ["Title": title, "Context": context, "Options": options.map { "- " + $0 }.joined(separator: "\n"), "Choice": choice,
         "Rationale": rationale, "Decided on": Format.day(decidedAt), "Review on": RecordDocument.day(reviewAt)]
    }
    public var documentTitle: String { title }
    public func applying(_ values: [String: String], now: Date) throws -> Decision {
        var copy = self
        copy.title = try RecordDocument.required(values["Title"] ?? "", "Title")
        copy.context = values["Context"] ?? ""
        copy.options = (values["Options"] ?? "").split(separator: "\n").map { line in
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("- ") || text.hasPrefix("* ") { text.removeFirst(2) }
            return text.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        copy.choice = try RecordDocument.required(values["Choice"] ?? "", "Choice")
        copy.rationale = values["Rationale"] ?? ""
        copy.decidedAt = try RecordDocument.day(values["Decided on"] ?? "", "Decided on", now: now) ?? decidedAt
        copy.reviewAt = try RecordDocument.day(values["Review on"] ?? "", "Review on", now: now)
        copy.updatedAt = now
        return copy
    }
}
