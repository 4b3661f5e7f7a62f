import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium signals`, `podium roadmap`, `podium chart` and the HTML export, run as a person would.
@Suite("Signals, roadmap and charts from the shell")
struct SignalsCommandTests {
    private func podium(_ arguments: [String], home: URL, path: String? = nil) throws -> ProcessResult {
        var environment = ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "160"]
        if let path { environment["PATH"] = path }
        return try run(BuiltProducts.executable("podium"), arguments, environment: environment)
    }

    private func demo() throws -> TemporaryDirectory {
        let home = try TemporaryDirectory("podium-signals")
        let made = try podium(["demo", "--no-open", "--size", "300"], home: home.url)
        try #require(made.status == 0, "\(made.standardError)")
        return home
    }

    @Test("signals: the table, a spike found after thirty complaints, JSON, and clear refusals")
    func signals() throws {
        let home = try demo()
        let steady = try podium(["signals"], home: home.url)
        #expect(steady.status == 0, "\(steady.standardError)")
        #expect(steady.standardOutput.hasPrefix("Signals over 12 weeks from "))
        #expect(steady.standardOutput.contains("THEME"))
        #expect(steady.standardOutput.contains("all feedback"))
        #expect(steady.standardOutput.contains("Releases on the timeline"))
        let store = try WorkspaceStore.open(at: home.path("ws"))
        try store.write { transaction in
            try transaction.save(all: (0..<30).map { index in
                FeedbackItem(text: "Offline sync dropped my notes again (\(index))", source: .support, author: "tech \(index)",
                             createdAt: Date().addingTimeInterval(-Double(index) * 4_000), tags: ["offline-sync"], sentiment: -0.8)
            })
        }
        let spike = try podium(["signals"], home: home.url)
        #expect(spike.standardOutput.contains("  rising: offline sync 3"), "\(spike.standardOutput)")
        #expect(spike.standardOutput.contains("“Offline sync dropped my notes again"))
        let json = try podium(["signals", "--json"], home: home.url)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((decoded?["signals"] as? [[String: Any]])?.contains { $0["theme"] as? String == "offline sync" && $0["kind"] as? String == "rising" } == true)
        let rule = try podium(["automate", "add", "--on", "spike", "--job", "what-changed"], home: home.url)
        #expect(rule.status == 0, "\(rule.standardError)")
        let due = try podium(["automate", "run-due"], home: home.url)
        #expect(due.standardOutput.contains("(on spike) ran what-changed for spike — rising: offline sync"), "\(due.standardOutput)")
        #expect(try podium(["automate", "run-due"], home: home.url).standardOutput.contains("rising: offline sync") == false)

        let sprint = try podium(["signals", "--period", "sprint"], home: home.url)
        if store.snapshot.product.sprint == nil {
            #expect(sprint.status != 0 && sprint.standardError.contains("no sprint cadence yet"))
        }
        let badDay = try podium(["signals", "--since", "last tuesday"], home: home.url)
        #expect(badDay.status != 0 && badDay.standardError.contains("--since last tuesday: not a day"))
    }

    @Test("roadmap and charts as files; PNG through rsvg-convert, and plainly refused without a rasterizer; the HTML report")
    func files() throws {
        let home = try demo()
        let roadmap = try podium(["roadmap", "--format", "markdown", "-o", home.path("roadmap.md").path], home: home.url)
        #expect(roadmap.status == 0, "\(roadmap.standardError)")
        #expect(try String(contentsOf: home.path("roadmap.md"), encoding: .utf8).contains("## Now (in progress)"))
        let text = try podium(["roadmap"], home: home.url)
        #expect(text.standardOutput.hasPrefix("NOW — in progress ("))

        let svg = try podium(["chart", "themes", "-o", home.path("themes.svg").path], home: home.url)
        #expect(svg.status == 0, "\(svg.standardError)")
        #expect(try String(contentsOf: home.path("themes.svg"), encoding: .utf8).contains("<title>Feedback by theme — Items per week, 12 weeks to "))
        let png = try podium(["chart", "roadmap", "-o", home.path("roadmap.png").path], home: home.url)
        #expect(png.status == 0, "\(png.standardError)")
        let bytes = try Data(contentsOf: home.path("roadmap.png"))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG file")
        let empty = try TemporaryDirectory("podium-empty-path")
        let none = try podium(["chart", "roadmap", "-o", home.path("none.png").path], home: home.url, path: empty.url.path)
        #expect(none.status != 0)
        #expect(none.standardError.contains("no SVG rasterizer found for PNG: install rsvg-convert"))
        #expect(!FileManager.default.fileExists(atPath: home.path("none.png").path))
        let pdf = try podium(["chart", "roadmap", "-o", "chart.pdf"], home: home.url)
        #expect(pdf.status != 0 && pdf.standardError.contains("name an .svg or a .png file"))

        let html = try podium(["export", "--format", "html", "-o", home.path("report.html").path], home: home.url)
        #expect(html.status == 0, "\(html.standardError)")
        let report = try String(contentsOf: home.path("report.html"), encoding: .utf8)
        #expect(report.contains("<h2>Roadmap</h2>") && report.contains("<svg"))
    }
}
