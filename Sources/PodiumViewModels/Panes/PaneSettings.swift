import Foundation
import PodiumCore
import PodiumEngine

/// What some views show besides the workspace: the user's settings — the minutes each
/// accepted draft saves, the trust policy and the inbox folder (from config.toml; the
/// defaults otherwise) — and the portfolio's drafts and jobs as last read.
public struct PaneSettings: Sendable, Equatable {
    public var minutesSaved: [JobKind: Double]
    public var trust: TrustPolicy
    /// The inbox folder the dashboard watches, as shown to the user (nil: none).
    public var inboxPath: String?
    /// The products of the portfolio with their drafts waiting and jobs running, for the
    /// Orchestrator's All products view (nil: not read yet).
    public var portfolio: PortfolioInbox?

    public init(minutesSaved: [JobKind: Double] = AutomationSettings.defaultMinutesSaved, trust: TrustPolicy = TrustPolicy(), inboxPath: String? = nil,
                portfolio: PortfolioInbox? = nil) {
        self.minutesSaved = minutesSaved
        self.trust = trust
        self.inboxPath = inboxPath
        self.portfolio = portfolio
    }
}
