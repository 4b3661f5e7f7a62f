import Foundation
import PodiumCore
import PodiumEngine
import PodiumRender

/// The Orchestrator's All products view: every product's drafts waiting and jobs running,
/// read again every few seconds while it is shown; low-risk drafts accepted and any draft
/// rejected where they are, and Enter opening a draft's product at that draft.
extension AppState {
    /// How old the portfolio shown may get before it is read again (while the view is shown).
    static let portfolioRereadInterval: TimeInterval = 5

    /// Whether the All products view is on screen.
    var showsAllProducts: Bool { focused == orchestratorIndex && orchestratorView == .allProducts }

    /// Reads the portfolio now (once at a time).
    mutating func readPortfolio() -> [Effect] {
        guard !portfolioReading else { return [] }
        portfolioReading = true
        return [.readPortfolio(.inbox)]
    }

    /// On a tick: the portfolio is read again when the view is shown and its reading is old.
    mutating func readPortfolioIfDue() -> [Effect] {
        guard showsAllProducts else { return [] }
        let readAt = paneSettings.portfolio?.readAt ?? .distantPast
        guard now().timeIntervalSince(readAt) >= Self.portfolioRereadInterval else { return [] }
        return readPortfolio()
    }

    /// The product and the draft or job of the selected row of the All products view.
    private var selectedInPortfolio: AllProductsView.Found? {
        guard let row = selectedRow, let portfolio = paneSettings.portfolio else { return nil }
        return AllProductsView.find(row.id, in: portfolio, live: snapshot)
    }

    /// Enter: a draft of this product opens for review; a draft of another product opens that
    /// product at the draft; a job shows its detail.
    mutating func openFromAllProducts() -> [Effect] {
        guard let found = selectedInPortfolio else {
            if selectedRow != nil { mode = .detail(scroll: 0) }
            return []
        }
        guard let draft = found.draft else {
            mode = .detail(scroll: 0)
            return []
        }
        if found.product.isCurrent {
            mode = .draft(DraftView(id: draft.id))
            return []
        }
        guard !hasWorkInProgress else {
            message = "Jobs are running here: let them finish (or c cancels one in 7) before opening another product."
            return []
        }
        message = "Opening \(Format.clean(found.product.name)) at “\(Format.clean(draft.title))”…"
        return [.openProduct(path: found.product.path, draft: draft.id)]
    }

    /// Space: marks or unmarks the selected draft, in any product; low-risk pending drafts
    /// only, as in the inbox (high-impact drafts are read one by one).
    mutating func toggleProductMark() {
        guard let row = selectedRow, let found = selectedInPortfolio, let draft = found.draft else {
            message = "Space marks drafts; this row is a job."
            return
        }
        let product = found.product.name
        guard toggleDraftMark(row: row.id, draft, in: product,
                              highRisk: "read it whole (Enter opens it in \(Format.clean(product))). Marking is for low-risk drafts.") else { return }
        rebuildContent(orchestratorIndex)
        _ = perform(.moveDown)
    }

    /// a / x: accepts the marked drafts (or the selected low-risk one), or asks why before
    /// rejecting them (any risk), each in the workspace that holds it.
    mutating func reviewInProducts(accept: Bool) -> [Effect] {
        let index = orchestratorIndex
        guard let portfolio = paneSettings.portfolio else {
            message = "Still reading the products: a moment."
            return []
        }
        let shown = visibleRows(index).map(\.id)
        var chosen = shown.filter(panes[index].marked.contains).compactMap { id in
            AllProductsView.find(id, in: portfolio, live: snapshot).map { (id, $0) }
        }
        if chosen.isEmpty, let row = selectedRow, let found = selectedInPortfolio {
            guard let draft = found.draft else {
                message = "a and x review drafts; this row is a job."
                return []
            }
            if accept, draft.kind.info?.risk != .low {
                message = "\(draft.kind) is \(draft.kind.info?.risk.rawValue ?? "unknown") risk: read it whole before accepting it (Enter opens it in "
                    + Format.clean(found.product.name) + ")."
                return []
            }
            chosen = [(row.id, found)]
        }
        let drafts = chosen.compactMap { _, found in
            found.draft.map { ProductDraft(path: found.product.path, product: found.product.name, id: $0.id, title: $0.title) }
        }
        guard !drafts.isEmpty else {
            message = "Select a draft (or mark low-risk ones with Space) first; Enter reviews one in its product."
            return []
        }
        guard accept else {
            mode = .prompt(Prompt(purpose: .productsRejectReason(drafts), text: ""))
            return []
        }
        panes[index].marked.subtract(chosen.map(\.0))
        rebuildContent(index)
        message = "Accepting " + Self.describe(drafts) + "…"
        return [.reviewInProducts(accept: true, drafts: drafts, reason: nil)]
    }

    /// "“Weekly summary” in Ledgerly", or "4 drafts in 2 products".
    public static func describe(_ drafts: [ProductDraft]) -> String {
        let products = Set(drafts.map(\.path)).count
        if drafts.count == 1 { return "“\(Format.clean(drafts[0].title))” in \(Format.clean(drafts[0].product))" }
        return Format.count(drafts.count, "draft") + " in " + (products == 1 ? Format.clean(drafts[0].product) : Format.count(products, "product"))
    }

    /// Says how a review across products ended and makes it undoable with `u` (in each
    /// workspace that holds a reviewed draft).
    mutating func finishPortfolioReview(_ outcome: PortfolioReviewOutcome) -> [Effect] {
        for (drafts, accepted) in [(outcome.accepted, true), (outcome.rejected, false)] where !drafts.isEmpty {
            let edits = Dictionary(grouping: drafts, by: \.path).sorted { $0.key < $1.key }.map { path, drafts in
                ProductEdit(path: path, product: drafts[0].product,
                            edit: accepted ? .undoAcceptances(drafts.map(\.id)) : .undoRejections(drafts.map(\.id)))
            }
            undoStack.append(UndoEntry(description: (accepted ? "accepted " : "rejected ") + Self.describe(drafts), restore: .inProducts(edits)))
        }
        if undoStack.count > 50 { undoStack.removeFirst(undoStack.count - 50) }
        var parts: [String] = []
        if !outcome.accepted.isEmpty { parts.append("Accepted " + Self.describe(outcome.accepted) + " · u undoes") }
        if !outcome.rejected.isEmpty { parts.append("Rejected " + Self.describe(outcome.rejected) + " · u undoes") }
        if let first = outcome.failures.first {
            parts.append("\(outcome.failures.count) not done: " + Format.clean(first))
        }
        message = parts.joined(separator: " · ")
        return []
    }

    /// Opens the draft `id` for review in the product just opened (from the All products
    /// view), or says it was reviewed meanwhile.
    public mutating func review(arrivingAt id: RecordID<Draft>, listedAs name: String? = nil) {
        focus(orchestratorIndex)
        guard let draft = snapshot.drafts[id] else {
            message = "That draft is no longer in \(productName)."
            return
        }
        guard draft.status == .pending || draft.status == .interrupted else {
            message = "“\(Format.clean(draft.title))” was \(draft.status.rawValue) meanwhile."
            return
        }
        selectInOrchestrator(id)
        mode = .draft(DraftView(id: id))
        message = "In \(name.map { Format.clean($0) } ?? productName) (\(location)) · Esc closes the draft · Ctrl-O switches back"
    }
}
