import Foundation
import PodiumCore
import PodiumStore

/// A backlog item's editable fields as typed: in the dashboard's form, or as `podium backlog`
/// options. Each field checks itself as it is typed (`error(of:)`), so a form can say what is
/// wrong in place; `applied(to:)` turns valid fields into the item.
public struct BacklogFields: Sendable, Equatable {
    /// One editable field, in form order.
    public enum Field: String, Sendable, CaseIterable {
        case title, key, status, estimate, tags, description
        case reach, impact, confidence, effort
        case businessValue = "business-value", timeCriticality = "time-criticality", riskReduction = "risk-reduction", jobSize = "job-size"

        /// The field's label in the form.
        public var label: String {
            switch self {
            case .title: "Title"
            case .key: "Key"
            case .status: "Status"
            case .estimate: "Estimate"
            case .tags: "Tags"
            case .description: "Description"
            case .reach: "RICE reach"
            case .impact: "RICE impact"
            case .confidence: "RICE confidence"
            case .effort: "RICE effort"
            case .businessValue: "WSJF value"
            case .timeCriticality: "WSJF time"
            case .riskReduction: "WSJF risk"
            case .jobSize: "WSJF job size"
            }
        }

        /// What the field takes, shown beside it while it is focused.
        public var hint: String {
            switch self {
            case .title: "what the item delivers (required)"
            case .key: "the tracker's key, e.g. LED-101 (optional, unique)"
            case .status: BacklogFields.statusNames + " (←/→ in the form)"
            case .estimate: "story points or any consistent unit"
            case .tags: "comma separated"
            case .description: "Ctrl-E opens $EDITOR"
            case .reach: "people or events per period"
            case .impact: "0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive"
            case .confidence: "0 to 1 (0.5 low, 0.8 medium, 1 high), or a percentage"
            case .effort: "person-months or any consistent unit"
            case .businessValue, .timeCriticality, .riskReduction: "a relative number, e.g. 1 to 20"
            case .jobSize: "a relative number, more than 0"
            }
        }

        var isNumber: Bool { ![.title, .key, .status, .tags, .description].contains(self) }
    }

    /// Each field's text; a field not set is empty.
    public var values: [Field: String]

    public init(_ values: [Field: String] = [:]) {
        self.values = values
    }

    /// The fields of an existing item, as a form shows them.
    public init(_ item: BacklogItem) {
        func number(_ value: Double?) -> String { value.map(Self.format) ?? "" }
        values = [
            .title: item.title, .key: item.key ?? "", .status: item.status.rawValue, .estimate: number(item.estimate),
            .tags: item.tags.joined(separator: ", "), .description: item.description,
            .reach: number(item.rice.reach), .impact: number(item.rice.impact), .confidence: number(item.rice.confidence),
            .effort: number(item.rice.effort), .businessValue: number(item.wsjf.businessValue),
            .timeCriticality: number(item.wsjf.timeCriticality), .riskReduction: number(item.wsjf.riskReduction), .jobSize: number(item.wsjf.jobSize),
        ]
    }

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// What is wrong with one field's text, or nil; `others` are the items the key must not
    /// repeat (every item but the one edited).
    public func error(of field: Field, others: [BacklogItem]) -> String? {
        let text = self[field].trimmingCharacters(in: .whitespacesAndNewlines)
        switch field {
        case .title:
            return text.isEmpty ? "a title is required" : nil
        case .key:
            guard !text.isEmpty else { return nil }
            if text.contains(where: \.isWhitespace) { return "a key has no spaces (e.g. LED-101)" }
            if let twin = others.first(where: { $0.key?.caseInsensitiveCompare(text) == .orderedSame }) {
                return "\(text) is already the key of “\(Format.clean(String(twin.title.prefix(40))))”"
            }
            return nil
        case .status:
            return Self.status(text) == nil ? "“\(Format.clean(text))” is not a status: \(Self.statusNames)" : nil
        case .tags, .description:
            return nil
        default:
            guard !text.isEmpty else { return nil }
            guard let value = Self.number(text) else { return "“\(Format.clean(text))” is not a number" }
            if value < 0 { return "not below 0" }
            if field == .jobSize && value == 0 { return "more than 0 (it divides)" }
            if field == .confidence && (text.hasSuffix("%") ? value > 100 : value > 1) {
                return text.hasSuffix("%") ? "at most 100%" : "at most 1 (or a percentage: 80%)"
            }
            return nil
        }
    }

    /// Every field's problem.
    public func errors(others: [BacklogItem]) -> [Field: String] {
        var errors: [Field: String] = [:]
        for field in Field.allCases { if let error = error(of: field, others: others) { errors[field] = error } }
        return errors
    }

    /// `item` with these fields written into it (the fields must be valid); the date it
    /// reached done is set when its status becomes done and cleared when it leaves done.
    public func applied(to item: BacklogItem, now: Date) -> BacklogItem {
        var item = item
        func number(_ field: Field) -> Double? { Self.number(self[field].trimmingCharacters(in: .whitespaces)) }
        item.title = self[.title].trimmingCharacters(in: .whitespacesAndNewlines)
        let key = self[.key].trimmingCharacters(in: .whitespaces)
        item.key = key.isEmpty ? nil : key
        let status = Self.status(self[.status].trimmingCharacters(in: .whitespaces)) ?? item.status
        if status == .done && item.status != .done { item.doneAt = now }
        if status != .done { item.doneAt = nil }
        item.status = status
        item.estimate = number(.estimate)
        item.tags = self[.tags].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        item.description = self[.description].trimmingCharacters(in: .whitespacesAndNewlines)
        let confidence = self[.confidence].trimmingCharacters(in: .whitespaces)
        item.rice = RICEInputs(reach: number(.reach), impact: number(.impact),
                               confidence: number(.confidence).map { confidence.hasSuffix("%") ? $0 / 100 : $0 }, effort: number(.effort))
        item.wsjf = WSJFInputs(businessValue: number(.businessValue), timeCriticality: number(.timeCriticality),
                               riskReduction: number(.riskReduction), jobSize: number(.jobSize))
        item.updatedAt = now
        return item
    }

    // MARK: Reading what was typed

    /// The statuses, as typed: "proposed, ready, in-progress, done, dropped".
    public static let statusNames = BacklogStatus.allCases.map(\.rawValue).joined(separator: ", ")

    /// A status as people type it: "done", "In progress", "in-progress", "inprogress".
    public static func status(_ text: String) -> BacklogStatus? {
        let squeezed = text.lowercased().filter { $0.isLetter }
        if squeezed.isEmpty { return nil }
        return BacklogStatus.allCases.first { $0.rawValue.filter(\.isLetter) == squeezed }
    }

    /// A number as people type it: "3", "0.5", "0,5", "1,200" (a thousands comma), "80%";
    /// nil for anything else.
    public static func number(_ text: String) -> Double? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text.removeLast() }
        text = Self.decimal(text)
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let value = Double(text), value.isFinite, abs(value) < 1e12 else { return nil }
        return value
    }

    /// "1,200" and "12,500,000" lose their thousands commas; any other comma is a decimal
    /// point ("0,5").
    public static func decimal(_ text: String) -> String {
        if text.wholeMatch(of: /-?\d{1,3}(,\d{3})+(\.\d+)?/) != nil { return text.replacingOccurrences(of: ",", with: "") }
        return text.replacingOccurrences(of: ",", with: ".")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
