import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Runs the built `podium` with a clean environment rooted in `home`.
private func podium(_ arguments: [String], home: URL, environment: [String: String] = [:]) throws -> ProcessResult {
    var base = ["HOME": home.path, "XDG_DATA_HOME": "", "PODIUM_WORKSPACE": "", "COLUMNS": "100"]
    base.merge(environment) { _, new in new }
    return try run(BuiltProducts.executable("podium"), arguments, environment: base)
}

@Suite("The podium command")
struct CLITests {
    @Test("`podium demo --no-open` then `podium list feedback --json` show the demo data")
    func demoThenList() throws {
        let home = try TemporaryDirectory("podium-home")
        let demo = try podium(["demo", "--no-open", "--bare"], home: home.url)
        #expect(demo.status == 0, "\(demo.standardError)")
        let location = home.url.path + "/.local/share/podium/default"
        #expect(demo.standardOutput.contains("Wrote the demo workspace at \(location)"))
        #expect(demo.standardOutput.contains("400 feedback items, 41 backlog items, 8 stakeholders"))

        let list = try podium(["list", "feedback", "--json"], home: home.url)
        #expect(list.status == 0, "\(list.standardError)")
        let items = try WorkspaceJSON.decoder().decode([FeedbackItem].self, from: Data(list.standardOutput.utf8))
        #expect(items.count == 400)
        #expect(Set(items.map(\.source)).isSuperset(of: [.review, .survey, .support, .interview]))
        #expect(Set(items.compactMap(\.segment)).count == 4)
        #expect(items.map(\.id) == items.map(\.id).sorted())

        let backlog = try podium(["list", "backlog"], home: home.url)
        #expect(backlog.standardOutput.contains("Reliable offline sync for job data"))
        let again = try podium(["demo", "--no-open", "--bare"], home: home.url)
        #expect(again.standardOutput.contains("Opening the existing demo workspace"))
    }

    @Test("the demo is the same every time")
    func deterministicDemo() throws {
        let home = try TemporaryDirectory("podium-home")
        for name in ["a", "b"] {
            let result = try podium(["demo", "--no-open", "--bare", "--size", "50", "--workspace", home.url.path + "/" + name], home: home.url)
            #expect(result.status == 0)
        }
        for folder in ["feedback", "backlog", "stakeholders", "experiments", "decisions", "communications"] {
            let a = try FileManager.default.contentsOfDirectory(atPath: home.url.path + "/a/" + folder).sorted()
            let b = try FileManager.default.contentsOfDirectory(atPath: home.url.path + "/b/" + folder).sorted()
            #expect(a == b && !a.isEmpty, "\(folder)")
            for name in a {
                let left = try Data(contentsOf: URL(fileURLWithPath: home.url.path + "/a/\(folder)/\(name)"))
                let right = try Data(contentsOf: URL(fileURLWithPath: home.url.path + "/b/\(folder)/\(name)"))
                #expect(left == right, "\(folder)/\(name)")
            }
        }
    }

    @Test("--workspace beats $PODIUM_WORKSPACE, which beats $XDG_DATA_HOME")
    func workspaceResolution() throws {
        let home = try TemporaryDirectory("podium-home")
        let xdg = home.url.path + "/xdg"
        let fromXDG = try podium(["init", "--name", "X"], home: home.url, environment: ["XDG_DATA_HOME": xdg])
        #expect(fromXDG.standardOutput.contains("at \(xdg)/podium/default"))
        let fromVariable = try podium(["init", "--name", "V"], home: home.url,
                                      environment: ["XDG_DATA_HOME": xdg, "PODIUM_WORKSPACE": home.url.path + "/env"])
        #expect(fromVariable.standardOutput.contains("at \(home.url.path)/env"))
        let fromOption = try podium(["init", "--name", "O", "--workspace", home.url.path + "/opt"], home: home.url,
                                    environment: ["PODIUM_WORKSPACE": home.url.path + "/env"])
        #expect(fromOption.standardOutput.contains("at \(home.url.path)/opt"))
        let product = try podium(["list", "product", "--json", "-w", home.url.path + "/opt"], home: home.url)
        #expect(product.standardOutput.contains("\"name\" : \"O\""))
    }

