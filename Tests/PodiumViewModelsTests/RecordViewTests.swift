import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
@testable import PodiumViewModels
import Testing

/// The record view: a backlog item's feedback (demand apart from praise) to follow, the
/// citations of a draft or an accepted text to open, and the way back with Esc.
@Suite("Record view")
struct RecordViewTests {
    /// The demo with praise on a backlog item that has demand, the Decision Maker pane on that item.
    private func backlogState() -> (AppState, BacklogItem) {
        var snapshot = demoSnapshot()
        var item = snapshot.orderedBacklog.first { $0.linkedFeedback.count >= 2 && $0.status != .dropped }!
        let praise = snapshot.feedback.values.filter { !item.linkedFeedback.contains($0.id) }.max { $0.createdAt < $1.createdAt }!
        for id in item.validatingFeedback { item.unlink(id) }
        item.link(praise.id, as: .validation)
        snapshot.backlog[item.id] = item
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("4"))
        let position = state.visibleRows(state.focused).firstIndex { $0.id == item.id.rawValue }!
        for _ in 0..<position { _ = state.press(.character("j")) }
        return (state, item)
    }

    @Test("the backlog item's detail counts demand apart from praise, newest first; the EVID column counts demand only")
    func backlogDetail() {
        let (state, item) = backlogState()
        let lines = Panes.detail(for: .decisionMaker, id: item.id.rawValue, in: state.snapshot).map(\.text)
        #expect(lines.contains("Demand: \(item.linkedFeedback.count) feedback items (the evidence counted)"))
        #expect(lines.contains("Praise: 1 feedback item (kept apart, never counted as demand)"))
        let demand = item.linkedFeedback.compactMap { state.snapshot.feedback[$0] }.sorted { $0.createdAt > $1.createdAt }
        let quoted = lines.filter { $0.hasPrefix("• ") }
        #expect(quoted.first?.hasPrefix("• \(Format.day(demand[0].createdAt)) ") == true, "newest first")
        #expect(quoted.count == min(5, demand.count) + 1)
        #expect(state.selectedRow?.cells[4] == String(item.linkedFeedback.count), "EVID counts demand, not praise")
        let praised = Panes.detail(for: .customerRepresentative, id: item.validatingFeedback[0].rawValue, in: state.snapshot,
                                   evidence: EvidenceIndex(state.snapshot)).map(\.text)
        #expect(praised.contains { $0.hasPrefix("Evidence for: ") && $0.contains(Format.clean(item.title) + " (praise)") })
    }

    @Test("Enter on a backlog item opens its record: j/k over its feedback, Enter reads one, Esc comes back step by step")
    func followFeedback() throws {
        var (state, item) = backlogState()
        _ = state.press(.enter)
        guard case let .record(trail) = state.mode else { Issue.record("Enter opens the record view: \(state.mode)"); return }
        #expect(trail == RecordTrail(ArtifactReference(.backlog, item.id), from: .list))
        let page = try #require(state.openRecordPage)
        let demand = item.linkedFeedback.compactMap { state.snapshot.feedback[$0] }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        #expect(page.links.map(\.group) == Array(repeating: "Demand", count: demand.count) + ["Praise"])
        #expect(page.links.map(\.reference) == demand.map { ArtifactReference(.feedback, $0.id) } + [ArtifactReference(.feedback, item.validatingFeedback[0])])
        _ = state.press(.character("j"))
        _ = state.press(.enter)
        guard case let .record(deeper) = state.mode else { Issue.record("Enter opens the feedback"); return }
        #expect(deeper.steps.count == 2)
        #expect(deeper.current.reference == ArtifactReference(.feedback, demand[1].id))
        let feedbackPage = try #require(state.openRecordPage)
        #expect(feedbackPage.lines.contains { $0.text.contains(Format.clean(demand[1].text, lines: true)) }, "the feedback's full record")
        #expect(feedbackPage.links.contains { $0.reference == ArtifactReference(.backlog, item.id) && $0.group == "Demand for" })
        _ = state.press(.escape)
        guard case let .record(back) = state.mode else { Issue.record("Esc goes back one record"); return }
        #expect(back.steps.count == 1)
        #expect(back.current.selected == 1, "the item's record is as it was left")
        _ = state.press(.escape)
        #expect(state.mode == .normal)
        #expect(state.selectedRow?.id == item.id.rawValue)
    }

    @Test("O opens any row's record; from a detail, Esc comes back to the detail")
    func openFromDetail() {
        var (state, _) = backlogState()
        _ = state.press(.character("3"), .enter)
        #expect(state.mode == .detail(scroll: 0), "Enter still reads a feedback item")
        _ = state.press(.character("O"))
        guard case let .record(trail) = state.mode else { Issue.record("O opens the record: \(state.mode)"); return }
        #expect(trail.origin == .detail(scroll: 0))
        #expect(trail.current.reference.kind == .feedback)
        _ = state.press(.escape)
        #expect(state.mode == .detail(scroll: 0))
    }

    @Test("in a draft, n picks its citations in order and Enter opens one; Esc returns to the draft where it was; an id that matches nothing says so")
    func draftCitations() throws {
        var snapshot = demoSnapshot()
        let feedback = Array(snapshot.feedback.values.sorted { $0.id < $1.id }.prefix(2))
        let item = try #require(snapshot.orderedBacklog.first)
        let draft = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Summary",
                          content: "- Sync fails [#\(feedback[1].id.short)]\n- Photos [#\(feedback[0].id.short), #\(item.id.short)]\n- Invented [#deadbeef]",
                          evidence: [Evidence(ArtifactReference(.feedback, feedback[0].id)), Evidence(ArtifactReference(.feedback, feedback[1].id))])
        snapshot.drafts[draft.id] = draft
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        state.mode = .draft(AppState.DraftView(id: draft.id))
        let citations = state.citations(of: draft)
        #expect(citations.map(\.reference) == [ArtifactReference(.feedback, feedback[1].id), ArtifactReference(.feedback, feedback[0].id),
                                               ArtifactReference(.backlog, item.id), nil], "in the order the text cites them, the backlog id resolved against the workspace")
        _ = state.press(.character("n"))
        #expect(state.mode == .draft(AppState.DraftView(id: draft.id, panel: .evidence, citation: 0)))
        #expect(state.message?.hasPrefix("Citation 1 of 4: ") == true)
        _ = state.press(.character("n"), .character("n"), .character("n"))
        #expect(state.message == "Citation 4 of 4: #deadbeef — matches no record in the workspace · Enter opens it · n/N next/previous")
        _ = state.press(.enter)
        #expect(state.message == "#deadbeef — matches no record in the workspace")
        #expect(state.mode == .draft(AppState.DraftView(id: draft.id, panel: .evidence, citation: 3)), "nothing to open: the draft stays")
        _ = state.press(.character("N"), .character("N"))
        _ = state.press(.enter)
        guard case let .record(trail) = state.mode else { Issue.record("Enter opens the citation: \(state.mode)"); return }
        #expect(trail.current.reference == ArtifactReference(.feedback, feedback[0].id))
        #expect(trail.origin == .draft(AppState.DraftView(id: draft.id, panel: .evidence, citation: 1)))
        _ = state.press(.escape)
        #expect(state.mode == .draft(AppState.DraftView(id: draft.id, panel: .evidence, citation: 1)), "back in the draft where it was")
    }

    @Test("an accepted text's citations open from its record: a communication in 6, the accepted summary with M in 3")
    func acceptedTexts() throws {
        var snapshot = demoSnapshot()
        let feedback = try #require(snapshot.feedback.values.sorted { $0.id < $1.id }.first)
        let message = Communication(title: "Update", audience: "leadership", kind: .stakeholderUpdate,
                                    body: "Offline sync is the top complaint [#\(feedback.id.short)].")
        snapshot.communications[message.id] = message
        var summary = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Accepted summary",
                            content: "- Offline [#\(feedback.id.short)]", evidence: [Evidence(ArtifactReference(.feedback, feedback.id))], status: .accepted)
        summary.reviewedAt = Date()
        snapshot.drafts[summary.id] = summary
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("6"))
        let position = try #require(state.visibleRows(state.focused).firstIndex { $0.id == message.id.rawValue })
        for _ in 0..<position { _ = state.press(.character("j")) }
        _ = state.press(.character("O"))
        let page = try #require(state.openRecordPage)
        #expect(page.links.map(\.reference) == [ArtifactReference(.feedback, feedback.id)])
        #expect(page.links.map(\.group) == ["Cited"])
        _ = state.press(.enter)
        guard case let .record(trail) = state.mode else { Issue.record("Enter opens the cited feedback"); return }
        #expect(trail.current.reference == ArtifactReference(.feedback, feedback.id))
        _ = state.press(.escape, .escape)
        #expect(state.mode == .normal)
        _ = state.press(.character("3"), .character("M"))
        guard case let .record(summaryTrail) = state.mode else { Issue.record("M opens the accepted summary"); return }
        #expect(summaryTrail.current.reference == ArtifactReference(.draft, summary.id))
        #expect(state.openRecordPage?.links.map(\.reference) == [ArtifactReference(.feedback, feedback.id)])
    }

    @Test("cited ids are read in their forms: short, upper case, several in one bracket, a whole UUID")
    func citationForms() {
        #expect(Citations.shortIDs(in: "a [#1a2b3c4d] b [#5E6F7A8B, #1a2b3c4d] c [#0190d2c3-1111-7222-8333-94445555aaaa] d #ffffffff") ==
            ["1a2b3c4d", "5e6f7a8b", "5555aaaa"])
    }

    @Test("a backlog item's detail quotes its five newest linked items, demand apart from praise, and counts the rest")
    func evidenceQuotesNewest() throws {
        var snapshot = demoSnapshot()
        var item = try #require(snapshot.orderedBacklog.first)
        for id in item.allLinkedFeedback { item.unlink(id) }
        for feedback in snapshot.feedback.all.prefix(9) { item.link(feedback.id, as: .demand) }
        snapshot.backlog[item.id] = item
        let linked = item.linkedFeedback.compactMap { snapshot.feedback[$0] }
        let expected = linked.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.prefix(5).map { "• \(Format.day($0.createdAt)) " + Format.clean($0.text) }
        let lines = Panes.detail(for: .decisionMaker, id: item.id.rawValue, in: snapshot).map(\.text)
        let quoted = lines.filter { $0.hasPrefix("• ") }.prefix(5).map { line in expected.first { line.hasPrefix($0) } }
        #expect(quoted.count == 5 && quoted.allSatisfy { $0 != nil }, "\(lines)")
        #expect(zip(quoted.compactMap { $0 }, expected).allSatisfy { $0 == $1 }, "newest first")
        #expect(lines.contains("  … and \(linked.count - 5) more"))
        snapshot.feedback[linked[0].id] = nil  // a linked item deleted since is not counted
        #expect(Panes.detail(for: .decisionMaker, id: item.id.rawValue, in: snapshot).map(\.text).contains("  … and \(linked.count - 6) more"))
    }
}
