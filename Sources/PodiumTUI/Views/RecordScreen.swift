import PodiumCore
import PodiumRender
import PodiumViewModels

/// The record view: one record's detail and, below it, the records it leads to (grouped:
/// demand, praise, cited…), the selected one marked and kept in view.
enum RecordScreen {
    /// Draws the record on top of `trail`; returns how far its text can scroll.
    @discardableResult
    static func render(_ page: RecordPage, trail: RecordTrail, into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        let depth = trail.steps.count > 1 ? " · \(trail.steps.count) deep" : ""
        let back = switch trail.origin {
        case .draft: trail.steps.count > 1 ? "Esc back" : "Esc back to the draft"
        case .list, .detail: "Esc back"
        }
        let hint = page.links.isEmpty ? "j/k scroll · \(back)" : "j/k choose · Enter opens · \(back)"
        Block(title: "Record · \(page.title)\(depth)", focused: true, hint: hint).render(into: &buffer, area: area, theme: theme)
        let inner = Block.inner(area)
        guard !inner.isEmpty else { return 0 }
        let (lines, selected) = self.lines(page, selected: trail.current.selected)
        let wrapped = TextView.wrapped(lines, width: inner.width)
        let limit = max(0, wrapped.count - inner.height)
        var offset = min(trail.current.scroll, limit)
        if let selected {
            // The wrapped rows of the selected link stay in view.
            let start = TextView.wrapped(Array(lines[..<selected]), width: inner.width).count
            let end = start + TextView.wrapped([lines[selected]], width: inner.width).count
            if end > offset + inner.height { offset = min(limit, end - inner.height) }
            if start < offset { offset = start }
        }
        TextView(lines: wrapped, offset: offset, isWrapped: true).render(into: &buffer, area: inner, theme: theme)
        return limit
    }

    /// The page's lines, and the index of the selected link's line among them.
    static func lines(_ page: RecordPage, selected: Int) -> ([TextView.Line], Int?) {
        var lines = page.lines.map { TextView.Line($0.text, role: DashboardView.role($0.tone)) }
        lines.append(TextView.Line(""))
        guard !page.links.isEmpty else {
            lines.append(TextView.Line("No links: no feedback, linked items or citations lead from here.", role: .muted))
            return (lines, nil)
        }
        var selectedLine: Int?
        var group: String?
        for (index, link) in page.links.enumerated() {
            if link.group != group {
                let count = page.links.filter { $0.group == link.group }.count
                lines.append(TextView.Line("\(link.group) (\(count))", role: .accent))
                group = link.group
            }
            if index == selected { selectedLine = lines.count }
            let role: ThemeRole = index == selected ? .focus : link.reference == nil ? .warning : .text
            lines.append(TextView.Line((index == selected ? "› " : "  ") + link.label, role: role))
        }
        return (lines, selectedLine)
    }
}
