import Foundation

/// A rule that runs an AI job by itself: on an event (feedback imported, an experiment's
/// end date passed, backlog items done) or on a schedule ("fri 15:00", "sprint-end").
///
/// Rules are stored in the workspace, one JSON file each in `rules/`, so that the
/// dashboard, `podium automate run-due` from cron and `podium watch` share them.
public struct AutomationRule: Codable, Sendable, Hashable, Identifiable {
    public var id: RecordID<AutomationRule>
    public var trigger: RuleTrigger
    public var job: JobKind
    /// Options of the job, e.g. `audience` of a stakeholder update.
    public var parameters: JobParameters
    /// Whether the rule's drafts are accepted without review (low-risk kinds only).
    public var autoAccept: Bool
    public var enabled: Bool
    public var createdAt: Date
    /// When the rule last ran (its schedule counts occasions after this).
    public var lastRun: Date?
    /// What the last run did, in one line ("queued tag-sentiment on 12 new items").
    public var lastOutcome: String?
    /// The time zone its times are in ("Europe/Berlin"), saved when it is made, so a
    /// dashboard, cron and a teammate's clone in other zones agree on when it is due.
    public var timeZone: String?

    public init(
        id: RecordID<AutomationRule> = .make(), trigger: RuleTrigger, job: JobKind, parameters: JobParameters = [:],
        autoAccept: Bool = false, enabled: Bool = true, createdAt: Date = Date(), lastRun: Date? = nil, lastOutcome: String? = nil,
        timeZone: String? = TimeZone.current.identifier
    ) {
        self.id = id
        self.trigger = trigger
        self.job = job
        self.parameters = parameters
        self.autoAccept = autoAccept
        self.enabled = enabled
        self.createdAt = createdAt
        self.lastRun = lastRun
        self.lastOutcome = lastOutcome
        self.timeZone = timeZone
    }

    /// The zone its times are in: its own, else `fallback` (a rule file written without one).
    public func zone(or fallback: TimeZone) -> TimeZone {
        timeZone.flatMap(TimeZone.init(identifier:)) ?? fallback
    }

    /// Why a rule cannot be made as asked.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// A rule checked against what its job needs and against the trust policy: auto-accept
    /// only for low-risk kinds, a conclusion only when an experiment ends, a question for ask.
    public static func validated(
        trigger: RuleTrigger, job: JobKind, parameters: JobParameters = [:], autoAccept: Bool = false,
        createdAt: Date = Date(), timeZone: TimeZone = .current
    ) throws -> AutomationRule {
        guard let info = job.info else {
            throw Invalid("unknown job \"\(job)\"; podium jobs kinds lists them")
        }
        if autoAccept {
            var policy = TrustPolicy()
            do { try policy.allowAutoAccept(job) } catch let refusal as TrustPolicy.Refusal { throw Invalid(refusal.description) }
        }
        // What the kind needs, from its catalogue entry: a rule has no selection to give it.
        if info.inputs.contains(.selectedExperiment) && trigger != .event(.experimentEnded) {
            throw Invalid("\(job) needs an experiment: use it with --on experiment-end")
        }
        if info.inputs.contains(.selectedBacklogItem) {
            throw Invalid("\(job) needs a backlog item chosen by a person; run it from the \(info.stance.title) pane or podium run")
        }
        if info.parameters.contains(.question) && (parameters.question ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw Invalid("\(job) needs a question: --question \"What changed in the feedback this week?\"")
        }
        if parameters.audience != nil && !info.parameters.contains(.audience) {
            let takers = JobKindInfo.kinds(taking: .audience).map(\.kind.rawValue).joined(separator: ", ")
            throw Invalid("--audience is for \(takers), not \(info.kind)")
        }
        if let audience = parameters.audience, audience.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Invalid("--audience needs a name, e.g. leadership")
        }
        return AutomationRule(trigger: trigger, job: job, parameters: parameters, autoAccept: autoAccept, createdAt: createdAt,
                              timeZone: timeZone.identifier)
    }

    /// Whether its drafts are in fact accepted without review: asked for, and the kind is low
    /// risk (a hand-edited file may ask it for any kind; it is refused).
    public var autoAccepts: Bool { autoAccept && job.info?.risk == .low }

    /// Whether its drafts are accepted without review, by the rule or by `trust` (the
    /// config file's `[trust]`, which auto-accepts a kind whatever starts its jobs).
    public func autoAccepts(trust: TrustPolicy) -> Bool { autoAccepts || trust.autoAccepts(job) }

    /// How its drafts are reviewed under `trust`: "auto-accept", "auto-accept ([trust])",
    /// "review", or "review (auto-accept refused: high risk)".
    public func reviewPolicy(trust: TrustPolicy) -> String {
        if autoAccepts { return "auto-accept" }
        if trust.autoAccepts(job) { return "auto-accept ([trust])" }
        guard autoAccept else { return "review" }
        return "review (auto-accept refused: \(job.info?.risk.rawValue ?? "unknown") risk)"
    }

    /// Whether a scheduled rule has an occasion it has not run for yet (it runs at the next
    /// check: the dashboard's, `podium watch`'s or `podium automate run-due`'s); in its own
    /// zone, `timeZone` for a rule file without one.
    public func isDue(now: Date, timeZone: TimeZone, cadence: SprintCadence?) -> Bool {
        guard case let .schedule(schedule) = trigger else { return false }
        return schedule.isDue(now: now, lastRun: lastRun, createdAt: createdAt, timeZone: zone(or: timeZone), cadence: cadence)
    }

    /// When the rule runs next by the clock (nil: it runs on events, or a sprint rule without
    /// a cadence); in its own zone, `timeZone` for a rule file without one.
    public func nextRun(after date: Date, timeZone: TimeZone, cadence: SprintCadence?) -> Date? {
        guard case let .schedule(schedule) = trigger else { return nil }
        return schedule.nextOccasion(after: date, timeZone: zone(or: timeZone), cadence: cadence)
    }

    /// Whether `other` has the same settings: the same work, auto-accept, on or off, and zone
    /// (when it last ran and its id aside), so an edit that changes none of them is no edit.
    public func sameSettings(as other: AutomationRule) -> Bool {
        sameWork(as: other) && autoAccept == other.autoAccept && enabled == other.enabled && timeZone == other.timeZone
    }

    /// Whether `other` does the same thing (same trigger, job and options).
    public func sameWork(as other: AutomationRule) -> Bool {
        trigger == other.trigger && job == other.job && parameters == other.parameters
    }

    /// The job with its options: "stakeholder-update for leadership", "ask “What changed?”".
    public var jobDescription: String {
        var text = job.rawValue
        if let audience = parameters.audience { text += " for \(audience)" }
        if let question = parameters.question { text += " “\(question)”" }
        return text
    }

    /// "on import → tag-sentiment (auto-accept)", for lists and the audit log.
    public var summary: String {
        var text = "\(trigger) → \(jobDescription)"
        if autoAccepts { text += " (auto-accept)" } else if autoAccept { text += " (auto-accept refused)" }
        return text
    }
}

