import Foundation
import PodiumCore
import PodiumStore

/// The product by hand, for the Visionary pane and `podium product`: its name, vision and
/// goal, and the goal's measures (a new one, a new value, one removed); audited, undoable.
public struct ProductEditor: Sendable {
    public typealias Failure = EditFailure

    public let store: WorkspaceStore
    public var actor: String

    public init(store: WorkspaceStore, actor: String = AuditEntry.currentActor) {
        self.store = store
        self.actor = actor
    }

    /// Changes the product with `body` in one transaction and logs `summary`; returns the
    /// product as it was. `body` throws `Failure` to refuse (nothing is written then).
    @discardableResult
    public func change(summary: String, now: Date = Date(), _ body: (inout Product) throws -> Void) throws -> Product {
        try store.write { transaction in
            let before = transaction.product
            var product = before
            try body(&product)
            guard product != before else { throw Failure(description: "nothing changed") }
            product.updatedAt = now
            try transaction.setProduct(product)
            try transaction.log(AuditEntry(at: now, actor: actor, action: .update, summary: summary,
                                           details: ["stance": Stance.visionary.rawValue, "kind": "product-edit"]))
            return before
        }
    }

    /// Puts the product back as it was (the undo of a change).
    public func restore(_ before: Product, now: Date = Date()) throws {
        try store.write { transaction in
            try transaction.setProduct(before)
            try transaction.log(AuditEntry(at: now, actor: actor, action: .undo, summary: "Undid a change to the product",
                                           details: ["stance": Stance.visionary.rawValue, "kind": "product-edit"]))
        }
    }

    /// The summary of a change from `before` to `after`: "Edited the product: vision, goal".
    public static func describe(_ before: Product, _ after: Product) -> String {
        var parts: [String] = []
        if before.name != after.name { parts.append("name") }
        if before.vision != after.vision { parts.append("vision") }
        if before.productGoal != after.productGoal { parts.append("product goal") }
        return "Edited the product: " + (parts.isEmpty ? "no change" : parts.joined(separator: ", "))
    }
}

/// The product's name, vision and goal as one Markdown document to edit in $EDITOR, and
/// read back: three headings, the text under each.
public enum ProductDocument {
    public static let headings = ["Name", "Vision", "Product goal"]

    public static func write(_ product: Product) -> String {
        """
        # Name

        \(product.name)

        # Vision

        \(product.vision)

        # Product goal

        \(product.productGoal)

        <!-- Edit the text under each heading and save. Keep the three headings; lines like this one are left out. -->

        """
    }

    /// `product` with the name, vision and goal read from `text`; a missing heading, an
    /// unknown one or an empty name is refused with the reason.
    public static func read(_ text: String, into product: Product) throws -> Product {
        let sections = try RecordDocument.sections(of: text, headings: headings, noun: "the product")
        guard let name = sections["Name"], !name.isEmpty else { throw EditFailure(description: "the product needs a name; nothing was saved") }
        var product = product
        product.name = name
        product.vision = sections["Vision"] ?? ""
        product.productGoal = sections["Product goal"] ?? ""
        return product
    }
}

/// A goal measure as typed: "Weekly active technicians: 120 -> 200", with an optional unit
/// after the target ("… 4.1 -> 4.5 ★", "… 30 -> 60 %") and an optional current value
/// ("… 120 -> 200, now 150").
public enum MeasureText {
    public static func read(_ text: String) throws -> GoalMeasure {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else {
            throw EditFailure(description: "write it as NAME: BASELINE -> TARGET [UNIT][, now VALUE], e.g. Weekly active technicians: 120 -> 200")
        }
        var numbers = parts[1]
        var current: Double?
        if let comma = numbers.range(of: ", now ", options: .caseInsensitive) {
            let typed = numbers[comma.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let value = Self.number(typed) else { throw EditFailure(description: "“\(typed)” is not a number") }
            current = value
            numbers = String(numbers[..<comma.lowerBound])
        }
        let sides = numbers.replacingOccurrences(of: "→", with: "->").components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2 else { throw EditFailure(description: "give the baseline and the target as BASELINE -> TARGET") }
        guard let baseline = Self.number(sides[0]) else { throw EditFailure(description: "baseline “\(sides[0])” is not a number") }
        let targetWords = sides[1].split(separator: " ", maxSplits: 1).map(String.init)
        var targetText = targetWords.first ?? ""
        var unit = targetWords.count > 1 ? targetWords[1] : ""
        for suffix in ["%", "★"] where targetText.hasSuffix(suffix) && targetText.count > 1 {
            targetText.removeLast()
            unit = suffix
        }
        guard let target = Self.number(targetText) else { throw EditFailure(description: "target “\(targetText)” is not a number") }
        guard target != baseline else { throw EditFailure(description: "the target is the baseline: nothing to measure progress by") }
        return GoalMeasure(name: parts[0], baseline: baseline, current: current ?? baseline, target: target, unit: unit)
    }

    /// A number as typed ("4,5", "1,200", "5%"); nil for anything else.
    public static func number(_ text: String) -> Double? {
        var cleaned = text.replacingOccurrences(of: " ", with: "")
        for suffix in ["%", "★"] where cleaned.hasSuffix(suffix) { cleaned.removeLast() }
        cleaned = BacklogFields.decimal(cleaned)
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite, abs(value) < 1e12 else { return nil }
        return value
    }
}
