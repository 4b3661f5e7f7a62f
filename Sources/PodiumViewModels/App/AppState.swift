import Foundation
import PodiumRender
import PodiumCore
import PodiumEngine
import PodiumStore

/// Everything the dashboard shows, as plain values: the workspace, which pane is focused,
/// each pane's selection, filter and sort, and what is open on top (help, palette…).
public struct AppState: Sendable {
    /// What is open on top of the panes, if anything.
    public enum Mode: Sendable, Equatable {
        case normal
        /// Typing a filter for the focused list.
        case filtering
        case help(scroll: Int)
        case palette(query: String, selected: Int)
        case detail(scroll: Int)
        /// Asking whether to quit while work is in progress.
        case confirmQuit
        /// Reviewing a draft: its text, its evidence or what accepting would change.
        case draft(DraftView)
        /// Typing a line: a question, an audience, a reason, a file to import.
        case prompt(Prompt)
        /// An import's preview (or why the file cannot be imported), waiting for y or Esc.
        case confirmImport(ImportPreview)
        /// Reading records one after another: a record, its links and citations, and the way back.
        case record(RecordTrail)
        /// Choosing the backlog item to link feedback to (or unlink it from).
        case linkPicker(LinkPicker)
        /// Adding or editing a backlog item.
        case backlogForm(BacklogForm)
        /// A backlog item waiting for y before it is deleted.
        case confirmDelete(BacklogDeletion)
        /// Choosing another product of the portfolio to open.
        case switcher(ProductSwitcher)
    }

    /// The draft being reviewed and what of it is shown.
    public struct DraftView: Sendable, Equatable {
        public enum Panel: Sendable, Equatable { case text, evidence, changes }
        public var id: RecordID<Draft>
        public var panel = Panel.text
        public var scroll = 0
        /// The citation picked with n/N (an index into the draft's record links), which Enter opens.
        public var citation: Int?

        public init(id: RecordID<Draft>, panel: Panel = .text, scroll: Int = 0, citation: Int? = nil) {
            self.id = id
            self.panel = panel
            self.scroll = scroll
            self.citation = citation
        }
    }

    /// A line the user is typing and what it is for.
    public struct Prompt: Sendable, Equatable {
        public enum Purpose: Sendable, Equatable {
            /// What a job asks for before it runs (a question, an audience).
            case jobParameter(JobKind, JobParameter)
            case rejectReason(draftID: RecordID<Draft>)
            case importPath
            /// A new automation rule, in the words of `podium automate add`.
            case rule
            /// Why the marked drafts (their ids) are rejected.
            case bulkRejectReason(draftIDs: [RecordID<Draft>])
            /// Why drafts of several products (the All products view) are rejected.
            case productsRejectReason([ProductDraft])
            /// The tags of one feedback item (replacing them), or tags to add to several.
            case feedbackTags([RecordID<FeedbackItem>])
            /// Where (and when) a communication went out.
            case communicationSent(RecordID<Communication>)
            /// The file a communication is exported to.
            case exportPath(RecordID<Communication>)
            /// A new goal measure: "NAME: BASELINE -> TARGET [UNIT]".
            case newMeasure
            /// A new value for the measure of that name.
            case measureValue(String, was: String)
        }
        public var purpose: Purpose
        public var text: String
        /// Why the last Enter was refused, shown beside the text until it is corrected.
        public var note: String?

        public init(purpose: Purpose, text: String, note: String? = nil) {
            self.purpose = purpose
            self.text = text
            self.note = note
        }

        /// The label shown while a refusal note needs the room: the label up to its "(".
        public var shortLabel: String {
            String(label.prefix { $0 != "(" && $0 != ":" }).trimmingCharacters(in: .whitespaces)
        }

