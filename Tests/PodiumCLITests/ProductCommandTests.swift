import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// `podium product edit|measure` through the built binary.
@Suite("podium product")
struct ProductCommandTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "160"])
    }

    @Test("edit the goal, add a measure, record a value, remove it; list product shows each; mistakes write nothing")
    func lifecycle() throws {
        let home = try TemporaryDirectory("podium-product-cli")
        try #require(try podium(["init", "--name", "Ledgerly"], home: home.url).status == 0)
        let edit = try podium(["product", "edit", "--goal", "Half of the bank lines sorted without a click by Q3", "--json"], home: home.url)
        #expect(edit.status == 0 && edit.standardOutput.contains("\"productGoal\" : \"Half of the bank lines sorted without a click by Q3\""))
        #expect(try podium(["product", "measure", "add", "Lines sorted automatically: 12 -> 50 %"], home: home.url).status == 0)
        #expect(try podium(["product", "measure", "set", "lines sorted automatically", "31"], home: home.url).standardOutput.contains("now 31"))
        var listed = try podium(["list", "product"], home: home.url).standardOutput
        #expect(listed.contains("Lines sorted automatically: 12% → now 31% → target 50%"), "\(listed)")

        let cases: [([String], Int32, String)] = [
            (["product", "measure", "add", "Lines sorted automatically: 1 -> 2"], 1, "there is a measure “Lines sorted automatically” already"),
            (["product", "measure", "set", "Lines sorted automatically", "many"], 64, "“many” is not a number"),
            (["product", "measure", "set", "Churn", "3"], 1, "no measure “Churn”"),
            (["product", "edit", "--name", " "], 64, "--name cannot be empty"),
            (["product", "edit"], 64, "give --name, --vision or --goal"),
        ]
        for (arguments, status, message) in cases {
            let result = try podium(arguments, home: home.url)
            #expect(result.status == status && result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        #expect(try podium(["product", "measure", "remove", "Lines sorted automatically"], home: home.url).status == 0)
        listed = try podium(["list", "product"], home: home.url).standardOutput
        #expect(!listed.contains("Lines sorted automatically"))
        let audit = try podium(["list", "audit"], home: home.url).standardOutput
        #expect(audit.contains("Edited the product: product goal") && audit.contains("Removed the goal measure"))
    }
}
