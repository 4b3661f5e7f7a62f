import PodiumCore
import PodiumStore

/// The dashboard's panes in their order on screen (keys 1 to 7, the tabs), and lookups by stance.
public enum Panes {
    /// Every pane, in order.
    public static let all: [any Pane] = [
        VisionaryPane(), CollaboratorPane(), CustomerPane(), DecisionMakerPane(), ExperimenterPane(), InfluencerPane(),
        OrchestratorPane(),
    ]

    /// The position of the pane of `stance`.
    public static func index(of stance: Stance) -> Int? {
        all.firstIndex { $0.stance == stance }
    }

    /// The pane of `stance`.
    public static func pane(for stance: Stance) -> (any Pane)? {
        all.first { $0.stance == stance }
    }

    /// The detail lines of one row of the pane of `stance` (`evidence`: see ``EvidenceIndex``).
    public static func detail(
        for stance: Stance, id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex = .empty,
        settings: PaneSettings = PaneSettings()
    ) -> [PaneContent.Line] {
        pane(for: stance)?.detail(of: id, in: snapshot, evidence: evidence, settings: settings) ?? []
    }

}
