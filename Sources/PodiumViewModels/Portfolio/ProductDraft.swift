import PodiumCore

/// A draft of one product of the portfolio: which workspace holds it, and which draft it is.
public struct ProductDraft: Sendable, Hashable {
    /// The workspace folder that holds the draft.
    public var path: String
    /// The product's name on the list, for messages.
    public var product: String
    public var id: RecordID<Draft>
    public var title: String

    public init(path: String, product: String, id: RecordID<Draft>, title: String) {
        self.path = path
        self.product = product
        self.id = id
        self.title = title
    }
}

/// A change to write in one product's workspace (the undo of a review made from the All
/// products view, in the workspace that holds the drafts).
public struct ProductEdit: Sendable, Equatable {
    public var path: String
    public var product: String
    public var edit: WorkspaceEdit

    public init(path: String, product: String, edit: WorkspaceEdit) {
        self.path = path
        self.product = product
        self.edit = edit
    }
}

/// Why the portfolio is read: to open the switcher (Ctrl-O), or for the All products view.
public enum PortfolioRequest: Sendable, Equatable {
    case switcher
    case inbox
}

/// How reviewing drafts of several products from the All products view ended.
public struct PortfolioReviewOutcome: Sendable, Equatable {
    public var accepted: [ProductDraft]
    public var rejected: [ProductDraft]
    /// One line per draft not reviewed: "Ledgerly: …".
    public var failures: [String]

    public init(accepted: [ProductDraft] = [], rejected: [ProductDraft] = [], failures: [String] = []) {
        self.accepted = accepted
        self.rejected = rejected
        self.failures = failures
    }
}
