import Foundation

/// When an automation rule runs by the clock: every week on some days at a time, every day
/// at a time, or at the end of each sprint. Times are the user's local time.
///
/// A rule that was due while nothing ran runs once on the next check, not once per missed
/// occasion: `isDue` compares the last occasion with the rule's last run.
public enum Schedule: Codable, Sendable, Hashable, CustomStringConvertible {
    /// On these weekdays (1 = Sunday … 7 = Saturday, as `Calendar` numbers them) at a time.
    case weekly(weekdays: [Int], hour: Int, minute: Int)
    case daily(hour: Int, minute: Int)
    /// When a sprint of the product's cadence ends.
    case sprintEnd

    /// Why a schedule could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Reads "fri 15:00", "mon,wed 08:30", "weekdays 9:00", "daily 07:45", "sprint-end".
    public static func parse(_ text: String) throws -> Schedule {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        let example = "e.g. \"fri 15:00\", \"mon,wed 08:30\", \"weekdays 9:00\", \"daily 07:45\" or \"sprint-end\""
        guard let first = words.first else { throw ParseError(description: "an empty schedule; \(example)") }
        if words == ["sprint-end"] || words == ["sprint", "end"] { return .sprintEnd }
        if words.count == 1, first.contains(":") {
            let (hour, minute) = try time(first, in: text)
            return .daily(hour: hour, minute: minute)  // "15:00": every day
        }
        guard words.count == 2 else { throw ParseError(description: "\"\(text)\" is not a schedule; \(example)") }
        let (hour, minute) = try time(words[1], in: text)
        if first == "daily" || first == "every-day" { return .daily(hour: hour, minute: minute) }
        if first == "weekdays" { return .weekly(weekdays: [2, 3, 4, 5, 6], hour: hour, minute: minute) }
        var days: [Int] = []
        for name in first.split(separator: ",", omittingEmptySubsequences: false) {
            guard let index = dayIndex(String(name)) else {
                throw ParseError(description: "\"\(name)\" is not a day (mon, tue, wed, thu, fri, sat, sun); \(example)")
            }
            if !days.contains(index + 1) { days.append(index + 1) }
        }
        return .weekly(weekdays: days.sorted(), hour: hour, minute: minute)
    }

    /// The day a name means (0 for Sunday): "fri", "friday", "tues", "thurs"; nil for
    /// anything else ("monkey" is no Monday).
    private static func dayIndex(_ name: String) -> Int? {
        let fullNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        return fullNames.firstIndex { full in name.count >= 3 && full.hasPrefix(name) }
    }

    private static func time(_ word: String, in text: String) throws -> (Int, Int) {
        let parts = word.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw ParseError(description: "\"\(word)\" in \"\(text)\" is not a time; write it as 15:00")
        }
        return (hour, minute)
    }

    public var description: String {
        switch self {
        case let .weekly(days, hour, minute):
            let names = days == [2, 3, 4, 5, 6] ? "weekdays" : days.map { Self.dayNames[$0 - 1] }.joined(separator: ",")
            return "\(names) \(Self.clock(hour, minute))"
        case let .daily(hour, minute): return "daily \(Self.clock(hour, minute))"
        case .sprintEnd: return "sprint-end"
        }
    }

    /// "09:05".
    public static func clock(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// The first occasion after `date`, in `timeZone` (nil: a sprint schedule without a cadence).
    public func nextOccasion(after date: Date, timeZone: TimeZone, cadence: SprintCadence? = nil) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch self {
        case let .daily(hour, minute), let .weekly(_, hour, minute):
            return (0...8).lazy.compactMap { ahead -> Date? in
                guard let day = calendar.date(byAdding: .day, value: ahead, to: date),
                      let at = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day), at > date else { return nil }
                if case let .weekly(days, _, _) = self, !days.contains(calendar.component(.weekday, from: at)) { return nil }
                return at
            }.first
        case .sprintEnd:
            guard let cadence, cadence.lengthInDays > 0,
                  var end = calendar.date(byAdding: .day, value: cadence.lengthInDays, to: cadence.firstSprintStart) else { return nil }
            while end <= date {
                guard let next = calendar.date(byAdding: .day, value: cadence.lengthInDays, to: end) else { return nil }
                end = next
            }
            return end
        }
    }

    /// The latest occasion at or before `now`, in `timeZone` (nil: none yet, or a sprint
    /// schedule without a cadence).
    public func lastOccasion(atOrBefore now: Date, timeZone: TimeZone, cadence: SprintCadence? = nil) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch self {
        case let .daily(hour, minute):
            return (0...1).lazy.compactMap { back -> Date? in
                guard let day = calendar.date(byAdding: .day, value: -back, to: now),
                      let at = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day) else { return nil }
                return at <= now ? at : nil
            }.first
        case let .weekly(days, hour, minute):
            return (0...7).lazy.compactMap { back -> Date? in
                guard let day = calendar.date(byAdding: .day, value: -back, to: now),
                      days.contains(calendar.component(.weekday, from: day)),
                      let at = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day) else { return nil }
                return at <= now ? at : nil
            }.first
        case .sprintEnd:
            guard let cadence, cadence.lengthInDays > 0, now >= cadence.firstSprintStart else { return nil }
            var end = cadence.firstSprintStart
            var last: Date?
            while let next = calendar.date(byAdding: .day, value: cadence.lengthInDays, to: end), next <= now {
                last = next
                end = next
            }
            return last
        }
    }

    /// Whether the rule should run now: an occasion has passed since its last run (or it
    /// never ran and one has passed since it was made). Missed occasions count once.
    ///
    /// A last run more than an hour in the future was written by a clock that ran ahead (or
    /// a teammate's, through git): it is not believed, or the rule would stop until that day.
    public func isDue(now: Date, lastRun: Date?, createdAt: Date, timeZone: TimeZone, cadence: SprintCadence? = nil) -> Bool {
        guard let occasion = lastOccasion(atOrBefore: now, timeZone: timeZone, cadence: cadence) else { return false }
        let believable = lastRun.flatMap { $0 > now.addingTimeInterval(Self.clockSlack) ? nil : $0 }
        return occasion > (believable ?? min(createdAt, now))
    }

    /// How far ahead of this clock a saved time may be and still be believed.
    static let clockSlack: TimeInterval = 3600
}
