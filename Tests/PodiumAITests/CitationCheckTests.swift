import PodiumAI
import PodiumCore
import Testing

/// Hand-written model answers checked against what their prompt carried.
@Suite("Citations of a model's answer")
struct CitationCheckTests {
    let fixture = PromptFixture()

    var context: PromptContext { PromptContext(request: fixture.request(), draft: fixture.draft, budget: 100_000) }

    @Test("a sentence citing an id not sent, and one citing a sent record that does not say it, are flagged; good ones pass")
    func flags() {
        let sync = fixture.sync.id.short, person = fixture.person.id.short
        let answer = """
            ## Biggest complaints
            - Offline sync fails when customers lose signal [#\(sync)].
            - Invoices are exported with the wrong totals [#\(sync)].
            - Customers love the new dark mode [#0badc0de].
            Engineering thinks the sync rewrite is risky. [#\(person.uppercased())]
            1. The basement is where sync fails most [#\(sync), #feedf00d].
            """
        let flagged = CitationCheck.flagged(answer, context: context)
        #expect(flagged == [
            FlaggedCitation(sentence: "Invoices are exported with the wrong totals [#\(sync)].", id: sync, reason: .unsupported),
            FlaggedCitation(sentence: "Customers love the new dark mode [#0badc0de].", id: "0badc0de", reason: .notSent),
            FlaggedCitation(sentence: "The basement is where sync fails most [#\(sync), #feedf00d].", id: "feedf00d", reason: .notSent),
        ])
        #expect(flagged[1].summary == "[#0badc0de] cites a record it was not given: “Customers love the new dark mode [#0badc0de].”")
    }

    @Test("an id cited in the offline draft was sent, even when its record did not fit the budget")
    func citedInTheDraft() {
        let tight = PromptContext(request: fixture.request(), draft: fixture.draft, budget: 0)
        let item = fixture.item.id.short
        #expect(tight.wasSent(item) && !tight.wasSent(fixture.invoices.id.short))
        #expect(CitationCheck.flagged("Reliable offline sync has the most demand [#\(item)].", context: tight).isEmpty)
        #expect(CitationCheck.flagged("Invoices export badly [#\(fixture.invoices.id.short)].", context: tight).map(\.reason) == [.notSent])
    }

    @Test("support: two content words in common, or the sentence's only one; stop words and the citation do not count")
    func support() {
        #expect(CitationCheck.supports("Offline sync fails in the basement.", "Syncing failed offline"))
        #expect(!CitationCheck.supports("Offline sync fails in the basement.", "Offline invoices are wrong"))
        #expect(CitationCheck.supports("Offline sync fails in the basement.", "Sync!"))
        #expect(!CitationCheck.supports("Offline sync fails in the basement.", "It is what it is [#1a2b3c4d] [#5e6f7a8b] invoices"))
        #expect(CitationCheck.supports("anything", "See this [#1a2b3c4d]."), "no claim to check")
    }
}
