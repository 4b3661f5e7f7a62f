import ArgumentParser
import Foundation
import PodiumAI
import PodiumCore

/// `podium prompts show JOB`: the prompt an LLM provider gets for a job.
struct Prompts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the prompt template of a job (the built-in one, or yours in ~/.config/podium/prompts/JOB.md).",
        subcommands: [Show.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the effective prompt template of a job.")

        @Argument(help: "The job kind, e.g. stakeholder-update.") var kind: String

        func run() throws {
            let jobKind = JobKind(rawValue: kind)
            guard jobKind.info != nil else {
                throw UsageFailure(message: "unknown job \"\(kind)\"; podium jobs kinds lists them")
            }
            let (text, source) = PromptTemplates.effective(jobKind, folder: UserConfig.folder())
            Console.status("template: \(source); {{data}} is the job's workspace data, {{question}} the question of ask")
            Console.line(text)
        }
    }
}