        /// The prompt's label, e.g. "Ask the workspace".
        public var label: String {
            switch purpose {
            case let .jobParameter(kind, _): kind.info.map { $0.prompt ?? $0.title } ?? kind.rawValue
            case .rejectReason: "Reject: why (optional)"
            case .importPath: "Import feedback from (a CSV, JSON or JSON Lines file)"
            case .rule: "New rule (e.g. on import tag-sentiment auto-accept)"
            case let .bulkRejectReason(ids): "Reject \(ids.count) marked draft\(ids.count == 1 ? "" : "s"): why (optional; Esc keeps them)"
            case let .productsRejectReason(drafts) where drafts.count == 1:
                "Reject “\(Format.clean(drafts[0].title))” in \(Format.clean(drafts[0].product)): why (optional; Esc keeps it)"
            case let .productsRejectReason(drafts):
                "Reject \(Format.count(drafts.count, "draft")) in \(Format.count(Set(drafts.map(\.path)).count, "product")): why (optional; Esc keeps them)"
            case let .feedbackTags(ids): ids.count == 1 ? "Tags (comma separated; they replace the item's tags)"
                : "Tags to add to \(ids.count) marked items (comma separated)"
            case .communicationSent: "Sent by (e.g. email, Slack #product; a YYYY-MM-DD at the end if not today)"
            case .exportPath: "Export to (.md for Markdown, .txt for plain text)"
            case .newMeasure: "New goal measure (NAME: BASELINE -> TARGET [UNIT], e.g. Weekly active technicians: 120 -> 200)"
            case let .measureValue(name, was): "\(Format.clean(name)) now (it was \(Format.clean(was)))"
            }
        }
    }

    /// One pane's view of its list.
    public struct PaneState: Sendable, Equatable {
        public var selected = 0
        public var filter = ""
        public var sortColumn: Int?
        public var sortAscending = true
        /// Which of the pane's views is shown (see `Pane.views`).
        public var view = 0
        /// Indices into the pane's rows, filtered and sorted.
        public var visible: [Int] = []
        /// Rows marked for a bulk action (drafts in the Orchestrator's inbox, feedback to link), by id.
        public var marked: Set<String> = []
    }

    public private(set) var snapshot: WorkspaceSnapshot { didSet { revision &+= 1 } }
    /// Counts changes to the workspace and pane contents the state shows, so a frame can
    /// tell whether text it prepared before is still current.
    public private(set) var revision = 0
    /// The store generation of `snapshot` (an older snapshot is never put back over it).
    public private(set) var generation: UInt64 = 0
    /// Where the workspace is, for the status bar.
    public internal(set) var location: String
    /// The keys and what they do (from the config file; the standard keys otherwise).
    public internal(set) var keyMap: KeyMap
    /// The index of the focused pane in `Panes.all` (`Msg.focus` moves it from outside).
    public internal(set) var focused = 0
    /// What is open on top of the panes.
    public internal(set) var mode = Mode.normal
    /// Each pane's selection, filter, sort and view, by index in `Panes.all`.
    public internal(set) var panes = Array(repeating: PaneState(), count: Panes.all.count)
    public private(set) var contents: [PaneContent] { didSet { revision &+= 1 } }
    /// Feedback id → titles of the backlog items it supports (for the detail view).
    public private(set) var evidence: EvidenceIndex { didSet { revision &+= 1 } }
    /// The page the record view shows (nil when it is closed or its record is gone), kept
    /// by `keepRecordPage()` after every message.
    public internal(set) var openRecordPage: RecordPage?
    /// The record and the revision `openRecordPage` was built from.
    var openRecordPageKey: RecordPageKey?
    /// A one-off message for the status bar ("Moved …", "Nothing to undo").
    public internal(set) var message: String? { didSet { messageIsNotice = false } }
    /// Whether `message` is a notice of something that happened by itself (a draft ready, a
    /// file imported from the inbox) rather than the answer to a key: a notice too long for
    /// the status bar is cut there instead of covering the list until the next key.
    public internal(set) var messageIsNotice = false

