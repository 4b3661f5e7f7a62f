import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// Turns the workspace into what each of the seven panes shows.
public enum PaneBuilder {
    /// The panes in their order on screen.
    public static let stances: [Stance] = Stance.allCases

    /// The views a pane can switch between with `v` (most panes have one).
    public static func views(for stance: Stance) -> [String] {
        switch stance {
        case .decisionMaker: ["backlog", "decision log"]
        case .customerRepresentative: ["feedback", "personas"]
        case .orchestrator: orchestratorViews
        default: [""]
        }
    }

    /// The content of the pane for `stance`, in its view number `view`.
    public static func content(for stance: Stance, view: Int = 0, in snapshot: WorkspaceSnapshot, settings: PaneSettings = PaneSettings()) -> PaneContent {
        var content = baseContent(for: stance, view: view, in: snapshot, settings: settings)
        // Every pane says which of its drafts wait for review.
        if stance != .orchestrator {
            let pending = snapshot.drafts.values.filter { $0.stance == stance && $0.status == .pending }.sorted { $0.id > $1.id }
            if let newest = pending.first {
                content.summary.insert(.init("\(pending.count) draft\(pending.count == 1 ? "" : "s") to review: “\(clean(newest.title))”"
                    + (pending.count > 1 ? " and \(pending.count - 1) more" : "") + " · D opens", .accent), at: 0)
            }
        }
        return content
    }

    private static func baseContent(for stance: Stance, view: Int, in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        switch (stance, view) {
        case (.decisionMaker, 1): return decisionLog(snapshot)
        case (.customerRepresentative, 1): return personas(snapshot)
        case (.orchestrator, 1): return automation(snapshot, settings: settings)
        case (.orchestrator, 2): return metrics(snapshot, settings: settings)
        case (.orchestrator, 3): return audit(snapshot)
        default: break
        }
        switch stance {
        case .visionary: return visionary(snapshot)
        case .collaborator: return collaborator(snapshot)
        case .customerRepresentative: return customer(snapshot)
        case .decisionMaker: return decision(snapshot)
        case .experimenter: return experimenter(snapshot)
        case .influencer: return influencer(snapshot)
        case .orchestrator: return orchestrator(snapshot)
        }
    }

    /// For each feedback item, the titles of the backlog items it is evidence for.
    public static func evidenceIndex(_ snapshot: WorkspaceSnapshot) -> [String: [String]] {
        var index: [String: [String]] = [:]
        for item in snapshot.orderedBacklog {
            for feedback in item.linkedFeedback { index[feedback.rawValue, default: []].append(item.title) }
        }
        return index
    }

