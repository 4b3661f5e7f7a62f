import Foundation
import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumViewModels

/// The dashboard's main loop: draw, wait for a key or a change on disk, update, repeat.
/// Only this loop touches the backend; the workspace watcher hands snapshots over through a mailbox.
public final class Program {
    let store: WorkspaceStore
    let backend: TerminalBackend
    private let theme: Theme
    var state: AppState
    var previous: Buffer?
    let mailbox = Mailbox()
    /// Runs AI jobs; nil shows the dashboard without them (e.g. in rendering tests).
    var engine: JobEngine?
    /// Automation while the dashboard is open (nil: none, e.g. in rendering tests).
    var automation: AutomationLoop?
    /// Rule edits that could not be saved, by rule id: `e` reopens them.
    var unsavedRuleEdits: [String: String] = [:]
    var review: DraftReview { DraftReview(store: store) }

    /// Sets the provider each job kind runs on (from the config file; the built-in engine
    /// otherwise). The state shows it before a job runs, and jobs are queued on it.
    public func useProviders(_ choose: (JobKind, Stance) -> ProviderInfo) {
        for info in JobKindInfo.all { state.providerForKind[info.kind] = choose(info.kind, info.stance) }
    }

    /// Lets the dashboard queue AI jobs on `engine`; its events reach the loop through the mailbox.
    public func attach(_ engine: JobEngine) {
        self.engine = engine
        // Panes are rebuilt on a queue of their own, so a job's worker never waits for them.
        let preparer = DispatchQueue(label: "podium.program.prepare", qos: .userInitiated)
        let mailbox = mailbox, store = store
        @Sendable func prepare(_ collections: [RecordCollection]) {
            preparer.async {
                var changes = WorkspaceChanges()
                for collection in collections { changes.records[collection] = [] }
                let (snapshot, generation) = store.versionedSnapshot
                mailbox.post(PreparedSnapshot(snapshot, changes: mailbox.pendingChanges.merging(changes), generation: generation), changes)
            }
        }
        engine.setEventHandler { event in
            switch event {
            case let .progress(id, step):
                mailbox.post(activity: id.rawValue, step: step)
            case let .jobChanged(job):
                if job.status.isFinished { mailbox.post(activity: job.id.rawValue, step: nil) }
                switch job.status {
                case .failed: mailbox.post(notice: "\(job.kind) failed: \(job.error ?? "no reason given")", pointer: "7 shows it")
                case .interrupted, .cancelled: mailbox.post(notice: "\(job.kind) \(job.status.rawValue).")
                default: break
                }
                // A job's own changes touch the Orchestrator only; a new draft touches every
                // pane (each shows its drafts), below.
                prepare([.jobs])
            case let .draftReady(draft):
                prepare([.jobs, .drafts])
                mailbox.post(select: draft.id.rawValue)
                if draft.status == .accepted {
                    mailbox.post(notice: "Auto-accepted: “\(draft.title.sanitizedForTerminal())” (\(draft.kind), low risk) · Enter on it in 7, then u, undoes it")
                } else {
                    mailbox.post(notice: "Draft ready: “\(draft.title.sanitizedForTerminal())” · D in its pane (\(draft.stance.title)) or Enter in 7 reviews it")
                }
            case let .streamed(id, text):
                mailbox.post(text: text, for: id.rawValue)
            }
        }
    }

    public init(store: WorkspaceStore, backend: TerminalBackend, theme: Theme, keyMap: KeyMap, message: String? = nil) {
        self.store = store
        self.backend = backend
        self.theme = theme
        state = AppState(snapshot: store.snapshot, location: Program.shortPath(store.layout.rootPath), keyMap: keyMap)
        state.message = message.map { "Config: " + $0 }
    }


    /// A program over a state already built (e.g. on a background queue while a loading
    /// screen was shown).
    public init(store: WorkspaceStore, state: AppState, backend: TerminalBackend, theme: Theme) {
        self.store = store
        self.backend = backend
        self.theme = theme
        self.state = state
    }

