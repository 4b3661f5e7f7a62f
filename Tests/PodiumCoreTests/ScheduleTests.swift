import Foundation
import PodiumCore
import Testing

/// Automation schedules: reading them, and when they are due (the groundwork of the
/// Orchestrator's automation; the rules themselves come with that issue).
@Suite("Schedules")
struct ScheduleTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    private func date(_ text: String, _ zone: TimeZone) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test("schedules as people write them, and clear errors")
    func parse() throws {
        #expect(try Schedule.parse("fri 15:00") == .weekly(weekdays: [6], hour: 15, minute: 0))
        #expect(try Schedule.parse("Friday 15:00") == .weekly(weekdays: [6], hour: 15, minute: 0))
        #expect(try Schedule.parse("mon,wed 08:30") == .weekly(weekdays: [2, 4], hour: 8, minute: 30))
        #expect(try Schedule.parse("weekdays 9:00").description == "weekdays 09:00")
        #expect(try Schedule.parse("daily 07:45") == .daily(hour: 7, minute: 45))
        #expect(try Schedule.parse("sprint-end") == .sprintEnd)
        #expect(throws: Schedule.ParseError.self) { try Schedule.parse("fry 15:00") }
        #expect(throws: Schedule.ParseError.self) { try Schedule.parse("fri 25:00") }
        #expect(throws: Schedule.ParseError.self) { try Schedule.parse("") }
        #expect(try Schedule.parse("tues,THURS 10:00") == .weekly(weekdays: [3, 5], hour: 10, minute: 0))
        for wrong in ["monkey 15:00", ", 15:00", "mon,,fri 15:00", "fr 15:00", "saturdays 9:00"] {
            #expect(throws: Schedule.ParseError.self, "\(wrong)") { try Schedule.parse(wrong) }
        }
    }

    @Test("a last run written by a clock that ran ahead is not believed: the rule still runs, once")
    func lastRunInTheFuture() {
        let schedule = Schedule.daily(hour: 9, minute: 0)
        let now = date("2026-12-05 10:00", berlin)
        let made = date("2026-11-01 08:00", berlin)
        #expect(schedule.isDue(now: now, lastRun: date("2027-03-01 09:00", berlin), createdAt: made, timeZone: berlin),
                "a run 'next March' does not stop the rule until then")
        #expect(!schedule.isDue(now: now, lastRun: date("2026-12-05 10:30", berlin), createdAt: made, timeZone: berlin),
                "a clock a few minutes off is believed: no second run")
        #expect(!schedule.isDue(now: now, lastRun: nil, createdAt: date("2027-01-01 00:00", berlin), timeZone: berlin),
                "made 'in the future': it waits for its next time, it does not run at once")
    }

    @Test("the last Friday 15:00 in the user's zone, across the change from summer time")
    func lastOccasion() throws {
        let schedule = try Schedule.parse("fri 15:00")
        // Sunday 2026-11-01, after the clocks went back on 25 October.
        let occasion = schedule.lastOccasion(atOrBefore: date("2026-11-01 10:00", berlin), timeZone: berlin)
        #expect(occasion == date("2026-10-30 15:00", berlin))
        // Friday before 15:00: the week before.
        #expect(schedule.lastOccasion(atOrBefore: date("2026-10-30 14:59", berlin), timeZone: berlin) == date("2026-10-23 15:00", berlin))
    }

    @Test("missed occasions make a rule due once, not once each")
    func missedRunsOnce() throws {
        let schedule = try Schedule.parse("fri 15:00")
        let created = date("2026-10-01 09:00", berlin)
        let now = date("2026-10-26 09:00", berlin)  // three Fridays passed while nothing ran
        #expect(schedule.isDue(now: now, lastRun: nil, createdAt: created, timeZone: berlin))
        #expect(!schedule.isDue(now: now, lastRun: now, createdAt: created, timeZone: berlin), "after its run, not again until next Friday")
        #expect(schedule.isDue(now: date("2026-10-30 15:01", berlin), lastRun: now, createdAt: created, timeZone: berlin))
    }

    @Test("sprint ends follow the product's cadence")
    func sprintEnd() {
        let utc = TimeZone(identifier: "UTC")!
        let cadence = SprintCadence(firstSprintStart: date("2026-09-07 00:00", utc), lengthInDays: 14)
        let occasion = Schedule.sprintEnd.lastOccasion(atOrBefore: date("2026-10-10 12:00", utc), timeZone: utc, cadence: cadence)
        #expect(occasion == date("2026-10-05 00:00", utc))
        #expect(Schedule.sprintEnd.lastOccasion(atOrBefore: date("2026-09-10 12:00", utc), timeZone: utc, cadence: cadence) == nil)
        #expect(Schedule.sprintEnd.lastOccasion(atOrBefore: date("2026-10-10 12:00", utc), timeZone: utc, cadence: nil) == nil)
    }

    @Test("the next occasion, across the change from summer time; a bare time is every day")
    func nextOccasion() throws {
        let friday = try Schedule.parse("fri 15:00")
        #expect(friday.nextOccasion(after: date("2026-10-23 15:00", berlin), timeZone: berlin) == date("2026-10-30 15:00", berlin))
        #expect(friday.nextOccasion(after: date("2026-10-30 14:59", berlin), timeZone: berlin) == date("2026-10-30 15:00", berlin))
        #expect(try Schedule.parse("15:00") == .daily(hour: 15, minute: 0))
        #expect(try Schedule.parse("15:00").nextOccasion(after: date("2026-10-24 16:00", berlin), timeZone: berlin) == date("2026-10-25 15:00", berlin))
        let utc = TimeZone(identifier: "UTC")!
        let cadence = SprintCadence(firstSprintStart: date("2026-09-07 00:00", utc), lengthInDays: 14)
        #expect(Schedule.sprintEnd.nextOccasion(after: date("2026-09-01 00:00", utc), timeZone: utc, cadence: cadence) == date("2026-09-21 00:00", utc))
        #expect(Schedule.sprintEnd.nextOccasion(after: date("2026-10-05 00:00", utc), timeZone: utc, cadence: cadence) == date("2026-10-19 00:00", utc))
    }
}