    /// The detail lines of one row of a pane (`evidence` from `evidenceIndex`, built once per workspace change).
    public static func detail(
        for stance: Stance, id: String, in snapshot: WorkspaceSnapshot, evidence: [String: [String]] = [:],
        settings: PaneSettings = PaneSettings()
    ) -> [PaneContent.Line] {
        switch stance {
        case .visionary:
            guard let measure = snapshot.product.goalMeasures.first(where: { $0.name == id }) else { return [] }
            let unit = measure.unit.isEmpty || measure.unit == "%" || measure.unit == "★" ? measure.unit : " " + measure.unit
            return [.init(clean(measure.name), .accent), .init("Baseline: \(number(measure.baseline))\(unit)"),
                    .init("Now: \(number(measure.current))\(unit)"), .init("Target: \(number(measure.target))\(unit)"),
                    .init("Progress: \(percent(measure.progress))")]
        case .collaborator:
            guard let person = snapshot.stakeholders[RecordID(id)] else { return [] }
            return [.init(clean(person.name), .accent), .init(clean(person.role), .muted),
                    .init("Influence \(person.influence)/5 · interest \(person.interest)/5 · \(person.quadrant.rawValue)"),
                    .init(""), .init("Latest input", .muted), .init(clean(person.notes, lines: true))]
        case .customerRepresentative:
            if let persona = snapshot.personas[RecordID(id)] {
                var lines: [PaneContent.Line] = [.init(clean(persona.name), .accent)]
                if let segment = persona.segment { lines.append(.init("Segment: \(clean(segment))", .muted)) }
                lines += [.init(""), .init(clean(persona.summary, lines: true))]
                if !persona.goals.isEmpty { lines += [.init(""), .init("Goals", .muted)] + persona.goals.map { .init("• " + clean($0)) } }
                if !persona.pains.isEmpty { lines += [.init(""), .init("Pains", .muted)] + persona.pains.map { .init("• " + clean($0)) } }
                if !persona.quotes.isEmpty {
                    lines += [.init(""), .init("In their words", .muted)]
                        + persona.quotes.map { .init("“" + clean($0.text) + "” (\($0.sourceID.short))") }
                }
                return lines
            }
            guard let item = snapshot.feedback[RecordID(id)] else { return [] }
            var lines: [PaneContent.Line] = [
                .init("\(day(item.createdAt)) · \(clean(item.source.rawValue)) · \(clean(item.author ?? "anonymous"))", .muted),
            ]
            if let segment = item.segment { lines.append(.init("Segment: \(clean(segment))", .muted)) }
            if let rating = item.rating { lines.append(.init("Rating: \(rating.display)", tone(for: rating))) }
            if let sentiment = item.sentiment { lines.append(.init("Sentiment: \(String(format: "%+.2f", sentiment))")) }
            if let version = item.version { lines.append(.init("Version: \(clean(version))", .muted)) }
            if let votes = item.votes { lines.append(.init("Votes: \(votes)", .muted)) }
            lines += [.init(""), .init(clean(item.text, lines: true))]
            if let origin = item.origin { lines.append(.init("From: \(clean(origin))", .muted)) }
            if !item.tags.isEmpty { lines += [.init(""), .init("Tags: " + clean(item.tags.joined(separator: ", ")), .muted)] }
            if let linked = evidence[item.id.rawValue], !linked.isEmpty {
                lines.append(.init("Evidence for: " + clean(linked.joined(separator: "; ")), .accent))
            }
            lines.append(.init("id \(item.id)", .muted))
            return lines
        case .decisionMaker:
            if let decision = snapshot.decisions[RecordID(id)] {
                var lines: [PaneContent.Line] = [
                    .init(clean(decision.title), .accent),
                    .init("Decided \(day(decision.decidedAt))" + (decision.decidedBy.map { " by \(clean($0))" } ?? "")
                        + (decision.reviewAt.map { " · review \(day($0))" } ?? ""), .muted),
                ]
                if !decision.context.isEmpty { lines += [.init(""), .init("Context", .muted), .init(clean(decision.context, lines: true))] }
                if !decision.options.isEmpty {
                    lines += [.init(""), .init("Options", .muted)] + decision.options.map { .init("• " + clean($0)) }
                }
                lines += [.init(""), .init("Choice: " + clean(decision.choice), .accent)]
                if !decision.rationale.isEmpty { lines += [.init(""), .init("Why", .muted), .init(clean(decision.rationale, lines: true))] }
                return lines
            }
            guard let item = snapshot.backlog[RecordID(id)] else { return [] }
            var lines: [PaneContent.Line] = [
                .init(clean(item.title), .accent), .init("Status: \(item.status.rawValue) · order \(item.order)", .muted),
            ]
            if !item.description.isEmpty { lines += [.init(""), .init(clean(item.description, lines: true))] }
            lines += [.init(""), .init("RICE \(score(item.rice.score)) = reach \(optional(item.rice.reach)) × impact "
                + "\(optional(item.rice.impact)) × confidence \(optional(item.rice.confidence)) ÷ effort \(optional(item.rice.effort))"),
                      .init("WSJF \(score(item.wsjf.score)) = (value \(optional(item.wsjf.businessValue)) + time "
                + "\(optional(item.wsjf.timeCriticality)) + risk \(optional(item.wsjf.riskReduction))) ÷ size \(optional(item.wsjf.jobSize))")]
            let count = item.linkedFeedback.count
            lines.append(.init(""))
            lines.append(.init("Evidence: \(count) feedback item\(count == 1 ? "" : "s")", .muted))
            for feedback in item.linkedFeedback.lazy.compactMap({ snapshot.feedback[$0] }).prefix(5) {
                lines.append(.init("• " + clean(feedback.text) + (feedback.rating.map { " (\($0.display))" } ?? "")))
            }
            return lines
        case .experimenter:
            guard let experiment = snapshot.experiments[RecordID(id)] else { return [] }
            var lines: [PaneContent.Line] = [
                .init(clean(experiment.title), .accent), .init("Status: \(experiment.status.rawValue)", .muted),
                .init(""), .init("Hypothesis", .muted), .init(clean(experiment.hypothesis, lines: true)),
                .init(""), .init("Metric: \(clean(experiment.metric)) · target \(clean(experiment.target))"),
                .init("Runs \(experiment.startsAt.map(day) ?? "—") → \(experiment.endsAt.map(day) ?? "—")", .muted),
            ]
            if let result = experiment.result { lines += [.init(""), .init("Result", .muted), .init(clean(result, lines: true))] }
            return lines
        case .influencer:
            guard let message = snapshot.communications[RecordID(id)] else { return [] }
            return [.init(clean(message.title), .accent),
                    .init("\(message.kind.rawValue) for \(clean(message.audience)) · \(message.status.rawValue)", .muted),
                    .init(""), .init(message.body.isEmpty ? "(empty: not written yet)" : clean(message.body, lines: true),
                                     message.body.isEmpty ? .muted : .normal)]
        case .orchestrator:
            if let rule = snapshot.rules[RecordID(id)] { return ruleDetail(rule, in: snapshot, trust: settings.trust) }
            if let entry = snapshot.audit[RecordID(id)] { return auditDetail(entry) }
            if id.hasPrefix(stanceRowPrefix), let stance = Stance(rawValue: String(id.dropFirst(stanceRowPrefix.count))) {
                return stanceDetail(stance, in: snapshot, settings: settings)
            }
            if let draft = snapshot.drafts[RecordID(id)] {
                return [.init(clean(draft.title), .accent),
                        .init("\(draft.kind) · \(draft.stance.title) · \(draft.status.rawValue) · made by \(clean(draft.provider.name))", .muted),
                        .init(""),
                        .init(clean(draft.content, lines: true).replacingOccurrences(of: "**", with: "").split(separator: "\n", omittingEmptySubsequences: false)
                            .map { $0.hasPrefix("#") ? String($0.drop { $0 == "#" || $0 == " " }) : String($0) }.joined(separator: "\n")),
                        .init(""),
                        .init("Evidence: \(draft.evidence.count) record\(draft.evidence.count == 1 ? "" : "s")", .muted)]
            }
            if let job = snapshot.jobs[RecordID(id)] {
                var lines: [PaneContent.Line] = [
                    .init("\(job.kind) · \(job.stance.title)", .accent),
                    .init("Status: \(job.status.rawValue) · attempt \(max(1, job.attempts)) · \(clean(job.provider.name)) (\(clean(job.provider.model)))"
                        + (job.provider.host.map { " at \(clean($0))" } ?? ""), .muted),
                    .init("Queued \(time(job.createdAt))" + (job.startedAt.map { " · started \(time($0))" } ?? "")
                        + (job.finishedAt.map { " · ended \(time($0))" } ?? ""), .muted)]
                if let started = job.startedAt, let finished = job.finishedAt {
                    lines.append(.init("Took \(duration(finished.timeIntervalSince(started)))", .muted))
                }
                if let usage = job.usage { lines.append(.init("Tokens: \(usage.inputTokens) in, \(usage.outputTokens) out", .muted)) }
                for (name, value) in job.parameters.entries.sorted(by: { $0.key < $1.key }) { lines.append(.init("\(name): \(clean(value))")) }
                if !job.inputs.isEmpty { lines.append(.init("Works on \(job.inputs.count) selected record\(job.inputs.count == 1 ? "" : "s")")) }
                if let error = job.error { lines += [.init(""), .init(clean(error), .error)] }
                if let draft = job.draftID { lines += [.init(""), .init("Made draft \(draft.short)", .success)] }
                switch job.status {
                case .failed, .cancelled, .interrupted: lines.append(.init("r runs it again", .muted))
                case .queued, .running: lines.append(.init("c cancels it", .muted))
                case .done: break
                }
                return lines
            }
            return []
        }
    }

