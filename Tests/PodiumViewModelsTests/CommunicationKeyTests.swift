import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels
import Testing

/// The Influencer's keys: P marks the selected communication sent, c copies it, E exports it.
@Suite("Communication keys")
struct CommunicationKeyTests {
    private func state() -> AppState {
        // The update at the top of the list written and not sent yet.
        var snapshot = demoSnapshot()
        if let newest = snapshot.communications.values.max(by: { $0.createdAt < $1.createdAt }) {
            snapshot.communications[newest.id]?.status = .draft
            snapshot.communications[newest.id]?.sentAt = nil
            if newest.body.isEmpty { snapshot.communications[newest.id]?.body = "# \(newest.title)\n\n- **Invoicing** on site" }
        }
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("6"), .character("g"))
        return state
    }

    @Test("P asks where it went; a day at the end is read, a wrong one refused in place; u undoes")
    func markSent() throws {
        var state = state()
        let selected = try #require(state.selectedRow.flatMap { state.snapshot.communications[RecordID($0.id)] })
        _ = state.press(.character("P"), .control("u"))
        state.type("email 2026-13-40")
        #expect(state.press(.enter).isEmpty)
        guard case let .prompt(prompt) = state.mode else {
            Issue.record("the prompt closed")
            return
        }
        #expect(prompt.note?.contains("is not a date") == true)
        _ = state.press(.control("u"))
        state.type("email 2026-12-04")
        let effects = state.press(.enter)
        guard case let .write(.markCommunicationSent(id, channel, date), _) = effects.first else {
            Issue.record("expected a write, got \(effects)")
            return
        }
        #expect(id == selected.id && channel == "email" && Format.day(date) == "2026-12-04")
        _ = state.update(.communicationSent(before: selected))
        #expect(state.message == "Marked “\(selected.title)” sent · u undoes")
        #expect(state.press(.character("u")) == [.write(.restoreCommunication(selected), summary: "Undo: marked “\(selected.title)” sent")])
    }

    @Test("c copies it as plain text; E offers a file named after it; the keys do nothing elsewhere")
    func copyAndExport() throws {
        var state = state()
        let selected = try #require(state.selectedRow.flatMap { state.snapshot.communications[RecordID($0.id)] })
        let effects = state.press(.character("c"))
        guard case let .copyToClipboard(text, what) = effects.first else {
            Issue.record("expected a copy, got \(effects)")
            return
        }
        #expect(text.hasPrefix(selected.title) && !text.contains("**") && what == "“\(selected.title)”")
        _ = state.press(.character("E"))
        guard case let .prompt(prompt) = state.mode else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text.hasPrefix("./") && prompt.text.hasSuffix(".md"))
        #expect(state.press(.enter) == [.exportCommunication(selected.id, path: prompt.text)])
        _ = state.press(.character("3"), .character("P"))
        #expect(state.mode == .normal)
    }
}