    /// Opens the workspace at `location` on a background queue while the terminal shows a
    /// loading screen, so the first frame comes at once however large the workspace is.
    /// Returns nil when the user quit (or a stop signal came) before it was ready.
    public static func load(
        _ location: URL, backend: TerminalBackend, theme: Theme, keyMap: KeyMap
    ) throws -> (WorkspaceStore, AppState)? {
        let box = LoadResult()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                let store = try WorkspaceStore.open(at: location)
                var state = AppState(snapshot: store.snapshot, location: shortPath(store.layout.rootPath), keyMap: keyMap)
                if !store.problems.isEmpty {
                    state.message = "\(store.problems.count) problem\(store.problems.count == 1 ? "" : "s") while opening: "
                        + store.problems[0].description
                }
                box.set(.success((store, state)))
            } catch {
                box.set(.failure(error))
            }
        }
        var previous: Buffer?
        let started = Date()
        while true {
            if let result = box.take() { return try result.get() }
            let size = backend.size
            let frame = LoadingScreen.render(path: shortPath(location.path), seconds: Date().timeIntervalSince(started),
                                             width: size.width, height: size.height, theme: theme)
            let changes = frame.changes(since: previous)
            if !changes.isEmpty { backend.draw(changes) }
            previous = frame
            switch backend.nextEvent(timeoutMilliseconds: 50) {
            case .stopRequested?: return nil
            case .key(let key)? where key == .character("q") || key == .control("c"): return nil
            case .resized?: previous = nil
            default: break
            }
        }
    }

    /// Runs until the user quits or a stop is requested.
    public func run() {
        // The watcher's queue also builds the panes a change touches, so the main loop only swaps them in.
        let watcher = WorkspaceWatcher(store: store, onChange: { [mailbox, store] changes in
            let (snapshot, generation) = store.versionedSnapshot
            mailbox.post(PreparedSnapshot(snapshot, changes: mailbox.pendingChanges.merging(changes), generation: generation), changes)
        },
                                       onError: { [mailbox] error in mailbox.post(error: "\(error)") })
        watcher.start()
        defer { watcher.stop() }
        var dirty = true
        var shownAt = Date.distantPast  // when a key's answer or a notice was last put in the status bar
        let size = backend.size
        _ = state.update(.resized(width: size.width, height: size.height))
        while true {
            if let (prepared, missing) = mailbox.takeSnapshot() {
                _ = state.update(.workspacePrepared(prepared))
                if let missing {
                    _ = state.update(.workspaceChanged(prepared.snapshot, changes: missing, generation: prepared.generation))
                }
                dirty = true
            }
            for (id, step) in mailbox.takeActivity() {
                _ = state.update(.jobActivity(jobID: id, step: step))
                dirty = true
            }
            for (id, text) in mailbox.takeTexts() {
                _ = state.update(.jobText(jobID: id, text: text))
                dirty = true
            }
            if let id = mailbox.pendingSelection, state.selectInOrchestrator(id) {
                mailbox.clearSelection(id)
                dirty = true
            }
            let notices = mailbox.takeNotices()
            if !notices.isEmpty {
                let pointer = state.focusedStance == .orchestrator ? nil : notices.compactMap(\.pointer).last
                let text = notices.map(\.text).joined(separator: " · ") + (pointer.map { " · " + $0 } ?? "")
                // What was shown a moment ago (a key's answer, an import) stays readable: what
                // arrives just after follows it instead of replacing it.
                if let shown = state.message, Date().timeIntervalSince(shownAt) < 3, shown.count < 400 {
                    let wasNotice = state.messageIsNotice
                    state.message = shown + " · " + text
                    state.messageIsNotice = wasNotice
                } else {
                    state.notify(text)
                    shownAt = Date()
                }
                dirty = true
            }
            if let error = mailbox.takeError() {
                state.message = "Reload failed: \(error)"
                dirty = true
            }
            if dirty {
                drawFrame()
                dirty = false
            }
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else { continue }
            switch event {
            case .stopRequested:
                return
            case .resized:
                previous = nil
                let size = backend.size
                _ = state.update(.resized(width: size.width, height: size.height))
            case let .key(key):
                for effect in state.update(.key(key)) {
                    switch effect {
                    case .quit: return
                    case .refresh: refresh()
                    case let .write(edit, summary): apply(edit, summary: summary)
                    case let .runJob(kind, parameters, inputs): runJob(kind, parameters: parameters, inputs: inputs)
                    case let .review(request): perform(request)
                    case let .previewImport(path): previewImport(path)
                    case let .importFile(path): importFile(path)
                    case let .cancelJob(id): control { try $0.cancel(RecordID(id)) }
                    case let .retryJob(id): control { try $0.retry(RecordID(id)) }
                    case let .bulkReview(accept, ids, reason): bulkReview(accept: accept, ids: ids, reason: reason)
                    case let .rule(request): perform(request)
                    }
                }
                if state.message != nil, !state.messageIsNotice { shownAt = Date() }
            }
            dirty = true
        }
    }

    private func drawFrame() {
        let size = backend.size
        let frame = DashboardView.render(&state, width: size.width, height: size.height, theme: theme)
        let changes = frame.changes(since: previous)
        if !changes.isEmpty { backend.draw(changes) }
        previous = frame
    }

    private func refresh() {
        do {
            let changes = try store.refresh()
            let (snapshot, generation) = store.versionedSnapshot
            _ = state.update(.workspaceChanged(snapshot, changes: nil, generation: generation))
            state.message = changes.isEmpty ? "Up to date." : "Reloaded."
        } catch {
            _ = state.update(.writeFailed("\(error)"))
        }
    }

    // MARK: Importing

    /// A path as typed: `~` is the home folder, relative paths start where Podium started.
    static func expand(_ path: String) -> URL {
        var trimmed = path.trimmingCharacters(in: .whitespaces)
        // A path dropped into the terminal comes quoted or with escaped spaces.
        if trimmed.count >= 2, let first = trimmed.first, first == "'" || first == "\"", trimmed.last == first {
            trimmed = String(trimmed.dropFirst().dropLast())
        } else if trimmed.contains("\\") {
            var unescaped = ""
            var escaping = false
            for character in trimmed {
                if escaping || character != "\\" { unescaped.append(character); escaping = false } else { escaping = true }
            }
            trimmed = unescaped
        }
        if trimmed == "~" || trimmed.hasPrefix("~/") {
            return URL(fileURLWithPath: FileManager.default.homeDirectoryForCurrentUser.path + trimmed.dropFirst())
        }
        return URL(fileURLWithPath: trimmed)
    }

    private func previewImport(_ path: String) {
        do {
            let report = try FeedbackImporter.importFile(at: Self.expand(path), into: store, options: FeedbackImportOptions(dryRun: true))
            _ = state.update(.importPreviewed(ImportPreview(path: path, lines: report.lines(shown: 8), importable: report.imported > 0)))
        } catch {
            var lines = "\(error)".split(separator: "\n").map(String.init)
            if let error = error as? ImportError {
                switch error {
                case .severalTextColumns, .noTextColumn, .badMapping:
                    lines += ["", "In a shell: podium import feedback '\(Self.expand(path).path)' --dry-run with the option above"]
                default:
                    break
                }
            }
            _ = state.update(.importPreviewed(ImportPreview(path: path, lines: lines, importable: false)))
        }
    }

    private func importFile(_ path: String) {
        do {
            let url = Self.expand(path)
            let report = try FeedbackImporter.importFile(at: url, into: store)
            refreshPanes([.feedback, .audit])
            state.message = report.summary
            runImportRules(report, file: url.lastPathComponent)
        } catch {
            state.message = "Not imported: \("\(error)".split(separator: "\n").first ?? "")"
        }
    }

    // MARK: AI jobs and review

    private func runJob(_ kind: JobKind, parameters: JobParameters, inputs: [ArtifactReference]) {
        guard let engine else {
            state.message = "AI jobs are not available here."
            return
        }
        do {
            try engine.enqueue(kind, parameters: parameters, inputs: inputs, provider: state.provider(for: kind))
            refreshPanes([.jobs])
        } catch {
            _ = state.update(.writeFailed("\(error)"))
        }
    }

    private func control(_ body: (JobEngine) throws -> Any) {
        guard let engine else { return }
        do {
            _ = try body(engine)
            refreshPanes([.jobs])
        } catch {
            state.message = "\(error)"
        }
    }

    private func perform(_ request: ReviewRequest) {
        do {
            switch request {
            case let .accept(id):
                let draft = try review.accept(RecordID(id))
                refreshPanes(nil)
                _ = state.update(.reviewed(.accepted(draftID: id, title: draft.title, effect: draft.kind.info?.onAccept ?? "applied",
                                                     changed: draft.appliedChanges?.count ?? 0)))
            case let .reject(id, reason):
                let draft = try review.reject(RecordID(id), reason: reason)
                refreshPanes([.drafts])
                _ = state.update(.reviewed(.rejected(draftID: id, title: draft.title)))
            case let .edit(id):
                guard let draft = store.snapshot.drafts[RecordID(id)] else { return }
                var outcome: Result<String?, any Error> = .success(nil)
                backend.runOutside { outcome = Result { try ExternalEditor.edit(draft.content, name: "draft-\(draft.id.short)") } }
                previous = nil
                guard let text = try outcome.get() else {
                    _ = state.update(.reviewed(.edited(title: draft.title, changed: false)))
                    return
                }
                let edited = try review.edit(draft.id, content: text)
                refreshPanes([.drafts])
                _ = state.update(.reviewed(.edited(title: edited.title, changed: true)))
            case let .regenerate(id):
                guard let engine else { return }
                let old = store.snapshot.drafts[RecordID(id)]
                try engine.regenerate(RecordID(id))
                refreshPanes([.jobs])
                _ = state.update(.reviewed(.regenerating(title: old?.title ?? "draft", keepsEdited: !(old?.edits.isEmpty ?? true))))
            }
        } catch {
            state.message = "\(error)"
        }
    }

    /// Shows the store's state after this process wrote to it (nil: anything may have changed).
    func refreshPanes(_ collections: [RecordCollection]?) {
        var changes: WorkspaceChanges?
        if let collections {
            var changed = WorkspaceChanges()
            for collection in collections { changed.records[collection] = [] }
            changes = changed
        }
        let (snapshot, generation) = store.versionedSnapshot
        _ = state.update(.workspaceChanged(snapshot, changes: changes, generation: generation))
    }

    /// Writes a change the user made, with an audit entry, and shows the result.
    private func apply(_ edit: WorkspaceEdit, summary: String) {
        switch edit {
        case let .undoAcceptances(ids):
            undoAcceptances(ids)
            return
        case let .undoRejections(ids):
            undoRejections(ids)
            return
        case let .restoreRule(rule):
            restore(rule)
            return
        case let .deleteRule(id):
            deleteRule(id)
            return
        default:
            break
        }
        if case let .undoAcceptance(id) = edit {
            do {
                let draft = try review.undoAccept(RecordID(id))
                refreshPanes(nil)
                _ = state.update(.reviewed(.undone(title: draft.title, restored: 0)))
                state.message = "Undid accepting “\(PaneBuilder.clean(draft.title))”: the records it changed are back as they were."
            } catch {
                _ = state.update(.writeFailed("\(error)"))
            }
            return
        }
        do {
            try store.write { transaction in
                switch edit {
                case let .setBacklogOrder(orders):
                    for (id, order) in orders {
                        try transaction.update(BacklogItem.self, id: RecordID(id)) {
                            $0.order = order
                            $0.updatedAt = Date()
                        }
                    }
                case .undoAcceptance, .undoAcceptances, .undoRejections, .restoreRule, .deleteRule:
                    break
                }
                try transaction.log(AuditEntry(actor: AuditEntry.currentActor, action: .update, summary: summary,
                                               details: ["stance": Stance.decisionMaker.rawValue, "kind": "backlog-order"]))
            }
            refreshPanes([.backlog])
        } catch {
            _ = state.update(.writeFailed("\(error)"))
        }
    }

    /// A path with the home folder written as `~`.
    public static func shortPath(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return !home.isEmpty && home != "/" && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}

