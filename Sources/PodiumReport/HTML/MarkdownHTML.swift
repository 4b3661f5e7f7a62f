import Foundation

/// The little Markdown Podium's drafts are written in (headings, bullets, bold, paragraphs)
/// as HTML, every piece of text escaped.
enum MarkdownHTML {
    static func render(_ markdown: String) -> String {
        var html = ""
        var inList = false
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { html += "<p>" + paragraph.map(inline).joined(separator: " ") + "</p>" }
            paragraph = []
        }
        func closeList() {
            if inList { html += "</ul>" }
            inList = false
        }
        for raw in markdown.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
                closeList()
            } else if let heading = line.firstIndex(where: { $0 != "#" }), line.hasPrefix("#") {
                flush()
                closeList()
                let level = min(6, max(3, line.distance(from: line.startIndex, to: heading) + 2))
                html += "<h\(level)>\(inline(String(line[heading...]).trimmingCharacters(in: .whitespaces)))</h\(level)>"
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                if !inList { html += "<ul>" }
                inList = true
                html += "<li>\(inline(String(line.dropFirst(2))))</li>"
            } else {
                closeList()
                paragraph.append(line)
            }
        }
        flush()
        closeList()
        return html
    }

    /// Escaped text with `**bold**` as <strong>.
    static func inline(_ text: String) -> String {
        let parts = HTMLReport.escape(text).components(separatedBy: "**")
        return parts.enumerated().map { index, part in index % 2 == 1 && index < parts.count - 1 ? "<strong>\(part)</strong>" : part }.joined()
    }
}
