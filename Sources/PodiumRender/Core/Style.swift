/// A terminal color: the terminal's default, one of the 16 ANSI colors, or one of 256.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then their bright forms.
    case ansi(UInt8)
    /// 0–255 of the xterm palette.
    case indexed(UInt8)

    /// The closest of the 16 ANSI colors, for terminals without 256 colors.
    public var ansi16: TerminalColor {
        switch self {
        case .default, .ansi: return self
        case let .indexed(index) where index < 16: return .ansi(index)
        case let .indexed(index) where index >= 232:
            let level = Int(index) - 232  // 0…23 grey ramp
            return .ansi(level < 6 ? 0 : level < 12 ? 8 : level < 18 ? 7 : 15)
        case let .indexed(index):
            let cube = Int(index) - 16
            let (red, green, blue) = (cube / 36, (cube / 6) % 6, cube % 6)
            let bright = max(red, green, blue) >= 4
            let bits = (red >= 2 ? 1 : 0) | (green >= 2 ? 2 : 0) | (blue >= 2 ? 4 : 0)
            return .ansi(UInt8(bits + (bright && bits != 0 ? 8 : 0)))
        }
    }
}

/// Text attributes.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let reverse = TextAttributes(rawValue: 16)
}

/// How a cell looks: colors and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style with `other`'s colors where they are not the default, and both attributes.
    public func patched(with other: Style) -> Style {
        Style(foreground: other.foreground == .default ? foreground : other.foreground,
              background: other.background == .default ? background : other.background,
              attributes: attributes.union(other.attributes))
    }

    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
