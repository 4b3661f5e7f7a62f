import Foundation
import PodiumCore

extension ProviderSettings {
    /// These settings (the user's) with a workspace's own laid over them, from the
    /// workspace's `podium.toml`: its profiles replace the user's of the same name, its job
    /// and stance choices win, and its default provider when it names one (`setsDefault`).
    ///
    /// Keys never come from a workspace (a file a team shares in git): a workspace profile
    /// gets the user's key for the same profile only when it points at the same `base_url`,
    /// so a shared file cannot send the user's key to another server.
    public func overlaid(with workspace: ProviderSettings, setsDefault: Bool) -> ProviderSettings {
        var merged = self
        for (name, profile) in workspace.profiles {
            var profile = profile
            if let mine = profiles[name], mine.baseURL == profile.baseURL {
                profile.apiKeyInFile = profile.apiKeyInFile ?? mine.apiKeyInFile
            }
            merged.profiles[name] = profile
        }
        if setsDefault { merged.defaultProvider = workspace.defaultProvider }
        merged.byStance.merge(workspace.byStance) { _, theirs in theirs }
        merged.byJob.merge(workspace.byJob) { _, theirs in theirs }
        merged.warnings += workspace.warnings
        return merged
    }
}