/// The result of the background load, handed to the main loop.
final class LoadResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<(WorkspaceStore, AppState), any Error>?

    func set(_ value: Result<(WorkspaceStore, AppState), any Error>) { lock.withLock { result = value } }
    func take() -> Result<(WorkspaceStore, AppState), any Error>? { lock.withLock { result } }
}

/// What the terminal shows while a workspace opens.
public enum LoadingScreen {
    public static func render(path: String, seconds: Double, width: Int, height: Int, theme: Theme) -> Buffer {
        var buffer = Buffer(width: width, height: height, fill: Cell(style: theme[.background]))
        let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")[Int(seconds * 10) % 10]
        let lines = ["Podium", "\(spinner) Opening \(path)…", "q quits"]
        for (index, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, to: width)
            buffer.write(text, x: max(0, (width - DisplayWidth.of(text)) / 2), y: max(0, height / 2 - 1 + index),
                         style: index == 0 ? theme[.title] : index == 2 ? theme[.muted] : theme[.text])
        }
        return buffer
    }
}

/// Hands the watcher's findings to the main loop (latest snapshot wins).
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: PreparedSnapshot?
    private var changes = WorkspaceChanges()
    private var error: String?
    private var activity: [(String, String?)] = []

    /// What a job is doing now (nil: it ended).
    func post(activity id: String, step: String?) { lock.withLock { activity.append((id, step)) } }

    func takeActivity() -> [(String, String?)] { lock.withLock { defer { activity = [] }; return activity } }

    private var notices: [(text: String, pointer: String?)] = []
    private var selection: String?

    /// A new draft the Orchestrator should select once its row is there.
    func post(select id: String) { lock.withLock { selection = id } }
    var pendingSelection: String? { lock.withLock { selection } }
    func clearSelection(_ id: String) { lock.withLock { if selection == id { selection = nil } } }
    private var texts: [String: String] = [:]

    /// The text a job has streamed so far (the latest wins).
    func post(text: String, for id: String) { lock.withLock { texts[id] = text } }

    func takeTexts() -> [(String, String)] { lock.withLock { defer { texts = [:] }; return texts.map { ($0.key, $0.value) } } }

    /// A one-line message for the status bar; `pointer` ("7 shows it") is added unless the
    /// Orchestrator, where it points, is in view. Notices posted between two frames are all
    /// shown, in order (a file imported, then its rules' results).
    func post(notice: String, pointer: String? = nil) { lock.withLock { notices.append((notice, pointer)) } }

    func takeNotices() -> [(text: String, pointer: String?)] { lock.withLock { defer { notices = [] }; return notices } }

    /// Everything changed since the loop last took a snapshot (a newer snapshot must
    /// rebuild the panes an older, untaken one had rebuilt).
    var pendingChanges: WorkspaceChanges { lock.withLock { changes } }

    /// Keeps the newest prepared snapshot (by store generation: one built from an older state
    /// of the store never replaces a newer one) and what has changed since the loop last looked.
    func post(_ snapshot: PreparedSnapshot, _ changes: WorkspaceChanges) {
        lock.withLock {
            if let kept = self.snapshot?.generation, let offered = snapshot.generation, offered < kept {
                // Older: the newer snapshot stays, but its panes were built without these
                // changes, so the loop rebuilds the panes they touch.
                staleChanges.merge(changes)
            } else {
                self.snapshot = snapshot
            }
            self.changes.merge(changes)
        }
    }

    func post(error: String) { lock.withLock { self.error = error } }

    private var staleChanges = WorkspaceChanges()

    /// The newest snapshot, and the changes whose panes it lacks (to be rebuilt by the loop).
    func takeSnapshot() -> (PreparedSnapshot, missing: WorkspaceChanges?)? {
        lock.withLock {
            defer {
                snapshot = nil
                changes = WorkspaceChanges()
                staleChanges = WorkspaceChanges()
            }
            return snapshot.map { ($0, staleChanges.isEmpty ? nil : staleChanges) }
        }
    }
    func takeError() -> String? { lock.withLock { defer { error = nil }; return error } }
}
