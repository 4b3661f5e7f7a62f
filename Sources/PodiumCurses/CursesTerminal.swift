#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import Foundation
import PodiumRender

/// The dashboard's terminal, through ncursesw: wide characters, 256 colors with a 16/8-color
/// fallback (none at all with `NO_COLOR`), keys through `get_wch`, and the terminal restored
/// on every way out (see `TerminalGuard`).
public final class CursesTerminal: TerminalBackend {
    /// How many colors the terminal gets.
    enum ColorMode {
        case none, ansi8, ansi16, full
    }

    private let colorMode: ColorMode
    private var pairs: [PairKey: Int16] = [:]
    private var isOpen = true

    private struct PairKey: Hashable {
        var foreground: TerminalColor
        var background: TerminalColor
    }

    /// Why the terminal could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Takes over the terminal. `noColor` (from `NO_COLOR`) draws with attributes only.
    public init(noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw OpenError(description: "the dashboard needs a terminal (standard input and output are not one); try `podium list` or `podium export`")
        }
        setlocale(LC_ALL, "")
        TerminalGuard.saveTerminalState()
        guard podium_newterm() != nil else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "unset"
            throw OpenError(description: "cannot open the terminal (TERM=\(term)); is TERM set to a terminal ncurses knows?")
        }
        cbreak()
        noecho()
        nonl()
        keypad(podium_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            let colors = podium_colors()
            colorMode = colors >= 256 ? .full : colors >= 16 ? .ansi16 : .ansi8
        } else {
            colorMode = .none
        }
        TerminalGuard.install()
    }

    deinit { close() }

    /// The signal (SIGTERM, SIGHUP, SIGINT) that stopped the dashboard, if one did.
    public var stopSignal: Int32? {
        TerminalGuard.stopRequested ? TerminalGuard.stopSignal : nil
    }

    /// Gives the terminal back as it was.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        TerminalGuard.uninstall()
    }

    public func runOutside(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        clearok(podium_stdscr(), true)
        wrefresh(podium_stdscr())
    }

    /// Writes OSC 52 straight to the terminal, after curses' own output; the Linux console
    /// and dumb terminals do not know it.
    public func copyToClipboard(_ text: String) -> Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard isOpen, term != "linux", term != "dumb", !term.isEmpty else { return false }
        let bytes = Array(ClipboardSequence.osc52(text).utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    public var size: (width: Int, height: Int) {
        (Int(podium_cols()), Int(podium_lines()))
    }

    public func draw(_ changes: [Buffer.Change]) {
        let screen = podium_stdscr()
        var cell = cchar_t()
        for change in changes {
            for (offset, item) in change.cells.enumerated() where !item.isContinuation {
                var characters = item.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
                if characters.isEmpty { characters = [wchar_t(32)] }
                characters.append(0)
                let (attributes, pair) = look(item.style)
                _ = characters.withUnsafeBufferPointer { setcchar(&cell, $0.baseAddress, attributes, pair, nil) }
                _ = mvwadd_wch(screen, Int32(change.y), Int32(change.x + offset), &cell)
            }
        }
        wnoutrefresh(screen)
        doupdate()
    }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        if TerminalGuard.stopRequested { return .stopRequested }
        let screen = podium_stdscr()
        wtimeout(screen, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(screen, &character)
        if TerminalGuard.stopRequested { return .stopRequested }
        switch result {
        case KEY_CODE_YES:
            return Self.functionKey(Int32(character))
        case OK:
            return Self.characterKey(UInt32(character)).map(TerminalEvent.key)
        default:
            return nil
        }
    }

    // MARK: Keys

    static func functionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE: return .resized
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        default:
            for number in 1...24 where code == podium_key_f(Int32(number)) { return .key(.function(number)) }
            return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(value + 96)!))
        case 0..<32: return nil
        default: return UnicodeScalar(value).map { .character(Character($0)) }
        }
    }

    // MARK: Colors

    private func look(_ style: Style) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        if style.attributes.contains(.bold) { attributes |= podium_a_bold() }
        if style.attributes.contains(.dim) { attributes |= podium_a_dim() }
        if style.attributes.contains(.italic) { attributes |= podium_a_italic() }
        if style.attributes.contains(.underline) { attributes |= podium_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= podium_a_reverse() }
        guard colorMode != .none else { return (attributes, 0) }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if let pair = pairs[key] { return (attributes, pair) }
        guard pairs.count + 1 < min(Int(podium_color_pairs()), Int(Int16.max)) else { return (attributes, 0) }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, number(style.foreground), number(style.background))
        pairs[key] = pair
        return (attributes, pair)
    }

    /// The curses color number for a color in this terminal's mode (-1: the default).
    private func number(_ color: TerminalColor) -> Int16 {
        switch (color, colorMode) {
        case (.default, _), (_, .none): return -1
        case let (.indexed(index), .full): return Int16(index)
        case let (.ansi(index), _): return Int16(colorMode == .ansi8 ? index % 8 : index)
        case (.indexed, _):
            guard case let .ansi(index) = color.ansi16 else { return -1 }
            return Int16(colorMode == .ansi8 ? index % 8 : index)
        }
    }
}
