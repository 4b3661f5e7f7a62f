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
    @Test("stands are placed on the items the notes are about, and the labelled conflict shows", arguments: EvidenceSet.names)
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
        #expect(stands.isEmpty || Double(onItem) / Double(stands.count) >= 0.4, "\(name): most stands are about what the notes are about")
        // The labelled conflict: someone against what many customers ask for.
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .stakeholderSynthesis, stance: .collaborator), snapshot: snapshot), context: JobContext())
        print(output.content.components(separatedBy: "## Agreements").first ?? "")
    }
}
