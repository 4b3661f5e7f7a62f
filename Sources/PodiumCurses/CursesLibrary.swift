import CNCurses

/// Facts about the ncurses library Podium was built against.
///
/// This module is the only one that imports curses; the terminal backend of the dashboard
/// lives here too.
public enum CursesLibrary {
    /// The library's own version text, e.g. "ncurses 6.4.20221231".
    public static var version: String {
        guard let text = curses_version() else { return "ncurses (unknown version)" }
        return String(cString: text)
    }
}
