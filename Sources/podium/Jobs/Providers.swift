import ArgumentParser
import Foundation
import PodiumAI
import PodiumCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `podium providers …`: the LLM profiles of the config file, and a check of one.
struct Providers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the AI providers of the config file, or check that one answers.",
        discussion: "Providers are defined in ~/.config/podium/config.toml under [providers.NAME]; see docs/PROVIDERS.md.",
        subcommands: [ListProviders.self, Test.self], defaultSubcommand: ListProviders.self)

    /// `podium providers list`
    struct ListProviders: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the providers and which jobs use them.")

        func run() throws {
            let config = UserConfig.load()
            for warning in config.warnings { Console.warning(warning) }
            let settings = config.providers
            var rows = [["local", "built-in", ProviderInfo.local.model, "—", "none (no network)"]]
            for profile in settings.profiles.values.sorted(by: { $0.name < $1.name }) {
                rows.append([profile.name, profile.kind.rawValue, profile.model, profile.baseURL.absoluteString, profile.keySource()])
            }
            Console.write(TextTable(headers: ["NAME", "KIND", "MODEL", "BASE URL", "API KEY"], rows: rows, flexibleColumn: 3).render(width: Console.width))
            Console.line("Default for every job: \(settings.providerName(for: .ask, stance: .orchestrator) == settings.defaultProvider ? settings.defaultProvider : "local")"
                + (settings.byStance.isEmpty ? "" : "; by stance: " + settings.byStance.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) → \($0.value)" }.joined(separator: ", "))
                + (settings.byJob.isEmpty ? "" : "; by job: " + settings.byJob.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", ")))
        }
    }

    /// `podium providers test NAME`
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a short request to a provider and show its answer, time and tokens.")

        @Argument(help: "The provider's name.") var name: String

        func run() throws {
            let settings = UserConfig.load().providers
            if name == ProviderInfo.local.name {
                Console.line("local is the built-in offline engine: it needs no server and opens no connection.")
                return
            }
            guard let profile = settings.profiles[name] else {
                throw UsageFailure(message: "no provider \"\(name)\"; defined: " + (["local"] + settings.profiles.keys.sorted()).joined(separator: ", "))
            }
            Console.status("asking \(profile.name) (\(profile.model) at \(profile.info.host ?? "?"))…")
            let request = try ChatProvider.testRequest(profile)
            let decode = ChatProvider.decoder(for: profile.kind)
            let box = TestAnswer()
            let started = Date()
            do {
                _ = try StreamingHTTPClient.send(request, timeouts: profile.timeouts, isCancelled: { false }) { bytes in
                    for event in box.parser.feed(bytes) { for item in decode(event) { box.take(item) } }
                }
                for event in box.parser.finish() { for item in decode(event) { box.take(item) } }
            } catch let failure as HTTPFailure {
                throw CommandFailure(message: "\(profile.name): \(failure.description.replacingOccurrences(of: profile.apiKey() ?? "\u{0}", with: "[key]"))")
            }
            if let error = box.error { throw CommandFailure(message: "\(profile.name) reported an error: \(error)") }
            Console.line("\(profile.name) answered in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: \(box.text.sanitizedForTerminal().prefix(200))")
            if !box.usage.isEmpty { Console.line("tokens: \(box.usage)") }
        }
    }
}

/// The answer to `providers test`, as it streams in.
final class TestAnswer: @unchecked Sendable {
    var parser = ServerSentEventParser()
    var text = ""
    var usage = ""
    var error: String?

    func take(_ item: ChatStreamEvent) {
        switch item {
        case let .text(piece): text += piece
        case let .usage(input, output): usage = "\(input.map(String.init) ?? "?") in, \(output.map(String.init) ?? "?") out"
        case let .error(message): error = message
        case .finished: break
        }
    }
}
