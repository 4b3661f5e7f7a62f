import Foundation
import PodiumCore

/// Reads the loosely written values of exported files: numbers, dates, ratings, lists.
enum ValueParsers {
    /// A number written with `.` or `,` as the decimal mark, a `%`, or thousands spaces.
    static func number(_ text: String) -> Double? {
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

    /// Whether a column of `a/b/yyyy` dates must be day-first (some first part is over 12).
    static func columnIsDayFirst(_ values: [String]) -> Bool {
        values.contains { value in
            let parts = value.split(separator: "/")
            guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1].prefix(2)) else { return false }
            return first > 12 && second <= 12
        }
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
/// Accepts ISO 8601, `yyyy-MM-dd[ HH:mm[:ss][ Z]]`, epoch seconds or milliseconds,
/// `dd.MM.yyyy`, and `MM/dd/yyyy` (`dd/MM/yyyy` when `dayFirst`). Times without a zone are UTC.
final class DateReader {
    let dayFirst: Bool
    private var formatters: [String: DateFormatter] = [:]
    private let iso = ISO8601DateFormatter()
    private let isoFractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    init(dayFirst: Bool) {
        self.dayFirst = dayFirst
    }

    func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let epoch = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." }) {
            guard epoch > 100_000_000 else { return nil }
            return Date(timeIntervalSince1970: epoch > 100_000_000_000 ? epoch / 1000 : epoch)
        }
        if trimmed.contains("T"), let date = iso.date(from: trimmed) ?? isoFractional.date(from: trimmed) {
            return date
        }
        let formats: [String]
        if trimmed.contains("/") {
            formats = dayFirst ? ["dd/MM/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss"]
                : ["MM/dd/yyyy", "MM/dd/yyyy HH:mm", "MM/dd/yyyy HH:mm:ss"]
        } else if trimmed.contains(".") {
            formats = ["dd.MM.yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss"]
        } else {
            formats = ["yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"]
        }
        for format in formats {
            if let date = formatter(format).date(from: trimmed) { return date }
        }
        return nil
    }

    private func formatter(_ format: String) -> DateFormatter {
        if let existing = formatters[format] { return existing }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        formatter.isLenient = false
        formatters[format] = formatter
        return formatter
    }
}