    // MARK: Panes

    private static func visionary(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let product = snapshot.product
        let measures = product.goalMeasures
        return PaneContent(
            title: "Visionary — \(clean(product.name.isEmpty ? "Untitled product" : product.name))",
            summary: [
                .init("Vision", .muted), .init(clean(product.vision.isEmpty ? "Not written yet." : product.vision, lines: true)),
                .init(""), .init("Product goal", .muted),
                .init(clean(product.productGoal.isEmpty ? "Not set yet." : product.productGoal, lines: true)),
                .init(""), .init("Progress toward the goal: \(bar(product.goalProgress)) \(percent(product.goalProgress))", .accent),
            ],
            columns: [.init("MEASURE"), .init("BASELINE", width: 10, alignRight: true), .init("NOW", width: 8, alignRight: true),
                      .init("TARGET", width: 8, alignRight: true), .init("PROGRESS", width: 9, alignRight: true)],
            rows: measures.map { measure in
                .init(id: measure.name, cells: [clean(measure.name), number(measure.baseline) + measure.unit,
                                                number(measure.current) + measure.unit, number(measure.target) + measure.unit,
                                                percent(measure.progress)],
                      tone: (measure.progress ?? 0) >= 1 ? .success : .normal,
                      sortKeys: [nil, measure.baseline, measure.current, measure.target, measure.progress])
            },
            emptyMessage: "No goal measures yet.", hints: "Enter reads a measure",
            counts: "\(measures.count) goal measure\(measures.count == 1 ? "" : "s")")
    }

