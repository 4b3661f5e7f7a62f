import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore

/// The inbox of a Product Owner for several teams: every draft waiting for review in any
/// product of the portfolio, with its product, and the jobs queued or running in any of them.
/// The product open now is read from its live workspace; the others from the portfolio as
/// last read (`PaneSettings.portfolio`, read again every few seconds while it is shown).
struct AllProductsView: PaneView {
    var name: String { "inbox of all products" }
    var id: PaneViewID { .allProducts }
    /// It shows the portfolio, which arrives with the settings.
    var showsSettings: Bool { true }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let columns: [PaneContent.Column] = [.init("PRODUCT", width: 14), .init("TYPE", width: 7), .init("STATUS", width: 11),
                                             .init("STANCE", width: 14), .init("AGE", width: 5), .init("WHAT")]
        guard let portfolio = settings.portfolio else {
            return PaneContent(title: "Orchestrator — all products", summary: [.init("Reading the products' drafts and jobs…", .muted)],
                               columns: columns, rows: [], emptyMessage: "Reading the portfolio…", hints: "v views", counts: "")
        }
        let products = Self.products(portfolio, live: snapshot)
        // Newest first, by when they were made (ids from other tools need not be in time order).
        let jobs = products.flatMap { product in product.jobs.map { (product, $0) } }.sorted { ($0.1.createdAt, $0.1.id) > ($1.1.createdAt, $1.1.id) }
        let drafts = products.flatMap { product in (product.drafts ?? []).map { (product, $0) } }.sorted { ($0.1.createdAt, $0.1.id) > ($1.1.createdAt, $1.1.id) }
        let rows = jobs.map { jobRow($1, of: $0) } + drafts.map { draftRow($1, of: $0) }
        let listed = products.filter(\.isListed).count
        return PaneContent(
            title: "Orchestrator — all products",
            summary: (portfolio.problem.map { [.init("The list of products cannot be read: " + Format.clean($0), .error)] } ?? [])
                + products.map(Self.summaryLine),
            columns: columns,
            rows: rows,
            emptyMessage: listed == 0 ? "No products on the list yet: podium workspaces add PATH adds one (this one too); Ctrl-O then switches between them."
                : "Nothing waits in any product: no drafts to review, no jobs running.",
            hints: "Enter review (in its product) · Space mark · a accept · x reject · Ctrl-O switch",
            counts: "\(Format.count(drafts.count, "draft")) waiting in \(Format.count(products.filter { $0.drafts?.isEmpty == false }.count, "product"))"
                + (jobs.isEmpty ? "" : " · \(Format.count(jobs.count, "job")) running"))
    }

    /// The portfolio with the product open now as its live workspace shows it.
    static func products(_ portfolio: PortfolioInbox, live snapshot: WorkspaceSnapshot) -> [PortfolioInbox.Product] {
        portfolio.products.map { product in
            guard product.isCurrent else { return product }
            var live = product
            live.drafts = PortfolioInbox.waiting(in: snapshot)
            live.jobs = PortfolioInbox.active(in: snapshot)
            return live
        }
    }

    /// "Ledgerly (open now): 3 drafts waiting · 1 job running · ok (git clone)".
    private static func summaryLine(_ product: PortfolioInbox.Product) -> PaneContent.Line {
        let name = Format.clean(product.name) + (product.isCurrent ? " (open now" + (product.isListed ? ")" : ", not on the list)") : "")
        guard let drafts = product.drafts else { return .init(name + ": " + Format.clean(product.state), .warning) }
        let parts = [drafts.isEmpty ? "no drafts waiting" : Format.count(drafts.count, "draft") + " waiting",
                     product.jobs.isEmpty ? nil : Format.count(product.jobs.count, "job") + " running",
                     product.state == "ok" ? nil : Format.clean(product.state)].compactMap { $0 }
        return .init(name + ": " + parts.joined(separator: " · "), drafts.isEmpty ? .muted : .accent)
    }

    /// A row's id: the record's own id in the product open now (so the usual review opens it),
    /// "ID@PATH" in another product.
    static func rowID(_ id: String, of product: PortfolioInbox.Product) -> String {
        product.isCurrent ? id : id + "@" + product.path
    }

    /// The row of a draft picked for review.
    static func rowID(of draft: ProductDraft, in portfolio: PortfolioInbox?) -> String {
        portfolio?.product(at: draft.path)?.isCurrent == true ? draft.id.rawValue : draft.id.rawValue + "@" + draft.path
    }

    private func jobRow(_ job: Job, of product: PortfolioInbox.Product) -> PaneContent.Row {
        .init(id: Self.rowID(job.id.rawValue, of: product),
              cells: [Format.clean(product.name), "job", job.observedStatus.rawValue, job.stance.title, Format.age(job.createdAt, now: Date()),
                      job.kind.rawValue + " · " + Format.clean(job.provider.name)],
              tone: .accent)
    }

    private func draftRow(_ draft: Draft, of product: PortfolioInbox.Product) -> PaneContent.Row {
        let risk = draft.kind.info?.risk.rawValue ?? "unknown"
        return .init(id: Self.rowID(draft.id.rawValue, of: product),
                     cells: [Format.clean(product.name), "draft", draft.status.rawValue, draft.stance.title, Format.age(draft.createdAt, now: Date()),
                             Format.clean(draft.title) + " · \(risk) risk · by \(Format.clean(draft.provider.name))"],
                     tone: draft.status == .pending ? .normal : .warning)
    }

    // MARK: Detail

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let portfolio = settings.portfolio, let found = Self.find(id, in: portfolio, live: snapshot) else { return [] }
        let header = PaneContent.Line("In " + Format.clean(found.product.name) + (found.product.isCurrent ? " (open now)" : " · Enter opens it there"), .muted)
        if let draft = found.draft { return [header, .init("")] + JobsView.draftDetail(draft) }
        if let job = found.job { return [header, .init("")] + JobsView.jobDetail(job) }
        return []
    }

    /// The product and the draft or job a row of this view stands for.
    struct Found {
        var product: PortfolioInbox.Product
        var draft: Draft?
        var job: Job?
    }

    static func find(_ rowID: String, in portfolio: PortfolioInbox, live snapshot: WorkspaceSnapshot) -> Found? {
        let parts = rowID.split(separator: "@", maxSplits: 1).map(String.init)
        let products = products(portfolio, live: snapshot)
        let product = parts.count == 2 ? products.first { $0.path == parts[1] } : products.first(where: \.isCurrent)
        guard let product else { return nil }
        let draft = product.drafts?.first { $0.id.rawValue == parts[0] }
        let job = product.jobs.first { $0.id.rawValue == parts[0] }
        guard draft != nil || job != nil else { return nil }
        return Found(product: product, draft: draft, job: job)
    }
}

extension PaneViewID {
    /// The Orchestrator's inbox across every product of the portfolio.
    public static let allProducts = PaneViewID(rawValue: "all-products")
}
