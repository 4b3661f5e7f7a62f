import Foundation
import PodiumCore

/// Ranks open backlog items by RICE or WSJF, nudged by the customer demand behind them.
public enum BacklogRanker {
    /// How much demand can add to a score at most: the factor lies in 1...1 + this.
    public static let maximumDemandBoost = 0.5

    /// Orders open backlog items (not done / dropped) by score, best first; items without
    /// inputs go last in their current order.
    ///
    /// An item's score is its RICE or WSJF score times its `demandFactor`. Equal scores keep
    /// backlog order (`order`, then the order given). Items whose inputs are incomplete
    /// follow all scored items, in backlog order.
    public static func rank(_ items: [BacklogItem], demand: [RecordID<BacklogItem>: Demand],
                            method: PriorityMethod) -> [RankedBacklogItem] {
        let open = items.enumerated().filter { $0.element.status != .done && $0.element.status != .dropped }
        let mostLinked = open.map { demand[$0.element.id]?.linkedCount ?? 0 }.max() ?? 0
        let ranked = open.map { position, item -> (entry: RankedBacklogItem, order: Int, position: Int) in
            let itemDemand = demand[item.id] ?? Demand(linkedCount: 0, negativeShare: 0)
            let factor = demandFactor(itemDemand, mostLinked: mostLinked)
            let base = baseScore(of: item, method: method)
            let score = base.map { $0 * factor } ?? 0
            let rationale = Self.rationale(for: item, method: method, base: base, factor: factor, demand: itemDemand, score: score)
            return (RankedBacklogItem(id: item.id, baseScore: base, demandFactor: factor, score: score, rationale: rationale),
                    item.order, position)
        }
        return ranked.sorted { lhs, rhs in
            switch (lhs.entry.baseScore, rhs.entry.baseScore) {
            case (.some, .none): return true
            case (.none, .some): return false
            case (.some, .some) where lhs.entry.score != rhs.entry.score: return lhs.entry.score > rhs.entry.score
            default: return lhs.order != rhs.order ? lhs.order < rhs.order : lhs.position < rhs.position
            }
        }.map(\.entry)
    }

    // MARK: - Parts of the score

    /// The item's RICE or WSJF score, nil while an input is missing.
    public static func baseScore(of item: BacklogItem, method: PriorityMethod) -> Double? {
        switch method {
        case .rice: item.rice.score
        case .wsjf: item.wsjf.score
        }
    }

    /// `1 + 0.5 × ln(1 + linked) ÷ ln(1 + most linked) × (0.5 + 0.5 × negative share)`.
    ///
    /// The item with the most linked feedback gets the full log-scaled share, an item with
    /// none gets 1; complaints count fully, praise half. So demand can lift a score by at
    /// most 50% and never outweighs a clearly better RICE or WSJF case.
    public static func demandFactor(_ demand: Demand, mostLinked: Int) -> Double {
        guard demand.linkedCount > 0, mostLinked > 0 else { return 1 }
        let share = log(1 + Double(demand.linkedCount)) / log(1 + Double(max(mostLinked, demand.linkedCount)))
        let pain = 0.5 + 0.5 * min(1, max(0, demand.negativeShare))
        return 1 + maximumDemandBoost * share * pain
    }

    // MARK: - Rationale

    static func rationale(for item: BacklogItem, method: PriorityMethod, base: Double?, factor: Double,
                          demand: Demand, score: Double) -> String {
        guard let base else {
            return "No \(method == .rice ? "RICE" : "WSJF") score: \(missingInputs(of: item, method: method)); "
                + "ranked after the scored items, in backlog order."
        }
        let inputs: String
        switch method {
        case .rice:
            let rice = item.rice
            inputs = "RICE \(number(base)) (reach \(number(rice.reach ?? 0)) × impact \(number(rice.impact ?? 0)) × "
                + "confidence \(percent(rice.confidence ?? 0)) ÷ effort \(number(rice.effort ?? 0)))"
        case .wsjf:
            let wsjf = item.wsjf
            inputs = "WSJF \(number(base)) (cost of delay \(number(wsjf.costOfDelay ?? 0)) = value "
                + "\(number(wsjf.businessValue ?? 0)) + time criticality \(number(wsjf.timeCriticality ?? 0)) + "
                + "risk reduction \(number(wsjf.riskReduction ?? 0)), ÷ job size \(number(wsjf.jobSize ?? 0)))"
        }
        let demandText = demand.linkedCount == 0
            ? "no linked feedback"
            : "\(demand.linkedCount) linked feedback, \(percent(demand.negativeShare)) negative"
        // The factor is shown to three decimals so that the sum can be checked by hand;
        // the score is rounded to a whole number (≈ when that rounding shows).
        let shownFactor = (factor * 1000).rounded() / 1000
        let product = (base * shownFactor).rounded()
        let sign = abs(product - score) < 0.5 && score == score.rounded() ? "=" : "≈"
        return "\(inputs) × demand \(number(shownFactor, places: 3)) (\(demandText)) \(sign) \(number(score.rounded()))."
    }

    private static func missingInputs(of item: BacklogItem, method: PriorityMethod) -> String {
        var missing: [String] = []
        switch method {
        case .rice:
            if item.rice.reach == nil { missing.append("reach") }
            if item.rice.impact == nil { missing.append("impact") }
            if item.rice.confidence == nil { missing.append("confidence") }
            if item.rice.effort == nil { missing.append("effort") } else if item.rice.effort == 0 { missing.append("a non-zero effort") }
        case .wsjf:
            if item.wsjf.businessValue == nil { missing.append("business value") }
            if item.wsjf.timeCriticality == nil { missing.append("time criticality") }
            if item.wsjf.riskReduction == nil { missing.append("risk reduction") }
            if item.wsjf.jobSize == nil { missing.append("job size") } else if item.wsjf.jobSize == 0 { missing.append("a non-zero job size") }
        }
        return "needs " + (missing.isEmpty ? "its inputs" : missing.joined(separator: ", "))
    }

    /// A number as a person writes it: whole numbers without decimals, others with up to two.
    static func number(_ value: Double, places: Int = 2) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.\(places)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func percent(_ share: Double) -> String { Format.percent(share) }
}
