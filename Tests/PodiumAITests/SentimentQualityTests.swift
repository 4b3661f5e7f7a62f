import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumTestSupport
import Testing

/// Sentiment on product feedback nobody tuned it on: the hand-labelled sets' `themes.json`
/// (every item's sentiment, read by a person), against floors set from VADER's figures on
/// the same items (`podium-bench sentiment` measures both in one run: VADER three-class
/// 0.444, 0.389, 0.387 and polar 0.450, 0.443, 0.407 on ledgerly, parcelpoint, trailmix).
/// The floors are VADER's + 0.05 three-class and + 0.03 polar.
@Suite("Sentiment on labelled feedback")
struct SentimentQualityTests {
    static let vader: [String: (threeClass: Double, polar: Double)] = [
        "ledgerly": (0.444, 0.450), "parcelpoint": (0.389, 0.443), "trailmix": (0.387, 0.407),
    ]

    @Test("three-class and polar accuracy beat VADER's by at least 0.05 and 0.03", arguments: ThemeLabels.setNames)
    func accuracy(set name: String) throws {
        let set = try EvidenceSet(named: name)
        let labels = try #require(try ThemeLabels(set))
        let texts = try FeedbackTexts.byExportID(set)
        let analyzer = SentimentAnalyzer()
        var agreement = SentimentAgreement()
        for item in labels.items {
            let text = try #require(texts[item.feedback], "\(item.feedback) not imported")
            agreement.add(truth: item.sentiment, predicted: analyzer.score(text).threeClass)
        }
        let peer = try #require(Self.vader[name], "measure VADER on \(name) with podium-bench sentiment and add it here")
        #expect(agreement.items == labels.items.count)
        #expect(agreement.accuracy >= peer.threeClass + 0.05, "\(name): \(agreement)")
        #expect(agreement.polarAccuracy >= peer.polar + 0.03, "\(name): \(agreement)")
    }

    @Test("domain words, requests, questions, negation and contrast", arguments: [
        ("App drains battery fast", "negative"), ("The setup is fiddly", "negative"), ("The export times out every time", "negative"),
        ("Invoices get duplicated", "negative"), ("It crashes when I open a job", "negative"), ("Could be better", "negative"),
        ("Can you add net 45?", "neutral"), ("Would love dark mode", "neutral"), ("It would be great if exports were faster", "neutral"),
        ("Please add Xero integration", "neutral"), ("Is there a way to export to CSV?", "neutral"),
        ("Not bad at all", "positive"), ("No complaints", "positive"), ("Not as good as before", "negative"),
        ("Great app but sync is broken", "negative"), ("Sync was broken but support was great", "positive"),
        ("Love it, but please add recurring invoices", "positive"),
        ("Ledgerly is great, apart from the fact that my bank unplugs itself every month or so.", "negative"),
        ("Great app, the only problem is the export", "negative"),
        ("Would give 5 stars if the elevation chart wasn't locked behind the subscription", "negative"),
        ("Lovely app, would be five stars if it synced with my watch", "negative"),
        ("Good news, the doubled transactions problem seems to be gone since the fix", "positive"),
        ("The sync bug is fixed now, thanks", "positive"), ("The crash needs to be fixed", "negative"),
        ("The export problem still isn't fixed", "negative"), ("My notes are gone", "negative"),
        // A problem told without a sentiment word is a mild complaint; a plain account is not.
        ("Barcodes come out grey and patchy every time", "negative"), ("The order is still stuck on processing", "negative"),
        ("I plan my hikes with it on Sundays", "neutral"),
    ])
    func cases(text: String, expected: String) {
        #expect(SentimentAnalyzer().score(text).threeClass == expected, "\(text)")
    }

    @Test("neither a complaint nor a wish appears under what customers like", arguments: ThemeLabels.setNames)
    func summaryPraise(set name: String) throws {
        let folder = try TemporaryDirectory("podium-summary")
        let set = try EvidenceSet(named: name)
        let imported = try set.makeWorkspace(at: folder.path(name))
        let labels = try #require(try ThemeLabels(set))
        let truth = Dictionary(uniqueKeysWithValues: labels.items.compactMap { item in imported.feedback[item.feedback].map { ($0.rawValue, item.sentiment) } })
        let intents = Dictionary(uniqueKeysWithValues: labels.items.compactMap { item in imported.feedback[item.feedback].map { ($0.rawValue, item.intent) } })
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .summarizeFeedback, stance: .customerRepresentative), snapshot: imported.store.snapshot),
                                             context: JobContext())
        let section = output.content.components(separatedBy: "## What customers like").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        let cited = section.matches(of: /\[#([0-9a-f]{8})\]/).map { String($0.1) }
        #expect(!cited.isEmpty, "\(output.content)")
        for short in cited {
            let id = try #require(truth.keys.first { $0.hasSuffix(short) || $0.hasPrefix(short) || RecordID<FeedbackItem>($0).short == short })
            #expect(truth[id] != "negative", "\(name): a complaint under what customers like: \(section)")
            #expect(intents[id] != "request", "\(name): a wish under what customers like: \(section)")
        }
    }
}