/// What starts a rule: an event in the workspace or a time.
public enum RuleTrigger: Sendable, Hashable, CustomStringConvertible {
    case event(RuleEvent)
    case schedule(Schedule)

    /// Reads `--on` words ("import", "experiment-end", "backlog-done", "sprint-end").
    public static func on(_ text: String) throws -> RuleTrigger {
        let word = text.lowercased().trimmingCharacters(in: .whitespaces)
        if word == "sprint-end" { return .schedule(.sprintEnd) }
        guard let event = RuleEvent(rawValue: word) else {
            throw AutomationRule.Invalid("--on \(text): use import, experiment-end, backlog-done, spike or sprint-end "
                + "(or --every \"fri 15:00\" for a time)")
        }
        return .event(event)
    }

    /// Reads an `--every` schedule ("fri 15:00", "weekdays 9:00", "daily 07:45").
    public static func every(_ text: String) throws -> RuleTrigger {
        // "every fri 15:00" as the dashboard's prompt takes it.
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix("every ") { text = String(text.dropFirst(6)) }
        do { return .schedule(try Schedule.parse(text)) } catch let error as Schedule.ParseError {
            throw AutomationRule.Invalid("--every: \(error.description)")
        }
    }

    public var description: String {
        switch self {
        case let .event(event): "on \(event.rawValue)"
        case .schedule(.sprintEnd): "on sprint-end"
        case let .schedule(.daily(hour, minute)): "daily \(Schedule.clock(hour, minute))"
        case let .schedule(schedule): schedule.description.hasPrefix("weekdays") ? "\(schedule)" : "every \(schedule)"
        }
    }
}

/// Events in the workspace a rule can run on.
public enum RuleEvent: String, Codable, Sendable, CaseIterable {
    /// Feedback was imported (from the command line, the dashboard or the inbox folder).
    case imported = "import"
    /// A running experiment's end date passed.
    case experimentEnded = "experiment-end"
    /// Backlog items moved to done.
    case backlogDone = "backlog-done"
    /// A theme rose or emerged, or its share of complaints grew, beyond chance this week
    /// (the signals' tests: `podium signals`).
    case spike
}

extension RuleTrigger: Codable {
    // Stored as the words a person would write: {"on": "import"} or {"every": "fri 15:00"}.
    private enum CodingKeys: String, CodingKey { case on, every }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            if let on = try container.decodeIfPresent(String.self, forKey: .on) {
                self = try .on(on)
            } else if let every = try container.decodeIfPresent(String.self, forKey: .every) {
                self = try .every(every)
            } else {
                throw AutomationRule.Invalid("a trigger needs \"on\" or \"every\"")
            }
        } catch let error as AutomationRule.Invalid {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .event(event): try container.encode(event.rawValue, forKey: .on)
        case .schedule(.sprintEnd): try container.encode("sprint-end", forKey: .on)
        case let .schedule(schedule): try container.encode(schedule.description, forKey: .every)
        }
    }
}
