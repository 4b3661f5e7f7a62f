/// The roles that widgets and panes color by; a theme gives each a style.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable, Codable {
    case background, text, muted, accent, focus, selection, success, warning, error, border, title
    case visionary, collaborator, customer, decision, experimenter, influencer, orchestrator
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
