#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back on every way out: a stop signal (SIGTERM, SIGHUP, SIGINT, and
/// SIGQUIT — Ctrl-\ — which would otherwise start Swift's interactive crash reporter over the
/// dashboard) asks the main loop to quit normally; a crash (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, and SIGILL/SIGTRAP,
/// which Swift's runtime traps and `fatalError` raise) restores the saved terminal modes and
/// leaves the alternate screen with async-signal-safe calls only, then re-raises the signal
/// so the process still dies of it (core dumps and exit statuses stay truthful).
/// Ctrl-Z is ncurses' own: it leaves the screen, stops, and repaints on `fg`.
enum TerminalGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var stopFlag: sig_atomic_t = 0

    static let stopSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP]

    /// Whether a stop signal arrived.
    static var stopRequested: Bool { stopFlag != 0 }

    /// The stop signal that arrived, if any (the process exits with 128 + it).
    static var stopSignal: Int32 { Int32(stopFlag) }

    /// Remembers the terminal's modes before curses changes them.
    static func saveTerminalState() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
    }

    static func install() {
        stopFlag = 0
        for signal in stopSignals { _ = Glibc.signal(signal) { number in TerminalGuard.requestStop(number) } }
        for signal in crashSignals { _ = Glibc.signal(signal) { number in TerminalGuard.crashed(number) } }
    }

    static func uninstall() {
        for signal in stopSignals + crashSignals { _ = Glibc.signal(signal, SIG_DFL) }
    }

    private static func requestStop(_ number: Int32) {
        stopFlag = sig_atomic_t(number)
    }

    /// Restores the terminal from inside a signal handler, then dies of the same signal.
    private static func crashed(_ number: Int32) {
        // Leave the alternate screen, show the cursor, reset colors, put the cursor keys and
        // the keypad back in normal mode (curses turned both to application mode), move to a
        // new line.
        let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\u{1B}[?1l\u{1B}>\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        _ = Glibc.signal(number, SIG_DFL)
        _ = raise(number)
    }
}
