import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// `ask` on the labelled sets: a Product Owner's questions, some the workspace answers and
/// some it cannot (Tests/Fixtures/Evidence/NAME/questions.json).
@Suite("Ask on labelled sets")
struct AskTests {
    /// What ask made of one question: refused (the reason), or the records its answer cites.
    enum Outcome { case refused(String), answered(cited: Set<String>, text: String) }

    static func ask(_ question: String, in snapshot: WorkspaceSnapshot) -> Outcome {
        let job = Job(kind: .ask, stance: .orchestrator, parameters: ["question": question])
        do {
            let output = try LocalProvider().run(JobRequest(job: job, snapshot: snapshot), context: JobContext())
            // No answer is a draft that says so, citing nothing.
            if let range = output.content.range(of: "\n\nNothing in the workspace"), output.evidence.isEmpty {
                return .refused(String(output.content[output.content.index(after: output.content.index(after: range.lowerBound))...]))
            }
            return .answered(cited: Set(output.evidence.map(\.reference.id)), text: output.content)
        } catch {
            return .refused("\(error)")
        }
    }

    @Test("a question about what the workspace does not hold is refused plainly; one it holds is answered from the records that answer it",
          arguments: EvidenceSet.names)
    func questions(name: String) throws {
        let folder = try TemporaryDirectory("podium-ask")
        let (imported, draft, _) = try EvidenceLinkTests.linkDraft(name, in: folder)
        try DraftReview(store: imported.store).accept(draft.id)
        let snapshot = imported.store.snapshot
        let stakeholders = Dictionary(snapshot.stakeholders.all.map { ($0.name, $0.id.rawValue) }, uniquingKeysWith: { first, _ in first })
        var answeredWell = 0, answerable = 0, refused = 0, unanswerable = 0
        for question in try imported.set.questions() {
            let outcome = Self.ask(question.question, in: snapshot)
            if !question.answerable {
                unanswerable += 1
                guard case let .refused(reason) = outcome else {
                    if case let .answered(_, text) = outcome { print("\(name): ANSWERED unanswerable: \(text.prefix(400))") }
                    continue
                }
                #expect(reason.hasPrefix("Nothing in the workspace"), "\(name): \(reason)")
                refused += 1
                continue
            }
            answerable += 1
            let expected = Set(question.expected.compactMap { imported.feedback[$0]?.rawValue ?? imported.backlog[$0]?.rawValue ?? stakeholders[$0] })
            switch outcome {
            case let .refused(reason):
                print("\(name): REFUSED “\(question.question)”: \(reason)")
            case let .answered(cited, _):
                if !cited.isDisjoint(with: expected) { answeredWell += 1 } else { print("\(name): MISSED “\(question.question)”") }
            }
        }
        print("\(name): \(answeredWell) of \(answerable) answerable questions answered citing a record that answers them; "
            + "\(refused) of \(unanswerable) unanswerable refused")
        #expect(answeredWell * 2 >= answerable, "\(name): \(answeredWell) of \(answerable)")
        #expect(refused == unanswerable, "\(name): only \(refused) of \(unanswerable) questions the workspace cannot answer were refused")
    }

    @Test("“who is against…” names the stakeholders against, never one asking for it, even when the question says customers ask for it",
          arguments: EvidenceSet.names)
    func whoIsAgainst(name: String) throws {
        let folder = try TemporaryDirectory("podium-ask-against")
        let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
        let snapshot = imported.store.snapshot
        let stakeholders = Dictionary(snapshot.stakeholders.all.map { ($0.name, $0.id.rawValue) }, uniquingKeysWith: { first, _ in first })
        let questions = try imported.set.questions().filter { $0.answerable && $0.question.lowercased().hasPrefix("who is against") }
        for question in questions {
            let named = question.expected.compactMap { stakeholders[$0] }
            guard case let .answered(cited, text) = Self.ask(question.question, in: snapshot) else {
                Issue.record("\(name): “\(question.question)” was not answered")
                continue
            }
            // The labels name the stakeholder against (and at times one for it, for context).
            #expect(!named.isEmpty && !Set(named).isDisjoint(with: cited), "\(name): \(text)")
            for line in text.split(separator: "\n") where line.hasPrefix("- ") {
                #expect(line.contains(" is against ") || line.contains(" worries about "), "\(name): \(line)")
            }
        }
    }

    @Test("words of one concept are one thing (“battery drain” finds the reviews that say battery), and “is anything on the backlog for it?” is answered plainly")
    func oneConceptAndTheBacklog() throws {
        let folder = try TemporaryDirectory("podium-ask-battery")
        let imported = try EvidenceSet(named: "trailmix").makeWorkspace(at: folder.path("trailmix"))
        let snapshot = imported.store.snapshot
        let battery = Set(snapshot.feedback.values.filter { $0.text.lowercased().contains("battery") }.map(\.id.rawValue))
        #expect(battery.count >= 5)
        guard case let .answered(cited, text) = Self.ask("What do customers say about battery drain, and is anything on the backlog for it?", in: snapshot) else {
            Issue.record("not answered")
            return
        }
        #expect(cited.intersection(battery).count >= 4, "\(text)")
        #expect(text.contains("\nOn the backlog: ") || text.contains("\nNo backlog item speaks of it."), "\(text)")
        #expect(!text.contains("No record mentions “backlog”"), "where to look is not what to look for: \(text)")
    }
}
