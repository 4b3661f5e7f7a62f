import PodiumCore
import PodiumDemo
import PodiumStore
import PodiumViewModels
import Testing

/// The links the panes show are worked out once per change, and read the same as when they
/// were found on every key.
@Suite("Evidence index")
struct EvidenceIndexTests {
    @Test("each backlog item's newest linked feedback and its counts are what a sort of all its links gives")
    func newestAsSorted() throws {
        let snapshot = demoSnapshot(feedback: 2_000)
        let index = EvidenceIndex(snapshot)
        var checked = 0
        for item in snapshot.backlog.values where !item.allLinkedFeedback.isEmpty {
            let links = index.newest(of: item, in: snapshot)
            func sorted(_ ids: [RecordID<FeedbackItem>]) -> [RecordID<FeedbackItem>] {
                ids.compactMap { snapshot.feedback[$0] }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.map(\.id)
            }
            #expect(links.demand.map(\.id) == Array(sorted(item.linkedFeedback).prefix(EvidenceIndex.quoted)))
            #expect(links.praise.map(\.id) == Array(sorted(item.validatingFeedback).prefix(EvidenceIndex.quoted)))
            #expect(links.demandCount == sorted(item.linkedFeedback).count)
            #expect(links.praiseCount == sorted(item.validatingFeedback).count)
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("the Decision Maker's detail reads the same from the index as found directly")
    func detailSame() {
        let snapshot = demoSnapshot(feedback: 2_000)
        let index = EvidenceIndex(snapshot)
        for item in snapshot.backlog.values {
            let indexed = Panes.detail(for: .decisionMaker, id: item.id.rawValue, in: snapshot, evidence: index)
            let direct = Panes.detail(for: .decisionMaker, id: item.id.rawValue, in: snapshot)
            #expect(indexed == direct, "\(item.title)")
        }
    }

    @Test("feedback that is evidence for two items lists both titles in backlog order, praise marked; unlinked feedback none")
    func titles() throws {
        var snapshot = demoSnapshot(feedback: 300)
        let ordered = snapshot.orderedBacklog
        let feedback = try #require(snapshot.feedback.values.first { item in !ordered.contains { $0.allLinkedFeedback.contains(item.id) } })
        #expect(EvidenceIndex(snapshot)[feedback.id.rawValue] == nil)
        var first = ordered[0], second = ordered[1]
        first.link(feedback.id, as: .validation)
        second.link(feedback.id, as: .demand)
        snapshot.backlog[first.id] = first
        snapshot.backlog[second.id] = second
        #expect(EvidenceIndex(snapshot)[feedback.id.rawValue] == [first.title + " (praise)", second.title])
    }

    @Test("a backlog item the index does not hold yet is found directly")
    func notIndexed() {
        let snapshot = demoSnapshot(feedback: 300)
        let item = snapshot.orderedBacklog[0]
        #expect(EvidenceIndex.empty.newest(of: item, in: snapshot) == EvidenceIndex(snapshot).newest(of: item, in: snapshot))
        #expect(EvidenceIndex.empty.newest(of: item, in: snapshot).demandCount == item.linkedFeedback.count)
    }
}
