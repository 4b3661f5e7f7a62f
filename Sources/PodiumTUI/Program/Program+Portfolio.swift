import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// The portfolio in the program: it is read off the main loop (opening several workspaces
/// takes a moment) and comes back as `Msg.portfolioRead`; drafts of other products are
/// reviewed, and those reviews undone, in the workspaces that hold them, off the main loop too.
extension Program {
    func readPortfolio(for request: PortfolioRequest) -> [Msg] {
        guard let portfolio else { return [.portfolioRead(PortfolioInbox(products: [], readAt: Date()), for: request)] }
        DispatchQueue.global(qos: .userInitiated).async { [mailbox] in
            mailbox.post(outcomes: [.portfolioRead(portfolio(), for: request)])
        }
        return []
    }

    /// Accepts or rejects `drafts`, each in its own workspace (this one's through this store);
    /// one that fails is reported and the others go on. The portfolio is read again after.
    func review(inProducts drafts: [ProductDraft], accept: Bool, reason: String?) -> [Msg] {
        let verb = accept ? "accepting " : "rejecting "
        return inProducts(verb + AppState.describe(drafts)) { reviewers in
            var outcome = PortfolioReviewOutcome()
            for draft in drafts {
                do {
                    let reviewer = try reviewers(draft.path)
                    if accept {
                        try reviewer.accept(draft.id, note: "Accepted from the All products view")
                        outcome.accepted.append(draft)
                    } else {
                        try reviewer.reject(draft.id, reason: reason ?? "Rejected from the All products view")
                        outcome.rejected.append(draft)
                    }
                } catch {
                    outcome.failures.append("\(draft.product): \(error)")
                }
            }
            return [.portfolioReviewed(outcome)]
        }
    }

    /// Takes back reviews made from the All products view, in each workspace that holds them.
    func undo(inProducts edits: [ProductEdit]) -> [Msg] {
        inProducts("undoing reviews in " + Format.count(Set(edits.map(\.path)).count, "product")) { reviewers in
            var titles: [String] = [], failures: [String] = []
            var verb = ("reviewing", "reviews")
            for edit in edits {
                do {
                    let reviewer = try reviewers(edit.path)
                    switch edit.edit {
                    case let .undoAcceptances(ids):
                        verb = ("accepting", "acceptances")
                        for id in ids.reversed() { titles.append(try reviewer.undoAccept(id).title) }
                    case let .undoRejections(ids):
                        verb = ("rejecting", "rejections")
                        for id in ids { titles.append(try reviewer.undoReject(id).title) }
                    default:
                        failures.append("\(edit.product): this change is undone in its own product")
                    }
                } catch {
                    failures.append("\(edit.product): \(error)")
                }
            }
            return [.orchestrated(.reviewsUndone(verb: verb.0, plural: verb.1, titles: titles, failures: failures))]
        }
    }

    /// Runs `work` off the main loop with a reviewer for each workspace path (this one's
    /// store for this workspace; another is opened, drafts and jobs first, once), then shows
    /// this workspace as it is and reads the portfolio again.
    private func inProducts(_ label: String,
                            _ work: @escaping @Sendable (_ reviewer: (String) throws -> DraftReview) -> [Msg]) -> [Msg] {
        let store = store, here = store.layout.root.standardizedFileURL.resolvingSymlinksInPath().path
        let portfolio = portfolio
        return inBackground(label) {
            var opened: [String: DraftReview] = [:]
            let outcome = work { path in
                if path == here { return DraftReview(store: store) }
                if let reviewer = opened[path] { return reviewer }
                let other = try WorkspaceStore.open(at: URL(fileURLWithPath: path), deferring: PortfolioMember.notForTheInbox)
                let reviewer = DraftReview(store: other)
                opened[path] = reviewer
                return reviewer
            }
            return [Self.prepared(store)] + outcome + (portfolio.map { [.portfolioRead($0(), for: .inbox)] } ?? [])
        }
    }
}
