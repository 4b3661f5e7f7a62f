/// A role that widgets and panes color by; a theme gives each a style.
///
/// The generic roles are here; the layers above add their own (each pane has a role for
/// its tab), as static members named like their key in theme files.
public struct ThemeRole: RawRepresentable, Hashable, Sendable, Codable {
    /// The role's key in theme files: "accent".
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let background = ThemeRole(rawValue: "background")
    public static let text = ThemeRole(rawValue: "text")
    public static let muted = ThemeRole(rawValue: "muted")
    public static let accent = ThemeRole(rawValue: "accent")
    public static let focus = ThemeRole(rawValue: "focus")
    public static let selection = ThemeRole(rawValue: "selection")
    public static let success = ThemeRole(rawValue: "success")
    public static let warning = ThemeRole(rawValue: "warning")
    public static let error = ThemeRole(rawValue: "error")
    public static let border = ThemeRole(rawValue: "border")
    public static let title = ThemeRole(rawValue: "title")

    /// The roles of widgets and text, in the order theme files list them.
    public static let generic: [ThemeRole] = [background, text, muted, accent, focus, selection, success, warning, error, border, title]
}

/// A named set of styles, one per role.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role` (the text style when the theme leaves it out).
    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? styles[.text] ?? .plain
    }

    /// A theme with no colors at all, only attributes (for `NO_COLOR` and plain snapshots).
    public static let monochrome = Theme(name: "monochrome", styles: [
        .muted: Style(attributes: .dim), .accent: Style(attributes: .bold), .focus: Style(attributes: .bold),
        .selection: Style(attributes: .reverse), .error: Style(attributes: .bold), .title: Style(attributes: .bold),
        .warning: Style(attributes: .bold),
    ])
}
