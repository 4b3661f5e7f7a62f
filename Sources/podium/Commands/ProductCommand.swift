import ArgumentParser
import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// `podium product edit|measure`: the product's name, vision and goal, and the goal's
/// measures, as the Visionary pane changes them (e, +, =, x there).
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "Edit the product's name, vision and goal, and its goal measures.",
        discussion: """
            Examples:
              podium product edit --goal "Technicians trust the app offline by Q2"
              podium product measure add "Weekly active technicians: 120 -> 200"
              podium product measure set "Weekly active technicians" 150
              podium product measure remove "Weekly active technicians"
            podium list product shows the product.
            """,
        subcommands: [Edit.self, Measure.self])

    /// Runs a change and prints the product as it is after it.
    static func change(_ options: WorkspaceOptions, json: Bool, summary: (Product) -> String, _ body: @escaping (inout Product) throws -> Void) throws {
        let store = try options.open()
        do {
            var preview = store.snapshot.product
            try body(&preview)
            try ProductEditor(store: store).change(summary: summary(preview), body)
        } catch let failure as EditFailure {
            throw CommandFailure(message: "nothing saved: \(failure.description)")
        }
        let product = store.snapshot.product
        if json {
            Console.line(try DraftPrinter.json(product))
        } else {
            Console.line(summary(product))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the name, vision or goal (those given).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Option(help: "The product's name.") var name: String?
        @Option(help: "The product vision.") var vision: String?
        @Option(help: "The product goal.") var goal: String?
        @Flag(help: "Print the product as JSON.") var json = false

        func validate() throws {
            if name == nil && vision == nil && goal == nil { throw ValidationError("give --name, --vision or --goal") }
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name cannot be empty") }
        }

        func run() throws {
            let before = try workspaceOptions.open().snapshot.product
            try ProductCommand.change(workspaceOptions, json: json, summary: { ProductEditor.describe(before, $0) }) { product in
                if let name { product.name = name.trimmingCharacters(in: .whitespaces) }
                if let vision { product.vision = vision.trimmingCharacters(in: .whitespacesAndNewlines) }
                if let goal { product.productGoal = goal.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
        }
    }

    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a goal measure, record a new value for one, or remove one.",
                                                        subcommands: [Add.self, Set.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a measure: \"NAME: BASELINE -> TARGET [UNIT][, now VALUE]\".")
            @OptionGroup var workspaceOptions: WorkspaceOptions
            @Argument(help: "e.g. \"Weekly active technicians: 120 -> 200\"") var measure: String
            @Flag(help: "Print the product as JSON.") var json = false

            func validate() throws {
                do { _ = try MeasureText.read(measure) } catch { throw ValidationError("\(error)") }
            }

            func run() throws {
                let parsed = try MeasureText.read(measure)
                try ProductCommand.change(workspaceOptions, json: json, summary: { _ in "Added the goal measure “\(parsed.name)”" }) { product in
                    guard !product.goalMeasures.contains(where: { $0.name.caseInsensitiveCompare(parsed.name) == .orderedSame }) else {
                        throw EditFailure(description: "there is a measure “\(parsed.name)” already")
                    }
                    product.goalMeasures.append(parsed)
                }
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a new value for a measure.")
            @OptionGroup var workspaceOptions: WorkspaceOptions
            @Argument(help: "The measure's name.") var name: String
            @Argument(help: "Its value now.") var value: String
            @Flag(help: "Print the product as JSON.") var json = false

            func validate() throws {
                if MeasureText.number(value) == nil { throw ValidationError("“\(value)” is not a number") }
            }

            func run() throws {
                let number = MeasureText.number(value) ?? 0
                try ProductCommand.change(workspaceOptions, json: json, summary: { _ in "\(name): now \(Format.number(number))" }) { product in
                    guard let index = product.goalMeasures.firstIndex(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
                        throw EditFailure(description: "no measure “\(name)”; measures: " + product.goalMeasures.map(\.name).joined(separator: ", "))
                    }
                    product.goalMeasures[index].current = number
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove a measure.")
            @OptionGroup var workspaceOptions: WorkspaceOptions
            @Argument(help: "The measure's name.") var name: String
            @Flag(help: "Print the product as JSON.") var json = false

            func run() throws {
                try ProductCommand.change(workspaceOptions, json: json, summary: { _ in "Removed the goal measure “\(name)”" }) { product in
                    let before = product.goalMeasures.count
                    product.goalMeasures.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                    if product.goalMeasures.count == before { throw EditFailure(description: "no measure “\(name)”") }
                }
            }
        }
    }
}
