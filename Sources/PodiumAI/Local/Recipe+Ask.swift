import Foundation
import PodiumCore
import PodiumInsight
import PodiumStore

/// ask: answers a question with the workspace's own sentences, and says plainly when nothing
/// in the workspace answers it.
extension Recipe {
    /// One record's text, for searching.
    private struct Document {
        var reference: ArtifactReference
        var label: String
        var text: String
    }

    /// The answer to the job's question; when nothing in the workspace answers it, a draft
    /// that says so (the job did its work: the answer is that there is none).
    mutating func ask() throws -> DraftOutput {
        guard let question = request.parameters.question else {
            throw JobError.invalidInput("Ask a question, e.g. podium run ask \"What do customers say about invoicing?\"")
        }
        do {
            return try answer(question)
        } catch let JobError.nothingToWorkOn(reason) {
            return DraftOutput(title: "Q: \(Recipe.shorten(Recipe.clean(question), to: 60)) (no answer)",
                               content: "# \(Recipe.clean(question))\n\n\(reason)",
                               figures: [Figure(name: "matching records", value: 0)])
        }
    }

    private mutating func answer(_ question: String) throws -> DraftOutput {
        guard !question.isEmpty else {
            throw JobError.invalidInput("Ask a question, e.g. podium run ask \"What do customers say about invoicing?\"")
        }
        context.progress("Searching the workspace")
        let documents = askDocuments()
        let termLists = documents.map { Tokenizer.terms($0.text) }
        let frequency = Dictionary(grouping: termLists.flatMap { Set($0) }, by: { $0 }).mapValues(\.count)
        // Questions about the backlog's evidence are answered from the links.
        if let structural = try structuralAnswer(question) { return structural }
        let content = Self.contentTerms(of: question)
        guard !content.isEmpty else { throw JobError.invalidInput("The question has no words to search for.") }
        let surface = Recipe.surfaceForms([question])
        let absent = content.filter { frequency[$0] == nil }
        let absentWords = absent.map { "“\(surface[$0] ?? $0)”" }
        if absent.count == content.count {
            throw JobError.nothingToWorkOn("Nothing in the workspace mentions \(Recipe.list(absentWords)); "
                + "try other words, or import the feedback that would answer it.")
        }
        // A figure the workspace does not hold (a count of cancellations, a rate, a score) is
        // not answered with records that merely share its other words.
        if (Self.asksForAFigure(question) || Self.ranksByAFigure(question)) && !Self.countsVoices(question) {
            throw JobError.nothingToWorkOn("Nothing in the workspace answers this: it asks for a figure (an amount, a count, a rate) that the workspace "
                + "does not hold. It holds feedback, the backlog, stakeholders' notes, decisions, experiments and communications; it can count "
                + "what customers say (\"how many reviews ask for …\").")
        }
        if !absent.isEmpty && (absent.count * 2 >= content.count || Self.modifiesAPresentWord(absent, in: question, frequency: frequency)) {
            throw JobError.nothingToWorkOn("Nothing in the workspace answers this: no record mentions \(Recipe.list(absentWords)). "
                + "It holds feedback, the backlog, stakeholders' notes, decisions, experiments and communications, not figures it was never given.")
        }
        try context.checkCancellation()
        return try searchAnswer(question, documents: documents, termLists: termLists, frequency: frequency, absentWords: absentWords)
    }

    /// Every record with text, as a document to search.
    private func askDocuments() -> [Document] {
        var documents: [Document] = []
        for item in snapshot.feedback.all { documents.append(Document(reference: ArtifactReference(.feedback, item.id), label: "feedback", text: item.text)) }
        for item in snapshot.backlog.all {
            documents.append(Document(reference: ArtifactReference(.backlog, item.id), label: "backlog item" + (item.key.map { " " + Recipe.clean($0) } ?? ""),
                                      text: item.title + ". " + item.description))
        }
        for item in snapshot.decisions.all {
            documents.append(Document(reference: ArtifactReference(.decision, item.id), label: "decision",
                                      text: [item.title, item.context, item.choice, item.rationale].joined(separator: ". ")))
        }
        for item in snapshot.experiments.all {
            documents.append(Document(reference: ArtifactReference(.experiment, item.id), label: "experiment",
                                      text: [item.title, item.hypothesis, item.result ?? ""].joined(separator: ". ")))
        }
        for item in snapshot.stakeholders.all {
            documents.append(Document(reference: ArtifactReference(.stakeholder, item.id), label: "stakeholder \(Recipe.clean(item.name))",
                                      text: item.name + ", " + item.role + ". " + item.notes))
        }
        for item in snapshot.communications.all {
            documents.append(Document(reference: ArtifactReference(.communication, item.id), label: "communication", text: item.title + ". " + item.body))
        }
        return documents
    }

