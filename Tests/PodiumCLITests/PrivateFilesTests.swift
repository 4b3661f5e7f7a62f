import Foundation
import PodiumTestSupport
import Testing

/// What Podium writes outside the workspace stays as private as the workspace, and nothing
/// appears where the user did not ask for it.
@Suite("Private files")
struct PrivateFilesTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": "", "PODIUM_WORKSPACE": ""])
    }

    @Test("`export -o` writes the file 0600 whatever the umask, and names a missing folder plainly")
    func exportIsPrivate() throws {
        let home = try TemporaryDirectory("podium-private")
        let workspace = home.url.path + "/ws"
        #expect(try podium(["demo", "--no-open", "--bare", "--size", "20", "--workspace", workspace], home: home.url).status == 0)
        for format in ["json", "csv", "markdown"] {
            let output = home.url.path + "/export." + format
            let exported = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "umask 022; exec \"$0\" \"$@\"", BuiltProducts.executable("podium").path,
                                                                     "export", "--format", format, "--workspace", workspace, "-o", output],
                                   environment: ["HOME": home.url.path])
            #expect(exported.status == 0, "\(exported.standardError)")
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(format): \(String(mode, radix: 8))")
        }
        let missing = try podium(["export", "--workspace", workspace, "-o", home.url.path + "/nowhere/out.json"], home: home.url)
        #expect(missing.status == 1)
        #expect(missing.standardError == "podium: cannot write \(home.url.path)/nowhere/out.json: there is no folder \(home.url.path)/nowhere\n")
    }

    @Test("talking to a provider creates nothing under ~/.cache")
    func noCacheFolder() throws {
        let home = try TemporaryDirectory("podium-private")
        let workspace = home.url.path + "/ws"
        #expect(try podium(["demo", "--no-open", "--bare", "--size", "20", "--workspace", workspace], home: home.url).status == 0)
        let config = home.url.path + "/.config/podium"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        // A server that is not there: the client is made and used, and fails.
        try """
        provider = "gone"

        [providers.gone]
        kind = "openai"
        base_url = "http://127.0.0.1:9/v1"
        model = "none"
        retries = 1
        """.write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let ran = try podium(["run", "summarize-feedback", "--workspace", workspace], home: home.url)
        #expect(ran.status != 0)
        #expect(ran.standardError.contains("Could not reach the server"), "\(ran.standardError)")
        #expect(!FileManager.default.fileExists(atPath: home.url.path + "/.cache"))
    }
}
