import Foundation
import PodiumCore

/// How long one period of a signal timeline is: a week, or the team's sprint.
public enum SignalCadence: Sendable, Hashable, Codable {
    /// Seven days; the current period is the last seven days up to now.
    case week
    /// The team's sprints; the current period is the sprint under way, so far.
    case sprint(SprintCadence)

    /// "week" or "sprint".
    public var name: String {
        switch self {
        case .week: "week"
        case .sprint: "sprint"
        }
    }
}

/// Time cut into equal periods, oldest first, the last one ending now: where a signal
/// timeline puts each dated record.
///
/// Weeks are the seven days up to now and the weeks before them, so "this week" is always
/// whole. Sprints follow the product's cadence; the sprint under way is cut at now and its
/// `exposure` (the share of it that has passed) lets counts be compared fairly.
public struct PeriodGrid: Sendable, Hashable, Codable {
    /// When the oldest period starts.
    public var start: Date
    /// How long each period is, in seconds.
    public var length: TimeInterval
    /// How many periods there are.
    public var count: Int
    /// The end of the timeline (now).
    public var end: Date

    /// The periods up to `now`: `count` of them, or as many as reach back to `since`
    /// (at least 3, at most 104).
    public init(cadence: SignalCadence, now: Date, count: Int = 12, since: Date? = nil) {
        end = now
        switch cadence {
        case .week:
            length = 7 * 86_400
            let last = now.addingTimeInterval(-length)
            self.count = Self.count(reaching: since, from: last, length: length, default: count)
            start = last.addingTimeInterval(-Double(self.count - 1) * length)
        case let .sprint(sprint):
            length = Double(max(1, sprint.lengthInDays)) * 86_400
            let elapsed = now.timeIntervalSince(sprint.firstSprintStart)
            let current = sprint.firstSprintStart.addingTimeInterval((elapsed / length).rounded(.down) * length)
            self.count = Self.count(reaching: since, from: current, length: length, default: count)
            start = current.addingTimeInterval(-Double(self.count - 1) * length)
        }
    }

    private static func count(reaching since: Date?, from lastStart: Date, length: TimeInterval, default count: Int) -> Int {
        guard let since else { return max(3, min(104, count)) }
        let back = Int((lastStart.timeIntervalSince(since) / length).rounded(.up))
        return max(3, min(104, back + 1))
    }

    /// The period `date` falls in; nil before the first or after now.
    public func index(of date: Date) -> Int? {
        guard date >= start, date <= end else { return nil }
        return min(count - 1, Int(date.timeIntervalSince(start) / length))
    }

    /// When period `index` starts.
    public func start(of index: Int) -> Date { start.addingTimeInterval(Double(index) * length) }

    /// When period `index` ends (now, for the last one).
    public func end(of index: Int) -> Date { index == count - 1 ? end : start(of: index + 1) }

    /// The share of period `index` that has passed: 1 but for a sprint under way.
    public func exposure(of index: Int) -> Double {
        guard index == count - 1 else { return 1 }
        return max(0.01, min(1, end.timeIntervalSince(start(of: index)) / length))
    }

    /// "Nov 30" (the period's first day), in the given zone.
    public func label(of index: Int, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "MMM d"
        return formatter.string(from: start(of: index))
    }
}