    private static func collaborator(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let people = snapshot.stakeholders.values.sorted { ($0.influence + $0.interest, $1.name) > ($1.influence + $1.interest, $0.name) }
        let quadrants = Dictionary(grouping: people, by: \.quadrant).mapValues(\.count)
        return PaneContent(
            title: "Collaborator — stakeholders",
            summary: [.init(Stakeholder.Quadrant.allCases.map { "\($0.rawValue): \(quadrants[$0] ?? 0)" }.joined(separator: " · "), .muted)],
            columns: [.init("NAME", width: 20), .init("INF", width: 3, alignRight: true), .init("INT", width: 3, alignRight: true),
                      .init("ENGAGEMENT", width: 14), .init("ROLE / LATEST INPUT")],
            rows: people.map { person in
                .init(id: person.id.rawValue,
                      cells: [clean(person.name), String(person.influence), String(person.interest), person.quadrant.rawValue,
                              clean(person.role) + (person.notes.isEmpty ? "" : " — " + clean(person.notes))],
                      tone: person.quadrant == .manageClosely ? .accent : .normal,
                      sortKeys: [nil, Double(person.influence), Double(person.interest), nil, nil])
            },
            emptyMessage: "No stakeholders yet.", hints: "Enter detail · / filter · s sort",
            counts: "\(people.count) stakeholders")
    }

    private static func customer(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let items = snapshot.feedback.values.sorted { $0.id > $1.id }
        let rated = items.compactMap(\.rating)
        let stars = rated.filter { $0.scale == .stars5 }.map(\.value)
        var summary = "\(items.count) items"
        if !stars.isEmpty { summary += String(format: " · average %.1f★ (%d reviews)", stars.reduce(0, +) / Double(stars.count), stars.count) }
        let sources = Dictionary(grouping: items, by: \.source).mapValues(\.count)
            .sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        summary += " · " + sources.prefix(5).map { "\(clean($0.key.rawValue)) \($0.value)" }.joined(separator: ", ")
        if !snapshot.personas.isEmpty { summary += " · \(snapshot.personas.count) personas" }
        let hasSentiment = items.contains { $0.sentiment != nil }
        var lines = [PaneContent.Line(summary, .muted)]
        if let accepted = snapshot.drafts.values.filter({ $0.kind == .summarizeFeedback && $0.status == .accepted })
            .max(by: { ($0.reviewedAt ?? $0.createdAt) < ($1.reviewedAt ?? $1.createdAt) }) {
            let points = accepted.content.split(separator: "\n").filter { $0.hasPrefix("- ") }.prefix(2).map { clean(String($0.dropFirst(2))) }
            lines.append(.init("Accepted summary (\(day(accepted.reviewedAt ?? accepted.createdAt))): \(clean(accepted.title))"
                + (points.isEmpty ? "" : " — " + points.joined(separator: " ")), .success))
        }
        return PaneContent(
            title: "Customer Representative — feedback",
            summary: lines,
            // Sentiment appears once an analysis has set it on some items.
            columns: [.init("DATE", width: 10), .init("SOURCE", width: 9), .init("SEGMENT", width: 11),
                      .init("RATING", width: 6, alignRight: true)]
                + (hasSentiment ? [.init("SENT", width: 5, alignRight: true)] : []) + [.init("FEEDBACK")],
            rows: items.map { item in
                .init(id: item.id.rawValue,
                      cells: [day(item.createdAt), clean(item.source.rawValue), clean(item.segment ?? ""), item.rating?.display ?? ""]
                          + (hasSentiment ? [item.sentiment.map { String(format: "%+.1f", $0) } ?? ""] : []) + [clean(item.text)],
                      tone: item.rating.map(tone(for:)) ?? .normal,
                      sortKeys: [item.createdAt.timeIntervalSince1970, nil, nil, item.rating?.normalized]
                          + (hasSentiment ? [item.sentiment] : []) + [nil])
            },
            emptyMessage: "No feedback yet: podium import feedback FILE", hints: "/ filter · s sort · v personas",
            counts: "\(items.count) feedback items")
    }