    @Test("errors are one line naming the file, exit non-zero, and write nothing")
    func errors() throws {
        let home = try TemporaryDirectory("podium-home")
        let workspace = home.url.path + "/ws"
        let missing = try podium(["list", "feedback", "-w", workspace], home: home.url)
        #expect(missing.status == 1)
        #expect(missing.standardError == "podium: no Podium workspace at \(workspace) (create one with `podium init` or `podium demo`)\n")

        _ = try podium(["init", "-w", workspace], home: home.url)
        let again = try podium(["init", "-w", workspace], home: home.url)
        #expect(again.status == 1)
        #expect(again.standardError.contains("is already a Podium workspace"))

        let broken = home.url.path + "/broken.csv"
        try Data("text,author\nok,a\n\"unclosed,b\n".utf8).write(to: URL(fileURLWithPath: broken))
        let result = try podium(["import", "feedback", broken, "-w", workspace], home: home.url)
        #expect(result.status == 1)
        #expect(result.standardError == "podium: broken.csv:3: a quoted field opened here is never closed; nothing was imported\n")
        let list = try podium(["list", "feedback", "--json", "-w", workspace], home: home.url)
        #expect(list.standardOutput == "[]\n")

        let demoOverOther = try podium(["demo", "--no-open", "--bare", "-w", workspace], home: home.url)
        #expect(demoOverOther.status == 1)
        #expect(demoOverOther.standardError.contains("not the demo"))

        let usage = try podium(["list", "nonsense"], home: home.url)
        #expect(usage.status == 64)
        let typo = try podium(["lst", "feedback"], home: home.url)
        #expect(typo.status == 64)
        #expect(typo.standardError == "podium: unknown command \"lst\" (did you mean list?); commands: open, demo, init, import, list, backlog, feedback, communications, product, edit, export, snapshot, run, drafts, jobs, automate, watch, metrics, signals, roadmap, chart, workspaces, providers, prompts, mcp, help\n")
        let leading = try podium(["-w", workspace, "list", "Feedback", "--json"], home: home.url)
        #expect(leading.status == 0)
        #expect(leading.standardOutput == "[]\n")
    }

    @Test("import reports counts, skipped rows with their lines, and duplicates")
    func importReport() throws {
        let home = try TemporaryDirectory("podium-home")
        let workspace = home.url.path + "/ws"
        _ = try podium(["init", "-w", workspace], home: home.url)
        let file = home.url.path + "/reviews.csv"
        try Data("review,stars,reviewer\nGreat app,5,ana\n,3,bo\nGreat app,5,ana\n".utf8).write(to: URL(fileURLWithPath: file))
        let dry = try podium(["import", "feedback", file, "--dry-run", "-w", workspace], home: home.url)
        #expect(dry.standardOutput.hasPrefix("Would import 1 feedback item from reviews.csv (skipped 1, 1 duplicate)"))
        #expect(dry.standardOutput.contains("line 4: repeats line 2 of this file"))
        #expect(dry.standardOutput.contains("Dry run: nothing was written."))
        let real = try podium(["import", "feedback", file, "-w", workspace, "--source", "review"], home: home.url)
        #expect(real.status == 0)
        #expect(real.standardOutput.contains("Imported 1 feedback item from reviews.csv (skipped 1, 1 duplicate)"))
        #expect(real.standardOutput.contains("line 3: no feedback text"))
        #expect(real.standardOutput.contains("review → text, reviewer → author, stars → rating"))
    }

    @Test("export writes Markdown, JSON and CSV, to standard output or a file")
    func export() throws {
        let home = try TemporaryDirectory("podium-home")
        let workspace = home.url.path + "/ws"
        _ = try podium(["demo", "--no-open", "--bare", "--size", "30", "-w", workspace], home: home.url)
        let markdown = try podium(["export", "-w", workspace], home: home.url)
        #expect(markdown.standardOutput.hasPrefix("# Fieldnote — product report"))
        let file = home.url.path + "/backlog.csv"
        let csv = try podium(["export", "--format", "csv", "--collection", "backlog", "--output", file, "-w", workspace], home: home.url)
        #expect(csv.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("order,id,title,status"))
        let json = try podium(["export", "--format", "json", "-w", workspace], home: home.url)
        #expect((try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])?["backlog"] != nil)
        let bad = try podium(["export", "--format", "csv", "--collection", "audit", "-w", workspace], home: home.url)
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("cannot be exported as CSV"))
    }

    @Test("without a terminal, the dashboard says so and points to the commands that work")
    func noTerminal() throws {
        let home = try TemporaryDirectory("podium-home")
        let workspace = home.url.path + "/ws"
        _ = try podium(["init", "-w", workspace], home: home.url)
        let result = try podium(["-w", workspace], home: home.url)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("podium: the dashboard needs a terminal"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("untrusted text is printed without its escape sequences")
    func sanitizedOutput() throws {
        let home = try TemporaryDirectory("podium-home")
        let workspace = home.url.path + "/ws"
        _ = try podium(["init", "-w", workspace], home: home.url)
        let file = home.url.path + "/evil.csv"
        try Data("text\n\"\u{1B}]0;pwned\u{07}\u{1B}[2Jhello\"\n".utf8).write(to: URL(fileURLWithPath: file))
        _ = try podium(["import", "feedback", file, "-w", workspace], home: home.url)
        let list = try podium(["list", "feedback", "-w", workspace], home: home.url)
        #expect(list.standardOutput.contains("hello"))
        #expect(!list.standardOutput.contains("\u{1B}"))
    }
}
