import Foundation
import PodiumCore
import Testing

@Suite("Short forms")
struct FormatTests {
    @Test("day is the UTC day; localDay is the user's, and reads back what it writes")
    func days() throws {
        let lateEvening = try #require(ISO8601DateFormatter().date(from: "2026-11-25T23:30:00Z"))
        #expect(Format.day(lateEvening) == "2026-11-25")
        let start = try #require(Format.localDay(parsing: " 2026-11-25 "))
        #expect(Format.localDay(start) == "2026-11-25")
        #expect(Calendar.current.startOfDay(for: start) == start, "the start of the day in the user's time zone")
        #expect(Format.localDay(parsing: "25.11.2026") == nil)
        // A combining mark once trapped inside Foundation's DateFormatter.
        #expect(Format.localDay(parsing: "2026-11-2\u{0301}5") == nil && Format.localDay(parsing: "0\u{0325}") == nil)
        #expect(Format.weekdayTime(start) == "Wed 2026-11-25 00:00")
    }

    @Test("minutes of work in minutes and hours; shares and numbers as the panes, reports and lists print them")
    func numbers() {
        #expect([0, 35, 60, 95, 150.4].map { Format.duration(minutes: $0) } == ["0 min", "35 min", "1 h", "1 h 35 min", "2 h 30 min"])
        #expect([Format.percent(0.424), Format.percent(nil), Format.number(3), Format.number(3.25), Format.score(123.4)] == ["42%", "—", "3", "3.2", "123"])
    }
}
