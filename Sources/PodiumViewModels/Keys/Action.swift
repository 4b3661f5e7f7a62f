import PodiumCore
import PodiumRender
/// Everything a user can do in the dashboard, by name. Key bindings, the help screen and
/// the command palette are all made from these.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case showVisionary = "show-visionary"
    case showCollaborator = "show-collaborator"
    case showCustomer = "show-customer"
    case showDecision = "show-decision"
    case showExperimenter = "show-experimenter"
    case showInfluencer = "show-influencer"
    case showOrchestrator = "show-orchestrator"
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case moveToTop = "move-to-top"
    case moveToBottom = "move-to-bottom"
    case openDetail = "open-detail"
    case close
    case filter
    case sortNext = "sort-next"
    case sortReverse = "sort-reverse"
    case switchView = "switch-view"
    case moveItemUp = "move-item-up"
    case moveItemDown = "move-item-down"
    case undo
    case palette
    case help
    case refresh
    case quit
    // AI jobs, one per kind: keys work in their stance's pane; the palette runs them anywhere.
    case runVisionNarrative = "run-vision-narrative"
    case runStakeholderSynthesis = "run-stakeholder-synthesis"
    case runSummarizeFeedback = "run-summarize-feedback"
    case runClusterThemes = "run-cluster-themes"
    case runBuildPersonas = "run-build-personas"
    case runTagSentiment = "run-tag-sentiment"
    case runOrderBacklog = "run-order-backlog"
    case runDecisionRecord = "run-decision-record"
    case runProposeExperiments = "run-propose-experiments"
    case runConcludeExperiment = "run-conclude-experiment"
    case runStakeholderUpdate = "run-stakeholder-update"
    case runReleaseNotes = "run-release-notes"
    case runAsk = "run-ask"
    case runSprintReviewPack = "run-sprint-review-pack"
    // Drafts, jobs and imports.
    case importFeedback = "import-feedback"
    case reviewDrafts = "review-drafts"
    case cancelJob = "cancel-job"
    case retryJob = "retry-job"
    // The Orchestrator: bulk review and automation rules.
    case markSelected = "mark"
    case acceptMarked = "accept-marked"
    case rejectOrRemove = "reject-marked"
    case addRule = "add-rule"
    case editRule = "edit-rule"

    /// The action's name in the palette and help.
    public var title: String {
        switch self {
        case .nextPane: "Next pane"
        case .previousPane: "Previous pane"
        case .showVisionary: "Show the Visionary pane"
        case .showCollaborator: "Show the Collaborator pane"
        case .showCustomer: "Show the Customer Representative pane"
        case .showDecision: "Show the Decision Maker pane"
        case .showExperimenter: "Show the Experimenter pane"
        case .showInfluencer: "Show the Influencer pane"
        case .showOrchestrator: "Show the Orchestrator pane"
        case .moveDown: "Move down"
        case .moveUp: "Move up"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .moveToTop: "Go to the first item"
        case .moveToBottom: "Go to the last item"
        case .openDetail: "Open the selected item"
        case .close: "Close / clear the filter and sort"
        case .filter: "Filter the list"
        case .sortNext: "Sort by the next column"
        case .sortReverse: "Reverse the sort order"
        case .switchView: "Switch view: backlog / decision log (4), feedback / personas (3), jobs / rules / metrics / audit (7)"
        case .moveItemUp: "Move the backlog item up in the order"
        case .moveItemDown: "Move the backlog item down in the order"
        case .undo: "Undo the last change"
        case .palette: "Command palette"
        case .help: "Help: every key"
        case .refresh: "Reload the workspace from disk"
        case .quit: "Quit"
        case .importFeedback: "Import feedback from a file (with a preview first)"
        case .reviewDrafts: "Review this pane's newest pending draft"
        case .cancelJob: "Cancel the selected job"
        case .retryJob: "Run the selected job again (failed, cancelled or interrupted)"
        case .markSelected: "Mark a low-risk draft for bulk accept/reject; turn a rule on or off"
        case .acceptMarked: "Accept the marked drafts"
        case .rejectOrRemove: "Reject the marked drafts; remove the selected rule"
        case .addRule: "Add an automation rule"
        case .editRule: "Edit the selected automation rule in $EDITOR"
        default: "AI: " + (jobKind?.info?.title ?? rawValue)
        }
    }

    /// The AI job an action runs, for the fourteen job actions.
    public var jobKind: JobKind? {
        guard rawValue.hasPrefix("run-") else { return nil }
        return JobKind(rawValue: String(rawValue.dropFirst(4)))
    }

    /// The pane whose keys the action's keys belong to; nil: every pane.
    public var scope: Stance? {
        switch self {
        case .cancelJob, .retryJob, .markSelected, .acceptMarked, .rejectOrRemove, .addRule, .editRule: .orchestrator
        default: jobKind?.info?.stance
        }
    }

    /// The pane an action shows, for the panes' show actions (see `Pane.showAction`).
    public var paneIndex: Int? {
        Panes.all.firstIndex { $0.showAction == self }
    }
}