    /// Shows a notice of background work (see `messageIsNotice`).
    mutating func notify(_ text: String) {
        message = text
        messageIsNotice = true
    }
    /// Rows a page moves, from the terminal's height (`Msg.resized`).
    public internal(set) var pageSize = 10
    /// The clock (tests set their own): how long a key's answer has been shown.
    public internal(set) var now: @Sendable () -> Date = { Date() }
    /// When the status bar's message was put up by a key or its outcome.
    var messageShownAt = Date.distantPast
    /// Work running off the main loop (accepting or undoing a draft that writes thousands of
    /// records): what it is and since when; the status bar shows it, keys stay live.
    public internal(set) var backgroundWork: BackgroundWork?
    /// The text of a record edit that was refused, offered again by the next `e` or `n` on it.
    public internal(set) var keptDocument: KeptDocument?
    /// The text of a product edit that was refused, offered again by the next `e` in the Visionary pane.
    public internal(set) var keptProductText: String?
    /// A new draft to select in the Orchestrator once its row is there.
    var pendingSelection: RecordID<Draft>?
    /// The changes `u` can take back, the latest last (at most 50).
    public internal(set) var undoStack: [UndoEntry] = []
    /// What each running job is doing now (job id → step), from the engine.
    public internal(set) var jobActivity: [RecordID<Job>: String] = [:]
    /// The text an LLM job has streamed so far (job id → text), shown while it runs.
    public internal(set) var jobText: [RecordID<Job>: String] = [:]
    /// The provider new jobs run on, shown before a job runs.
    public internal(set) var provider = ProviderInfo.local
    /// The provider each job kind runs on, when the config file chooses one.
    public internal(set) var providerForKind: [JobKind: ProviderInfo] = [:]
    /// Whether the portfolio is being read (for the All products view), so it is read once at a time.
    var portfolioReading = false
    /// Settings the Orchestrator's views show (minutes saved, trust policy, inbox folder) and
    /// the portfolio as last read.
    public internal(set) var paneSettings = PaneSettings() {
        didSet {
            for index in panes.indices where shownView(index).showsSettings {
                // The selection stays on its row (a list read again in the background must not
                // move it to another draft under the reviewer's keys).
                let selected = selectedRowID(index)
                rebuildContent(index)
                if let selected, let position = panes[index].visible.firstIndex(where: { contents[index].rows.id(at: $0) == selected }) {
                    panes[index].selected = position
                }
            }
        }
    }

    public init(snapshot: WorkspaceSnapshot, location: String, keyMap: KeyMap = .standard) {
        self.snapshot = snapshot
        self.location = location
        self.keyMap = keyMap
        contents = Panes.all.map { $0.content(in: snapshot) }
        // While the feedback is still read there is no feedback detail to show evidence in;
        // the whole snapshot that follows brings the index.
        evidence = snapshot.loading.contains(.feedback) ? .empty : EvidenceIndex(snapshot)
        for index in panes.indices { recomputeVisible(index) }
    }

    public var focusedStance: Stance { focusedPane.stance }
    /// The focused pane's descriptor.
    public var focusedPane: any Pane { Panes.all[focused] }
    /// The view the pane at `index` shows now.
    public func shownView(_ index: Int) -> any PaneView { Panes.all[index].view(at: panes[index].view) }
    /// The view the focused pane shows now.
    public var focusedView: any PaneView { shownView(focused) }

    /// The product's name, safe to print.
    public var productName: String {
        let name = Format.clean(snapshot.product.name)
        return name.isEmpty ? "Untitled product" : name
    }
    public var focusedContent: PaneContent { contents[focused] }

    /// The rows of a pane as they are shown (filtered, sorted).
    public func visibleRows(_ pane: Int) -> [PaneContent.Row] {
        panes[pane].visible.map { contents[pane].rows[$0] }
    }

    /// The id of the selected row of the pane at `index`, if any.
    func selectedRowID(_ index: Int) -> String? {
        let pane = panes[index]
        return pane.visible.indices.contains(pane.selected) ? contents[index].rows.id(at: pane.visible[pane.selected]) : nil
    }

    /// The selected row of the focused pane, if any.
    public var selectedRow: PaneContent.Row? {
        let pane = panes[focused]
        guard pane.visible.indices.contains(pane.selected) else { return nil }
        return contents[focused].rows[pane.visible[pane.selected]]
    }

    /// Replaces the workspace (after a change on disk), keeping each selection on its record.
    /// Only the panes that show a changed collection are rebuilt (`changes` nil: all of them),
    /// so moving a backlog item does not reformat 100,000 feedback rows.
    mutating func replaceSnapshot(_ snapshot: WorkspaceSnapshot, changes: WorkspaceChanges? = nil, generation: UInt64? = nil) {
        replaceSnapshot(PreparedSnapshot(snapshot, changes: changes, generation: generation))
    }

