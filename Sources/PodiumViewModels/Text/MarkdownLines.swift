import PodiumCore

/// Markdown as a terminal shows it: headings without their `#` and in the accent, table
/// rules muted, `**` and backticks dropped, the rest as written. One reading for the draft
/// review and the Influencer pane, so a communication looks the same in both.
public enum MarkdownLines {
    /// How a line is shown.
    public enum Style: Sendable, Equatable {
        case heading, rule, body
    }

    /// `text` (cleaned of control characters) line by line, each with its style.
    public static func lines(_ text: String) -> [(text: String, style: Style)] {
        Format.clean(text, lines: true).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let raw = String(line)
            let plain = raw.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            if plain.hasPrefix("#") { return (String(plain.drop { $0 == "#" || $0 == " " }), .heading) }
            if raw.hasPrefix("|---") || raw.hasPrefix("---") { return (plain, .rule) }
            return (plain, .body)
        }
    }
}
