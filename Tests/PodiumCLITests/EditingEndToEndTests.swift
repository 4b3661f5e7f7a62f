import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Editing by hand in a real terminal; after each step, what another command reads.
extension DashboardEndToEndTests {
    /// The backlog as `podium list backlog --json` prints it.
    private func listedBacklog(_ workspace: String) throws -> [BacklogItem] {
        let output = try run(BuiltProducts.executable("podium"), ["list", "backlog", "--json", "-w", workspace]).standardOutput
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([BacklogItem].self, from: Data(output.utf8))
    }

    @Test("the backlog by hand: n adds through the form (a bad number is refused in place), e marks it done, x and y delete, u brings it back")
    func backlogByHandInATerminal() throws {
        let (folder, workspace) = try prepare()
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        let title = "Remember categories per supplier"
        func item() throws -> BacklogItem? { try listedBacklog(workspace).first { $0.title == title } }
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("4", "n")
        try terminal.waitFor("New backlog item")
        try terminal.type(title)
        try terminal.send("Tab")
        try terminal.type("FN-77")
        try terminal.send("Tab", "Tab")
        try terminal.type("XL")
        try terminal.waitFor("“XL” is not a number")
        try terminal.send("Enter")
        try terminal.waitFor("Not saved: estimate")
        #expect(try item() == nil, "nothing written")
        try terminal.send("BSpace", "BSpace")
        try terminal.type("5")
        try terminal.send("Enter")
        try terminal.waitFor("Added “\(title)”")
        #expect(try item()?.key == "FN-77" && item()?.estimate == 5)

        try terminal.send("e")
        try terminal.waitFor("Edit backlog item")
        try terminal.send("Tab", "Tab", "C-u")
        try terminal.type("done")
        try terminal.send("Enter")
        try terminal.waitFor("Saved “\(title)”")
        #expect(try item()?.status == .done && item()?.doneAt != nil)

        try terminal.send("x")
        try terminal.waitFor("y deletes")
        try terminal.send("y")
        try terminal.waitFor("Deleted “\(title)”")
        #expect(try item() == nil)
        try terminal.send("u")
        try terminal.waitFor("Undid: deleted")
        #expect(try item()?.status == .done, "back as it was")
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }

    /// The feedback as `podium list feedback --json` prints it, by id.
    private func listedFeedback(_ workspace: String) throws -> [String: FeedbackItem] {
        let output = try run(BuiltProducts.executable("podium"), ["list", "feedback", "--json", "-w", workspace]).standardOutput
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return Dictionary(uniqueKeysWithValues: try decoder.decode([FeedbackItem].self, from: Data(output.utf8)).map { ($0.id.rawValue, $0) })
    }

    @Test("triage in a real terminal: N marks seen, x dismisses, T tags, Space and L link two items; list --json shows each")
    func triageInATerminal() throws {
        let (folder, workspace) = try prepare()
        let newest = try listedFeedback(workspace).values.sorted { $0.id > $1.id }.map(\.id.rawValue)
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color"])
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("3")
        try terminal.waitFor("Customer Representative — feedback")
        try terminal.send("N")
        try terminal.waitFor("Marked 1 feedback item seen")
        #expect(try listedFeedback(workspace)[newest[0]]?.triage == .seen)
        try terminal.send("x")
        try terminal.waitFor("Dismissed 1 feedback item as noise")
        #expect(try listedFeedback(workspace)[newest[1]]?.triage == .dismissed)
        try terminal.send("T")
        try terminal.waitFor("Tags (comma separated")
        try terminal.send("C-u")
        try terminal.type("billing, follow-up")
        try terminal.send("Enter")
        try terminal.waitFor("Tagged 1 feedback item: billing, follow-up")
        #expect(try listedFeedback(workspace)[newest[2]]?.tags == ["billing", "follow-up"])
        try terminal.send("Space", "Space", "L")
        try terminal.type("reliable offline")
        try terminal.waitFor("Enter links as demand")
        try terminal.send("Enter")
        try terminal.waitFor("Linked 2 feedback items")
        let backlog = try listedBacklog(workspace).first { $0.title == "Reliable offline sync for job data" }
        #expect(backlog.map { Set([newest[2], newest[3]].map { RecordID<FeedbackItem>($0) }).isSubset(of: Set($0.linkedFeedback)) } == true)
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }
}

