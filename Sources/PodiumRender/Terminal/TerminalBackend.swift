import Foundation

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
    /// Puts `text` on the clipboard through the terminal (OSC 52); false when this terminal
    /// cannot be asked to.
    func copyToClipboard(_ text: String) -> Bool
}

extension TerminalBackend {
    public func runOutside(_ body: () -> Void) { body() }
    public func copyToClipboard(_ text: String) -> Bool { false }
}

/// The escape sequence that asks a terminal to put text on the system clipboard (OSC 52):
/// the text travels base64-encoded, so nothing in it can act on the terminal.
public enum ClipboardSequence {
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}

/// Something the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized
    /// A signal asked the program to stop (SIGTERM, SIGHUP, SIGINT).
    case stopRequested
}

