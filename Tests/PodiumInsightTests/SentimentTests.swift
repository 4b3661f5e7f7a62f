import PodiumInsight
import Testing

@Suite("Sentiment")
struct SentimentTests {
    let analyzer = SentimentAnalyzer()

    @Test("clear praise and clear complaints, with the words that drove them")
    func clearCases() {
        let praise = analyzer.score("I love this app, it is easy and fast.")
        #expect(praise.label == .positive)
        #expect(praise.score > 0.5)
        #expect(praise.positiveTerms == ["love", "easy", "fast"])
        #expect(praise.negativeTerms.isEmpty)

        let complaint = analyzer.score("The app crashes constantly and I lost my notes.")
        #expect(complaint.label == .negative)
        #expect(complaint.score < -0.5)
        #expect(complaint.negativeTerms == ["crashes", "lost"])
    }

    @Test("negation flips: not good, never works, don't like")
    func negation() {
        let notGood = analyzer.score("This is not good.")
        #expect(notGood.label == .negative)
        #expect(notGood.negativeTerms == ["not good"])
        // 2 × -0.74 = -1.48, normalised: -1.48 / √(1.48² + 15)
        #expect(abs(notGood.score - (-1.48 / (1.48 * 1.48 + 15).squareRoot())) < 1e-9)
        #expect(analyzer.score("It never works.").label == .negative)
        #expect(analyzer.score("I don't like the new layout.").negativeTerms == ["don't like"])
        #expect(analyzer.score("No problems at all.").label == .positive)
        let locked = analyzer.score("Invoicing shouldn't be locked in the top tier.")
        #expect(locked.label == .negative)
        #expect(locked.negativeTerms == ["locked"])
    }

    @Test("intensifiers strengthen and dampeners soften")
    func intensity() {
        let plain = analyzer.score("Search is slow.").score
        let very = analyzer.score("Search is very slow.").score
        let extremely = analyzer.score("Search is extremely slow.").score
        let slightly = analyzer.score("Search is slightly slow.").score
        #expect(extremely < very)
        #expect(very < plain)
        #expect(plain < slightly)
        #expect(slightly < 0)
    }

    @Test("the clause after but or however weighs more")
    func contrast() {
        #expect(analyzer.score("The design is great but it crashes every day.").label == .negative)
        #expect(analyzer.score("It crashed once, but support was great and fixed it.").label == .positive)
        #expect(analyzer.score("Setup was confusing. However, the team was excellent.").score > 0)
    }

    @Test("strong praise and strong complaint together are mixed")
    func mixed() {
        let result = analyzer.score("I love the dispatch board. The invoicing is terrible.")
        #expect(result.label == .mixed)
        #expect(result.positiveTerms == ["love"])
        #expect(result.negativeTerms == ["terrible"])
    }

    @Test("neutral text, like as a preposition, inflections and unmet needs")
    func details() {
        let neutral = analyzer.score("The meeting is on Tuesday.")
        #expect(neutral.label == .neutral)
        #expect(neutral.score == 0)
        #expect(analyzer.score("It looks like a calendar.").label == .neutral)
        #expect(analyzer.score("Crashed twice today.").negativeTerms == ["crashed"])
        let need = analyzer.score("I can't send an invoice from the job screen.")
        #expect(need.label == .negative)
        #expect(need.negativeTerms == ["can't send"])
        #expect(analyzer.score("Offline mode finally works for me, great job.").label == .positive)
        // Derived words sharing a stem with a lexicon word carry nothing: "use" is not "useful".
        #expect(analyzer.score("We use Xero. Please call.").label == .neutral)
    }

    @Test("scores stay within -1...1")
    func bounds() {
        let gushing = String(repeating: "Amazing, perfect, love it! ", count: 50)
        let furious = String(repeating: "Useless, broken, terrible! ", count: 50)
        #expect(analyzer.score(gushing).score <= 1)
        #expect(analyzer.score(gushing).score > 0.99)
        #expect(analyzer.score(furious).score >= -1)
        #expect(analyzer.score(furious).score < -0.99)
        #expect(analyzer.score("").label == .neutral)
    }
}
