import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
@testable import PodiumAI
import Testing

/// stakeholder-synthesis on the labelled sets: each stakeholder's stand on the backlog items
/// they speak of, against the positions labelled in stakeholders.json.
@Suite("Stakeholder stands on labelled sets")
struct StakeholderStandTests {
    @Test("stands are placed on the items the notes are about; an objection to what customers ask for is a conflict", arguments: EvidenceSet.names)
    func stands(name: String) throws {
        let folder = try TemporaryDirectory("podium-stands")
        let (imported, draft, _) = try EvidenceLinkTests.linkDraft(name, in: folder)
        try DraftReview(store: imported.store).accept(draft.id)
        let snapshot = imported.store.snapshot
        let keyOf = Dictionary(imported.backlog.map { ($0.value, $0.key) }, uniquingKeysWith: { $0.count >= $1.count ? $0 : $1 })
        let recipe = Recipe(request: JobRequest(job: Job(kind: .stakeholderSynthesis, stance: .collaborator), snapshot: snapshot), context: JobContext())
        let stands = recipe.stakeholderStands(snapshot.stakeholders.all).stands
        let labels = try imported.set.positions()
        let labelledItems = Set(labels.map { $0.stakeholder + "|" + $0.backlog })
        let labelledSides = Dictionary(labels.map { ($0.stakeholder + "|" + $0.backlog, $0.position) }, uniquingKeysWith: { first, _ in first })
        var onItem = 0, sideRight = 0
        for stand in stands {
            let key = stand.stakeholder.name + "|" + (keyOf[stand.item.id] ?? "?")
            guard labelledItems.contains(key) else { continue }
            onItem += 1
            let labelled = labelledSides[key] ?? ""
            let opposed = labelled == "against" || labelled == "worries"
            if stand.position.isOpposed == opposed && stand.position != .mentions { sideRight += 1 }
        }
        print("\(name): \(stands.count) stands, \(onItem) on a labelled stakeholder–item pair (of \(labels.count) labelled), \(sideRight) on the labelled side")
        // Where they are placed is right about nine times in ten on the four sets; which side
        // they are on only about half the time (see the closing note of issue 17).
        #expect(!stands.isEmpty, "\(name): the notes speak of backlog items")
        #expect(Double(onItem) >= 0.7 * Double(stands.count), "\(name): \(onItem) of \(stands.count) stands on a labelled stakeholder–item pair")
        // Every objection to an item customers ask for shows as a conflict, naming both.
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .stakeholderSynthesis, stance: .collaborator), snapshot: snapshot), context: JobContext())
        let conflicts = output.content.components(separatedBy: "## Agreements").first ?? ""
        for stand in stands where stand.position == .against && stand.item.linkedFeedback.count >= 3 {
            let line = conflicts.split(separator: "\n").first { $0.contains("[#\(stand.item.id.short)]") }
            #expect(line?.contains(stand.stakeholder.name) == true && line?.contains("customers ask for it") == true,
                    "\(name): \(stand.stakeholder.name) is against “\(stand.item.title)”, which customers ask for: \(line ?? "no conflict line")")
        }
    }

    @Test("a sentence that names an item's tracker key is about that item, whatever its words; a key is matched whole")
    func namedByKey() throws {
        let (folder, store) = try makeWorkspace()
        defer { withExtendedLifetime(folder) {} }
        let customs = BacklogItem(key: "#237", title: "CN22/CN23 + commercial invoice prefill from catalog HS codes", order: 1)
        let other = BacklogItem(key: "#23", title: "Dark mode for the label editor", order: 2)
        let sales = Stakeholder(name: "Aisha Rahman", role: "Head of Sales", influence: 4,
                                notes: "UK merchants selling into the EU ask about customs paperwork (#237) in nearly every demo since Brexit.")
        try store.write { transaction in try transaction.save(all: [customs, other]); try transaction.save(sales) }
        let snapshot = store.snapshot
        let recipe = Recipe(request: JobRequest(job: Job(kind: .stakeholderSynthesis, stance: .collaborator), snapshot: snapshot), context: JobContext())
        let (stands, unplaced) = recipe.stakeholderStands(snapshot.stakeholders.all)
        #expect(stands.map(\.item.id) == [customs.id], "\(stands.map(\.item.title))")
        #expect(unplaced.isEmpty, "the sentence is not an open question: \(unplaced.map(\.1))")
        #expect(Recipe.sentence("see #237.", names: "#237") && !Recipe.sentence("see #237.", names: "#23"))
        #expect(Recipe.sentence("LED-106 first", names: "led-106") && !Recipe.sentence("LED-1060 first", names: "LED-106"))
    }
}