    /// Replaces the workspace with one whose pane contents were built beforehand (off the
    /// main thread), keeping each selection on its record.
    mutating func replaceSnapshot(_ prepared: PreparedSnapshot) {
        if let newer = prepared.generation {
            guard newer >= generation else { return }  // built from an older state of the store
            generation = newer
        }
        let snapshot = prepared.snapshot
        let affected = prepared.contents.keys.sorted()
        let selectedIDs = panes.indices.map { index -> String? in
            let pane = panes[index]
            guard pane.visible.indices.contains(pane.selected) else { return nil }
            return contents[index].rows.id(at: pane.visible[pane.selected])
        }
        self.snapshot = snapshot
        for (index, content) in prepared.contents {
            // Prepared is the first view with the default settings; another view is built here.
            let view = panes[index].view
            let preparedFits = view == 0 && !shownView(index).showsSettings
            contents[index] = preparedFits ? content : Panes.all[index].content(view: view, in: snapshot, settings: paneSettings)
        }
        if let index = prepared.evidence { evidence = index }
        for index in affected {
            applyMarks(index)
            recomputeVisible(index)
            if let id = selectedIDs[index], let position = panes[index].visible.firstIndex(where: { contents[index].rows.id(at: $0) == id }) {
                panes[index].selected = position
            }
        }
    }

    /// The panes (by index) that show something `changes` touched (see `Pane.isAffected(by:)`);
    /// all of them for nil.
    public static func panes(affectedBy changes: WorkspaceChanges?) -> [Int] {
        guard let changes else { return Array(Panes.all.indices) }
        return Panes.all.indices.filter { Panes.all[$0].isAffected(by: changes) }
    }

    /// Applies the pane's filter and sort to its rows.
    mutating func recomputeVisible(_ index: Int) {
        let content = contents[index]
        let filter = ColumnFilter(panes[index].filter, columns: content.columns.map(\.title))
        let sortColumn = panes[index].sortColumn.flatMap { $0 < content.columns.count ? $0 : nil }
        let visible = filter.isEmpty && sortColumn == nil ? Array(content.rows.indices)
            : Self.filteredAndSorted(content.rows.every, filter: filter, by: sortColumn, ascending: panes[index].sortAscending)
        panes[index].visible = visible
        panes[index].selected = visible.isEmpty ? 0 : min(panes[index].selected, visible.count - 1)
    }

    /// The positions of the rows that pass `filter`, sorted by `column` (nil: in their order).
    /// It reads every row, so a virtual list makes them all (once).
    private static func filteredAndSorted(_ rows: [PaneContent.Row], filter: ColumnFilter, by column: Int?, ascending: Bool) -> [Int] {
        var visible = Array(rows.indices)
        if !filter.isEmpty {
            visible = visible.filter { filter.matches(rows[$0].cells) }
        }
        guard let column else { return visible }
        visible.sort { left, right in
            let a = rows[left], b = rows[right]
            let keyA = column < a.sortKeys.count ? a.sortKeys[column] : nil
            let keyB = column < b.sortKeys.count ? b.sortKeys[column] : nil
            let ordered: Bool
            if let keyA, let keyB, keyA != keyB {
                ordered = keyA < keyB
            } else if (keyA == nil) != (keyB == nil) {
                return keyA != nil  // rows without a value go last either way
            } else {
                let textA = a.cells[column].lowercased(), textB = b.cells[column].lowercased()
                if textA == textB { return left < right }
                ordered = textA < textB
            }
            return ascending ? ordered : !ordered
        }
        return visible
    }

    /// Replaces what one pane shows.
    mutating func setContent(_ content: PaneContent, at index: Int) {
        contents[index] = content
    }

    /// Whether this process has jobs queued or running (quitting then asks first; jobs
    /// another process runs go on without it).
    public var hasWorkInProgress: Bool {
        snapshot.jobs.values.contains { !$0.status.isFinished && $0.runner == JobRunner.current }
    }
}

/// A new workspace snapshot with the content of the panes it changes already built, so
/// that the (possibly slow) building can happen on a background queue.
public struct PreparedSnapshot: Sendable {
    public let snapshot: WorkspaceSnapshot
    /// The store generation the snapshot was taken at, when known.
    public let generation: UInt64?
    /// Rebuilt pane contents, by pane index.
    let contents: [Int: PaneContent]
    /// A rebuilt evidence index, when the backlog changed.
    let evidence: EvidenceIndex?

    /// Builds the panes `changes` touches (all of them for nil).
    public init(_ snapshot: WorkspaceSnapshot, changes: WorkspaceChanges?, generation: UInt64? = nil) {
        self.snapshot = snapshot
        self.generation = generation
        var contents: [Int: PaneContent] = [:]
        for index in AppState.panes(affectedBy: changes) {
            contents[index] = Panes.all[index].content(in: snapshot)
        }
        self.contents = contents
        evidence = changes == nil || changes?.records[.backlog] != nil ? EvidenceIndex(snapshot) : nil
    }
}

