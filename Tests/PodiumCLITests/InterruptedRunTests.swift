import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Jobs end truthfully: Ctrl-C during a streaming `podium run` keeps the text, and a job
/// whose process is gone reads as interrupted everywhere at once.
@Suite("Jobs that stop part way", .serialized)
struct InterruptedRunTests {
    /// A model that streams the start of its answer, then holds the rest back (until the
    /// test lets it go, at most 10 s).
    static func stallingServer() throws -> LocalHTTPServer {
        var chunks: [(pause: TimeInterval, text: String)] = [(0, #"data: {"choices":[{"delta":{"role":"assistant","content":null}}]}"# + "\n\n")]
        for piece in ["## Biggest complaints\n", "- Offline sync ", "loses notes."] {
            let json = String(decoding: try JSONSerialization.data(withJSONObject: ["choices": [["delta": ["content": piece]]]]), as: UTF8.self)
            chunks.append((0.02, "data: \(json)\n\n"))
        }
        chunks.append((LocalHTTPServer.waitForClient, #"data: {"choices":[{"delta":{"content":" never sent"}}]}"# + "\n\n"))
        chunks.append((0, "data: [DONE]\n\n"))
        return try LocalHTTPServer(replies: [.init(chunks: chunks)])
    }

    private func environment(_ home: URL) -> [String: String] {
        ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": home.path + "/config", "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "160"]
    }

    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments, environment: environment(home))
    }

    /// A demo workspace whose default provider is `server`, with no retries.
    private func setUp(_ home: URL, server: LocalHTTPServer) throws {
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "60"], home: home).status == 0)
        let config = home.appendingPathComponent("config/podium")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("""
            provider = "fake"

            [providers.fake]
            kind = "openai"
            base_url = "\(server.baseURL.appendingPathComponent("v1"))"
            model = "m"
            retries = 0
            """.utf8).write(to: config.appendingPathComponent("config.toml"))
    }

    /// Starts `podium run summarize-feedback` and returns once the server has sent the start of its answer.
    private func startRun(_ home: URL, server: LocalHTTPServer) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try BuiltProducts.executable("podium")
        process.arguments = ["run", "summarize-feedback"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment(home)) { _, new in new }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while server.requests.isEmpty && Date() < deadline { usleep(20_000) }
        try #require(!server.requests.isEmpty, "podium never called the server")
        usleep(700_000)  // the three pieces before the held-back one arrive
        return (process, output, error)
    }

    @Test("Ctrl-C during a streaming run: the text so far is an interrupted draft, the job is interrupted, exit 130")
    func ctrlC() throws {
        let home = try TemporaryDirectory("podium-ctrl-c")
        let server = try Self.stallingServer()
        defer { server.release(); server.stop() }
        try setUp(home.url, server: server)
        let (process, output, error) = try startRun(home.url, server: server)
        kill(process.processIdentifier, SIGINT)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let said = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(said)")
        #expect(said.contains("the text so far is kept as an interrupted draft"), "\(said)")
        #expect(said.contains("marked interrupted"), "\(said)")
        #expect(printed.contains("Offline sync loses notes."), "the text so far is printed too")

        let snapshot = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws")).snapshot
        let draft = try #require(snapshot.drafts.values.first)
        #expect(draft.status == .interrupted)
        #expect(draft.content.contains("## Biggest complaints\n- Offline sync loses notes."))
        #expect(!draft.content.contains("never sent"))
        let job = try #require(snapshot.jobs.values.first)
        #expect(job.status == .interrupted && job.draftID == draft.id)
        let listed = try podium(["jobs", "list", "--json"], home: home.url)
        #expect(listed.standardOutput.contains("\"status\" : \"interrupted\""), "\(listed.standardOutput)")
    }

    @Test("a job whose process was killed reads as interrupted in every listing at once")
    func killed() throws {
        let home = try TemporaryDirectory("podium-killed-job")
        let server = try Self.stallingServer()
        defer { server.release(); server.stop() }
        try setUp(home.url, server: server)
        let (process, _, _) = try startRun(home.url, server: server)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // On disk the job still says running: nothing had a chance to change it.
        let stored = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws")).snapshot.jobs.values.first
        #expect(stored?.status == .running)
        let id = try #require(stored?.id)
        for arguments in [["jobs", "list", "--json"], ["list", "jobs", "--json"]] {
            let listed = try podium(arguments, home: home.url)
            #expect(listed.status == 0)
            #expect(listed.standardOutput.contains("\"status\" : \"interrupted\"") && !listed.standardOutput.contains("\"status\" : \"running\""),
                    "\(arguments): \(listed.standardOutput)")
            #expect(listed.standardOutput.contains("Its process stopped before the job finished"))
        }
        let table = try podium(["jobs", "list"], home: home.url)
        #expect(table.standardOutput.contains("\(id.short)  interrupted"), "\(table.standardOutput)")
    }
}
