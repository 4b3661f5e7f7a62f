import Foundation
import PodiumCore
import PodiumStore

/// What waits for the Product Owner across the portfolio: each product's drafts waiting for
/// review and its jobs queued or running, as read at one moment. The switcher counts them;
/// the Orchestrator's "All products" view lists them.
public struct PortfolioInbox: Sendable, Equatable {
    /// One product as it was read.
    public struct Product: Sendable, Equatable {
        public var name: String
        /// The workspace folder, absolute.
        public var path: String
        /// "ok", "ok (git clone)", "missing (…)", "cannot open: …".
        public var state: String
        /// Whether it is the product open in this dashboard.
        public var isCurrent: Bool
        /// Whether it is on the user's list (the product open now may not be).
        public var isListed: Bool
        /// Its drafts waiting for review, newest first; nil when it could not be opened.
        public var drafts: [Draft]?
        /// Its jobs queued or running (by any process), newest first.
        public var jobs: [Job]

        public init(name: String, path: String, state: String, isCurrent: Bool, isListed: Bool = true, drafts: [Draft]?, jobs: [Job] = []) {
            self.name = name
            self.path = path
            self.state = state
            self.isCurrent = isCurrent
            self.isListed = isListed
            self.drafts = drafts
            self.jobs = jobs
        }

        /// Whether it could be opened (and so can be switched to).
        public var isOpenable: Bool { drafts != nil }
    }

    public var products: [Product]
    /// When it was read.
    public var readAt: Date
    /// Why the list itself could not be read (a damaged workspaces.json), if so.
    public var problem: String?

    public init(products: [Product], readAt: Date) {
        self.products = products
        self.readAt = readAt
    }

    /// Nothing read: no list of products.
    public static let empty = PortfolioInbox(products: [], readAt: .distantPast)

    /// Reads every product of `portfolio` (its drafts and jobs only: feedback, annotations and
    /// the audit log are left unread). `current` is the workspace open now: it is marked, and
    /// added at the top when it is not on the list, so that its own drafts are never missing.
    public static func read(_ portfolio: Portfolio, current: String?, now: Date = Date(), home: String = NSHomeDirectory()) -> PortfolioInbox {
        let currentPath = current.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        var products = portfolio.entries.map { entry in
            product(PortfolioMember.open(entry, deferring: PortfolioMember.notForTheInbox, home: home), current: currentPath)
        }
        if let currentPath, !products.contains(where: \.isCurrent) {
            let entry = Portfolio.Entry(name: Portfolio.productName(at: URL(fileURLWithPath: currentPath)) ?? URL(fileURLWithPath: currentPath).lastPathComponent,
                                        path: currentPath, addedAt: now)
            var unlisted = product(PortfolioMember.open(entry, deferring: PortfolioMember.notForTheInbox, home: home), current: currentPath)
            unlisted.isListed = false
            products.insert(unlisted, at: 0)
        }
        return PortfolioInbox(products: products, readAt: now)
    }

    private static func product(_ member: PortfolioMember, current: String?) -> Product {
        Product(name: member.entry.name, path: member.entry.path, state: member.stateText, isCurrent: member.entry.path == current,
                drafts: member.store.map { waiting(in: $0.snapshot) }, jobs: member.store.map { active(in: $0.snapshot) } ?? [])
    }

    /// The drafts of a workspace that wait for review (pending, or left interrupted), newest first.
    public static func waiting(in snapshot: WorkspaceSnapshot) -> [Draft] {
        snapshot.drafts.values.filter { $0.status == .pending || $0.status == .interrupted }.sorted { $0.id > $1.id }
    }

    /// The jobs of a workspace queued or running, newest first.
    public static func active(in snapshot: WorkspaceSnapshot) -> [Job] {
        snapshot.jobs.values.filter { !$0.observedStatus.isFinished }.sorted { $0.id > $1.id }
    }

    /// The product whose workspace is at `path`.
    public func product(at path: String) -> Product? {
        products.first { $0.path == path }
    }
}