    private static func decision(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let backlog = snapshot.orderedBacklog.filter { $0.status != .dropped }
        let decisions = snapshot.decisions.values.sorted { $0.decidedAt > $1.decidedAt }
        var summary: [PaneContent.Line] = []
        if let latest = decisions.first {
            summary.append(.init("Latest decision (\(day(latest.decidedAt))): \(clean(latest.title)) — \(clean(latest.choice))", .muted))
        }
        summary.append(.init("\(decisions.count) decisions in the log · \(backlog.filter { $0.status != .done }.count) open items", .muted))
        return PaneContent(
            title: "Decision Maker — Product Backlog",
            summary: summary,
            columns: [.init("#", width: 3, alignRight: true), .init("STATUS", width: 11), .init("RICE", width: 6, alignRight: true),
                      .init("WSJF", width: 5, alignRight: true), .init("EVID", width: 4, alignRight: true), .init("TITLE")],
            rows: backlog.map { item in
                .init(id: item.id.rawValue,
                      cells: [String(item.order), item.status.rawValue, score(item.rice.score), score(item.wsjf.score),
                              String(item.linkedFeedback.count), clean(item.title)],
                      tone: item.status == .done ? .muted : item.status == .inProgress ? .accent : .normal,
                      sortKeys: [Double(item.order), nil, item.rice.score, item.wsjf.score, Double(item.linkedFeedback.count), nil])
            },
            emptyMessage: "The backlog is empty: podium import backlog FILE", hints: "K/J reorder · v decision log · u undo",
            counts: "\(backlog.count) backlog items")
    }

    private static func decisionLog(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let decisions = snapshot.decisions.values.sorted { $0.decidedAt > $1.decidedAt }
        let due = decisions.filter { ($0.reviewAt ?? .distantFuture) <= Date() }.count
        return PaneContent(
            title: "Decision Maker — decision log",
            summary: [.init("\(decisions.count) decisions" + (due > 0 ? " · \(due) due for review" : "") + " · v: back to the backlog", .muted)],
            columns: [.init("DECIDED", width: 10), .init("REVIEW", width: 10), .init("DECISION", width: 40), .init("CHOICE")],
            rows: decisions.map { decision in
                .init(id: decision.id.rawValue,
                      cells: [day(decision.decidedAt), decision.reviewAt.map(day) ?? "", clean(decision.title), clean(decision.choice)],
                      tone: (decision.reviewAt ?? .distantFuture) <= Date() ? .warning : .normal,
                      sortKeys: [decision.decidedAt.timeIntervalSince1970, decision.reviewAt?.timeIntervalSince1970, nil, nil])
            },
            emptyMessage: "No decisions recorded yet.", hints: "v backlog · Enter reads",
            counts: "\(decisions.count) decisions")
    }

    private static func personas(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let personas = snapshot.personas.values.sorted { $0.name < $1.name }
        return PaneContent(
            title: "Customer Representative — personas",
            summary: [.init("\(personas.count) personas built from feedback · v: back to the feedback", .muted)],
            columns: [.init("NAME", width: 20), .init("SEGMENT", width: 12), .init("QUOTES", width: 6, alignRight: true), .init("SUMMARY")],
            rows: personas.map { persona in
                .init(id: persona.id.rawValue,
                      cells: [clean(persona.name), clean(persona.segment ?? ""), String(persona.quotes.count), clean(persona.summary)],
                      sortKeys: [nil, nil, Double(persona.quotes.count), nil])
            },
            emptyMessage: "No personas yet: p in the feedback view (v) drafts them from reviews and surveys.",
            hints: "v feedback · Enter reads", counts: "\(personas.count) personas")
    }

