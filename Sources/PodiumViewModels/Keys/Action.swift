import PodiumCore
import PodiumRender
/// Everything a user can do in the dashboard, by name. Key bindings, the help screen and
/// the command palette are all made from these; the AI job actions come from the job
/// catalogue (`JobKindInfo.all`), one `run(kind)` each, named `run-KIND`.
public enum Action: Hashable, Sendable, CaseIterable, RawRepresentable {
    case nextPane
    case previousPane
    case showVisionary
    case showCollaborator
    case showCustomer
    case showDecision
    case showExperimenter
    case showInfluencer
    case showOrchestrator
    case moveDown
    case moveUp
    case pageDown
    case pageUp
    case moveToTop
    case moveToBottom
    case openDetail
    /// Opens the selected row's record in the record view, where its links can be followed.
    case openRecord
    case close
    case filter
    case sortNext
    case sortReverse
    case switchView
    case moveItemUp
    case moveItemDown
    case undo
    case palette
    case help
    case refresh
    case quit
    /// Runs an AI job: its key works in its stance's pane; the palette runs it anywhere.
    case run(JobKind)
    // Drafts, jobs and imports.
    case importFeedback
    case reviewDrafts
    case cancelJob
    case retryJob
    // The Orchestrator: bulk review and automation rules.
    case markSelected
    case acceptMarked
    case rejectOrRemove
    case addRule
    case editRule
    // The Customer Representative: feedback linked to backlog items by hand.
    case linkToBacklog
    case unlinkFromBacklog
    case openAcceptedSummary
    case toggleSeen
    case dismissFeedback
    case tagFeedback
    case markSent
    case copyCommunication
    case exportCommunication
    case editProduct
    case addMeasure
    case setMeasure
    case removeMeasure
    case newStakeholder
    case editStakeholder
    case newExperiment
    case editExperiment
    case newBacklogItem
    case editBacklogItem
    case deleteBacklogItem
    /// Open another product of the portfolio in place.
    case switchProduct

    /// Every action in palette and help order: the job actions, one per catalogued kind in
    /// catalogue order, come after quit.
    public static let allCases: [Action] = [
        .nextPane, .previousPane, .showVisionary, .showCollaborator, .showCustomer, .showDecision, .showExperimenter,
        .showInfluencer, .showOrchestrator, .moveDown, .moveUp, .pageDown, .pageUp, .moveToTop, .moveToBottom, .openDetail,
        .openRecord, .close, .filter, .sortNext, .sortReverse, .switchView, .moveItemUp, .moveItemDown, .undo, .palette, .help, .refresh, .switchProduct, .quit,
    ] + JobKindInfo.all.map { .run($0.kind) } + [
        .importFeedback, .reviewDrafts, .cancelJob, .retryJob, .markSelected, .acceptMarked, .rejectOrRemove, .addRule, .editRule,
        .linkToBacklog, .unlinkFromBacklog, .openAcceptedSummary, .toggleSeen, .dismissFeedback, .tagFeedback,
        .newBacklogItem, .editBacklogItem, .deleteBacklogItem, .markSent, .copyCommunication, .exportCommunication,
        .editProduct, .addMeasure, .setMeasure, .removeMeasure, .newStakeholder, .editStakeholder, .newExperiment, .editExperiment,
    ]

    /// The action a name in the config file stands for, e.g. "run-tag-sentiment"; nil for a
    /// name Podium does not know (also a job kind it has no catalogue entry for).
    public init?(rawValue: String) {
        // "mark-feedback" was Space in the Customer pane before Space marked in every list.
        let name = rawValue == "mark-feedback" ? "mark" : rawValue
        guard let action = Self.allCases.first(where: { $0.rawValue == name }) else { return nil }
        self = action
    }