/// Which record, in which state of the workspace, a record page was built from.
struct RecordPageKey: Equatable {
    var reference: ArtifactReference
    var revision: Int
}

/// What importing a file would do, shown before it is done.
public struct ImportPreview: Sendable, Equatable {
    public var path: String
    /// The report's lines (or the reason the file cannot be imported).
    public var lines: [String]
    /// Whether `y` may import it (false: the preview is an error).
    public var importable: Bool
    public var scroll = 0

    public init(path: String, lines: [String], importable: Bool) {
        self.path = path
        self.lines = lines
        self.importable = importable
    }
}

/// A change made in the dashboard that `u` can take back.
public struct UndoEntry: Sendable, Equatable {
    public var description: String
    /// The edit that restores the state before the change.
    public var restore: WorkspaceEdit
}

/// A change to the workspace that the dashboard asks the program to write.
public enum WorkspaceEdit: Sendable, Equatable {
    /// Sets the order of backlog items (id → order).
    case setBacklogOrder([RecordID<BacklogItem>: Int])
    /// Takes back the acceptance of a draft.
    case undoAcceptance(RecordID<Draft>)
    /// Takes back the acceptance of several drafts (a bulk accept), newest first.
    case undoAcceptances([RecordID<Draft>])
    /// Takes back the rejection of drafts: they wait for review again.
    case undoRejections([RecordID<Draft>])
    /// Puts an automation rule back as it was (or back at all, when it was removed).
    case restoreRule(AutomationRule)
    /// Removes an automation rule (undo of adding it).
    case deleteRule(RecordID<AutomationRule>)
    /// Sets how each listed feedback item is linked to a backlog item: as demand, as praise,
    /// or not at all (nil). Linking, unlinking and their undo are all this one edit.
    case setFeedbackLinks(RecordID<BacklogItem>, [RecordID<FeedbackItem>: FeedbackLinkKind?])
    /// Saves a backlog item's fields (a new item when there is none with the id).
    case saveBacklogItem(RecordID<BacklogItem>, BacklogFields)
    case deleteBacklogItem(RecordID<BacklogItem>)
    /// Sets feedback items' triage (nil: new); the same edit with the states before undoes it.
    case setFeedbackTriage([RecordID<FeedbackItem>: FeedbackTriage?])
    /// Sets feedback items' tags; the same edit with the tags before undoes it.
    case setFeedbackTags([RecordID<FeedbackItem>: [String]])
    /// Marks a communication sent through a channel on a day.
    case markCommunicationSent(RecordID<Communication>, channel: String?, date: Date)
    /// Puts a communication back as it was (the undo of marking it sent).
    case restoreCommunication(Communication)
    /// Adds a goal measure, sets one's current value, or removes one.
    case changeMeasure(MeasureChange)
    /// Puts the product back as it was (the undo of a change to it).
    case restoreProduct(Product)
    /// Puts a stakeholder, experiment or decision back as it was, or removes it (nil): the
    /// undo of an edit in $EDITOR.
    /// (Refused when the record is no longer as the edit left it, `expecting`.)
    case restoreStakeholder(RecordID<Stakeholder>, Stakeholder?, expecting: Stakeholder)
    case restoreExperiment(RecordID<Experiment>, Experiment?, expecting: Experiment)
    case restoreDecision(RecordID<Decision>, Decision?, expecting: Decision)
    /// Puts a backlog item back as it was, or removes it (nil): the undo of a save or delete;
    /// refused when the item is no longer as the change left it (`expecting`; nil: absent).
    case restoreBacklogItem(RecordID<BacklogItem>, BacklogItem?, expecting: BacklogItem?)
    /// Edits to write in other products' workspaces (or this one's, by its path): the undo of
    /// drafts reviewed from the All products view.
    case inProducts([ProductEdit])
}

