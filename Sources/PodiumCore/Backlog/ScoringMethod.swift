import Foundation

/// How a backlog is scored for ordering: RICE (reach × impact × confidence ÷ effort) or
/// WSJF (cost of delay ÷ job size).
public enum ScoringMethod: String, Codable, Sendable, CaseIterable {
    case rice
    case wsjf

    /// The method a name stands for, in any case and with spaces around it ("WSJF", " rice").
    public init?(name: String) {
        self.init(rawValue: name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
}
