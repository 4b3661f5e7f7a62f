/// What a terminal must do for the dashboard. The curses backend is one; tests use others.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows the cells that changed since the last frame, in one update.
    func draw(_ changes: [Buffer.Change])
    /// Waits up to `milliseconds` for input.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
    /// Hands the terminal to another program (an editor) while `body` runs, then takes it
    /// back; the next frame must be drawn whole.
    func runOutside(_ body: () -> Void)
}

extension TerminalBackend {
    public func runOutside(_ body: () -> Void) { body() }
}

/// Something the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized
    /// A signal asked the program to stop (SIGTERM, SIGHUP, SIGINT).
    case stopRequested
}

