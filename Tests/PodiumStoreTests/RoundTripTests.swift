import Foundation
import PodiumCore
import PodiumTestSupport
import Testing

@testable import PodiumStore

/// What Podium writes, Podium reads back: every field type at its edges, through the record
/// files and through the open cache.
@Suite("Writing and reading back")
struct RoundTripTests {
    @Test("every storable second formats and parses back to itself, as ISO 8601 writes it")
    func timestamps() throws {
        var generator = SeededGenerator(seed: 7)
        let span = Timestamp.latest.timeIntervalSince1970 - Timestamp.earliest.timeIntervalSince1970
        let samples = (0..<5_000).map { _ in
            Timestamp.earliest.addingTimeInterval((Double(generator.next() % 1_000_000_007) / 1_000_000_007) * span)
        } + [Timestamp.earliest, Timestamp.latest, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400)]  // 2000-02-29
        let iso = Date.ISO8601FormatStyle()
        for date in samples {
            let text = try #require(Timestamp.format(date))
            #expect(Timestamp.parse(text) == Timestamp.wholeSeconds(date), "\(text)")
            #expect(text == Timestamp.wholeSeconds(date).formatted(iso), "\(text)")
        }
        for outside in [Timestamp.earliest.addingTimeInterval(-1), Timestamp.latest.addingTimeInterval(1),
                        Date(timeIntervalSince1970: -62_167_219_200), Date(timeIntervalSince1970: 1e18), Date(timeIntervalSince1970: .nan)] {
            #expect(Timestamp.format(outside) == nil)
        }
        #expect(Timestamp.parse("2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp.parse("2024-02-29T23:59:59Z") != nil)
    }

    @Test("a record with every field at its edge is read back equal, from its file and from the open cache")
    func edges() throws {
        let (folder, store) = try makeWorkspace()
        _ = folder
        let text = "Quotes \" and \\ back-slash, tab\tnew\nline, bell \u{07}, escape \u{1B}[31m, NUL-free, emoji 🧭, RTL \u{202E}, CJK 漢字"
        let feedback = [
            FeedbackItem(id: .init("01000000-0000-7000-8000-000000000001"), text: text, source: FeedbackSource(rawValue: "custom source"),
                         author: "", segment: "Ω", rating: Rating(0, scale: .nps), createdAt: Timestamp.earliest,
                         tags: ["", "theme: x", String(repeating: "t", count: 1_000)], sentiment: -1,
                         origin: "file.csv", importedAt: Timestamp.latest, version: "4.2.0-β", votes: Int.max, externalID: "zendesk:18446744073709551615"),
            FeedbackItem(id: .init("01000000-0000-7000-8000-000000000002"), text: "x", rating: Rating(5, scale: .stars5),
                         createdAt: Timestamp.latest, sentiment: 1, votes: Int.min),
            FeedbackItem(id: .init("01000000-0000-7000-8000-000000000003"), text: "minimal", createdAt: fixedDate),
        ]
        let backlog = BacklogItem(
            id: .init("01000000-0000-7000-8000-0000000000b1"), key: "LED-101", estimate: 1e300, title: text, description: text,
            status: .done, order: Int.min, rice: RICEInputs(reach: .leastNonzeroMagnitude, impact: -0.0, confidence: 1, effort: .greatestFiniteMagnitude),
            wsjf: WSJFInputs(businessValue: 0.1 + 0.2, timeCriticality: 1e-300, riskReduction: 3, jobSize: 8),
            linkedFeedback: [feedback[0].id], validatingFeedback: [feedback[1].id], tags: ["a", "a"],
            createdAt: Timestamp.earliest, updatedAt: Timestamp.latest, doneAt: fixedDate)
        try store.write { transaction in
            for item in feedback { try transaction.save(item) }
            try transaction.save(backlog)
        }
        for pass in ["files", "open cache"] {
            let reopened = try WorkspaceStore.open(at: store.layout.root)
            #expect(reopened.problems.isEmpty, "\(pass): \(reopened.problems)")
            for item in feedback { #expect(reopened.snapshot.feedback[item.id] == item, "\(pass)") }
            #expect(reopened.snapshot.backlog[backlog.id] == backlog, "\(pass)")
        }
    }

    @Test("a date no reader could read back is refused before anything is written")
    func unstorableDateRefused() throws {
        let (folder, store) = try makeWorkspace()
        _ = folder
        let good = FeedbackItem(text: "fine", createdAt: fixedDate)
        let bad = FeedbackItem(text: "year zero", createdAt: Date(timeIntervalSince1970: -62_167_219_200))
        #expect(throws: StoreError.self) {
            try store.write { transaction in
                try transaction.save(good)
                try transaction.save(bad)
            }
        }
        let reopened = try WorkspaceStore.open(at: store.layout.root)
        #expect(reopened.snapshot.feedback.count == 0)
    }
}