extension DashboardEndToEndTests {
    @Test("an update marked sent and copied in a real terminal: the OSC 52 sequence reaches tmux's clipboard; list --json shows it sent")
    func sentAndCopiedInATerminal() throws {
        let (folder, workspace) = try prepare()
        // An update written and not sent yet, at the top of the Influencer's list.
        let store = try WorkspaceStore.open(at: URL(fileURLWithPath: workspace))
        try store.write { try $0.save(Communication(title: "Sprint 7 update for the team", audience: "team", kind: .stakeholderUpdate,
                                                   body: "# Sprint 7 update for the team\n\n- **Done:** invoicing on site [#1a2b3c4d]\n")) }
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color", "DISPLAY": "", "WAYLAND_DISPLAY": ""])
        try terminal.run(["set-option", "-s", "set-clipboard", "on"])
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("6")
        try terminal.waitFor("Influencer — updates and release notes")
        try terminal.send("g", "P")
        try terminal.waitFor("Sent by")
        try terminal.send("C-u")
        try terminal.type("Slack #product 2026-12-04")
        try terminal.send("Enter")
        try terminal.waitFor("sent · u undoes")
        let output = try run(BuiltProducts.executable("podium"), ["list", "communications", "--json", "-w", workspace]).standardOutput
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let communications = try decoder.decode([Communication].self, from: Data(output.utf8))
        let sent = try #require(communications.first { $0.channel == "Slack #product" })
        let sentAt = try #require(sent.sentAt)
        #expect(sent.status == .sent && Format.day(sentAt) == "2026-12-04")

        try terminal.send("c")
        try terminal.waitFor("to the clipboard through the terminal (OSC 52)")
        let buffer = try terminal.run(["show-buffer"])
        #expect(buffer.hasPrefix(sent.title), "tmux's clipboard: \(buffer)")
        #expect(!buffer.contains("**") && !buffer.contains("[#"), "plain text, no citation marks")
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }
}

extension DashboardEndToEndTests {
    @Test("the vision edited in $EDITOR from the Visionary pane, and a measure's new value: list product --json shows both; u undoes")
    func visionInATerminal() throws {
        let (folder, workspace) = try prepare()
        // The "editor" changes a word of the vision, as a person would in vi.
        let terminal = try TmuxSession(command: command(folder, workspace: workspace), width: 140, height: 40,
                                       environment: ["HOME": folder.url.path, "TERM": "xterm-256color", "VISUAL": "sed -i s/calm/quiet/"])
        func product() throws -> Product {
            let output = try run(BuiltProducts.executable("podium"), ["list", "product", "--json", "-w", workspace]).standardOutput
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(Product.self, from: Data(output.utf8))
        }
        let before = try product()
        #expect(before.vision.contains("one calm app"))
        try terminal.waitFor("Visionary — Fieldnote")
        try terminal.send("e")
        try terminal.waitFor("Edited the product: vision · u undoes")
        #expect(try product().vision.contains("one quiet app"))
        let measure = try #require(before.goalMeasures.first)
        try terminal.send("g", "=", "C-u")
        try terminal.type("42")
        try terminal.send("Enter")
        try terminal.waitFor("\(measure.name): now 42")
        #expect(try product().goalMeasures.first?.current == 42)
        try terminal.send("u")
        try terminal.waitFor("Undid: \(measure.name.lowercased().prefix(1))")
        #expect(try product().goalMeasures.first?.current == measure.current)
        try terminal.send("q")
        #expect(try waitForExit(folder) == "0")
        #expect(try terminalRestored(folder))
    }
}
