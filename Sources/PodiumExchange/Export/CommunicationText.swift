import Foundation
import PodiumCore

/// A communication as it goes out: Markdown as written (for a wiki, a README, GitHub), or
/// plain text (for an email or a chat message) with the Markdown marks taken out. Neither
/// carries citation marks, nor a character that could act on a terminal.
public enum CommunicationText {
    /// The formats a communication is exported in.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, text

        /// The format a file's extension asks for: .txt is plain text, anything else Markdown.
        public static func forFile(_ path: String) -> Format {
            path.lowercased().hasSuffix(".txt") ? .text : .markdown
        }
    }

    public static func render(_ communication: Communication, as format: Format) -> String {
        format == .markdown ? markdown(communication) : plain(communication)
    }

    /// The title as a heading, then the body.
    public static func markdown(_ communication: Communication) -> String {
        let body = cleaned(communication.body)
        let title = communication.title.sanitizedForTerminal()
        // The body usually opens with the title already.
        if body.hasPrefix("# ") { return body + "\n" }
        return "# \(title)\n\n" + body + "\n"
    }

    /// Headings as plain lines, bullets as "•", emphasis and code marks taken out.
    public static func plain(_ communication: Communication) -> String {
        var lines: [String] = []
        for line in markdown(communication).split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            if text.hasPrefix("#") { text = String(text.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
            for mark in ["**", "__", "`"] { text = text.replacingOccurrences(of: mark, with: "") }
            let indent = text.prefix { $0 == " " }
            let rest = text.dropFirst(indent.count)
            if rest.hasPrefix("- ") || rest.hasPrefix("* ") { text = indent + "• " + rest.dropFirst(2) }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    /// The body without citation marks or control characters, line breaks kept.
    private static func cleaned(_ body: String) -> String {
        CitationMarks.stripped(body).sanitizedForTerminal(keepingLineBreaks: true).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
