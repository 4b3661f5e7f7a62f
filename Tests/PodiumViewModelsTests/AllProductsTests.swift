import Foundation
import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore
@testable import PodiumViewModels
import Testing

/// The Orchestrator's All products view: every product's drafts waiting and jobs running,
/// review in place, Enter opening another product at its draft.
@Suite("All products view")
struct AllProductsTests {
    let sentiment = Draft(kind: .tagSentiment, stance: .customerRepresentative, title: "Sentiment of 40 items", content: "-")
    let order = Draft(kind: .orderBacklog, stance: .decisionMaker, title: "A new backlog order", content: "-")
    let summary = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Trail feedback summary", content: "- point")

    /// Fieldnote (the demo, open now), Ledgerly with two drafts and a job running, Trailmix with one draft, Oldco missing.
    func portfolio(readAt: Date = Date()) -> PortfolioInbox {
        var job = Job(kind: .clusterThemes, stance: .customerRepresentative, status: .running)
        job.runner = JobRunner.current
        return PortfolioInbox(products: [
            .init(name: "Fieldnote", path: "/w/a", state: "ok", isCurrent: true, drafts: []),
            .init(name: "Ledgerly", path: "/w/b", state: "ok (git clone)", isCurrent: false, drafts: [order, sentiment], jobs: [job]),
            .init(name: "Trailmix", path: "/w/c", state: "ok", isCurrent: false, drafts: [summary]),
            .init(name: "Oldco", path: "/w/d", state: "missing (moved, deleted or on a disk not plugged in)", isCurrent: false, drafts: nil),
        ], readAt: readAt)
    }

