import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumViewModels

/// The dashboard's main loop: draw, wait for a key or a change on disk, update, repeat.
/// Only this loop touches the backend; the workspace watcher hands snapshots over through a mailbox.
public final class Program {
    private let store: WorkspaceStore
    private let backend: TerminalBackend
    private let theme: Theme
    private var state: AppState
    private var previous: Buffer?
    private let mailbox = Mailbox()

    public init(store: WorkspaceStore, backend: TerminalBackend, theme: Theme, keyMap: KeyMap) {
        self.store = store
        self.backend = backend
        self.theme = theme
        state = AppState(snapshot: store.snapshot, location: Program.shortPath(store.layout.rootPath), keyMap: keyMap)
    }

    /// Runs until the user quits or a stop is requested.
    public func run() {
        let watcher = WorkspaceWatcher(store: store, onChange: { [mailbox, store] _ in mailbox.post(store.snapshot) },
                                       onError: { [mailbox] error in mailbox.post(error: "\(error)") })
        watcher.start()
        defer { watcher.stop() }
        var dirty = true
        let size = backend.size
        _ = state.update(.resized(width: size.width, height: size.height))
        while true {
            if let snapshot = mailbox.takeSnapshot() {
                _ = state.update(.workspaceChanged(snapshot))
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
                    }
                }
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
            _ = state.update(.workspaceChanged(store.snapshot))
            state.message = changes.isEmpty ? "Up to date." : "Reloaded."
        } catch {
            _ = state.update(.writeFailed("\(error)"))
        }
    }

    /// Writes a change the user made, with an audit entry, and shows the result.
    private func apply(_ edit: WorkspaceEdit, summary: String) {
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
                }
                try transaction.log(AuditEntry(actor: AuditEntry.currentActor, action: .update, summary: summary))
            }
            _ = state.update(.workspaceChanged(store.snapshot))
        } catch {
            _ = state.update(.writeFailed("\(error)"))
        }
    }

    /// A path with the home folder written as `~`.
    static func shortPath(_ path: String) -> String {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}

/// Hands the watcher's findings to the main loop (latest snapshot wins).
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: WorkspaceSnapshot?
    private var error: String?

    func post(_ snapshot: WorkspaceSnapshot) { lock.withLock { self.snapshot = snapshot } }
    func post(error: String) { lock.withLock { self.error = error } }
    func takeSnapshot() -> WorkspaceSnapshot? { lock.withLock { defer { snapshot = nil }; return snapshot } }
    func takeError() -> String? { lock.withLock { defer { error = nil }; return error } }
}