    private static func experimenter(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let experiments = snapshot.experiments.values.sorted { ($0.status.isConcluded ? 1 : 0, $0.id) < ($1.status.isConcluded ? 1 : 0, $1.id) }
        return PaneContent(
            title: "Experimenter — experiments",
            summary: [.init(ExperimentStatus.allCases.compactMap { status in
                let count = experiments.filter { $0.status == status }.count
                return count == 0 ? nil : "\(status.rawValue) \(count)"
            }.joined(separator: " · "), .muted)],
            columns: [.init("STATUS", width: 12), .init("ENDS", width: 10), .init("TITLE", width: 28), .init("METRIC → TARGET")],
            rows: experiments.map { experiment in
                .init(id: experiment.id.rawValue,
                      cells: [experiment.status.rawValue, experiment.endsAt.map(day) ?? "", clean(experiment.title),
                              clean(experiment.metric) + " → " + clean(experiment.target)],
                      tone: experiment.status == .succeeded ? .success : experiment.status == .failed ? .error
                          : experiment.status == .running ? .accent : .normal,
                      sortKeys: [nil, experiment.endsAt?.timeIntervalSince1970, nil, nil])
            },
            emptyMessage: "No experiments yet.", hints: "Enter hypothesis and result",
            counts: "\(experiments.count) experiments")
    }

    private static func influencer(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        let messages = snapshot.communications.values.sorted { $0.createdAt > $1.createdAt }
        return PaneContent(
            title: "Influencer — updates and release notes",
            summary: [.init("\(messages.filter { $0.status == .sent }.count) sent · \(messages.filter { $0.status != .sent }.count) in progress", .muted)],
            columns: [.init("STATUS", width: 6), .init("KIND", width: 18), .init("AUDIENCE", width: 14), .init("TITLE")],
            rows: messages.map { message in
                .init(id: message.id.rawValue,
                      cells: [message.status.rawValue, message.kind.rawValue, clean(message.audience), clean(message.title)],
                      tone: message.status == .sent ? .muted : .accent)
            },
            emptyMessage: "No communications yet.", hints: "Enter read",
            counts: "\(messages.count) communications")
    }

    private static func orchestrator(_ snapshot: WorkspaceSnapshot) -> PaneContent {
        // The board: jobs queued or running, then drafts to review, then the history.
        let jobs = snapshot.jobs.values.sorted { $0.id > $1.id }
        let drafts = snapshot.drafts.values.sorted { $0.id > $1.id }
        let active = jobs.filter { !$0.status.isFinished }
        let pending = drafts.filter { $0.status == .pending || $0.status == .interrupted }
        let attention = jobs.filter { $0.status == .failed || $0.status == .interrupted }
        let perStance = Stance.allCases.compactMap { stance -> String? in
            let count = pending.filter { $0.stance == stance }.count
            return count == 0 ? nil : "\(stance.title) \(count)"
        }
        let jobCounts = JobStatus.allCases.compactMap { status -> String? in
            let count = jobs.filter { $0.status == status }.count
            return count == 0 ? nil : "\(status.rawValue) \(count)"
        }
        let tokens = jobs.compactMap(\.usage).reduce((0, 0)) { ($0.0 + $1.inputTokens, $0.1 + $1.outputTokens) }
        var summary: [PaneContent.Line] = [
            .init("Drafts to review: \(pending.count)" + (perStance.isEmpty ? "" : " (" + perStance.joined(separator: ", ") + ")"),
                  pending.isEmpty ? .muted : .accent),
            .init("Jobs: " + (jobCounts.isEmpty ? "none yet" : jobCounts.joined(separator: " · "))
                + (tokens.0 + tokens.1 > 0 ? " · tokens \(tokens.0) in, \(tokens.1) out" : ""), .muted),
        ]
        if !attention.isEmpty {
            summary.append(.init("\(attention.count) job\(attention.count == 1 ? " failed or was" : "s failed or were") interrupted: select one and press r to run it again", .warning))
        }
        func jobRow(_ job: Job) -> PaneContent.Row {
            let took = job.startedAt.flatMap { start in job.finishedAt.map { duration($0.timeIntervalSince(start)) } } ?? ""
            let tone: PaneContent.Tone = switch job.status {
            case .failed, .interrupted: .error
            case .running, .queued: .accent
            default: .muted
            }
            return .init(id: job.id.rawValue,
                         cells: ["job", job.status.rawValue, job.stance.title, age(job.createdAt, now: Date()),
                                 job.kind.rawValue + (took.isEmpty ? "" : " · took \(took)") + " · \(clean(job.provider.name))"
                                    + (job.usage.map { " · \($0.inputTokens)+\($0.outputTokens) tokens" } ?? "")
                                    + (job.rule.map { " · rule \($0.short)" } ?? "") + (job.error.map { " — " + clean($0) } ?? "")],
                         tone: tone)
        }
        // Drafts accepted without review, listed for a later look (and undo).
        let automatic = AutoAcceptance.drafts(in: snapshot)
        let recentAutomatic = drafts.filter { automatic.contains($0.id) && $0.status == .accepted
            && ($0.reviewedAt.map { Date().timeIntervalSince($0) < 7 * 86_400 } ?? false) }
        if !recentAutomatic.isEmpty {
            let byKind = Dictionary(grouping: recentAutomatic, by: \.kind).map { "\($0.key) \($0.value.count)" }.sorted()
            summary.append(.init("Auto-accepted in 7 days: \(recentAutomatic.count) (" + byKind.joined(separator: ", ")
                + ") · Enter on one, then u, undoes it", .success))
        }
        func draftRow(_ draft: Draft) -> PaneContent.Row {
            let status = draft.status == .accepted && automatic.contains(draft.id) ? "auto-accept" : draft.status.rawValue
            return .init(id: draft.id.rawValue, cells: ["draft", status, draft.stance.title, age(draft.createdAt, now: Date()), clean(draft.title)],
                         tone: draft.status == .pending ? .accent : .muted)
        }
        let rest = (jobs.filter(\.status.isFinished).map { ($0.id.rawValue, jobRow($0)) }
            + drafts.filter { $0.status != .pending && $0.status != .interrupted }.map { ($0.id.rawValue, draftRow($0)) })
            .sorted { $0.0 > $1.0 }.map(\.1)
        return PaneContent(
            title: "Orchestrator — jobs and drafts inbox",
            summary: summary,
            columns: [.init("TYPE", width: 7), .init("STATUS", width: 11), .init("STANCE", width: 14), .init("AGE", width: 5), .init("WHAT")],
            rows: active.map(jobRow) + pending.map(draftRow) + rest,
            emptyMessage: "No AI jobs or drafts yet: each pane's AI keys are in its hints (m summarizes feedback in 3); : lists them all.",
            hints: "Enter review · Space mark · a/x bulk · v views",
            counts: "\(active.count + pending.count + rest.count) jobs and drafts · \(pending.count) to review")
    }

