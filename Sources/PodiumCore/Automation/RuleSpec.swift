/// Reads a rule as a person types it in the dashboard: the words of `podium automate add`,
/// with or without the dashes.
///
///     on import tag-sentiment auto-accept
///     every fri 15:00 stakeholder-update for leadership
///     --on sprint-end --job sprint-review-pack
public enum RuleSpec {
    public static let examples = "on import tag-sentiment auto-accept · every fri 15:00 stakeholder-update for leadership · on sprint-end sprint-review-pack"

    public static func parse(_ text: String) throws -> AutomationRule {
        let words = text.split(whereSeparator: \.isWhitespace).map { word -> String in
            let plain = word.hasPrefix("--") ? String(word.dropFirst(2)) : String(word)
            return plain.trimmingCharacters(in: ["\"", "'"])
        }
        guard !words.isEmpty else { throw AutomationRule.Invalid("type a rule, e.g. \(examples)") }
        var trigger: RuleTrigger?
        var job: JobKind?
        var autoAccept = false
        var parameters: JobParameters = [:]
        var index = 0
        func isKind(_ word: String) -> Bool { JobKind(rawValue: word.lowercased()).info != nil }
        /// Words that start another part of the rule, so an audience or a schedule ends there.
        func isRuleWord(_ word: String) -> Bool {
            isKind(word) || ["on", "every", "job", "auto-accept", "for", "audience", "question"].contains(word.lowercased())
        }
        func setTrigger(_ new: RuleTrigger) throws {
            if let trigger { throw AutomationRule.Invalid("a rule has one trigger, not both \(trigger) and \(new)") }
            trigger = new
        }
        func setJob(_ word: String) throws {
            let new = JobKind(rawValue: word.lowercased())
            guard new.info != nil else { throw AutomationRule.Invalid("\"\(word)\" is not a job (podium jobs kinds lists them)") }
            if let job, job != new { throw AutomationRule.Invalid("a rule runs one job, not both \(job) and \(new)") }
            job = new
        }
        while index < words.count {
            let word = words[index].lowercased()
            switch word {
            case "on":
                guard index + 1 < words.count else { throw AutomationRule.Invalid("on what? import, experiment-end, backlog-done, spike or sprint-end") }
                try setTrigger(try RuleTrigger.on(words[index + 1]))
                index += 2
            case "every":
                var schedule: [String] = []
                index += 1
                while index < words.count, !isRuleWord(words[index]) {
                    schedule.append(words[index])
                    index += 1
                }
                try setTrigger(try RuleTrigger.every(schedule.joined(separator: " ")))
            case "job":
                guard index + 1 < words.count else { throw AutomationRule.Invalid("which job? podium jobs kinds lists them") }
                try setJob(words[index + 1])
                index += 2
            case "auto-accept":
                autoAccept = true
                index += 1
            case "for", "audience", "question":
                // A question is free text to the end (but auto-accept); an audience ends at the next rule word.
                var rest: [String] = []
                index += 1
                while index < words.count, words[index].lowercased() != "auto-accept", word == "question" || !isRuleWord(words[index]) {
                    rest.append(words[index])
                    index += 1
                }
                guard !rest.isEmpty else { throw AutomationRule.Invalid("\(word) what?") }
                parameters[word == "question" ? JobParameter.question : .audience] = rest.joined(separator: " ")
            case _ where isKind(word):
                try setJob(word)
                index += 1
            default:
                throw AutomationRule.Invalid("\"\(words[index])\" is not part of a rule; e.g. \(examples)")
            }
        }
        guard let trigger else { throw AutomationRule.Invalid("say when: on import|experiment-end|backlog-done|spike|sprint-end, or every fri 15:00") }
        guard let job else { throw AutomationRule.Invalid("say which job, e.g. tag-sentiment (podium jobs kinds lists them)") }
        return try AutomationRule.validated(trigger: trigger, job: job, parameters: parameters, autoAccept: autoAccept)
    }
}