    /// The question's words that name what it is about (not "what", "how many", "customers say").
    static func contentTerms(of question: String) -> [String] {
        var seen = Set<String>()
        return Tokenizer.terms(question).filter { !questionWords.contains($0) && seen.insert($0).inserted }
    }

    private static let questionWords: Set<String> = Set([
        "what", "who", "whom", "which", "why", "how", "many", "much", "when", "where", "anyone", "anybody", "people", "customers",
        "customer", "users", "user", "say", "saying", "said", "tell", "telling", "told", "talk", "mention", "mentioned", "think", "feel",
        "ask", "asked", "asking", "about", "our", "we", "us", "team", "side", "there", "any", "thing", "things", "happy", "exactly",
        "actually", "since", "one", "ones", "most", "least", "else", "other", "others", "some",
        // Where to look, not what to look for: "is anything on the backlog for it?"
        "anything", "something", "backlog", "workspace",
    ].flatMap { Tokenizer.terms($0) })

    /// Whether the question asks for a number: a count, an amount, a rate or a score.
    static func asksForAFigure(_ question: String) -> Bool {
        let text = " " + Tokenizer.words(question).joined(separator: " ") + " "
        return [" how many ", " how much ", " what percentage ", " what share ", " what proportion ", " rate ", " score ", " nps ",
                " revenue ", " churn ", " conversion ", " retention "].contains { text.contains($0) }
    }

    /// Whether the question ranks by a quantity the workspace was never given ("which carrier
    /// produces the most failed label purchases?"), rather than by what people say ("which
    /// theme has the most complaints?", which the feedback counts).
    static func ranksByAFigure(_ question: String) -> Bool {
        let words = Tokenizer.words(question)
        let superlatives: Set<String> = ["most", "fewest", "least", "highest", "lowest", "biggest", "largest", "smallest"]
        guard let at = words.indices.first(where: { $0 > 0 && words[$0 - 1] == "the" && superlatives.contains(words[$0]) }) else { return false }
        let counted = words[(at + 1)...].prefix(3)
        return !counted.isEmpty && !counted.contains(where: voiceWords.contains)
    }

    /// Words for what people say or who says it: what the feedback can count.
    static let voiceWords: Set<String> = ["reviews", "review", "feedback", "tickets", "ticket", "comments", "conversations", "people", "customers",
                                          "users", "clinics", "items", "requests", "complaints", "stakeholders", "votes", "mentions", "praise",
                                          "demand", "posts", "messages", "answers", "responses"]

    /// Whether a figure question counts what people say ("how many reviews ask for…"), which
    /// the feedback can answer, rather than an outside figure ("how many customers cancelled").
    static func countsVoices(_ question: String) -> Bool {
        let words = Tokenizer.words(question)
        let saying: Set<String> = ["ask", "asks", "asked", "asking", "say", "says", "said", "complain", "complains", "complained", "mention",
                                   "mentions", "mentioned", "want", "wants", "request", "requests", "requested", "report", "reports", "reported"]
        guard let many = words.indices.first(where: { $0 + 1 < words.count && words[$0] == "how" && (words[$0 + 1] == "many" || words[$0 + 1] == "often") })
        else { return false }
        let after = words[(many + 2)...].prefix(5)
        return after.contains(where: voiceWords.contains) && words.contains(where: saying.contains)
    }

