import Foundation

/// Writes to the terminal: results on standard output, problems on standard error.
enum Console {
    /// Prints a line on standard output.
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints raw text on standard output.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints `podium: MESSAGE` on standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("podium: " + message + "\n").utf8))
    }

    /// Prints `podium: MESSAGE` on standard error: what is happening, not a result.
    static func status(_ message: String) {
        FileHandle.standardError.write(Data(("podium: " + message + "\n").utf8))
    }

    /// Prints `podium: warning: MESSAGE` on standard error.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("podium: warning: " + message + "\n").utf8))
    }

    /// The terminal's width, from $COLUMNS, else 100.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        // Piped to a file or a log (cron): nothing is cut to fit a screen.
        guard isatty(STDOUT_FILENO) == 1 else { return 400 }
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col >= 40 ? Int(size.ws_col) : 100
    }
}
