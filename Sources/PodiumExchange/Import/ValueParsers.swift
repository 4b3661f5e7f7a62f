import Foundation
import PodiumCore

/// Reads the loosely written values of exported files: numbers, dates, ratings, lists.
enum ValueParsers {
    /// A number written with `.` or `,` as the decimal mark, a `%`, or thousands spaces.
    static func number(_ text: String) -> Double? {
        // The usual case, a plain number, without Foundation.
        if !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) {
            if let value = Double(text), value.isFinite { return value }
        }
        var cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        var percent = false
        if cleaned.hasSuffix("%") {
            percent = true
            cleaned.removeLast()
        }
        if cleaned.contains(",") && !cleaned.contains(".") { cleaned = cleaned.replacingOccurrences(of: ",", with: ".") }
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return percent ? value / 100 : value
    }

    /// A whole number as people write counts: "1,204", "1 204", "1204".
    static func integer(_ text: String) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces).filter { $0 != "," && $0 != " " && $0 != "_" && $0 != "\u{00A0}" && $0 != "'" }
        if let value = Int(digits) { return value }
        return number(text).flatMap { Int(exactly: $0.rounded()) }  // nil past what an Int holds, never a trap
    }

    /// Whether a column of `a/b/yyyy` dates must be day-first (some first part is over 12).
    static func columnIsDayFirst(_ values: [String]) -> Bool {
        values.contains { value in
            guard value.utf8.contains(0x2F) else { return false }
            let parts = value.split(separator: "/")
            // Year first ("2026/10/02") says nothing of the order of day and month.
            guard parts.count == 3, parts[0].count <= 2, let first = Int(parts[0]), let second = Int(parts[1].prefix(2)) else { return false }
            return first > 12 && second <= 12
        }
    }

    /// Whether a value is an `a/b/yyyy` date whose order of day and month cannot be told
    /// from the value alone (both parts 12 or less, and different).
    static func isAmbiguousSlashDate(_ value: String) -> Bool {
        guard value.utf8.contains(0x2F) else { return false }
        let parts = value.split(separator: "/")
        guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1].prefix(2)) else { return false }
        return first <= 12 && second <= 12 && first != second && parts[2].count >= 4
    }

    /// The rating scale a whole column was written on.
    static func ratingScale(columnName: String, values: [Double]) -> RatingScale {
        let name = columnName.lowercased()
        if name.contains("nps") || name.contains("recommend") { return .nps }
        guard let maximum = values.max(), let minimum = values.min() else { return .stars5 }
        if maximum <= 5 && minimum >= 1 { return .stars5 }
        return minimum < 1 ? .nps : .score10
    }

    /// A list written as "a, b; c | d".
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { ",;|".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

/// Reads dates as exports write them, reusing its formatters (one reader per import).
///
/// Accepts ISO 8601, `yyyy-MM-dd[ HH:mm[:ss][ Z]]`, `yyyy/MM/dd[ h:mm:ss a][ GMT+2]`, epoch
/// seconds or milliseconds, `dd.MM.yyyy[ HH:mm[:ss]]`, and `MM/dd/yyyy[ HH:mm[:ss]]`
/// (`dd/MM/yyyy` when `dayFirst`). Times without a zone are UTC. A `--date-format` pattern
/// is tried first.
final class DateReader {
    let dayFirst: Bool
    /// A pattern the user gave (`dd/MM/yyyy HH:mm`), tried before the rest.
    let pattern: String?
    /// The zone of times written without one (UTC unless the column's name says, like
    /// Intercom's "Updated at (Europe/Berlin)").
    var timeZone = TimeZone(identifier: "UTC")!
    /// How the order of day and month was decided, for the report.
    private(set) var note: String?
    private var formatters: [String: DateFormatter] = [:]
    private let iso = ISO8601DateFormatter()
    private let isoFractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    init(dayFirst: Bool, pattern: String? = nil) {
        self.dayFirst = dayFirst
        self.pattern = pattern
    }

    /// A reader for a column: `format` is "day-first", "month-first", a pattern, or nil to
    /// decide from the values (day first when some `a/b/yyyy` value has a first part over 12).
    convenience init(format: String?, columnValues: [String]) throws {
        switch format?.lowercased().trimmingCharacters(in: .whitespaces) {
        case nil, "":
            let dayFirst = ValueParsers.columnIsDayFirst(columnValues)
            self.init(dayFirst: dayFirst)
            if dayFirst {
                note = "dates like 03/11/2026 are read day first (a value in the column has a day over 12; --date-format month-first says otherwise)"
            } else if columnValues.contains(where: { ValueParsers.isAmbiguousSlashDate($0) }) {
                note = "dates like 03/11/2026 are read month first (no value has a day over 12; --date-format day-first says otherwise)"
            }
        case "day-first", "dmy", "dd/mm/yyyy":
            self.init(dayFirst: true)
            note = "dates like 03/11/2026 are read day first (--date-format)"
        case "month-first", "mdy", "mm/dd/yyyy":
            self.init(dayFirst: false)
            note = "dates like 03/11/2026 are read month first (--date-format)"
        case let pattern?:
            guard pattern.contains("y") || pattern.contains("Y"), pattern.contains("d") || pattern.contains("D") else {
                throw ImportError.badOption("--date-format \(format!): use day-first, month-first, or a pattern such as \"dd/MM/yyyy HH:mm\" (yyyy year, MM month, dd day, HH hour, mm minute)")
            }
            // A bare T between date and time is a letter to the formatter: quote it.
            let quoted = format!.replacingOccurrences(of: "dT", with: "d'T'")
            self.init(dayFirst: ValueParsers.columnIsDayFirst(columnValues), pattern: quoted)
            note = "dates are read as \"\(format!)\" (--date-format)"
        }
    }

    func date(_ text: String) -> Date? {
        guard var trimmed = ColumnMapping<FeedbackField>.cleaned(text) else { return nil }
        // Every form read here is ASCII once its spaces are plain (exports write no-break and
        // narrow no-break spaces: "2:22\u{202F}PM"). Anything else is no date — and must not
        // reach Foundation's DateFormatter, which traps on a combining mark ("0\u{0325}").
        if !trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            trimmed = String(trimmed.unicodeScalars.map { $0.properties.generalCategory == .spaceSeparator ? " " : Character($0) })
            guard trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        }
        trimmed = Self.expandingTwoDigitYear(trimmed)
        if let pattern, let date = formatter(pattern).date(from: trimmed) { return date }
        if let epoch = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." }) {
            guard epoch > 100_000_000 else { return nil }
            return Date(timeIntervalSince1970: epoch > 100_000_000_000 ? epoch / 1000 : epoch)
        }
        if let date = Self.fastISO(trimmed) { return date }
        if trimmed.contains("T"), let date = iso.date(from: trimmed) ?? isoFractional.date(from: trimmed) {
            return date
        }
        let formats: [String]
        if trimmed.contains("/") {
            if let month = trimmed.split(separator: "/").dropFirst().first, !month.isEmpty, month.allSatisfy(\.isLetter) {
                // Jira's "08/Dec/25 10:12 AM" (the year already made four digits).
                formats = ["dd/MMM/yyyy h:mm a", "d/MMM/yyyy h:mm a", "dd/MMM/yyyy HH:mm", "dd/MMM/yyyy"]
            } else if trimmed.prefix(5).last == "/" && trimmed.prefix(4).allSatisfy(\.isNumber) {
                // Year first, as Google Forms writes in some locales: 2026/10/02 2:22:05 PM GMT+2
                formats = ["yyyy/MM/dd h:mm:ss a O", "yyyy/MM/dd h:mm:ss a", "yyyy/MM/dd HH:mm:ss O", "yyyy/MM/dd HH:mm:ss",
                           "yyyy/MM/dd HH:mm", "yyyy/MM/dd"]
            } else {
                let order = dayFirst ? "dd/MM/yyyy" : "MM/dd/yyyy"
                formats = [order, "\(order) HH:mm", "\(order) HH:mm:ss", "\(order) h:mm:ss a", "\(order) h:mm a", "\(order) HH:mm:ss O"]
            }
        } else if let dot = trimmed.firstIndex(of: "."), trimmed.distance(from: trimmed.startIndex, to: dot) <= 2 {
            formats = ["dd.MM.yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss"]
        } else {
            formats = ["yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss 'UTC'",
                       "yyyy-MM-dd HH:mm:ss O", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
                       "yyyy-MM-dd h:mm a", "MMM d, yyyy", "MMMM d, yyyy", "d MMM yyyy", "MMM d, yyyy h:mm a",
                       "EEE, dd MMM yyyy HH:mm:ss zzz"]
        }
        for format in formats {
            if let date = formatter(format).date(from: trimmed) { return date }
        }
        return nil
    }

    /// `1/2/26` written with a two-digit year read as 2026 (Excel's m/d/yy), not year 26.
    static func expandingTwoDigitYear(_ text: String) -> String {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let date = parts.first, date.contains("/") else { return text }
        let fields = date.split(separator: "/")
        guard fields.count == 3, fields[2].count == 2, fields[2].allSatisfy(\.isNumber), fields[0].count <= 2 else { return text }
        let expanded = "\(fields[0])/\(fields[1])/20\(fields[2])"
        return parts.count == 2 ? expanded + " " + parts[1] : expanded
    }

    /// `yyyy-MM-ddTHH:mm:ss` with `Z` or `±HH:mm` (or `±HHmm`), read without a formatter:
    /// the form most exports write, and the one a large import spends its time on.
    static func fastISO(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 25 || b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20,
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(b[index]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var offset = 0
        if b.count == 20 {
            guard b[19] == 0x5A else { return nil }
        } else {
            guard b[19] == 0x2B || b[19] == 0x2D, let hours = digits(20..<22) else { return nil }
            let minutesStart = b.count == 25 ? 23 : 22
            if b.count == 25 { guard b[22] == 0x3A else { return nil } }
            guard let minutes = digits(minutesStart..<(minutesStart + 2)) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (b[19] == 0x2B ? 1 : -1)
        }
        // Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private func formatter(_ format: String) -> DateFormatter {
        if let existing = formatters[format] { return existing }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        formatter.isLenient = false
        formatters[format] = formatter
        return formatter
    }
}
