import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore
import PodiumTestSupport
import Testing

/// Feedback no analysis expects: none, one item, thousands of copies of one complaint, a
/// language the lexicon lacks. Each gives a sensible draft or a clear message.
@Suite("Odd feedback")
struct OddFeedbackTests {
    private func run(_ kind: JobKind, on texts: [String]) throws -> Result<DraftOutput, JobError> {
        let (folder, store) = try makeWorkspace()
        _ = folder
        try store.write { transaction in
            for (index, text) in texts.enumerated() {
                try transaction.save(FeedbackItem(text: text, author: "customer \(index)", createdAt: fixedDate.addingTimeInterval(Double(index))))
            }
        }
        do {
            return .success(try LocalProvider().run(JobRequest(job: Job(kind: kind, stance: kind.info!.stance), snapshot: store.snapshot), context: JobContext()))
        } catch let error as JobError {
            return .failure(error)
        }
    }

    @Test("no feedback and one item: a message that says what is missing", arguments: [JobKind.clusterThemes, .buildPersonas])
    func tooLittle(kind: JobKind) throws {
        guard case let .failure(none) = try run(kind, on: []) else { Issue.record("ran on nothing"); return }
        #expect("\(none)".contains("no feedback in the workspace yet"), "\(none)")
        guard case let .failure(one) = try run(kind, on: ["The app crashes when I export"]) else { Issue.record("themes from one item"); return }
        #expect(!"\(one)".contains(" 1 items"), "\(one)")
    }

    @Test("100,000 copies of one complaint are one theme named by its words, not a theme of nothing")
    func identicalCopies() {
        let documents = (0..<100_000).map { TextDocument(id: String(format: "%06d", $0), text: "Sync is broken again") }
        let clustering = ThemeClusterer().cluster(documents)
        #expect(clustering.themes.count == 1)
        #expect(clustering.themes.first?.memberIDs.count == 100_000)
        #expect(clustering.themes.first?.label.contains("sync") == true, "\(clustering.themes.first?.label ?? "")")
    }

    @Test("2,000 copies through the summary: the theme is there and quoted")
    func identicalSummary() throws {
        guard case let .success(output) = try run(.summarizeFeedback, on: Array(repeating: "Sync is broken again", count: 2_000)) else {
            Issue.record("no summary")
            return
        }
        #expect(output.content.contains("2000 items, 100% negative"), "\(output.content)")
        #expect(output.content.contains("“Sync is broken again”"))
    }

    @Test("feedback in German: themes named by its own words, never by stop words; the summary does not call it praise")
    func otherLanguage() throws {
        let sentences = ["Die App stürzt beim Export ab", "Synchronisierung funktioniert nicht mehr", "Zu teuer für kleine Firmen",
                         "Bitte einen Dunkelmodus hinzufügen", "Die Belegerkennung liest Beträge falsch"]
        let texts = (0..<200).map { "\(sentences[$0 % sentences.count]) (Kunde \($0))" }
        guard case let .success(themes) = try run(.clusterThemes, on: texts) else { Issue.record("no themes"); return }
        let labels = themes.content.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(labels.count >= 3, "\(themes.content)")
        for label in labels {
            let words = label.dropFirst(3).split { !$0.isLetter }.map { $0.lowercased() }.filter { !$0.allSatisfy(\.isNumber) }
            #expect(!words.isEmpty && !words.allSatisfy { ["die", "der", "das", "und", "nicht", "zu", "für", "beim", "ab", "sie", "einen", "mehr"].contains($0) }, "\(label)")
        }
        guard case let .success(summary) = try run(.summarizeFeedback, on: texts) else { Issue.record("no summary"); return }
        #expect(!summary.content.contains("## What customers like"))
    }
}
