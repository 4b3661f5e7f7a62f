import Foundation
import PodiumCore
import PodiumDemo
import PodiumStore
import PodiumTestSupport
import Testing

/// The demo lives in the present and opens with a week of use.
@Suite("The demo today")
struct DemoTodayTests {
    private func podium(_ arguments: [String], home: URL, day: String) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws",
                              "PODIUM_DEMO_DATE": day, "COLUMNS": "160"])
    }

    @Test("today is the start of the UTC day, or the day PODIUM_DEMO_DATE names; a wrong one is ignored")
    func today() throws {
        let now = try #require(Timestamp.parse("2027-03-01T17:45:12Z"))
        #expect(DemoWorkspace.today(environment: [:], now: now) == Timestamp.parse("2027-03-01T00:00:00Z"))
        #expect(DemoWorkspace.today(environment: ["PODIUM_DEMO_DATE": "2026-02-03"], now: now) == Timestamp.parse("2026-02-03T00:00:00Z"))
        #expect(DemoWorkspace.today(environment: ["PODIUM_DEMO_DATE": "soon"], now: now) == Timestamp.parse("2027-03-01T00:00:00Z"))
    }

    @Test("made on a day, its dates sit before that day, and the same day gives the same records")
    func datedToday() throws {
        let home = try TemporaryDirectory("podium-demo-today")
        let other = try TemporaryDirectory("podium-demo-today-2")
        try #require(try podium(["demo", "--no-open", "--size", "80"], home: home.url, day: "2027-03-01").status == 0)
        try #require(try podium(["demo", "--no-open", "--size", "80"], home: other.url, day: "2027-03-01").status == 0)
        let first = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws")).snapshot
        let second = try WorkspaceStore.open(at: other.url.appendingPathComponent("ws")).snapshot
        let day = try #require(Timestamp.parse("2027-03-01T00:00:00Z"))
        let dates = first.feedback.values.map(\.createdAt)
        #expect(dates.allSatisfy { $0 <= day && $0 > day.addingTimeInterval(-121 * 86_400) })
        #expect((dates.max() ?? .distantPast) > day.addingTimeInterval(-3 * 86_400), "the newest feedback is days old, not months")
        #expect(first.feedback.all == second.feedback.all && first.backlog.all.map(\.title) == second.backlog.all.map(\.title))
    }

    @Test("it opens with drafts waiting, drafts accepted over the last week, a persona and two rules; metrics show the time won back")
    func firstWeek() throws {
        let home = try TemporaryDirectory("podium-demo-week")
        try #require(try podium(["demo", "--no-open", "--size", "120"], home: home.url, day: "2027-03-01").status == 0)
        let snapshot = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws")).snapshot
        let day = try #require(Timestamp.parse("2027-03-01T00:00:00Z"))
        let pending = snapshot.drafts.values.filter { $0.status == .pending }
        let accepted = snapshot.drafts.values.filter { $0.status == .accepted }
        #expect(Set(pending.map(\.kind)) == [.summarizeFeedback, .clusterThemes, .stakeholderUpdate])
        #expect(Set(accepted.map(\.kind)) == [.tagSentiment, .buildPersonas, .orderBacklog])
        #expect(accepted.allSatisfy { ($0.reviewedAt ?? .distantFuture) < day && ($0.reviewedAt ?? .distantPast) > day.addingTimeInterval(-7 * 86_400) })
        #expect(!snapshot.personas.isEmpty && snapshot.rules.count == 2)
        #expect(snapshot.feedback.values.allSatisfy { $0.currentSentiment != nil }, "the accepted sentiment is written")
        let metrics = try podium(["metrics", "--json"], home: home.url, day: "2027-03-01")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(metrics.standardOutput.utf8)) as? [String: Any])
        #expect((figures["minutesSaved"] as? Double ?? 0) > 0, "\(metrics.standardOutput.prefix(400))")
        let bare = try TemporaryDirectory("podium-demo-bare")
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "40"], home: bare.url, day: "2027-03-01").status == 0)
        #expect(try WorkspaceStore.open(at: bare.url.appendingPathComponent("ws")).snapshot.drafts.isEmpty, "--bare: the records only")
    }
}
