import Foundation
import PodiumRender
import PodiumStore
import PodiumViewModels

/// What the terminal shows while a workspace opens.
public enum LoadingScreen {
    /// The screen while the workspace at `path` opens: the name, a spinner that turns with
    /// `seconds`, the path and how to quit, centred on a `width` × `height` screen.
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

extension Program {
    /// Opens the workspace at `location` on a background queue while the terminal shows a
    /// loading screen, so the first frame comes at once however large the workspace is.
    /// Returns nil when the user quit (or a stop signal came) before it was ready.
    public static func load(
        _ location: URL, backend: TerminalBackend, theme: Theme, keyMap: KeyMap
    ) throws -> (WorkspaceStore, AppState)? {
        let box = LoadResult()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                // The large collections stream in once the dashboard shows (Program.readingTheRest).
                let store = WorkspaceStore.isLarge(at: location)
                    ? try WorkspaceStore.open(at: location, deferring: WorkspaceStore.largeCollections)
                    : try WorkspaceStore.open(at: location)
                box.set(.success((store, initialState(store, keyMap: keyMap))))
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
            // A short wait: the dashboard follows as soon as the workspace is read.
            switch backend.nextEvent(timeoutMilliseconds: 5) {
            case .stopRequested?: return nil
            case .key(let key)? where key == .character("q") || key == .control("c"): return nil
            case .resized?: previous = nil
            default: break
            }
        }
    }
}

/// The result of the background load, handed to the main loop.
final class LoadResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<(WorkspaceStore, AppState), any Error>?

    func set(_ value: Result<(WorkspaceStore, AppState), any Error>) { lock.withLock { result = value } }
    func take() -> Result<(WorkspaceStore, AppState), any Error>? { lock.withLock { result } }
}
