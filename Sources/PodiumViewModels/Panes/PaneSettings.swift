import Foundation
import PodiumCore
import PodiumEngine

/// The user's settings some views show: the minutes each accepted draft saves, the trust
/// policy and the inbox folder (from config.toml; the defaults otherwise).
public struct PaneSettings: Sendable, Equatable {
    public var minutesSaved: [JobKind: Double]
    public var trust: TrustPolicy
    /// The inbox folder the dashboard watches, as shown to the user (nil: none).
    public var inboxPath: String?

    public init(minutesSaved: [JobKind: Double] = AutomationSettings.defaultMinutesSaved, trust: TrustPolicy = TrustPolicy(), inboxPath: String? = nil) {
        self.minutesSaved = minutesSaved
        self.trust = trust
        self.inboxPath = inboxPath
    }
}