    /// Whether a word nothing mentions names the kind of a word that is there ("the February
    /// penetration test": the workspace has tests, not that one).
    static func modifiesAPresentWord(_ absent: [String], in question: String, frequency: [String: Int]) -> Bool {
        let terms = Tokenizer.words(question).map { word in Tokenizer.terms(word).first }
        for (index, term) in terms.enumerated() {
            guard let term, absent.contains(term), index + 1 < terms.count, let next = terms[index + 1], frequency[next] != nil else { continue }
            return true
        }
        return false
    }

    // MARK: Answers from the links

    /// Questions about the backlog's evidence, answered from the links: which item is asked
    /// for most, which items have no feedback behind them.
    private func structuralAnswer(_ question: String) throws -> DraftOutput? {
        let text = " " + Tokenizer.words(question).joined(separator: " ") + " "
        if text.contains(" who "), (Self.opposingWords + [" for it "]).contains(where: text.contains),
           let answer = standsAnswer(question) {
            return answer
        }
        let items = snapshot.orderedBacklog.filter { $0.status != .dropped }
        guard text.contains(" backlog ") || text.contains(" item") else { return nil }
        let title = "Q: \(Recipe.shorten(Recipe.clean(question), to: 60))"
        func name(_ item: BacklogItem) -> String { (item.key.map { Recipe.clean($0) + " " } ?? "") + "“\(Recipe.clean(item.title))”" }
        if [" no customer ", " no feedback", " no evidence", " without feedback", " without evidence", " nothing behind "].contains(where: text.contains) {
            let bare = items.filter { $0.linkedFeedback.isEmpty && $0.validatingFeedback.isEmpty }
            var lines = ["# \(Recipe.clean(question))", ""]
            lines.append(bare.isEmpty ? "Every backlog item has feedback linked to it."
                : "\(bare.count) of \(items.count) backlog items have no feedback linked to them (demand or praise):")
            lines += bare.map { "- \(name($0)) \(Recipe.cite($0.id))" }
            lines += ["", "From the links between feedback and the backlog: link-feedback (E in the Decision Maker pane) and links made by hand add to them."]
            return DraftOutput(title: title, content: lines.joined(separator: "\n"),
                               evidence: bare.map { Evidence(ArtifactReference(.backlog, $0.id), detail: "no linked feedback") })
        }
        if [" ask for most ", " asked for most ", " most requested ", " most demand", " most wanted ", " requested most ", " most asked "].contains(where: text.contains) {
            // What customers ask for is what is not done yet; a done item's demand is history.
            let ranked = items.filter { !$0.linkedFeedback.isEmpty && $0.status != .done }.sorted { $0.linkedFeedback.count > $1.linkedFeedback.count }
            let linked = Set(items.flatMap(\.allLinkedFeedback)).count
            guard let top = ranked.first else {
                throw JobError.nothingToWorkOn("No feedback is linked to the backlog yet, so nothing says which item customers ask for most: "
                    + "run link-feedback (E in the Decision Maker pane) or link feedback by hand (L in the Customer pane).")
            }
            var lines = ["# \(Recipe.clean(question))", "",
                         "\(name(top)) \(Recipe.cite(top.id)): \(top.linkedFeedback.count) feedback items ask for it or complain of what it fixes.", "",
                         "Counted over the links: \(linked) of \(snapshot.feedback.count) feedback items are linked to the backlog, so feedback not linked "
                            + "yet is not counted (link-feedback, E in the Decision Maker pane, proposes more).", ""]
            lines += ranked.prefix(5).map { "- \(name($0)): \($0.linkedFeedback.count) demand, \($0.validatingFeedback.count) praise \(Recipe.cite($0.id))" }
            let quotes = top.linkedFeedback.compactMap { snapshot.feedback[$0] }.prefix(3)
            lines += ["", "In their words:"] + quotes.map { "- " + Recipe.quote($0, limit: 140) }
            return DraftOutput(title: title, content: lines.joined(separator: "\n"),
                               evidence: ranked.prefix(5).map { Evidence(ArtifactReference(.backlog, $0.id), detail: "\($0.linkedFeedback.count) demand") }
                                + quotes.map { Evidence(ArtifactReference(.feedback, $0.id), detail: "asks for \(Recipe.shorten(top.title, to: 40))") })
        }
        return nil
    }

