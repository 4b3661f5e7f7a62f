import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// The HTTP path against a real peer: llama.cpp's own server on 127.0.0.1 with a tiny
/// random-weight model (its words are nonsense; what matters is that they stream in).
@Suite("A real llama.cpp server", .serialized)
struct LlamaServerTests {
    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": home.path + "/config",
                              "PODIUM_WORKSPACE": home.path + "/ws", "COLUMNS": "120"])
    }

    @Test("a job runs on the server, its answer streams into a draft that names the provider and host, tokens are counted")
    func job() throws {
        let home = try TemporaryDirectory("podium-llama")
        let server = try LlamaServer(folder: home.url)
        try #require(try podium(["demo", "--no-open", "--bare", "--size", "60"], home: home.url).status == 0)
        let config = home.url.appendingPathComponent("config/podium")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("""
            provider = "llama"

            [providers.llama]
            kind = "openai"
            base_url = "\(server.baseURL)"
            model = "tiny"
            max_tokens = 24
            # The tiny model's vocabulary is bytes: a token is a character, not four, so the prompt's
            # budget is set for its 8k context (at most 1800 × 4 characters, plus the answer).
            context_tokens = 1800
            first_byte_timeout = 60
            """.utf8).write(to: config.appendingPathComponent("config.toml"))

        let test = try podium(["providers", "test", "llama"], home: home.url)
        #expect(test.status == 0 && test.standardOutput.contains("llama answered in"), "\(test.standardError)")

        let result = try podium(["run", "stakeholder-update"], home: home.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("context_tokens"), "the setting is known and valid")
        #expect(result.standardError.contains("running stakeholder-update on llama (tiny) at 127.0.0.1:\(server.port)"), "shown before it runs")
        #expect(result.standardOutput.contains("· llama (tiny) @ 127.0.0.1:\(server.port) ·"), "and on the draft")
        let store = try WorkspaceStore.open(at: home.url.appendingPathComponent("ws"))
        let draft = try #require(store.snapshot.drafts.values.first)
        #expect(draft.provider == ProviderInfo(name: "llama", model: "tiny", host: "127.0.0.1:\(server.port)"))
        #expect(!draft.content.isEmpty && draft.content == draft.content.sanitizedForTerminal(keepingLineBreaks: true))
        #expect(!draft.evidence.isEmpty, "the draft keeps the job's evidence")
        #expect(draft.promptReference?.contains("built-in") == true)
        let job = try #require(store.snapshot.jobs.values.first)
        #expect(job.status == .done && (job.usage?.outputTokens ?? 0) > 0, "usage: \(String(describing: job.usage))")
    }
}
