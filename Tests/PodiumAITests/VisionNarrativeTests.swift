import Foundation
import PodiumAI
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// The vision narrative proposes a change the evidence argues for, as a difference from the
/// current texts, or says plainly that it argues for none: never the current text handed
/// back as a proposal. On a labelled product that is not the demo (Ledgerly: Zendesk tickets).
@Suite("Vision narrative", .serialized)
struct VisionNarrativeTests {
    private func narrative(vision: String, goal: String) throws -> (DraftOutput, TemporaryDirectory) {
        let folder = try TemporaryDirectory("podium-vision")
        let imported = try EvidenceSet(named: "ledgerly").makeWorkspace(at: folder.path("ledgerly"))
        try imported.store.write { transaction in
            var product = transaction.product
            product.vision = vision
            product.productGoal = goal
            try transaction.setProduct(product)
        }
        let job = Job(kind: .visionNarrative, stance: .visionary)
        let output = try LocalProvider().run(JobRequest(job: job, snapshot: imported.store.snapshot, now: Timestamp.date(year: 2026, month: 5, day: 4)!),
                                             context: JobContext())
        return (output, folder)
    }

    @Test("a goal silent on the largest pain gets a measurable part for it; the vision stays; both shown as a difference")
    func proposesChange() throws {
        let vision = "Small businesses run their money from one calm place."
        let goal = "Grow the Team plan to 2,000 paying businesses by the end of 2026."
        let (output, folder) = try narrative(vision: vision, goal: goal)
        _ = folder
        let change = try #require(output.proposal?.product)
        #expect(change.vision == vision)
        #expect(change.productGoal != goal && change.productGoal.hasPrefix("Grow the Team plan to 2,000 paying businesses by the end of 2026"))
        #expect(change.productGoal.contains("halve the complaints about") && change.productGoal.contains("by 2026-09-30"), "\(change.productGoal)")
        #expect(output.content.contains("## What changes"))
        #expect(output.content.contains("- Vision: unchanged."))
        #expect(output.content.contains("- Product goal, now: \(goal)") && output.content.contains("- Product goal, proposed: \(change.productGoal)"))
        #expect(output.title == "Vision and product goal: a proposed change")
        #expect(output.evidence.contains { $0.reference.kind == .feedback })
    }

    @Test("the pain is shown by its complaints, never by praise; a pain smaller than one the goal speaks of is not called the largest")
    func painShownByComplaints() throws {
        let vision = "Small businesses run their money from one calm place."
        let (first, folder) = try narrative(vision: vision, goal: "Grow the Team plan.")
        _ = folder
        let quoted = first.evidence.filter { $0.reference.kind == .feedback && ($0.detail ?? "").hasPrefix("pain:") }.map(\.reference.id)
        #expect(!quoted.isEmpty)
        let set = try EvidenceSet(named: "ledgerly")
        let labels = try #require(try ThemeLabels(set))
        let byText = try FeedbackTexts.byExportID(set)
        let sentiment = Dictionary(labels.items.compactMap { item in byText[item.feedback].map { ($0, item.sentiment) } }, uniquingKeysWith: { first, _ in first })
        let folderSnapshot = try WorkspaceStore.open(at: folder.path("ledgerly")).snapshot
        for id in quoted {
            let text = try #require(folderSnapshot.feedback[RecordID(id)]?.text)
            #expect(sentiment[text] != "positive", "praise shown as the pain: \(text)")
        }
        // Name the largest pain in the goal: the next one is not called the largest of all.
        let largest = try #require(first.content.firstMatch(of: #/The largest pain customers name, (.+?) — /#)).1
        let (second, other) = try narrative(vision: vision, goal: "Fix \(largest) for every business.")
        _ = other
        #expect(!second.content.contains("The largest pain customers name, "), "\(second.content)")
    }

    @Test("when the goal already speaks of the pains, it says plainly that the evidence suggests no change, and why")
    func noChange() throws {
        // First learn the themes, then write a goal that names each of them.
        let vision = "Small businesses run their money from one calm place."
        let (first, folder) = try narrative(vision: vision, goal: "Grow the Team plan.")
        _ = folder
        let labels = first.figures.map { $0.name.replacingOccurrences(of: ": items", with: "").replacingOccurrences(of: " · ", with: " and ") }
        #expect(labels.count >= 3)
        let goal = "Fix " + labels.joined(separator: "; ") + " for every business, then grow the Team plan."
        let (output, other) = try narrative(vision: vision, goal: goal)
        _ = other
        #expect(output.content.contains("## No change proposed"), "\(output.content)")
        #expect(output.content.contains("The evidence suggests no change: the pains customers name ("))
        #expect(!output.content.contains("## What changes"))
        #expect(output.title == "Vision and product goal: no change proposed")
        #expect(output.proposal?.product == ProductChange(vision: vision, productGoal: goal))
    }

    @Test("with no vision and no goal, both are written from the evidence")
    func fromNothing() throws {
        let (output, folder) = try narrative(vision: "", goal: "")
        _ = folder
        let change = try #require(output.proposal?.product)
        #expect(!change.vision.isEmpty && !change.productGoal.isEmpty)
        #expect(output.content.contains("- Vision, now: (none)") && output.content.contains("- Product goal, now: (none)"))
    }
}
