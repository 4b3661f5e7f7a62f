import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium edit` through the built binary: in an "editor" (sed), from a file, and refused.
@Suite("podium edit")
struct EditCommandTests {
    private func podium(_ arguments: [String], home: URL, editor: String = "false", input: Data? = nil) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws",
                              "VISUAL": editor, "COLUMNS": "160", "TMPDIR": home.path],
                input: input)
    }

    @Test("a stakeholder's interest changed in the editor; a decision recorded from a file; an experiment started")
    func edits() throws {
        let home = try TemporaryDirectory("podium-edit-cli")
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "40"], home: home.url).status == 0)
        let store = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws"))
        let raj = try #require(store.snapshot.stakeholders.values.first { $0.name == "Raj Patel" })
        let edited = try podium(["edit", "stakeholder", "raj patel"], home: home.url, editor: "sed -i s/^\(raj.interest)$/1/")
        #expect(edited.status == 0 && edited.standardOutput.contains("Saved the stakeholder “Raj Patel”"), "\(edited.standardError)")

        let decision = """
            # Title
            Keep per-technician pricing
            # Context
            Small teams asked for a cheaper plan
            # Options
            - Per technician
            - Flat price
            # Choice
            Per technician
            # Rationale
            It grows with the customer
            # Decided on
            2026-12-01
            # Review on
            2026-12-02
            """
        let recorded = try podium(["edit", "decision", "--from", "-", "--json"], home: home.url, input: Data(decision.utf8))
        #expect(recorded.status == 0 && recorded.standardOutput.contains("\"choice\" : \"Per technician\""), "\(recorded.standardError)")

        let experiment = try #require(store.snapshot.experiments.values.first { $0.status == .proposed })
        let started = try podium(["edit", "experiment", String(experiment.id.rawValue.suffix(8))], home: home.url, editor: "sed -i s/^proposed$/running/")
        #expect(started.status == 0, "\(started.standardError)")

        _ = try store.refresh()
        #expect(store.snapshot.stakeholders[raj.id]?.interest == 1)
        #expect(store.snapshot.decisions.values.contains { $0.title == "Keep per-technician pricing" && $0.options == ["Per technician", "Flat price"] })
        #expect(store.snapshot.experiments[experiment.id]?.status == .running && store.snapshot.experiments[experiment.id]?.startsAt != nil)
        let listed = try podium(["list", "decisions"], home: home.url).standardOutput
        #expect(listed.contains("Keep per-technician pricing"))
    }

    @Test("a wrong field is refused with the reason; the editor's text is kept in a private file to try again")
    func refused() throws {
        let home = try TemporaryDirectory("podium-edit-cli-bad")
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "40"], home: home.url).status == 0)
        let result = try podium(["edit", "stakeholder", "Raj Patel"], home: home.url, editor: "sed -i s/^[1-5]$/9/")
        #expect(result.status == 1 && result.standardError.contains("nothing saved: Influence: “9” is not a whole number from 1 to 5"), "\(result.standardError)")
        let kept = try #require(result.standardError.firstMatch(of: /kept in (\S+\.md)/).map { String($0.1) })
        #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("# Influence"))
        let print = try podium(["edit", "decision", "--print"], home: home.url)
        #expect(print.standardOutput.hasPrefix("# Title\n"))
    }
}
