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
}
