import PodiumCore
@testable import PodiumInsight
import Testing

@Suite("Evidence linker")
struct EvidenceLinkerTests {
    static let targets = [
        LinkTarget(id: "perf", key: "APP-1", title: "Speed up the project list query", description: "Paginate the project list endpoint; p95 latency under 300 ms."),
        LinkTarget(id: "pdf", key: "APP-2", title: "Export invoices to PDF", description: "Invoice PDF export with the company logo, from the invoice view."),
        LinkTarget(id: "sso", key: "APP-3", title: "SAML single sign-on", description: "Okta and Azure AD SAML login for Business plans."),
    ]

    /// Filler feedback so that word rarity means something.
    static let filler = (0..<30).map { LinkSource(id: "f\($0)", text: ["Thanks for the quick reply yesterday.", "Please change my billing address.",
                                                                       "The new logo looks nice.", "How do I invite my accountant?",
                                                                       "Great support from Dana today."][$0 % 5]) }

    static func links(_ sources: [LinkSource]) -> [ProposedLink] {
        EvidenceLinker().link(sources + filler, to: targets)
    }

    @Test("a complaint in customers' words links to the item as demand, with the sentence that connects them")
    func paraphrase() throws {
        let links = Self.links([LinkSource(id: "a", text: "Opening the list of projects spins forever, the projects list is so slow."),
                                LinkSource(id: "b", text: "We need to print invoices as PDF files to send them to clients.")])
        let slow = try #require(links.first { $0.sourceID == "a" })
        #expect(slow.targetID == "perf" && slow.kind == .demand)
        #expect(slow.sourcePhrase.contains("spins forever"))
        #expect(links.first { $0.sourceID == "b" }?.targetID == "pdf")
    }

    @Test("praise of what an item is about is validation, never demand")
    func praise() throws {
        let links = Self.links([LinkSource(id: "p", text: "Love that I can export an invoice to PDF with our logo, great job!", ratingShare: 1)])
        let link = try #require(links.first)
        #expect(link.targetID == "pdf" && link.kind == .validation && link.intent == .praise)
    }

    @Test("one shared word is not a link: the PDF of a contract is not about exporting invoices")
    func decoy() {
        let links = Self.links([LinkSource(id: "d", text: "The PDF of my contract from your sales team was missing a page.")])
        #expect(links.isEmpty, "\(links)")
    }

    @Test("feedback about two things links to both, each by its own sentence")
    func twoTopics() {
        let links = Self.links([LinkSource(id: "t", text: "Projects list takes ages to load every morning. Also please let us log in with Okta SAML single sign-on.")])
        #expect(Set(links.map(\.targetID)) == ["perf", "sso"])
        #expect(links.allSatisfy { $0.kind == .demand })
    }

    @Test("what a sentence does: requests, complaints, praise", arguments: [
        ("Would love to see a dark mode", FeedbackIntent.request),
        ("Can you add recurring invoices?", .request),
        ("Sync keeps failing every morning", .complaint),
        ("The export finally works, thank you!", .praise),
        ("I use the calendar view every day", .neutral),
        // Reassurance is praise, whatever words of trouble it denies.
        ("Honestly no issues printing on my Rollo, the labels are the right size for me. Not sure what everyone's complaining about.", .praise),
        ("The labels are super clean and readable, carriers never complain. Printing on my Zebra from the PDF works fine for me.", .praise),
        ("Printing on my Zebra from the PDF works fine for me.", .praise),
        ("No problems here, never had a crash since the update", .praise),
        ("It works fine on wifi but on mobile data the sync never finishes", .complaint),
        // Praise with a reservation after it complains.
        ("Good app, but the gradient graph paywall makes me use a different app", .complaint),
        ("The map is beautiful but the recorded line is jagged", .complaint),
        ("Sync was broken for a week but now it works great, thanks", .praise),
        // A benefit wished for is a request, not praise.
        ("A page where the customer picks the new size and gets a label would save my sanity.", .request),
    ])
    func intents(text: String, intent: FeedbackIntent) {
        #expect(FeedbackIntent.of(text) == intent)
    }
}
