import Foundation
import PodiumCore
@testable import PodiumAI
import Testing

/// With an LLM provider, link-feedback's proposed links are judged by the model: the lines it
/// keeps are the links accepting writes.
@Suite("Links judged by a model")
struct LinkJudgeTests {
    static let item = RecordID<BacklogItem>.make()
    static let feedback = (0..<3).map { _ in RecordID<FeedbackItem>.make() }
    static let proposal = DraftProposal(feedbackLinks: feedback.map {
        FeedbackLink(feedbackID: $0, backlogID: item, kind: .demand, strength: 0.8, phrase: "p", itemWords: [])
    })

    @Test("the links whose line the model kept under their item are the proposal; the dropped one is gone")
    func keptLines() throws {
        let text = """
            ## LED-1 Bank feeds [#\(Self.item.short)]
            - demand · good: “the feed stops” [#\(Self.feedback[0].short)]
            - demand · fair: “reconnect fails” [#\(Self.feedback[2].short)]

            Dropped [#\(Self.feedback[1].short)]: it is about the pricing page, not the bank feed.
            """
        let judged = try #require(LLMJob.judged(Self.proposal, by: text)?.feedbackLinks)
        #expect(judged.map(\.feedbackID) == [Self.feedback[0], Self.feedback[2]].sorted())
    }

    @Test("an answer that lists none of the links in the format asked for leaves the proposal as it was")
    func offFormat() {
        let text = "The links look plausible overall; I would double-check a couple of them."
        #expect(LLMJob.judged(Self.proposal, by: text) == Self.proposal)
    }
}
