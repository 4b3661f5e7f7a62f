import Foundation
import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumViewModels

/// The dashboard's main loop: draw, wait for a key or for news from background work, update,
/// carry out the effects, repeat.
///
/// Program only interprets effects: the state changes through `AppState.update` alone, and
/// the outcome of every effect comes back to it as a `Msg` (bubbletea's runtime, TCA's store).
/// Only this loop touches the backend; the workspace watcher, the job engine and automation
/// hand their news over through the `Mailbox`.
public final class Program {
    /// Records a change may write before it runs off the main loop (the benchmark sets it
    /// out of reach to measure the screen with every change on the main loop).
    public var backgroundThreshold = Program.defaultBackgroundThreshold
    let store: WorkspaceStore
    let backend: TerminalBackend
    private let theme: Theme
    /// What the dashboard shows. Read it freely; it changes only through `send`.
    public private(set) var state: AppState
    /// Layout the view keeps between frames (scroll offsets, prepared text).
    private var view = DashboardViewState()
    /// The last frame drawn (nil: the next frame is drawn whole).
    var previous: Buffer?
    let mailbox = Mailbox()
    /// Runs AI jobs; nil shows the dashboard without them (e.g. in rendering tests).
    var engine: JobEngine?
    /// Automation while the dashboard is open (nil: none, e.g. in rendering tests).
    var automation: AutomationLoop?
    /// Reads the portfolio's products with their drafts and jobs, for the switcher (Ctrl-O) and
    /// the All products view; called off the main loop. Nil: no portfolio (the views say how
    /// to make one).
    public var portfolio: (@Sendable () -> PortfolioInbox)?
    /// The workspace the user chose to open next (Ctrl-O), set when `run` returns for it.
    public private(set) var nextWorkspace: URL?
    /// The draft to review once `nextWorkspace` is open (Enter in the All products view).
    public private(set) var nextDraft: RecordID<Draft>?
    /// Rule edits that could not be saved, by rule id: `e` reopens them.
    var unsavedRuleEdits: [RecordID<AutomationRule>: String] = [:]
    var review: DraftReview { DraftReview(store: store) }

    /// A program over the open workspace in `store`, drawn on `backend` in `theme` with the
    /// keys of `keyMap`; `message` (a problem with the config file) shows in the status bar at once.
    public init(store: WorkspaceStore, backend: TerminalBackend, theme: Theme, keyMap: KeyMap, message: String? = nil) {
        self.store = store
        self.backend = backend
        self.theme = theme
        state = Program.initialState(store, keyMap: keyMap)
        if let message { send(.show("Config: " + message)) }
    }

    /// The dashboard's first state over `store`: its title bar names the folder and says
    /// when it is read-only; the status bar says why, or what was wrong while opening.
    static func initialState(_ store: WorkspaceStore, keyMap: KeyMap) -> AppState {
        let location = (store.readOnlyReason == nil ? "" : "READ-ONLY · ") + shortPath(store.layout.rootPath)
        var state = AppState(snapshot: store.snapshot, location: location, keyMap: keyMap)
        let problems = store.problems
        if let reason = store.readOnlyReason {
            _ = state.update(.show("Read-only: \(reason). Everything can be read; changes are refused."))
        } else if !problems.isEmpty {
            _ = state.update(.show("\(problems.count) problem\(problems.count == 1 ? "" : "s") while opening: " + problems[0].description))
        }
        return state
    }

    /// A program over a state already built (e.g. on a background queue while a loading
    /// screen was shown).
    public init(store: WorkspaceStore, state: AppState, backend: TerminalBackend, theme: Theme) {
        self.store = store
        self.backend = backend
        self.theme = theme
        self.state = state
    }

    // MARK: Configuration

    /// Sets the provider each job kind runs on (from the config file; the built-in engine
    /// otherwise). The state shows it before a job runs, and jobs are queued on it.
    public func useProviders(_ choose: (JobKind, Stance) -> ProviderInfo) {
        var providers: [JobKind: ProviderInfo] = [:]
        for info in JobKindInfo.all { providers[info.kind] = choose(info.kind, info.stance) }
        send(.providersChosen(providers))
    }

    /// Shows a message in the status bar (until the next key).
    public func show(_ message: String) {
        send(.show(message))
    }

    /// Shows the user's automation settings in the Orchestrator's views.
    public func useSettings(_ settings: PaneSettings) {
        send(.settingsChanged(settings))
    }

    // MARK: The loop

    /// Runs until the user quits or a stop is requested.
    public func run() {
        // The watcher's queue also builds the panes a change touches, so the main loop only swaps them in.
        let watcher = WorkspaceWatcher(store: store, onChange: { [mailbox, store] changes in
            let (snapshot, generation) = store.versionedSnapshot
            mailbox.post(PreparedSnapshot(snapshot, changes: mailbox.pendingChanges.merging(changes), generation: generation), changes)
        }, onError: { [mailbox, store] error in
            // The folder itself gone (moved, deleted, a disk unplugged) says so, not which file failed.
            let gone = !FileManager.default.fileExists(atPath: store.layout.workspaceFile)
            mailbox.post(error: gone ? "the workspace folder \(Program.shortPath(store.layout.rootPath)) is gone (moved, deleted, or on a disk not plugged in): "
                + "nothing can be saved here; Ctrl-O opens another product, q quits" : "\(error)")
        })
        watcher.start()
        defer { watcher.stop() }
        var dirty = true
        var nextTick = Date().addingTimeInterval(1)
        let size = backend.size
        send(.resized(width: size.width, height: size.height))
        // What is still to read is announced in the first frame, and starts after it.
        let rest = readingTheRest()
        if let rest { send(rest.announce) }
        drawFrame()
        rest?.start()
        while true {
            let news = mailbox.take()
            for msg in news where send(msg) { return }
            if !news.isEmpty { dirty = true }
            if dirty {
                drawFrame()
                dirty = false
            }
            // Background work shows its elapsed time: a frame every tick while it runs.
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                if state.backgroundWork != nil { dirty = true }
                if Date() >= nextTick {
                    nextTick = Date().addingTimeInterval(1)
                    if send(.tick) { return }
                }
                continue
            }
            switch event {
            case .stopRequested:
                return
            case .resized:
                previous = nil
                let size = backend.size
                send(.resized(width: size.width, height: size.height))
            case let .key(key):
                if send(.key(key)) { return }
            }
            dirty = true
        }
    }

    /// Applies `msg`, carries out the effects it returns and feeds each outcome back, until
    /// nothing is left. Returns true when an effect asked to quit.
    @discardableResult
    func send(_ msg: Msg) -> Bool {
        var pending = [msg]
        while !pending.isEmpty {
            for effect in state.update(pending.removeFirst()) {
                if effect == .quit { return true }
                if case let .openProduct(path, draft) = effect {
                    nextWorkspace = URL(fileURLWithPath: path)
                    nextDraft = draft
                    return true
                }
                pending += perform(effect)
            }
        }
        return false
    }

    private func drawFrame() {
        let size = backend.size
        let frame = DashboardView.render(state, view: &view, width: size.width, height: size.height, theme: theme)
        let changes = frame.changes(since: previous)
        if !changes.isEmpty { backend.draw(changes) }
        previous = frame
        if let limit = view.scrollLimit { send(.scrollLimit(limit)) }
    }

    /// A path with the home folder written as `~`.
    public static func shortPath(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return !home.isEmpty && home != "/" && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
