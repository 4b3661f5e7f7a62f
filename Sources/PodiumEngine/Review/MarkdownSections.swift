import Foundation

/// The `## Heading` sections of a Markdown text, so that a draft's edited text can be read
/// back into the fields of the record it becomes.
public struct MarkdownSections {
    private var sections: [(heading: String, body: String)] = []

    public init(_ text: String) {
        var heading: String?
        var body: [Substring] = []
        func close() {
            if let heading { sections.append((heading, body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                close()
                heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
                body = []
            } else if heading != nil {
                body.append(line)
            }
        }
        close()
    }

    /// The body of the first section whose heading starts with `name` (any case); nil when
    /// there is none or it is empty.
    public subscript(_ name: String) -> String? {
        let key = name.lowercased()
        guard let body = sections.first(where: { $0.heading.hasPrefix(key) })?.body, !body.isEmpty else { return nil }
        return body
    }

    /// Whether a section whose heading starts with `name` exists (even empty).
    public func has(_ name: String) -> Bool {
        sections.contains { $0.heading.hasPrefix(name.lowercased()) }
    }

    /// The headings, in order, as written (lower-cased).
    public var headings: [String] { sections.map(\.heading) }

    /// The body of the section whose heading is exactly `heading` (any case).
    public func body(ofHeading heading: String) -> String? {
        sections.first { $0.heading == heading.lowercased().trimmingCharacters(in: .whitespaces) }?.body
    }

    /// The items of a bullet list in a section.
    public func bullets(_ name: String) -> [String] {
        guard let body = self[name] else { return [] }
        return body.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") else { return nil }
            return String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
    }
}