    /// The demo with two drafts of its own waiting.
    func here() -> WorkspaceSnapshot {
        var snapshot = demoSnapshot()
        for title in ["Fieldnote feedback summary", "Fieldnote themes"] {
            let draft = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: title, content: "-")
            snapshot.drafts[draft.id] = draft
        }
        return snapshot
    }

    /// The demo open, the Orchestrator's All products view shown and read.
    func shown(_ snapshot: WorkspaceSnapshot? = nil) -> AppState {
        var state = AppState(snapshot: snapshot ?? here(), location: "/w/a")
        _ = state.update(.resized(width: 160, height: 50))
        _ = state.press(.character("7"))
        #expect(state.press(.character("v")) == [.readPortfolio(.inbox)])
        #expect(state.focusedContent.summary.first?.text == "Reading the products' drafts and jobs…")
        #expect(state.press(.character("v"), .character("v"), .character("v"), .character("v"), .character("v")) == [],
                "going round the views and back reads once while a reading is under way")
        _ = state.update(.portfolioRead(portfolio(), for: .inbox))
        return state
    }

    func select(_ title: String, in state: inout AppState) {
        let rows = state.visibleRows(state.focused)
        guard let position = rows.firstIndex(where: { $0.cells[5].hasPrefix(title) }) else {
            Issue.record("no row “\(title)” in \(rows.map(\.cells))")
            return
        }
        _ = state.press(.character("g"))
        for _ in 0..<position { _ = state.press(.character("j")) }
    }

    @Test("every product's drafts with their product, this product's from its live workspace, jobs running first, a missing product said")
    func listing() {
        let state = shown()
        let content = state.focusedContent
        let rows = state.visibleRows(state.focused)
        let here = state.snapshot.drafts.values.filter { $0.status == .pending || $0.status == .interrupted }
        #expect(!here.isEmpty)
        #expect(rows.count == here.count + 3 + 1)
        #expect(rows[0].cells[0] == "Ledgerly" && rows[0].cells[1] == "job" && rows[0].cells[2] == "running")
        #expect(rows.filter { $0.cells[0] == "Fieldnote" }.count == here.count)
        #expect(rows.contains { $0.cells[0] == "Trailmix" && $0.cells[5] == "Trail feedback summary · low risk · by local" })
        #expect(rows.contains { $0.cells[0] == "Ledgerly" && $0.cells[5].hasPrefix("A new backlog order · high risk") })
        let lines = content.summary.map(\.text)
        #expect(lines.contains("Fieldnote (open now): \(Format.count(here.count, "draft")) waiting"))
        #expect(lines.contains("Ledgerly: 2 drafts waiting · 1 job running · ok (git clone)"))
        #expect(lines.contains("Oldco: missing (moved, deleted or on a disk not plugged in)"))
        #expect(content.counts == "\(here.count + 3) drafts waiting in 3 products · 1 job running")
    }

    @Test("Space marks low-risk drafts of any product; a accepts the marked ones, each with its workspace; u undoes in each workspace")
    func acceptAcross() {
        var state = shown()
        select("A new backlog order", in: &state)
        _ = state.press(.character(" "))
        #expect(state.message?.hasPrefix("order-backlog is high risk: read it whole (Enter opens it in Ledgerly)") == true)
        select("Sentiment of 40 items", in: &state)
        _ = state.press(.character(" "))
        select("Trail feedback summary", in: &state)
        _ = state.press(.character(" "))
        #expect(state.message?.contains("2 marked") == true)
        #expect(state.visibleRows(state.focused).filter { $0.cells[1] == "✓ draft" }.count == 2)
        let effects = state.press(.character("a"))
        let expected = [ProductDraft(path: "/w/b", product: "Ledgerly", id: sentiment.id, title: sentiment.title),
                        ProductDraft(path: "/w/c", product: "Trailmix", id: summary.id, title: summary.title)]
        guard case let .reviewInProducts(true, chosen, nil) = effects.first, effects.count == 1 else {
            Issue.record("not one accept: \(effects)")
            return
        }
        #expect(Set(chosen) == Set(expected), "in the order the list shows them, newest first")
        #expect(state.message == "Accepting 2 drafts in 2 products…")
        #expect(state.panes[state.focused].marked.isEmpty)
        _ = state.update(.portfolioReviewed(PortfolioReviewOutcome(accepted: expected, failures: ["Oldco: gone"])))
        #expect(state.message == "Accepted 2 drafts in 2 products · u undoes · 1 not done: Oldco: gone")
        #expect(state.press(.character("u")) == [.write(.inProducts([
            ProductEdit(path: "/w/b", product: "Ledgerly", edit: .undoAcceptances([sentiment.id])),
            ProductEdit(path: "/w/c", product: "Trailmix", edit: .undoAcceptances([summary.id])),
        ]), summary: "Undo: accepted 2 drafts in 2 products")])
    }

    @Test("a on a high-risk draft asks to read it first; x rejects it where it is, with the reason typed")
    func rejectInPlace() {
        var state = shown()
        select("A new backlog order", in: &state)
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.message?.contains("read it whole before accepting it (Enter opens it in Ledgerly)") == true)
        #expect(state.press(.character("x")).isEmpty)
        guard case let .prompt(prompt) = state.mode else {
            Issue.record("no prompt: \(state.mode)")
            return
        }
        #expect(prompt.label == "Reject “A new backlog order” in Ledgerly: why (optional; Esc keeps it)")
        state.type("out of date")
        #expect(state.press(.enter) == [.reviewInProducts(accept: false, drafts: [ProductDraft(path: "/w/b", product: "Ledgerly", id: order.id, title: order.title)],
                                                          reason: "out of date")])
        #expect(state.message == "Rejecting “A new backlog order” in Ledgerly…")
    }

    @Test("Enter opens another product at its draft, this product's draft for review, a job's detail; arriving opens the draft")
    func enter() {
        let snapshot = here()
        var state = shown(snapshot)
        select("Trail feedback summary", in: &state)
        #expect(state.press(.enter) == [.openProduct(path: "/w/c", draft: summary.id)])
        #expect(state.message == "Opening Trailmix at “Trail feedback summary”…")
        let own = state.visibleRows(state.focused).first { $0.cells[0] == "Fieldnote" }!
        select(own.cells[5].components(separatedBy: " · ")[0], in: &state)
        #expect(state.press(.enter).isEmpty)
        #expect(state.mode == .draft(AppState.DraftView(id: RecordID(own.id))))
        _ = state.press(.escape)
        _ = state.press(.character("g"))
        #expect(state.press(.enter).isEmpty)
        #expect(state.mode == .detail(scroll: 0), "the job running in Ledgerly shows its detail")
        #expect(state.focusedView.detail(of: state.selectedRow!.id, in: state.snapshot, evidence: .empty, settings: state.paneSettings)
            .first?.text == "In Ledgerly · Enter opens it there")

        var arrived = AppState(snapshot: snapshot, location: "/w/a")
        arrived.review(arrivingAt: RecordID(own.id))
        #expect(arrived.mode == .draft(AppState.DraftView(id: RecordID(own.id))))
        #expect(arrived.focusedStance == .orchestrator)
        var gone = AppState(snapshot: demoSnapshot(), location: "/w/a")
        gone.review(arrivingAt: summary.id)
        #expect(gone.mode == .normal && gone.message == "That draft is no longer in Fieldnote.")
    }

    @Test("while shown, the portfolio is read again when its reading is five seconds old, once at a time; not when another view is shown")
    func rereading() {
        var state = shown()
        let start = Date()
        state.now = { start }
        _ = state.update(.portfolioRead(portfolio(readAt: start), for: .inbox))
        #expect(state.update(.tick) == [])
        state.now = { start.addingTimeInterval(6) }
        #expect(state.update(.tick) == [.readPortfolio(.inbox)])
        #expect(state.update(.tick) == [], "a reading is under way")
        _ = state.update(.portfolioRead(portfolio(readAt: start.addingTimeInterval(6)), for: .inbox))
        state.now = { start.addingTimeInterval(20) }
        _ = state.press(.character("v"))
        #expect(state.update(.tick) == [], "the rules view does not read the portfolio")
    }

    @Test("reading the portfolio again keeps the selection on its draft when a new one arrives above it")
    func selectionStays() {
        var state = shown()
        select("Trail feedback summary", in: &state)
        let before = state.selectedRow?.id
        var later = portfolio()
        let newer = Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "Filed by an agent just now", content: "-")
        later.products[2].drafts = [newer, summary]
        _ = state.update(.portfolioRead(later, for: .inbox))
        #expect(state.visibleRows(state.focused).contains { $0.cells[5].hasPrefix("Filed by an agent just now") })
        #expect(state.selectedRow?.id == before && before != nil, "x now would still reject the draft the reviewer was on")
    }

    @Test("no list yet: the view says how to make one, and still lists this product's drafts")
    func noList() {
        var state = AppState(snapshot: here(), location: "/w/a")
        _ = state.press(.character("7"), .character("v"))
        let here = PortfolioInbox.Product(name: "Fieldnote", path: "/w/a", state: "ok", isCurrent: true, isListed: false, drafts: [])
        _ = state.update(.portfolioRead(PortfolioInbox(products: [here], readAt: Date()), for: .inbox))
        #expect(state.focusedContent.summary.map(\.text).contains { $0.hasPrefix("Fieldnote (open now, not on the list)") })
        #expect(state.focusedContent.emptyMessage.hasPrefix("No products on the list yet: podium workspaces add PATH"))
        #expect(!state.visibleRows(state.focused).isEmpty)
    }
}