    /// Words of a question that ask who opposes or worries.
    static let opposingWords = [" against ", " oppose", " object", " worried ", " worries ", " concern"]

    /// "Who is against…": the stakeholders whose notes take that side on the items the
    /// question is about, with their own sentence.
    private func standsAnswer(_ question: String) -> DraftOutput? {
        let stakeholders = snapshot.stakeholders.all.filter { !$0.notes.isEmpty }
        guard !stakeholders.isEmpty else { return nil }
        let wanted = Set(Self.contentTerms(of: question))
        // "Who is against X, even though merchants ask for it?" asks who is against: a word
        // of opposition anywhere decides, "for it" only when there is none.
        let words = " " + Tokenizer.words(question).joined(separator: " ") + " "
        let asksOpposed = Self.opposingWords.contains(where: words.contains) || !words.contains(" for it ")
        let stands = stakeholderStands(stakeholders).stands.filter { asksOpposed ? $0.position.isOpposed : $0.position.isInFavour }
        let scored = stands.map { stand -> (StakeholderStand, Int) in
            let words = Set(Tokenizer.terms(stand.sentence + " " + stand.item.title + " " + stand.item.description))
            return (stand, words.intersection(wanted).count)
        }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        guard let best = scored.first?.1 else { return nil }
        let chosen = scored.filter { $0.1 >= max(1, best - 1) }.prefix(4).map(\.0)
        var lines = ["# \(Recipe.clean(question))", ""]
        for stand in chosen {
            let item = (stand.item.key.map { Recipe.clean($0) + " " } ?? "") + Recipe.clean(stand.item.title)
            lines.append("- \(Recipe.clean(stand.stakeholder.name)) (\(Recipe.clean(stand.stakeholder.role))) \(stand.position == .against ? "is against" : stand.position == .worries ? "worries about" : stand.position == .asks ? "asks for" : "is for") "
                + "\(item) \(Recipe.cite(stand.item.id)): “\(Recipe.shorten(Recipe.clean(stand.sentence), to: 160))” \(Recipe.cite(stand.stakeholder.id))")
        }
        lines += ["", "From the stakeholders' notes, each sentence placed on the backlog item it is about and read as for, against, asking or worried."]
        return DraftOutput(title: "Q: \(Recipe.shorten(Recipe.clean(question), to: 60))", content: lines.joined(separator: "\n"),
                           evidence: chosen.map { Evidence(ArtifactReference(.stakeholder, $0.stakeholder.id), detail: "\($0.position.rawValue): \(Recipe.shorten(Recipe.clean($0.sentence), to: 80))") }
                            + chosen.map { Evidence(ArtifactReference(.backlog, $0.item.id), detail: "what they speak of") })
    }

    // MARK: Answers from the records' own sentences

