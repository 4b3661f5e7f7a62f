import PodiumCore
import PodiumRender
import PodiumViewModels

/// The link picker on top of the feedback list: the filter line, the matching backlog
/// items (how each is linked to the feedback already), and what Enter and Tab do.
enum LinkPickerModal {
    static func render(_ picker: LinkPicker, state: AppState, into buffer: inout Buffer, theme: Theme) {
        let screen = buffer.area
        let candidates = picker.candidates(in: state.snapshot)
        var lines = [TextView.Line("Find: " + picker.query + "▏", role: .accent)]
        let shown = max(1, min(candidates.count, screen.height - 8))
        let selected = min(picker.selected, max(0, candidates.count - 1))
        let first = max(0, min(selected - shown + 1, candidates.count - shown))
        for (index, item) in candidates.enumerated().dropFirst(first).prefix(shown) {
            let kinds = Set(picker.feedback.compactMap { item.linkKind(of: $0) }).map(\.rawValue).sorted()
            let already = kinds.isEmpty ? "" : " · linked as " + kinds.joined(separator: ", ")
            let marker = index == selected ? "› " : "  "
            lines.append(TextView.Line(marker + item.displayName + " · \(item.status.rawValue)" + already,
                                       role: index == selected ? .focus : .text))
        }
        if candidates.isEmpty { lines.append(TextView.Line("No backlog item matches.", role: .muted)) }
        lines += [TextView.Line(""), TextView.Line(picker.hint, role: .muted)]
        Modal(title: picker.title, lines: lines, width: min(100, max(40, screen.width - 4)), hint: "Esc cancels")
            .render(into: &buffer, area: screen, theme: theme)
    }
}
