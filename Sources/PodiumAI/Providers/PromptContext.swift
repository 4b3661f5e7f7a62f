import Foundation
import PodiumCore
import PodiumInsight
import PodiumStore

/// The workspace records an LLM's prompt carries beside the offline draft, most relevant
/// first, until the profile's token budget is spent.
///
/// The order: the offline draft's evidence records (as the recipe ranked them), then the
/// feedback linked to the backlog items among them (each item's first link, then each one's
/// second…), then for `ask` the records that share the question's words. Each record is one
/// line, `[#1a2b3c4d] kind: text` (the id as drafts cite it), made safe for a terminal and
/// shortened to `recordLimit` characters. Tokens are counted as characters ÷ 4, rounded
/// up: close for English with the common tokenizers, and no tokenizer to download.
public struct PromptContext: Sendable {
    /// One record as the prompt shows it.
    public struct Record: Sendable, Hashable {
        public var reference: ArtifactReference
        /// What the record is, with its short facts: "feedback (app-store · 2/5)".
        public var label: String
        /// Its text on one line, safe for a terminal and whole (citations are checked against it).
        public var text: String

        public init(reference: ArtifactReference, label: String, text: String) {
            self.reference = reference
            self.label = label
            self.text = text
        }

        /// The id as drafts cite it: the record id's last 8 characters, letters and digits only.
        public var shortID: String { PromptContext.shortID(reference.id) }

        /// The record's line in the prompt, its text shortened to `limit` characters.
        public func line(limit: Int = PromptContext.recordLimit) -> String {
            "[#\(shortID)] \(label): \(Recipe.shorten(text, to: limit))"
        }
    }

    /// The most characters of one record's text the prompt carries.
    public static let recordLimit = 600
    /// The most records `ask` adds for its question (beyond the offline draft's evidence).
    static let questionMatches = 200

    /// The offline draft's text (sent first).
    public let draftText: String
    /// The records the prompt carries, in order.
    public let sent: [Record]
    /// How many records were left out for the budget.
    public let leftOut: Int
    /// Every record that was a candidate, sent or not, by short id: the text a citation is checked against.
    private let candidates: [String: Record]
    /// The ids the offline draft's text cites (the model saw them there).
    private let citedInDraft: Set<String>

    /// Gathers the records for `request`, whose offline draft is `draft`, in at most `budget`
    /// tokens (the Records section's own heading and last line included).
    public init(request: JobRequest, draft: DraftOutput, budget: Int) {
        draftText = draft.content
        citedInDraft = Set(CitedIDs.short(in: draft.content))
        let ranked = Self.candidates(request: request, evidence: draft.evidence.map(\.reference))
        candidates = Dictionary(ranked.map { ($0.shortID, $0) }, uniquingKeysWith: { first, _ in first })
        var spent = Self.tokens(Self.heading) + Self.tokens(Self.leftOutLine(ranked.count))
        var taken: [Record] = []
        for record in ranked {
            let cost = Self.tokens(record.line()) + 1
            // A record too long for what is left leaves room for a shorter one after it.
            guard spent + cost <= budget else { continue }
            spent += cost
            taken.append(record)
        }
        sent = taken
        leftOut = ranked.count - taken.count
    }

    /// About how many tokens a text takes: its characters ÷ 4, rounded up.
    public static func tokens(_ text: String) -> Int { (text.count + 3) / 4 }

    /// The prompt's data: the offline draft, then the records with their ids.
    public var data: String {
        guard !sent.isEmpty || leftOut > 0 else { return draftText }
        var lines = [draftText, "", Self.heading]
        lines += sent.map { $0.line() }
        if leftOut > 0 { lines.append(Self.leftOutLine(leftOut)) }
        return lines.joined(separator: "\n")
    }

    /// Whether the model was given a record by this id (short form): as a record line, or
    /// cited in the offline draft it was sent.
    public func wasSent(_ short: String) -> Bool {
        let short = short.lowercased()
        return sent.contains { $0.shortID == short } || citedInDraft.contains(short)
    }

    /// The whole text of the record an id stands for, when it was one of the candidates.
    public func record(_ short: String) -> Record? { candidates[short.lowercased()] }

    static let heading = "## Records\nThe records behind the draft above and others relevant to the job, most relevant first. Cite them by their id, like [#1a2b3c4d]."

    static func leftOutLine(_ count: Int) -> String {
        "(\(count) more record\(count == 1 ? " was" : "s were") left out to keep the prompt within its token budget.)"
    }

    static func shortID(_ id: String) -> String {
        String(id.suffix(8)).lowercased().filter { $0.isLetter || $0.isNumber }
    }

    // MARK: Gathering