/// What the program must do after an update, beyond redrawing.
public enum Effect: Sendable, Equatable {
    case quit
    case write(WorkspaceEdit, summary: String)
    case refresh
    /// Queue an AI job.
    case runJob(JobKind, parameters: JobParameters, inputs: [ArtifactReference])
    /// Accept, reject, edit or regenerate a draft.
    case review(ReviewRequest)
    case cancelJob(RecordID<Job>)
    case retryJob(RecordID<Job>)
    /// Read a file as a dry run and show what importing it would do.
    case previewImport(String)
    /// Import the file (after its preview).
    case importFile(String)
    /// Accept or reject the marked drafts, with the reason for a rejection.
    case bulkReview(accept: Bool, ids: [RecordID<Draft>], reason: String?)
    case rule(RuleRequest)
    /// Puts text on the clipboard (the terminal's OSC 52, or a clipboard program); `what` names it in the answer.
    case copyToClipboard(text: String, what: String)
    /// Writes a communication to a file, as Markdown or plain text by its extension.
    case exportCommunication(RecordID<Communication>, path: String)
    /// Opens the product's name, vision and goal in $EDITOR (`kept`: the text of an edit refused
    /// before, so that nothing typed is lost); the outcome comes back as `Msg.productEdited`.
    case editProduct(kept: String?)
    /// Opens a stakeholder, experiment or decision (nil id: a new one) in $EDITOR as a
    /// document (`kept`: the text of an edit refused before); the outcome is `Msg.documentEdited`.
    case editDocument(DocumentRecord, kept: String?)
    /// Opens the text of a form's field in $EDITOR; the text comes back as `Msg.fieldEdited`.
    case editField(text: String, name: String)
    /// Reads the portfolio's products with their drafts waiting and jobs running; they come
    /// back as `Msg.portfolioRead`.
    case readPortfolio(PortfolioRequest)
    /// Closes this product and opens the workspace at `path` in its place (at `draft`, for review).
    case openProduct(path: String, draft: RecordID<Draft>? = nil)
    /// Accepts or rejects drafts where they are, in any product's workspace (this one's too);
    /// the outcome is `Msg.portfolioReviewed`.
    case reviewInProducts(accept: Bool, drafts: [ProductDraft], reason: String?)
}

/// What the Product Owner decided about a draft.
public enum ReviewRequest: Sendable, Equatable {
    case accept(RecordID<Draft>)
    case reject(RecordID<Draft>, reason: String?)
    /// Open the draft's text in the editor.
    case edit(RecordID<Draft>)
    case regenerate(RecordID<Draft>)
}

/// How a review the program carried out ended.
public enum ReviewOutcome: Sendable, Equatable {
    case accepted(draftID: RecordID<Draft>, title: String, effect: String, changed: Int)
    case rejected(draftID: RecordID<Draft>, title: String)
    case edited(title: String, changed: Bool)
    /// A new draft is on its way; `keepsEdited`: the old one has the user's edits and stays.
    case regenerating(title: String, keepsEdited: Bool)
    /// The acceptance was taken back: the records it changed are as they were before.
    case undone(title: String)
}

/// A change to the product goal's measures.
public enum MeasureChange: Sendable, Equatable {
    case add(GoalMeasure)
    case setCurrent(name: String, value: Double)
    case remove(name: String)
}

/// How an edit of the product in $EDITOR ended.
public enum ProductEditOutcome: Sendable, Equatable {
    /// Saved; it was `before` until then.
    case saved(before: Product, summary: String)
    case unchanged
    /// Refused for `reason`; `text` is what the user wrote, kept for the next try.
    case refused(reason: String, text: String)
}

/// Work the program runs off the main loop, as the status bar shows it.
public struct BackgroundWork: Sendable, Equatable {
    /// "Accepting “Sentiment for 20000 items” (20000 records)".
    public var label: String
    public var since: Date
    /// Whether it reads the workspace (a large one opening) rather than writes to it.
    public var isReading: Bool

    public init(label: String, since: Date, isReading: Bool = false) {
        self.label = label
        self.since = since
        self.isReading = isReading
    }
}

/// A record edited as a document in $EDITOR: which one (nil: a new one).
public enum DocumentRecord: Sendable, Equatable {
    case stakeholder(RecordID<Stakeholder>?)
    case experiment(RecordID<Experiment>?)
    case decision(RecordID<Decision>?)
}

/// The text of a refused document edit, kept for the next try.
public struct KeptDocument: Sendable, Equatable {
    public var record: DocumentRecord
    public var text: String

    public init(record: DocumentRecord, text: String) {
        self.record = record
        self.text = text
    }
}

/// How an edit of a record in $EDITOR ended.
public enum DocumentOutcome: Sendable, Equatable {
    /// Saved: "Added the stakeholder “Ana”"; `restore` puts it back as it was.
    case saved(summary: String, restore: WorkspaceEdit)
    case unchanged
    /// Refused for `reason`; `text` is what the user wrote, kept for the next try.
    case refused(DocumentRecord, reason: String, text: String)
}
