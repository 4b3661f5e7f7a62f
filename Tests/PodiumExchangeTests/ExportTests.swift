import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

@Suite("Exporting")
struct ExportTests {
    private func sample() -> WorkspaceSnapshot {
        var snapshot = WorkspaceSnapshot(product: Product(
            name: "Acme", vision: "Be \u{1B}[31mgreat", productGoal: "Ship",
            goalMeasures: [GoalMeasure(name: "Rate", baseline: 0, current: 50, target: 100, unit: "%")]))
        snapshot.feedback = RecordTable([
            FeedbackItem(id: RecordID("f1"), text: "Commas, \"quotes\"\nand lines", source: .review, author: "ana",
                         rating: Rating(2, scale: .stars5), createdAt: fixedDate, tags: ["speed"]),
            FeedbackItem(id: RecordID("f2"), text: "Fine", source: .survey, rating: Rating(9, scale: .nps), createdAt: fixedDate),
        ])
        snapshot.backlog = RecordTable([
            BacklogItem(id: RecordID("b2"), title: "Second | piped", order: 2, createdAt: fixedDate),
            BacklogItem(id: RecordID("b1"), title: "First", order: 1, rice: RICEInputs(reach: 10, impact: 1, confidence: 1, effort: 1),
                        linkedFeedback: [RecordID("f1")], createdAt: fixedDate),
        ])
        return snapshot
    }

    @Test("CSV export reads back through the importer's CSV reader, field for field")
    func csvRoundTrip() throws {
        let csv = try WorkspaceExporter.csv(sample(), collection: .feedback)
        let table = try TabularReader.read(Array(csv.utf8), fileName: "export.csv")
        #expect(table.rows.count == 2)
        #expect(table.rows[0].values["text"] == "Commas, \"quotes\"\nand lines")
        #expect(table.rows[0].values["rating"] == "2")
        #expect(table.rows[1].values["rating_scale"] == "nps-0-10")
        let backlog = try WorkspaceExporter.csv(sample(), collection: .backlog)
        #expect(backlog.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[2] } == ["First", "Second | piped"])
        #expect(throws: ExportError.self) { try WorkspaceExporter.csv(sample(), collection: .audit) }
    }

    @Test("JSON export holds every collection and decodes")
    func json() throws {
        let text = try WorkspaceExporter.json(sample())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["feedback"] as? [Any])?.count == 2)
        #expect(((object["backlog"] as? [[String: Any]])?.first?["title"] as? String) == "First")
        #expect((object["product"] as? [String: Any])?["name"] as? String == "Acme")
    }

    @Test("the Markdown report shows the goal, the ordered backlog and the feedback, with unsafe text cleaned")
    func markdown() {
        let report = MarkdownReport(snapshot: sample(), generatedAt: fixedDate).render()
        #expect(report.hasPrefix("# Acme — product report\n"))
        #expect(report.contains("## Vision\n\nBe great\n"))
        #expect(!report.contains("\u{1B}"))
        #expect(report.contains("| Rate | 0% | 50% | 100% | █████░░░░░ 50% |"))
        #expect(report.contains("| 1 | First | proposed | 10.0 | — | 1 |"))
        #expect(report.contains("| 2 | Second \\| piped | proposed | — | — | 0 |"))
        #expect(report.contains("| review | 1 | 2.0/5 (1 rated) |"))
        #expect(report.contains("Most frequent tags: speed (1)."))
    }
}