    /// A job's duration as the saved times allow: they are kept to the second, so "<1s",
    /// "4s", "2m 5s".
    public static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole < 1 { return "<1s" }
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(whole % 60)s"
    }

    /// How long ago, shortly: "now", "5m", "3h", "2d".
    public static func age(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<86_400: return "\(Int(seconds / 3600))h"
        default: return "\(Int(seconds / 86_400))d"
        }
    }

    /// A moment in the user's time zone, to the minute: "2026-11-25 19:17".
    public static func time(_ date: Date) -> String {
        date.formatted(.verbatim(
            "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            timeZone: .current, calendar: Calendar(identifier: .gregorian)))
    }

    /// A moment shortly, for a narrow column: "11-25 19:17" this year, "2025-11-25" before.
    public static func shortTime(_ date: Date, now: Date) -> String {
        let calendar = Calendar(identifier: .gregorian)
        let thisYear = calendar.dateComponents(in: .current, from: date).year == calendar.dateComponents(in: .current, from: now).year
        guard thisYear else { return day(date) }
        return date.formatted(.verbatim(
            "\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            timeZone: .current, calendar: calendar))
    }

    // MARK: Formatting

    /// Untrusted text made safe and (unless `lines`) kept to one line.
    public static func clean(_ text: String, lines: Bool = false) -> String {
        text.sanitizedForTerminal(keepingLineBreaks: lines)
    }

    static func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }

    public static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func optional(_ value: Double?) -> String { value.map(number) ?? "?" }

    static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }

    /// A share as a 20-cell bar: ██████░░░░…
    static func bar(_ value: Double?) -> String {
        let filled = Int(((value ?? 0) * 20).rounded())
        return String(repeating: "█", count: max(0, min(20, filled))) + String(repeating: "░", count: max(0, 20 - filled))
    }

    static func tone(for rating: Rating) -> PaneContent.Tone {
        rating.normalized <= 0.35 ? .error : rating.normalized >= 0.75 ? .success : .normal
    }
}
