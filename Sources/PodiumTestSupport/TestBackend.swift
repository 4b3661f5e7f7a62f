import Foundation
import PodiumRender

/// A terminal for tests that drives the dashboard's program without tmux (ratatui's
/// `TestBackend`): it plays a script of keys, resizes and waits, and keeps the screen as the
/// cells the program drew, so a test can read it.
public final class TestBackend: TerminalBackend, @unchecked Sendable {
    /// One step of the script.
    public enum Step {
        /// A key press.
        case key(Key)
        /// The terminal takes a new size.
        case resize(width: Int, height: Int)
        /// Lets the program run (draining its mailbox, drawing) until `condition` holds; after
        /// `seconds` the script stops and the wait is listed in `timedOut`.
        case wait(String, seconds: Double = 20, until: (TestBackend) -> Bool)
    }

    /// The terminal's size now (a `.resize` step changes it).
    public private(set) var size: (width: Int, height: Int)
    /// The screen as drawn so far.
    public private(set) var screen: Buffer
    /// How many frames the program drew.
    public private(set) var frames = 0
    /// How many times the program handed the terminal to another program (an editor).
    public private(set) var outsideRuns = 0
    /// The waits that ran out of time (empty when the script ran to its end).
    public private(set) var timedOut: [String] = []
    private var steps: [Step]
    private var waitingSince: Date?

    /// A terminal `width` × `height` that will play `script`, step by step.
    public init(width: Int, height: Int, script: [Step]) {
        size = (width, height)
        screen = Buffer(width: width, height: height)
        steps = script
    }

    /// Keys typed one character after another ("\n" is Enter).
    public static func typing(_ text: String) -> [Step] {
        text.map { $0 == "\n" ? .key(.enter) : .key(.character($0)) }
    }

    /// A wait for a text to be on the screen.
    public static func waitForScreen(_ text: String, seconds: Double = 20) -> Step {
        .wait("the screen shows \"\(text)\"", seconds: seconds) { $0.text.contains(text) }
    }

    /// The screen as plain text.
    public var text: String { screen.text }

    /// Counts a frame and puts the changed cells on the kept screen.
    public func draw(_ changes: [Buffer.Change]) {
        frames += 1
        for change in changes {
            for (offset, cell) in change.cells.enumerated() { screen.draw(cell, x: change.x + offset, y: change.y) }
        }
    }

    /// The script's next event; when the script is played out, a stop request.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard let step = steps.first else { return .stopRequested }
        switch step {
        case let .key(key):
            steps.removeFirst()
            return .key(key)
        case let .resize(width, height):
            steps.removeFirst()
            size = (width, height)
            screen = Buffer(width: width, height: height)
            return .resized
        case let .wait(name, seconds, condition):
            if condition(self) {
                steps.removeFirst()
                waitingSince = nil
                return nil
            }
            let started = waitingSince ?? Date()
            waitingSince = started
            if Date().timeIntervalSince(started) > seconds {
                timedOut.append(name)
                steps = []
                return .stopRequested
            }
            usleep(UInt32(min(timeoutMilliseconds, 10)) * 1_000)
            return nil
        }
    }

    /// What the program put on the clipboard, in order.
    public private(set) var copied: [String] = []

    public func copyToClipboard(_ text: String) -> Bool {
        copied.append(text)
        return true
    }

    /// Counts a hand-over to another program (an editor) and runs `body` at once.
    public func runOutside(_ body: () -> Void) {
        outsideRuns += 1
        body()
    }
}
