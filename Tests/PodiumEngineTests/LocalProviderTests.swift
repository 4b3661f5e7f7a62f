import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumStore
import Testing

/// The offline engine on the demo workspace: every kind makes a draft that rests on
/// records that exist, and the same workspace gives the same draft.
@Suite("Offline engine on the demo")
struct LocalProviderTests {
    static let snapshot = DemoWorkspace(feedbackCount: 300).makeContent().snapshot

    private func run(_ kind: JobKind, parameters: JobParameters = [:], inputs: [ArtifactReference] = []) throws -> DraftOutput {
        let info = try #require(kind.info)
        let job = Job(kind: kind, stance: info.stance, parameters: parameters, inputs: inputs)
        return try LocalProvider().run(JobRequest(job: job, snapshot: Self.snapshot, now: DemoWorkspace.referenceDate), context: JobContext())
    }

    @Test("every kind makes a draft with evidence that exists", arguments: JobKindInfo.all.map(\.kind))
    func everyKind(_ kind: JobKind) throws {
        let output = try run(kind, parameters: kind == .ask ? ["question": "What do customers say about invoices?"] : [:])
        #expect(!output.title.isEmpty && output.content.count > 100)
        #expect(!output.evidence.isEmpty)
        for evidence in output.evidence {
            let id = evidence.reference.id
            let exists = switch evidence.reference.kind {
            case .feedback: Self.snapshot.feedback[RecordID(id)] != nil
            case .backlog: Self.snapshot.backlog[RecordID(id)] != nil
            case .stakeholder: Self.snapshot.stakeholders[RecordID(id)] != nil
            case .experiment: Self.snapshot.experiments[RecordID(id)] != nil
            case .decision: Self.snapshot.decisions[RecordID(id)] != nil
            case .communication: Self.snapshot.communications[RecordID(id)] != nil
            case .product: true
            default: false
            }
            #expect(exists, "\(kind) cites \(evidence.reference) which does not exist")
        }
        // Every id cited in the text is one of the evidence records.
        let cited = Set(output.content.matches(of: /\[#([0-9a-f]{8})\]/).map { String($0.1) })
        let known = Set(output.evidence.map { String($0.reference.id.suffix(8)) })
        #expect(cited.isSubset(of: known), "\(kind) cites \(cited.subtracting(known)) without evidence")
    }

    @Test("the same workspace gives the same draft")
    func deterministic() throws {
        for kind in [JobKind.summarizeFeedback, .clusterThemes, .orderBacklog, .stakeholderUpdate] {
            #expect(try run(kind).content == run(kind).content, "\(kind)")
        }
    }

    @Test("a summary of filtered feedback covers only that feedback")
    func filtered() throws {
        let invoices = Self.snapshot.feedback.values.filter { $0.text.lowercased().contains("invoice") }
        let output = try run(.summarizeFeedback, parameters: ["filter": "invoice"],
                             inputs: invoices.map { ArtifactReference(.feedback, $0.id) })
        #expect(output.content.contains("\(invoices.count) items matching “invoice”"))
        let ids = Set(invoices.map(\.id.rawValue))
        #expect(output.evidence.allSatisfy { ids.contains($0.reference.id) })
    }

    @Test("sentiment lists put each item on its own side: a batch of complaints has no 'most positive'")
    func sentimentSides() throws {
        let complaints = Self.snapshot.feedback.all.filter { ($0.rating?.normalized ?? 1) == 0 }.prefix(4).map { ArtifactReference(.feedback, $0.id) }
        try #require(complaints.count == 4)
        let output = try run(.tagSentiment, inputs: Array(complaints))
        let positive = try #require(output.content.components(separatedBy: "## Most positive").last)
        #expect(positive.contains("None of these items is positive."), "\(output.content)")
        #expect(!positive.contains("(-"), "no negative score under 'Most positive'")
    }

    @Test("the backlog order ranks the items waiting to start by score; work in progress is named, not moved")
    func order() throws {
        let output = try run(.orderBacklog)
        let order = try #require(output.proposal?.backlogOrder)
        let items = order.compactMap { Self.snapshot.backlog[$0] }
        // Only the items waiting to start are ordered; work in progress keeps its place on top.
        #expect(items.count == Self.snapshot.backlog.values.filter { $0.status == .proposed || $0.status == .ready }.count)
        #expect(items.allSatisfy { $0.status == .proposed || $0.status == .ready })
        // One score figure per ordered item, in the order proposed: best first.
        let scores = output.figures.filter { $0.name.hasSuffix(": score") }.map(\.value)
        #expect(scores.count == items.count)
        #expect(scores == scores.sorted(by: >), "best score first")
        let inProgress = Self.snapshot.backlog.values.filter { $0.status == .inProgress }
        #expect(inProgress.allSatisfy { output.content.contains(String($0.id.rawValue.suffix(8))) })
    }

    @Test("a clear result against its target concludes the experiment")
    func conclusion() throws {
        let beta = try #require(Self.snapshot.experiments.values.first { $0.title.hasPrefix("Invoice from the job screen") })
        let output = try run(.concludeExperiment, inputs: [ArtifactReference(.experiment, beta.id)])
        #expect(output.proposal?.experimentConclusion?.status == .succeeded)
        #expect(output.content.contains("Measured 52 against a target of 45: met."))
    }

    @Test("ask without matching words says so instead of inventing an answer: its draft cites nothing")
    func askNothing() throws {
        let output = try run(.ask, parameters: ["question": "What about quantum teleportation?"])
        #expect(output.content.contains("Nothing in the workspace mentions “quantum” and “teleportation”"))
        #expect(output.evidence.isEmpty && output.proposal == nil)
        #expect(output.title.hasSuffix("(no answer)"))
    }

    @Test("an experiment that has not started cannot be concluded")
    func notStarted() throws {
        let later = try #require(Self.snapshot.experiments.values.first { ($0.startsAt ?? .distantPast) > DemoWorkspace.referenceDate })
        #expect { try run(.concludeExperiment, inputs: [ArtifactReference(.experiment, later.id)]) } throws: { "\($0)".contains("has not started") }
    }

    @Test("a cancelled job stops with the cancelled error")
    func cancelled() throws {
        let context = JobContext()
        context.cancel()
        let job = Job(kind: .clusterThemes, stance: .customerRepresentative)
        #expect(throws: JobError.cancelled) {
            try LocalProvider().run(JobRequest(job: job, snapshot: Self.snapshot), context: context)
        }
    }
}
