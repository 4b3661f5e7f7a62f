import Foundation
import PodiumRender
import PodiumViewModels

/// The themes built into Podium, and reading theme files.
///
/// A theme file is JSON: `{"name": "dusk", "roles": {"text": {"fg": 252}, "accent": {"fg": 81,
/// "bold": true}, "selection": {"fg": 16, "bg": 117}, …}}`. Colors are 0–255 (xterm) or
/// "default"; attributes are `bold`, `dim`, `italic`, `underline`, `reverse`. Roles left out
/// take the text style. The files in the repository's `Themes/` folder are these same themes.
public enum Themes {
    public static let dark = Theme(name: "dark", styles: [
        .background: Style(), .text: Style(foreground: .indexed(252)), .muted: Style(foreground: .indexed(244)),
        .accent: Style(foreground: .indexed(81)), .focus: Style(foreground: .indexed(117), attributes: .bold),
        .selection: Style(foreground: .indexed(16), background: .indexed(117)), .success: Style(foreground: .indexed(114)),
        .warning: Style(foreground: .indexed(221)), .error: Style(foreground: .indexed(203)),
        .border: Style(foreground: .indexed(240)), .title: Style(foreground: .indexed(252), attributes: .bold),
        .visionary: Style(foreground: .indexed(213)), .collaborator: Style(foreground: .indexed(150)),
        .customer: Style(foreground: .indexed(81)), .decision: Style(foreground: .indexed(221)),
        .experimenter: Style(foreground: .indexed(141)), .influencer: Style(foreground: .indexed(209)),
        .orchestrator: Style(foreground: .indexed(117)),
    ])

    public static let light = Theme(name: "light", styles: [
        .background: Style(), .text: Style(foreground: .indexed(235)), .muted: Style(foreground: .indexed(244)),
        .accent: Style(foreground: .indexed(25)), .focus: Style(foreground: .indexed(25), attributes: .bold),
        .selection: Style(foreground: .indexed(231), background: .indexed(25)), .success: Style(foreground: .indexed(28)),
        .warning: Style(foreground: .indexed(130)), .error: Style(foreground: .indexed(160)),
        .border: Style(foreground: .indexed(250)), .title: Style(foreground: .indexed(235), attributes: .bold),
        .visionary: Style(foreground: .indexed(127)), .collaborator: Style(foreground: .indexed(28)),
        .customer: Style(foreground: .indexed(25)), .decision: Style(foreground: .indexed(130)),
        .experimenter: Style(foreground: .indexed(91)), .influencer: Style(foreground: .indexed(166)),
        .orchestrator: Style(foreground: .indexed(31)),
    ])

    public static let highContrast = Theme(name: "high-contrast", styles: [
        .background: Style(foreground: .indexed(15), background: .indexed(0)), .text: Style(foreground: .indexed(15)),
        .muted: Style(foreground: .indexed(15)), .accent: Style(foreground: .indexed(11), attributes: .bold),
        .focus: Style(foreground: .indexed(11), attributes: .bold),
        .selection: Style(foreground: .indexed(0), background: .indexed(11), attributes: .bold),
        .success: Style(foreground: .indexed(10), attributes: .bold), .warning: Style(foreground: .indexed(11), attributes: .bold),
        .error: Style(foreground: .indexed(9), attributes: .bold), .border: Style(foreground: .indexed(15)),
        .title: Style(foreground: .indexed(15), attributes: [.bold, .underline]),
        .visionary: Style(foreground: .indexed(13)), .collaborator: Style(foreground: .indexed(10)),
        .customer: Style(foreground: .indexed(14)), .decision: Style(foreground: .indexed(11)),
        .experimenter: Style(foreground: .indexed(13)), .influencer: Style(foreground: .indexed(11)),
        .orchestrator: Style(foreground: .indexed(14)),
    ])

    public static let builtIn: [Theme] = [dark, light, highContrast, .monochrome]

    /// Every role a theme file may set, in the order the files list them: the generic
    /// roles, then one per pane (its tab).
    public static var roles: [ThemeRole] { ThemeRole.generic + Panes.all.map(\.themeRole) }

    /// Why a theme file could not be used (the caller falls back to the default theme).
    public struct ThemeError: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var reason: String
        public var description: String { "theme \(file): \(reason); using the default theme" }

        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    /// Finds the theme `name`: a file `NAME.json` in `folders` (first found), else a built-in one.
    public static func named(_ name: String, searching folders: [URL]) throws -> Theme {
        for folder in folders {
            let file = folder.appendingPathComponent(name + ".json")
            if FileManager.default.fileExists(atPath: file.path) { return try load(file) }
        }
        if let theme = builtIn.first(where: { $0.name == name }) { return theme }
        throw ThemeError(file: name, reason: "no such theme (built in: \(builtIn.map(\.name).joined(separator: ", ")))")
    }

    /// Reads a theme file, naming the field that is wrong.
    public static func load(_ file: URL) throws -> Theme {
        let path = file.path
        guard let data = FileManager.default.contents(atPath: path) else { throw ThemeError(file: path, reason: "cannot be read") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ThemeError(file: path, reason: "not a JSON object")
        }
        guard let roles = object["roles"] as? [String: Any] else { throw ThemeError(file: path, reason: "missing \"roles\" object") }
        var styles: [ThemeRole: Style] = [:]
        for (key, value) in roles {
            let role = ThemeRole(rawValue: key)
            guard Self.roles.contains(role) else {
                throw ThemeError(file: path, reason: "unknown role \"\(key)\" (roles: \(Self.roles.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let fields = value as? [String: Any] else { throw ThemeError(file: path, reason: "roles.\(key) must be an object") }
            var style = Style()
            for (field, setting) in fields {
                switch field {
                case "fg", "bg":
                    let color: TerminalColor
                    if let text = setting as? String, text == "default" {
                        color = .default
                    } else if let number = setting as? Int, (0...255).contains(number) {
                        color = .indexed(UInt8(number))
                    } else {
                        throw ThemeError(file: path, reason: "roles.\(key).\(field) must be 0–255 or \"default\"")
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "bold", "dim", "italic", "underline", "reverse":
                    guard let flag = setting as? Bool else { throw ThemeError(file: path, reason: "roles.\(key).\(field) must be true or false") }
                    let attribute: TextAttributes = ["bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse][field]!
                    if flag { style.attributes.insert(attribute) }
                default:
                    throw ThemeError(file: path, reason: "unknown field roles.\(key).\(field)")
                }
            }
            styles[role] = style
        }
        let name = (object["name"] as? String) ?? file.deletingPathExtension().lastPathComponent
        return Theme(name: name, styles: styles)
    }

    /// The JSON text of a theme, as the files in `Themes/` hold it.
    public static func json(_ theme: Theme) -> String {
        func color(_ value: TerminalColor) -> String {
            switch value {
            case .default: "\"default\""
            case let .ansi(index), let .indexed(index): String(index)
            }
        }
        let roles = Self.roles.compactMap { role -> String? in
            guard let style = theme.styles[role] else { return nil }
            var fields: [String] = []
            if style.foreground != .default { fields.append("\"fg\": \(color(style.foreground))") }
            if style.background != .default { fields.append("\"bg\": \(color(style.background))") }
            for (name, attribute) in [("bold", TextAttributes.bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse)]
            where style.attributes.contains(attribute) { fields.append("\"\(name)\": true") }
            return "    \"\(role.rawValue)\": {" + fields.joined(separator: ", ") + "}"
        }
        return "{\n  \"name\": \"\(theme.name)\",\n  \"roles\": {\n" + roles.joined(separator: ",\n") + "\n  }\n}\n"
    }
}
