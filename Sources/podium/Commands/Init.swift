import ArgumentParser
import Foundation
import PodiumCore
import PodiumStore

/// `podium init`: a new, empty workspace.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new, empty workspace.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The product's name.")
    var name = "My product"

    @Option(help: "The product vision, in a sentence or two.")
    var vision = ""

    @Option(help: "The current product goal.")
    var goal = ""

    func run() throws {
        let store = try WorkspaceStore.create(
            at: workspaceOptions.location, product: Product(name: name, vision: vision, productGoal: goal), createdWith: "podium init")
        Console.line("Created workspace \"\(name.sanitizedForTerminal())\" at \(store.layout.rootPath)")
        Console.line("Next: podium import feedback FILE, or open the dashboard with `podium`.")
    }
}
