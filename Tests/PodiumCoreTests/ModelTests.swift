import Foundation
import PodiumCore
import Testing

@Suite("Domain model")
struct ModelTests {
    @Test("there are exactly seven stances, each with a title")
    func stances() {
        #expect(Stance.allCases.count == 7)
        #expect(Stance.allCases.map(\.title) == [
            "Visionary", "Collaborator", "Customer Representative", "Decision Maker", "Experimenter", "Influencer", "Orchestrator",
        ])
    }

    @Test("a duplicate key's digest is FNV-1a over its normalised parts, the same in every process (checked against a separate implementation's value)")
    func duplicateKeyDigest() {
        let key = DuplicateKey(text: "  Hello\tWORLD ", author: "Ana", createdAt: Date(timeIntervalSince1970: 0.7))
        #expect(key.stableDigest == 0x3c02_ff25_abe1_19e6)
        #expect(DuplicateKey(text: "hello world", author: "ana", createdAt: Date(timeIntervalSince1970: 0)).stableDigest == key.stableDigest)
        #expect(DuplicateKey(text: "hello worl", author: "dana", createdAt: Date(timeIntervalSince1970: 0)).stableDigest != key.stableDigest,
                "the parts are kept apart")
    }

    @Test("ids are UUID version 7 text, ordered by creation time, reproducible from a seed")
    func recordIDs() {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        let early = Date(timeIntervalSince1970: 1_700_000_000)
        let a = RecordID<FeedbackItem>(at: early, using: &first)
        let b = RecordID<FeedbackItem>(at: early, using: &second)
        #expect(a == b)
        let text = a.rawValue
        #expect(text.count == 36)
        #expect(text.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(text)[14] == "7")
        #expect("89ab".contains(Array(text)[19]))
        #expect(text.hasPrefix(String(UInt64(1_700_000_000_000), radix: 16).leftPadded(to: 12).prefix(8)))
        let later = RecordID<FeedbackItem>(at: early.addingTimeInterval(0.002), using: &first)
        #expect(a < later)
        #expect(RecordID<FeedbackItem>.make() != RecordID<FeedbackItem>.make())
    }

    @Test("RICE and WSJF scores, and nil while an input is missing or a divisor is zero")
    func scores() {
        #expect(RICEInputs(reach: 1000, impact: 2, confidence: 0.8, effort: 4).score == 400)
        #expect(RICEInputs(reach: 1000, impact: 2, confidence: 0.8, effort: 0).score == nil)
        #expect(RICEInputs(reach: 1000, impact: 2, effort: 4).score == nil)
        #expect(WSJFInputs(businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4).score == 4)
        #expect(WSJFInputs(businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 0).score == nil)
        #expect(WSJFInputs(businessValue: 8, timeCriticality: 5, jobSize: 2).costOfDelay == nil)
    }

    @Test("ratings keep their scale: 4 stars and an NPS of 4 are not the same")
    func ratings() {
        let stars = Rating(4, scale: .stars5)
        let nps = Rating(4, scale: .nps)
        #expect(stars.normalized == 0.75)
        #expect(nps.normalized == 0.4)
        #expect(stars.display == "4/5")
        #expect(nps.display == "4/10")
        #expect(Rating(4.5, scale: .stars5).display == "4.5/5")
    }

    @Test("goal progress runs from baseline to target, also when the target is lower")
    func goalProgress() {
        #expect(GoalMeasure(name: "rate", baseline: 20, current: 30, target: 60).progress == 0.25)
        #expect(GoalMeasure(name: "failures", baseline: 48, current: 35, target: 5).progress.map { ($0 * 100).rounded() } == 30)
        #expect(GoalMeasure(name: "overshoot", baseline: 0, current: 200, target: 100).progress == 1)
        #expect(GoalMeasure(name: "flat", baseline: 5, current: 5, target: 5).progress == nil)
        let product = Product(name: "p", goalMeasures: [
            GoalMeasure(name: "a", baseline: 0, current: 50, target: 100),
            GoalMeasure(name: "b", baseline: 0, current: 100, target: 100),
        ])
        #expect(product.goalProgress == 0.75)
    }

    @Test("stakeholders fall into the influence/interest quadrants")
    func quadrants() {
        #expect(Stakeholder(name: "a", influence: 5, interest: 5).quadrant == .manageClosely)
        #expect(Stakeholder(name: "b", influence: 5, interest: 1).quadrant == .keepSatisfied)
        #expect(Stakeholder(name: "c", influence: 1, interest: 5).quadrant == .keepInformed)
        #expect(Stakeholder(name: "d", influence: 1, interest: 1).quadrant == .monitor)
    }

    @Test("every record type survives a JSON round trip")
    func codableRoundTrips() throws {
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let feedback = FeedbackItem(text: "Slow", source: "app store", author: "a", segment: "smb",
                                    rating: Rating(2, scale: .stars5), createdAt: date, tags: ["perf"], sentiment: -0.5)
        let draft = Draft(kind: "summarize-feedback", stance: .customerRepresentative, title: "Summary",
                          target: ArtifactReference(.feedback, feedback.id), content: "Text",
                          evidence: [Evidence(ArtifactReference(.feedback, feedback.id), detail: "rating 2/5")],
                          figures: [Figure(name: "negative share", value: 0.4)], edits: [DraftEdit(at: date, by: "po", previousContent: "old")],
                          createdAt: date)
        let job = Job(kind: "summarize-feedback", stance: .orchestrator, parameters: ["audience": "leadership"],
                      createdAt: date, usage: TokenUsage(inputTokens: 10, outputTokens: 5))
        try expectRoundTrip(feedback)
        try expectRoundTrip(draft)
        try expectRoundTrip(job)
        try expectRoundTrip(BacklogItem(title: "t", rice: RICEInputs(reach: 1), createdAt: date))
        try expectRoundTrip(Persona(name: "Pat", quotes: [Persona.Quote(text: "q", sourceID: feedback.id)], createdAt: date))
        try expectRoundTrip(Experiment(title: "e", hypothesis: "h", metric: "m", target: "t", createdAt: date))
        try expectRoundTrip(Decision(title: "d", choice: "c", decidedAt: date, createdAt: date))
        try expectRoundTrip(Communication(title: "c", audience: "all", kind: .releaseNotes, body: "b", createdAt: date))
        try expectRoundTrip(AuditEntry(at: date, actor: "po", action: .accept, subject: ArtifactReference(.draft, draft.id), summary: "s"))
        try expectRoundTrip(Product(name: "p", sprint: SprintCadence(firstSprintStart: date, lengthInDays: 14), updatedAt: date))
    }

    @Test("feedback sources are an open set, normalised to lower case")
    func sources() throws {
        #expect(FeedbackSource(rawValue: " Review ") == .review)
        let decoded = try JSONDecoder().decode(FeedbackSource.self, from: Data("\"App Store\"".utf8))
        #expect(decoded.rawValue == "app store")
    }

    private func expectRoundTrip<T: Codable & Equatable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(T.self, from: encoder.encode(value)) == value)
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
