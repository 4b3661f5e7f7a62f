import PodiumCore
import PodiumEngine

/// A product of the portfolio as the switcher lists it.
public struct ProductChoice: Sendable, Equatable {
    public var name: String
    /// The workspace folder.
    public var path: String
    /// "ok", "ok (git clone)", "missing (…)", "cannot open: …".
    public var state: String
    /// Drafts waiting for review there (nil when it could not be opened).
    public var pendingDrafts: Int?
    /// Jobs queued or running there, by any process.
    public var runningJobs: Int
    /// Whether it is the product open now.
    public var isCurrent: Bool

    public init(name: String, path: String, state: String, pendingDrafts: Int?, runningJobs: Int = 0, isCurrent: Bool) {
        self.name = name
        self.path = path
        self.state = state
        self.pendingDrafts = pendingDrafts
        self.runningJobs = runningJobs
        self.isCurrent = isCurrent
    }

    /// A product as the portfolio's inbox read it.
    public init(_ product: PortfolioInbox.Product) {
        self.init(name: product.name, path: product.path, state: product.state, pendingDrafts: product.drafts?.count,
                  runningJobs: product.jobs.count, isCurrent: product.isCurrent)
    }

    /// Whether it can be opened.
    public var isOpenable: Bool { pendingDrafts != nil }
}

/// The modal list that opens another product: typing filters it by a fuzzy match of the
/// name, Up/Down choose, Enter opens, Esc cancels. Each product shows its drafts waiting.
public struct ProductSwitcher: Sendable, Equatable {
    public var choices: [ProductChoice]
    public var query = ""
    public var selected = 0

    public init(choices: [ProductChoice]) {
        self.choices = choices
        // The first other product is chosen to begin with: switching is why it was opened.
        selected = choices.firstIndex { !$0.isCurrent && $0.isOpenable } ?? 0
    }

    /// The products matching the query, best first (all of them, in list order, without one).
    public var matches: [ProductChoice] {
        let needle = query.lowercased().filter { !$0.isWhitespace }
        guard !needle.isEmpty else { return choices }
        return choices.enumerated().compactMap { position, choice -> (ProductChoice, Int, Int)? in
            PaletteMatcher.score(needle, in: choice.name.lowercased()).map { (choice, $0, position) }
        }
        .sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        .map(\.0)
    }

    /// One line of the list: "Ledgerly · 3 drafts waiting · 1 job running · ok (git clone)".
    public static func line(_ choice: ProductChoice) -> String {
        let drafts = choice.pendingDrafts.map { $0 == 0 ? "no drafts waiting" : Format.count($0, "draft") + " waiting" }
        let jobs = choice.runningJobs == 0 ? nil : Format.count(choice.runningJobs, "job") + " running"
        return [Format.clean(choice.name) + (choice.isCurrent ? " (open now)" : ""), drafts, jobs, choice.state]
            .compactMap { $0 }.joined(separator: " · ")
    }
}
