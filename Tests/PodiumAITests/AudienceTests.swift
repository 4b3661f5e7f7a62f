import Foundation
import PodiumAI
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Stakeholder updates and release notes written for their audience, on a labelled product
/// that is not the demo (Trailmix: a Linear backlog with two items done on 5 and 10 March
/// 2026, three in progress, four ready; Play Console reviews, links made by hand).
@Suite("Communications by audience", .serialized)
struct AudienceTests {
    static let now = Timestamp.date(year: 2026, month: 3, day: 16, hour: 9)!

    private func workspace() throws -> (TemporaryDirectory, ImportedEvidenceSet) {
        let folder = try TemporaryDirectory("podium-audience")
        let imported = try EvidenceSet(named: "trailmix").makeWorkspace(at: folder.path("trailmix"))
        _ = try imported.linkByHand(perItem: 3)
        return (folder, imported)
    }

    private func run(_ kind: JobKind, audience: String, in imported: ImportedEvidenceSet) throws -> DraftOutput {
        let job = Job(kind: kind, stance: .influencer, parameters: JobParameters(audience: audience))
        return try LocalProvider().run(JobRequest(job: job, snapshot: imported.store.snapshot, now: Self.now), context: JobContext())
    }

    /// The share of `a`'s non-blank lines that `b` has too.
    private func shared(_ a: String, _ b: String) -> Double {
        let left = a.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let right = Set(b.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        return Double(left.filter(right.contains).count) / Double(max(1, left.count))
    }

    @Test("team, leadership and customers get updates that share less than half their lines, each with what that audience acts on")
    func updates() throws {
        let (folder, imported) = try workspace()
        _ = folder
        let team = try run(.stakeholderUpdate, audience: "team", in: imported).content
        let leadership = try run(.stakeholderUpdate, audience: "leadership", in: imported).content
        let customers = try run(.stakeholderUpdate, audience: "customers", in: imported).content
        for (a, b) in [(team, leadership), (leadership, team), (team, customers), (customers, team), (leadership, customers), (customers, leadership)] {
            #expect(shared(a, b) < 0.5, "\(shared(a, b)):\n\(a)\n---\n\(b)")
        }
        // The team: done, in progress, next and blocked, with Linear's keys.
        for heading in ["## Done", "## In progress", "## Next", "## Blocked or needs attention"] { #expect(team.contains(heading)) }
        #expect(team.contains("TRL-163") && team.contains("TRL-174"), "\(team)")
        // Leadership: the goal, what shipped, risks and the decisions asked of them; no tracker keys.
        for heading in ["## Product goal", "## Shipped", "## Risks", "## Decisions needed"] { #expect(leadership.contains(heading)) }
        #expect(!leadership.contains("TRL-"))
        // Customers: plain words, no ids or keys, each item once.
        #expect(!customers.contains("[#") && !customers.contains("TRL-"), "\(customers)")
        let titles = imported.store.snapshot.backlog.values.map(\.title)
        for title in titles { #expect(customers.components(separatedBy: title).count <= 2, "\(title) listed twice") }
        #expect(customers.contains("## Now available"))
    }

    @Test("customers read no team-only work (a database upgrade), no component prefix, and “asked for this” only where two or more asked")
    func customerWords() throws {
        let (folder, imported) = try workspace()
        _ = folder
        let someFeedback = Array(imported.store.snapshot.feedback.values.prefix(1)).map(\.id)
        let upgrade = BacklogItem(key: "TRL-900", title: "Upgrade Postgres 13 → 16 and drop legacy tables", status: .done, order: 900,
                                  linkedFeedback: someFeedback, tags: ["Tech debt", "infra"], doneAt: Self.now.addingTimeInterval(-86_400))
        let quotes = BacklogItem(key: "TRL-901", title: "RateService: parallel carrier quotes with a short cache",
                                 description: "On re-poll we re-ingest quotes we already hold. AC: p95 under 800 ms.", status: .done, order: 901,
                                 linkedFeedback: someFeedback, tags: ["Backend"], doneAt: Self.now.addingTimeInterval(-86_400))
        try imported.store.write { try $0.save(all: [upgrade, quotes]) }
        for kind in [JobKind.stakeholderUpdate, .releaseNotes] {
            let customers = try run(kind, audience: "customers", in: imported)
            #expect(!customers.content.contains("Postgres"), "\(kind): \(customers.content)")
            #expect(customers.evidence.contains { $0.reference.id == upgrade.id.rawValue && ($0.detail ?? "").hasPrefix("left out") },
                    "the review says what was left out and why")
            #expect(customers.content.contains("Parallel carrier quotes with a short cache") && !customers.content.contains("RateService"),
                    "\(kind): \(customers.content)")
            #expect(!customers.content.contains("re-ingest") && !customers.content.contains("p95"), "the team's description stays out: \(customers.content)")
            #expect(!customers.content.contains("you asked for this") || customers.content.contains("some of you") || customers.content.contains("many of you"))
            let quoteLine = customers.content.split(separator: "\n").first { $0.contains("Parallel carrier quotes") } ?? ""
            #expect(!quoteLine.contains("asked for this"), "one link is not “you asked for this”: \(quoteLine)")
            let team = try run(kind, audience: "team", in: imported)
            #expect(team.content.contains("Postgres"), "the team's own text keeps it: \(team.content.prefix(400))")
        }
    }

    @Test("leadership's update says plainly when no feedback arrived in the period, with when the newest did; and counts feedback items, not customers")
    func quietPeriod() throws {
        let (folder, imported) = try workspace()
        _ = folder
        let newest = try #require(imported.store.snapshot.feedback.values.map(\.createdAt).max())
        let job = Job(kind: .stakeholderUpdate, stance: .influencer, parameters: JobParameters(audience: "leadership"))
        let later = newest.addingTimeInterval(200 * 86_400)
        let output = try LocalProvider().run(JobRequest(job: job, snapshot: imported.store.snapshot, now: later), context: JobContext())
        #expect(output.content.contains("No feedback arrived in this period (the newest item is from "), "\(output.content)")
        #expect(!output.content.contains("0 feedback items"))
        #expect(!output.content.contains("customers asked for it"), "a count of linked feedback is not a count of customers")
    }

    @Test("release notes differ by audience too; the customers' carry no ids")
    func releaseNotes() throws {
        let (folder, imported) = try workspace()
        _ = folder
        let customers = try run(.releaseNotes, audience: "customers", in: imported)
        let team = try run(.releaseNotes, audience: "engineering team", in: imported)
        let leadership = try run(.releaseNotes, audience: "the board", in: imported)
        #expect(shared(customers.content, team.content) < 0.5 && shared(team.content, leadership.content) < 0.5
            && shared(customers.content, leadership.content) < 0.5)
        #expect(!customers.content.contains("[#") && !customers.content.contains("TRL-"))
        #expect(team.content.contains("TRL-163"))
        #expect(leadership.content.contains("2 items released"), "\(leadership.content)")
        #expect(team.proposal?.communication?.audience == "engineering team")
    }

    @Test("an audience is read from how people name it", arguments: [
        ("team", Audience.team), ("Engineering", .team), ("the dev squad", .team), ("leadership", .leadership), ("Finance Director", .leadership),
        ("board", .leadership), ("all customers", .customers), ("Users", .customers), ("public", .customers),
    ])
    func reading(name: String, audience: Audience) {
        #expect(Audience(reading: name) == audience)
    }

    @Test("citation marks are taken out of what goes out, with the space before them")
    func stripping() {
        #expect(CitationMarks.stripped("Sync fixed [#1a2b3c4d]. Export too [#00ff00aa, #12345678].\n- Done: X [#abcdef12]")
            == "Sync fixed. Export too.\n- Done: X")
        #expect(CitationMarks.stripped("A [link](http://x) and [#notanid] stay") == "A [link](http://x) and [#notanid] stay")
    }
}
