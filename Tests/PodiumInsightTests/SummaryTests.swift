import PodiumInsight
import Testing

@Suite("Summaries")
struct SummaryTests {
    static let documents: [TextDocument] = [
        TextDocument(id: "a", text: "Offline sync loses my photos. I'm on Android."),
        TextDocument(id: "b", text: "Offline sync loses my photos!"),
        TextDocument(id: "c", text: "Offline sync lost photos from two inspections. The colours are nice."),
        TextDocument(id: "d", text: "Photos taken during offline sync get lost."),
        TextDocument(id: "e", text: "Invoices take forever to send to customers."),
        TextDocument(id: "f", text: "Sending invoices to customers takes forever."),
        TextDocument(id: "g", text: "Invoices to customers are slow to send."),
        TextDocument(id: "h", text: "Our dog likes the office carpet a lot."),
    ]

    @Test("the summary holds the central sentence of each repeated idea, with its source")
    func keySentences() {
        let summary = Summarizer().summarize(Self.documents, maxSentences: 3)
        #expect(summary.count == 3)
        #expect(summary[0].text == "Offline sync loses my photos.")
        #expect(summary[0].sourceID == "a")
        #expect(summary[0].score == 1)
        #expect(summary.contains { $0.text.lowercased().contains("invoices") })
        #expect(summary.map(\.score) == summary.map(\.score).sorted(by: >))
        #expect(!summary.contains { $0.text.contains("I'm on Android") })
    }

    @Test("near-duplicate sentences are never both picked")
    func noNearDuplicates() {
        let summary = Summarizer().summarize(Self.documents, maxSentences: 8)
        let lowered = summary.map { $0.text.lowercased() }
        #expect(lowered.filter { $0.hasPrefix("offline sync loses my photos") }.count == 1)
        #expect(lowered.filter { $0.contains("invoices") && $0.contains("forever") }.count == 1)
        for (index, first) in summary.enumerated() {
            for second in summary[(index + 1)...] {
                let model = TFIDFModel(documents: Self.documents.flatMap { SentenceSplitter.sentences($0.text) }.map(Tokenizer.terms))
                let similarity = model.vector(for: Tokenizer.terms(first.text)).dot(model.vector(for: Tokenizer.terms(second.text)))
                #expect(similarity < 0.9, "\(first.text) / \(second.text)")
            }
        }
    }

    @Test("no documents, or no sentence long enough, gives an empty summary; order does not matter")
    func edges() {
        #expect(Summarizer().summarize([], maxSentences: 3).isEmpty)
        #expect(Summarizer().summarize([TextDocument(id: "x", text: "Thanks!")], maxSentences: 3).isEmpty)
        #expect(Summarizer().summarize(Self.documents, maxSentences: 0).isEmpty)
        #expect(Summarizer().summarize(Self.documents.reversed(), maxSentences: 3) == Summarizer().summarize(Self.documents, maxSentences: 3))
    }

    @Test("a candidate cap keeps the sentences nearest the centre and still summarises")
    func candidateCap() {
        var summarizer = Summarizer()
        summarizer.candidateLimit = 4
        let summary = summarizer.summarize(Self.documents, maxSentences: 2)
        #expect(summary.count == 2)
        #expect(!summary.contains { $0.text.contains("dog") })
    }
}

@Suite("Key phrases")
struct KeyPhraseTests {
    @Test("RAKE finds a repeated multi-word phrase and merges its inflections")
    func repeatedPhrase() {
        let documents = [
            "The offline mode is broken again.",
            "Offline mode is unreliable on site.",
            "Offline modes keep failing in the basement.",
            "I like the colours.",
            "Search is slow.",
            "Search is slow on my tablet.",
        ].enumerated().map { TextDocument(id: "\($0.offset)", text: $0.element) }
        let phrases = KeyPhraseExtractor.extract(from: documents, limit: 5)
        #expect(phrases.first?.phrase == "offline mode")
        #expect(phrases.first?.count == 3)
        #expect(phrases.contains { $0.phrase == "search" && $0.count == 2 })
        #expect(!phrases.contains { $0.phrase.contains("colours") })  // said once only
        #expect(phrases.map(\.score) == phrases.map(\.score).sorted(by: >))
    }

    @Test("phrases break at stop words, numbers and punctuation; longer runs are no phrase; one document needs no repeat")
    func candidates() {
        let phrases = KeyPhraseExtractor.extract(
            from: [TextDocument(id: "1", text: "Invoice PDF unprofessional, and 10 MB attachments fail; ugly blue button colour scheme")],
            limit: 10)
        #expect(phrases.map(\.phrase) == ["invoice pdf unprofessional", "mb attachments fail"])
        #expect(phrases[0].score == 9)  // three words of degree 3, in one document: 9 × log2(2)
    }
}
