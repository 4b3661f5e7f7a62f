import Foundation

/// The short forms Podium shows numbers, dates and untrusted text in, shared by the
/// dashboard's panes and the command line's lists.
public enum Format {
    // MARK: Text

    /// Untrusted text made safe and (unless `lines`) kept to one line.
    public static func clean(_ text: String, lines: Bool = false) -> String {
        text.sanitizedForTerminal(keepingLineBreaks: lines)
    }

    /// "1 item", "3 items".
    public static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    // MARK: Numbers

    /// A whole number without decimals, any other with one: "12", "3.5".
    public static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A number rounded to a whole one, written without trapping on values no Int holds.
    static func whole(_ value: Double) -> String {
        let rounded = value.rounded()
        return rounded.isFinite && abs(rounded) < 1e15 ? String(Int(rounded)) : String(format: "%.3g", value)
    }

    /// A number that may be missing ("?" then).
    public static func optional(_ value: Double?) -> String { value.map(number) ?? "?" }

    /// A RICE or WSJF score: one decimal below 100, whole above, "—" when it cannot be worked out.
    public static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value >= 100 ? whole(value) : String(format: "%.1f", value)
    }

    /// A share as a whole percentage: "42%" ("—" when missing).
    public static func percent(_ value: Double?) -> String { value.map { whole($0 * 100) + "%" } ?? "—" }

    /// Counts as a sparkline: ▁▂▃▄▅▆▇█ scaled to the largest, `·` for none.
    public static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let top = max(1, values.max() ?? 1)
        return String(values.map { value in value == 0 ? "·" : blocks[min(7, max(0, Int((Double(value) / Double(top) * 7).rounded())))] })
    }

    /// A share as a 20-cell bar: ██████░░░░…
    public static func bar(_ value: Double?) -> String {
        let share = value.map { $0.isFinite ? min(1, max(0, $0)) : 0 } ?? 0
        let filled = Int((share * 20).rounded())
        return String(repeating: "█", count: max(0, min(20, filled))) + String(repeating: "░", count: max(0, 20 - filled))
    }

    // MARK: Dates and durations

    /// A date as ISO 8601 year, month and day, in UTC (not the user's time zone, unlike
    /// `time` and `localDay`): "2026-11-25".
    public static func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }

    /// A date as year, month and day in the user's time zone: "2026-11-25" (the days the
    /// command line reads and prints: `--since`, sprint starts, weeks).
    public static func localDay(_ date: Date) -> String { localFormatter("yyyy-MM-dd").string(from: date) }

    /// The start of the day `text` names as YYYY-MM-DD in the user's time zone (the reverse of
    /// `localDay`); nil when it is not such a day.
    public static func localDay(parsing text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Foundation's DateFormatter traps on a combining mark ("2026-04-2\u{0301}5"): only
        // ASCII, which every YYYY-MM-DD is, reaches it.
        guard trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return localFormatter("yyyy-MM-dd").date(from: trimmed)
    }

    /// A moment in the user's time zone with its weekday, to the minute: "Fri 2026-11-27 15:00".
    public static func weekdayTime(_ date: Date) -> String { localFormatter("EEE yyyy-MM-dd HH:mm").string(from: date) }

    /// A fixed-format formatter in the user's time zone (POSIX locale: English weekdays, Western digits).
    private static func localFormatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = format
        return formatter
    }

    /// A moment in the user's time zone, to the minute: "2026-11-25 19:17".
    public static func time(_ date: Date) -> String {
        date.formatted(.verbatim(
            "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            timeZone: .current, calendar: Calendar(identifier: .gregorian)))
    }

    /// A moment shortly, for a narrow column: "11-25 19:17" this year, "2025-11-25" before.
    public static func shortTime(_ date: Date, now: Date) -> String {
        let calendar = Calendar(identifier: .gregorian)
        let thisYear = calendar.dateComponents(in: .current, from: date).year == calendar.dateComponents(in: .current, from: now).year
        guard thisYear else { return day(date) }
        return date.formatted(.verbatim(
            "\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            timeZone: .current, calendar: calendar))
    }

    /// How long ago, shortly: "now", "5m", "3h", "2d".
    public static func age(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<86_400: return "\(Int(seconds / 3600))h"
        default: return "\(Int(seconds / 86_400))d"
        }
    }

    /// Minutes of work, in whole minutes and hours: "35 min", "2 h", "1 h 35 min".
    public static func duration(minutes: Double) -> String {
        guard minutes.isFinite, abs(minutes) < 1e9 else { return "—" }
        let whole = Int(minutes.rounded())
        if whole < 60 { return "\(whole) min" }
        return whole % 60 == 0 ? "\(whole / 60) h" : "\(whole / 60) h \(whole % 60) min"
    }

    /// A job's duration as the saved times allow: they are kept to the second, so "<1s",
    /// "4s", "2m 5s".
    public static func duration(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return "—" }
        let whole = Int(seconds.rounded())
        if whole < 1 { return "<1s" }
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(whole % 60)s"
    }
}
