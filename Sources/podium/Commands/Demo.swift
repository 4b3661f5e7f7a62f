import ArgumentParser
import Foundation
import PodiumDemo
import PodiumStore

/// `podium demo`: writes the demo workspace and opens it.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the demo workspace (Fieldnote, a field-service app) and open it.",
        discussion: """
            The demo lives in the present: its dates sit around today (PODIUM_DEMO_DATE=YYYY-MM-DD \
            picks another day), and the same --size on the same day gives the same records. It \
            starts with a week of use: drafts accepted and waiting, a persona, two automation rules. \
            If the workspace folder already holds the demo, it is opened as it is (with your \
            changes); --reset writes it anew. A workspace that is not a demo is never touched.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var displayOptions: DisplayOptions

    @Option(help: "How many feedback items to generate.")
    var size = 400

    @Flag(help: "Write the demo but do not open the dashboard.")
    var noOpen = false

    @Flag(help: "Replace an existing demo workspace with a fresh one.")
    var reset = false

    @Flag(help: "Write the records only: no first week of drafts, rules and persona.")
    var bare = false

    func validate() throws {
        guard (0...1_000_000).contains(size) else { throw ValidationError("--size must be between 0 and 1000000") }
    }

    func run() throws {
        let location = workspaceOptions.location
        let existing = FileManager.default.fileExists(atPath: location.appendingPathComponent("workspace.json").path)
        let store: WorkspaceStore
        if existing {
            let current = try workspaceOptions.open()
            guard current.createdWith == DemoWorkspace.creator else {
                throw CommandFailure(message: """
                    \(location.path) holds a workspace that is not the demo ("\(current.snapshot.product.name.sanitizedForTerminal())"); \
                    it was left as it is. Choose another folder: podium demo --workspace DIR
                    """)
            }
            if reset {
                try FileManager.default.removeItem(at: location)
                store = try makeDemo(at: location)
                Console.line("Wrote a fresh demo workspace at \(store.layout.rootPath)")
            } else {
                store = current
                Console.line("Opening the existing demo workspace at \(store.layout.rootPath) (--reset writes it anew)")
            }
        } else {
            store = try makeDemo(at: location)
            Console.line("Wrote the demo workspace at \(store.layout.rootPath)")
        }
        if noOpen {
            Console.line(WorkspaceSummary.counts(store.snapshot))
        } else {
            try Dashboard.open(store, themeOption: displayOptions.theme)
        }
    }

    /// The demo as of today, with its first week of use.
    private func makeDemo(at location: URL) throws -> WorkspaceStore {
        let today = DemoWorkspace.today()
        let store = try DemoWorkspace(feedbackCount: size, reference: today).create(at: location)
        if size > 0 && !bare {
            if size > 5_000 { Console.status("making the demo's first drafts (\(size) items)…") }
            try DemoStarter.seed(store, now: today)
        }
        return store
    }
}