    /// The action's name in the config file's `[keys]` and the palette, e.g. "next-pane".
    public var rawValue: String {
        switch self {
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .showVisionary: "show-visionary"
        case .showCollaborator: "show-collaborator"
        case .showCustomer: "show-customer"
        case .showDecision: "show-decision"
        case .showExperimenter: "show-experimenter"
        case .showInfluencer: "show-influencer"
        case .showOrchestrator: "show-orchestrator"
        case .moveDown: "move-down"
        case .moveUp: "move-up"
        case .pageDown: "page-down"
        case .pageUp: "page-up"
        case .moveToTop: "move-to-top"
        case .moveToBottom: "move-to-bottom"
        case .openDetail: "open-detail"
        case .openRecord: "open-record"
        case .close: "close"
        case .filter: "filter"
        case .sortNext: "sort-next"
        case .sortReverse: "sort-reverse"
        case .switchView: "switch-view"
        case .moveItemUp: "move-item-up"
        case .moveItemDown: "move-item-down"
        case .undo: "undo"
        case .palette: "palette"
        case .help: "help"
        case .refresh: "refresh"
        case .switchProduct: "switch-product"
        case .quit: "quit"
        case let .run(kind): "run-" + kind.rawValue
        case .importFeedback: "import-feedback"
        case .reviewDrafts: "review-drafts"
        case .cancelJob: "cancel-job"
        case .retryJob: "retry-job"
        case .markSelected: "mark"
        case .acceptMarked: "accept-marked"
        case .rejectOrRemove: "reject-marked"
        case .addRule: "add-rule"
        case .editRule: "edit-rule"
        case .linkToBacklog: "link-to-backlog"
        case .unlinkFromBacklog: "unlink-from-backlog"
        case .openAcceptedSummary: "open-accepted-summary"
        case .toggleSeen: "toggle-seen"
        case .dismissFeedback: "dismiss-feedback"
        case .tagFeedback: "tag-feedback"
        case .markSent: "mark-sent"
        case .copyCommunication: "copy-communication"
        case .exportCommunication: "export-communication"
        case .editProduct: "edit-product"
        case .addMeasure: "add-measure"
        case .setMeasure: "set-measure"
        case .removeMeasure: "remove-measure"
        case .newStakeholder: "new-stakeholder"
        case .editStakeholder: "edit-stakeholder"
        case .newExperiment: "new-experiment"
        case .editExperiment: "edit-experiment"
        case .newBacklogItem: "new-backlog-item"
        case .editBacklogItem: "edit-backlog-item"
        case .deleteBacklogItem: "delete-backlog-item"
        }
    }

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
        case .openRecord: "Open the selected record: follow its feedback, links and citations (Esc back)"
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
        case .switchProduct: "Open another product (podium workspaces): its pane and selection as you left them"
        case .quit: "Quit"
        case .importFeedback: "Import feedback from a file (with a preview first)"
        case .reviewDrafts: "Review this pane's newest pending draft"
        case .cancelJob: "Cancel the selected job"
        case .retryJob: "Run the selected job again (failed, cancelled or interrupted)"
        case .markSelected: "Mark the selected row: drafts for a bulk accept or reject (7), feedback to link, triage or summarize (3), any list's rows; turn a rule on or off"
        case .acceptMarked: "Accept the marked drafts"
        case .rejectOrRemove: "Reject the marked drafts; remove the selected rule"
        case .addRule: "Add an automation rule"
        case .editRule: "Edit the selected automation rule in $EDITOR"
        case .linkToBacklog: "Link the selected (or marked) feedback to a backlog item, as demand or praise"
        case .unlinkFromBacklog: "Unlink the selected (or marked) feedback from a backlog item"
        case .openAcceptedSummary: "Read the accepted feedback summary and open what it cites"
        case .toggleSeen: "Mark the selected (or marked) feedback seen, or new again"
        case .dismissFeedback: "Dismiss the selected (or marked) feedback as noise (kept, left out of AI jobs), or bring it back"
        case .tagFeedback: "Tag the selected (or marked) feedback"
        case .markSent: "Mark the selected update or release notes sent: by what, and when"
        case .copyCommunication: "Copy the selected update or release notes to the clipboard (as plain text)"
        case .exportCommunication: "Export the selected update or release notes to a file (Markdown, or plain text for .txt)"
        case .editProduct: "Edit the product's name, vision and goal in $EDITOR"
        case .addMeasure: "Add a goal measure (NAME: BASELINE -> TARGET)"
        case .setMeasure: "Record a new value for the selected goal measure"
        case .removeMeasure: "Remove the selected goal measure (u undoes)"
        case .newStakeholder: "New stakeholder, in $EDITOR"
        case .editStakeholder: "Edit the selected stakeholder in $EDITOR: role, influence, interest, a new note"
        case .newExperiment: "New experiment, in $EDITOR"
        case .editExperiment: "Edit the selected experiment in $EDITOR: start or stop it, record its result"
        case .newBacklogItem: "New backlog item (a form: Tab moves, Enter saves); in the decision log, a new decision in $EDITOR"
        case .editBacklogItem: "Edit the selected backlog item: title, status, estimate, RICE and WSJF inputs, tags, key; in the decision log, the decision in $EDITOR"
        case .deleteBacklogItem: "Delete the selected backlog item (asks first; u undoes)"
        case let .run(kind): "AI: " + (kind.info?.title ?? rawValue)
        }
    }

    /// The AI job an action runs, for the job actions.
    public var jobKind: JobKind? {
        guard case let .run(kind) = self else { return nil }
        return kind
    }

    /// The pane whose keys the action's keys belong to; nil: every pane.
    public var scope: Stance? {
        switch self {
        case .cancelJob, .retryJob, .acceptMarked, .rejectOrRemove, .addRule, .editRule: .orchestrator
        case .markSelected: nil
        case .linkToBacklog, .unlinkFromBacklog, .openAcceptedSummary, .toggleSeen, .dismissFeedback, .tagFeedback: .customerRepresentative
        case .newBacklogItem, .editBacklogItem, .deleteBacklogItem: .decisionMaker
        case .markSent, .copyCommunication, .exportCommunication: .influencer
        case .editProduct, .addMeasure, .setMeasure, .removeMeasure: .visionary
        case .newStakeholder, .editStakeholder: .collaborator
        case .newExperiment, .editExperiment: .experimenter
        case let .run(kind): kind.info?.stance
        case .nextPane, .previousPane, .showVisionary, .showCollaborator, .showCustomer, .showDecision, .showExperimenter,
             .showInfluencer, .showOrchestrator, .moveDown, .moveUp, .pageDown, .pageUp, .moveToTop, .moveToBottom, .openDetail,
             .openRecord, .close, .filter, .sortNext, .sortReverse, .switchView, .moveItemUp, .moveItemDown, .undo, .palette, .help, .refresh,
             .switchProduct, .quit, .importFeedback, .reviewDrafts:
            nil
        }
    }

    /// Whether the action only moves, shows or reads (it may run while a long change is
    /// written in the background; the others wait for it).
    public var onlyReads: Bool {
        switch self {
        case .nextPane, .previousPane, .showVisionary, .showCollaborator, .showCustomer, .showDecision, .showExperimenter,
             .showInfluencer, .showOrchestrator, .moveDown, .moveUp, .pageDown, .pageUp, .moveToTop, .moveToBottom, .openDetail,
             .openRecord, .close, .filter, .sortNext, .sortReverse, .switchView, .palette, .help, .refresh, .quit, .reviewDrafts,
             .markSelected, .openAcceptedSummary, .copyCommunication, .exportCommunication:
            true
        default:
            false
        }
    }

    /// The pane an action shows, for the panes' show actions (see `Pane.showAction`).
    public var paneIndex: Int? {
        Panes.all.firstIndex { $0.showAction == self }
    }
}
