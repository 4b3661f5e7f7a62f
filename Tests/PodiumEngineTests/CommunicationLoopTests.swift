import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Closing the loop on a communication: marked sent (when, where), audited and undone; the
/// text that goes out, as Markdown or plain text, without citation marks or control characters.
@Suite("Communications sent and exported")
struct CommunicationLoopTests {
    static let update = Communication(
        title: "Sprint 5 update for leadership", audience: "leadership", kind: .stakeholderUpdate,
        body: "# Sprint 5 update for leadership\n\n## Done\n\n- **Invoicing** from the job screen [#1a2b3c4d]\n- Calendar `DST` bug fixed\u{1B}[31m\n")

    @Test("marked sent with a channel and a day, audited; restore puts it back as it was")
    func markSent() throws {
        let (folder, store) = try makeWorkspace()
        try store.write { try $0.save(Self.update) }
        let editor = CommunicationEditor(store: store, actor: "po")
        let day = try #require(Timestamp.parse("2026-12-04T12:00:00Z"))
        let before = try editor.markSent(Self.update.id, channel: " Slack #product ", at: day)
        let sent = try #require(store.snapshot.communications[Self.update.id])
        #expect(before.status == .draft && sent.status == .sent && sent.sentAt == day && sent.channel == "Slack #product")
        #expect(store.snapshot.audit.all.map(\.summary) == ["Sent “Sprint 5 update for leadership” by Slack #product on 2026-12-04"])
        try editor.restore(before)
        #expect(store.snapshot.communications[Self.update.id] == before)
        #expect(throws: EditFailure.self) { try editor.markSent(RecordID("gone"), channel: nil, at: day) }
        withExtendedLifetime(folder) {}
    }

    @Test("what is typed for sent: a channel, then a day at the end if it is not today")
    func parse() throws {
        let today = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(CommunicationEditor.parse("email", today: today)?.channel == "email")
        #expect(CommunicationEditor.parse("", today: today)?.channel == nil)
        let parsed = try #require(CommunicationEditor.parse("Slack #product 2026-12-04", today: today))
        #expect(parsed.channel == "Slack #product" && Format.day(parsed.date) == "2026-12-04")
        #expect(CommunicationEditor.parse("email 2026-13-04", today: today) == nil, "a wrong date is refused, not read as today")
    }

    @Test("Markdown keeps the marks, plain text drops them; neither has a citation or a control character")
    func text() {
        let markdown = CommunicationText.markdown(Self.update)
        #expect(markdown.contains("- **Invoicing** from the job screen\n") && !markdown.contains("[#"))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B })
        let plain = CommunicationText.plain(Self.update)
        #expect(plain.hasPrefix("Sprint 5 update for leadership\n\nDone\n\n• Invoicing from the job screen\n• Calendar DST bug fixed"))
        #expect(CommunicationText.Format.forFile("update.TXT") == .text && CommunicationText.Format.forFile("update.md") == .markdown)
        let untitled = Communication(title: "Release notes 4.12", audience: "customers", kind: .releaseNotes, body: "- Faster search")
        #expect(CommunicationText.markdown(untitled) == "# Release notes 4.12\n\n- Faster search\n")
    }
}