    /// Every candidate in order of relevance, each record once.
    static func candidates(request: JobRequest, evidence: [ArtifactReference]) -> [Record] {
        let snapshot = request.snapshot
        var seen = Set<ArtifactReference>()
        var records: [Record] = []
        func add(_ reference: ArtifactReference) {
            guard seen.insert(reference).inserted, let record = record(reference, in: snapshot) else { return }
            records.append(record)
        }
        evidence.forEach(add)
        // The feedback behind each backlog item among the evidence, one link per item in turn.
        let links = evidence.filter { $0.kind == .backlog }.compactMap { snapshot.backlog[RecordID($0.id)] }.map(\.allLinkedFeedback)
        for depth in 0..<(links.map(\.count).max() ?? 0) {
            for list in links where depth < list.count { add(ArtifactReference(.feedback, list[depth])) }
        }
        if request.job.kind == .ask, let question = request.parameters.question {
            questionMatches(question, in: snapshot).forEach(add)
        }
        return records
    }

    /// The records that share the question's words, the best first: rarer words count more,
    /// and a record needs two of them (or the only one).
    static func questionMatches(_ question: String, in snapshot: WorkspaceSnapshot) -> [ArtifactReference] {
        let wanted = Set(Recipe.contentTerms(of: question))
        guard !wanted.isEmpty else { return [] }
        var all: [ArtifactReference] = []
        all += snapshot.feedback.all.map { ArtifactReference(.feedback, $0.id) }
        all += snapshot.backlog.all.map { ArtifactReference(.backlog, $0.id) }
        all += snapshot.decisions.all.map { ArtifactReference(.decision, $0.id) }
        all += snapshot.experiments.all.map { ArtifactReference(.experiment, $0.id) }
        all += snapshot.stakeholders.all.map { ArtifactReference(.stakeholder, $0.id) }
        all += snapshot.communications.all.map { ArtifactReference(.communication, $0.id) }
        let terms = all.map { reference in Set(record(reference, in: snapshot).map { Tokenizer.terms($0.text) } ?? []).intersection(wanted) }
        var frequency: [String: Int] = [:]
        for set in terms { for term in set { frequency[term, default: 0] += 1 } }
        let scored = all.indices.compactMap { index -> (Double, Int)? in
            guard terms[index].count >= min(2, wanted.count) else { return nil }
            let score = terms[index].reduce(0.0) { $0 + log(Double(all.count + 1) / Double(frequency[$1] ?? 1)) }
            return (score, index)
        }
        return scored.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(questionMatches).map { all[$0.1] }
    }

    /// A record's label and text as the prompt shows them, or nil for what has no text to send.
    static func record(_ reference: ArtifactReference, in snapshot: WorkspaceSnapshot) -> Record? {
        func make(_ label: String, _ parts: [String?]) -> Record {
            Record(reference: reference, label: Recipe.clean(label),
                   text: Recipe.clean(parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")))
        }
        let id = reference.id
        switch reference.kind {
        case .feedback:
            guard let item = snapshot.feedback[RecordID(id)] else { return nil }
            let facts = [item.source.rawValue, item.segment, item.rating?.display].compactMap { $0 }.joined(separator: " · ")
            return make("feedback (\(facts))", [item.text])
        case .backlog:
            guard let item = snapshot.backlog[RecordID(id)] else { return nil }
            let links = "\(item.linkedFeedback.count) demand, \(item.validatingFeedback.count) praise linked"
            return make("backlog item" + (item.key.map { " " + $0 } ?? "") + " (\(item.status.rawValue); \(links))",
                        [item.title + ".", item.description])
        case .stakeholder:
            guard let person = snapshot.stakeholders[RecordID(id)] else { return nil }
            return make("stakeholder", ["\(person.name), \(person.role):", person.notes])
        case .decision:
            guard let decision = snapshot.decisions[RecordID(id)] else { return nil }
            return make("decision (\(Recipe.day(decision.decidedAt)))",
                        [decision.title + ".", "Context: " + decision.context, "Choice: " + decision.choice, "Rationale: " + decision.rationale])
        case .experiment:
            guard let experiment = snapshot.experiments[RecordID(id)] else { return nil }
            return make("experiment (\(experiment.status.rawValue))",
                        [experiment.title + ".", "Hypothesis: " + experiment.hypothesis, "Metric: " + experiment.metric,
                         "Target: " + experiment.target, experiment.result.map { "Result: " + $0 }])
        case .persona:
            guard let persona = snapshot.personas[RecordID(id)] else { return nil }
            return make("persona", [persona.name + ":", persona.summary, "Goals: " + persona.goals.joined(separator: "; "),
                                    "Pains: " + persona.pains.joined(separator: "; ")])
        case .communication:
            guard let message = snapshot.communications[RecordID(id)] else { return nil }
            return make("communication (\(message.kind.rawValue), \(message.status.rawValue))", [message.title + ".", message.body])
        case .product:
            let product = snapshot.product
            return make("product", [product.name + ".", "Vision: " + product.vision, "Product goal: " + product.productGoal])
        case .draft, .job, .annotations:
            return nil
        }
    }
}