    private mutating func searchAnswer(
        _ question: String, documents: [Document], termLists: [[String]], frequency: [String: Int], absentWords: [String]
    ) throws -> DraftOutput {
        let queryTerms = Self.contentTerms(of: question)
        let model = TFIDFModel(documents: termLists)
        // A record answers better the more of the question's words it has, rarer words
        // counting more (idf): "invoicing" decides over "plan" in an invoicing product.
        let weights = Dictionary(uniqueKeysWithValues: queryTerms.compactMap { term in
            frequency[term].map { (term, log(Double(documents.count + 1) / Double($0))) }
        })
        let total = weights.values.reduce(0, +)
        func match(_ terms: some Sequence<String>) -> Double { Set(terms).reduce(0) { $0 + (weights[$1] ?? 0) } }
        let query = model.vector(for: queryTerms)
        // A record must carry a good share of what the question is about, not one common word;
        // words of one concept ("battery drain") are one thing, so one of them is enough.
        let things = ConceptLexicon.distinctThings(weights.keys)
        let ranked = documents.indices.map { ($0, match(termLists[$0]) + model.vector(for: termLists[$0]).dot(query)) }
            .filter { index, _ in
                let shared = Set(termLists[index]).intersection(weights.keys).count
                return match(termLists[index]) >= 0.25 * total && shared >= min(2, things)
            }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        guard let best = ranked.first?.1 else {
            throw JobError.nothingToWorkOn("Nothing in the workspace answers this: no record speaks of "
                + Recipe.list(queryTerms.map { "“\($0)”" }) + " together.")
        }
        var sentences: [(Double, Int, String)] = []
        for (index, score) in ranked.prefix(60) {
            let top = SentenceSplitter.sentences(documents[index].text).map { ($0, match(Tokenizer.terms($0))) }
                .max { ($0.1, $1.0.count) < ($1.1, $0.0.count) }
            if let top, top.1 > 0 { sentences.append((top.1 * 2 + score / best, index, top.0)) }
        }
        sentences.sort { ($0.0, $1.1) > ($1.0, $0.1) }
        var seenSentences = Set<String>()
        sentences = sentences.filter { seenSentences.insert(Recipe.clean($0.2).lowercased()).inserted }
        var lines = ["# \(Recipe.clean(question))", ""]
        // "Why did we decide…": the decision's own rationale answers it.
        let why = Tokenizer.words(question).first == "why" || question.lowercased().contains("reason")
        let decisions = snapshot.decisions
        let firstDecision = ranked.first { documents[$0.0].reference.kind == .decision }.flatMap { decisions[RecordID(documents[$0.0].reference.id)] }
        if why, let decision = firstDecision {
            lines += ["Decided on \(Recipe.day(decision.decidedAt)): \(Recipe.clean(decision.choice)) \(Recipe.cite(decision.id))", "",
                      "Rationale: \(Recipe.clean(decision.rationale))", ""]
        }
        let feedbackMatches = ranked.filter { documents[$0.0].reference.kind == .feedback }.compactMap { snapshot.feedback[RecordID(documents[$0.0].reference.id)] }
        var summary = "\(Format.count(ranked.count, "record")) \(ranked.count == 1 ? "speaks" : "speak") of it"
        if !feedbackMatches.isEmpty {
            let negative = feedbackMatches.filter { Recipe.isNegative(Recipe.estimate($0, analyzer: analyzer)) }.count
            summary += ", \(feedbackMatches.count) of them feedback (\(Recipe.percent(Double(negative) / Double(feedbackMatches.count))) negative)"
        }
        lines += [summary + ". In their words:", ""]
        var evidence: [Evidence] = []
        for (_, index, sentence) in sentences.prefix(6) {
            let document = documents[index]
            lines.append("- \(document.label.prefix(1).uppercased() + document.label.dropFirst()): “\(Recipe.shorten(Recipe.clean(sentence), to: 160))” [#\(document.reference.id.suffix(8))]")
            evidence.append(Evidence(document.reference, detail: "quoted: \(Recipe.shorten(Recipe.clean(sentence), to: 80))"))
        }
        if !absentWords.isEmpty { lines += ["", "No record mentions \(Recipe.list(absentWords)): the answer leaves that part open."] }
        // "…and is anything on the backlog for it?": said plainly either way.
        if Tokenizer.words(question).contains("backlog") {
            let items = ranked.filter { documents[$0.0].reference.kind == .backlog }.compactMap { snapshot.backlog[RecordID(documents[$0.0].reference.id)] }
            lines += ["", items.isEmpty ? "No backlog item speaks of it."
                : "On the backlog: " + items.prefix(3).map { (($0.key.map { Recipe.clean($0) + " " }) ?? "") + "“\(Recipe.clean($0.title))” \(Recipe.cite($0.id))" }.joined(separator: "; ") + "."]
            evidence += items.prefix(3).map { Evidence(ArtifactReference(.backlog, $0.id), detail: "speaks of it") }
        }
        return DraftOutput(title: "Q: \(Recipe.shorten(Recipe.clean(question), to: 60))", content: lines.joined(separator: "\n"), evidence: evidence,
                           figures: [Figure(name: "matching records", value: Double(ranked.count)), Figure(name: "matching feedback", value: Double(feedbackMatches.count))])
    }
}
