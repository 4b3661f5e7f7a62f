import PodiumCore
import PodiumRender
import PodiumViewModels

/// The product switcher on top of the dashboard: the filter line, the portfolio's products
/// with their drafts waiting and state, and what Enter does.
enum ProductSwitcherModal {
    static func render(_ switcher: ProductSwitcher, into buffer: inout Buffer, theme: Theme) {
        let screen = buffer.area
        let matches = switcher.matches
        var lines = [TextView.Line("Find: " + switcher.query + "▏", role: .accent)]
        let shown = max(1, min(matches.count, screen.height - 8))
        let selected = min(switcher.selected, max(0, matches.count - 1))
        let first = max(0, min(selected - shown + 1, matches.count - shown))
        for (index, choice) in matches.enumerated().dropFirst(first).prefix(shown) {
            let marker = index == selected ? "› " : "  "
            lines.append(TextView.Line(marker + ProductSwitcher.line(choice),
                                       role: index == selected ? .focus : choice.isOpenable ? .text : .muted))
        }
        if matches.isEmpty { lines.append(TextView.Line("No product matches.", role: .muted)) }
        lines += [TextView.Line(""), TextView.Line("Enter opens it where you left it · Esc stays here", role: .muted)]
        Modal(title: "Open another product", lines: lines, width: min(100, max(40, screen.width - 4)), hint: "Esc cancels")
            .render(into: &buffer, area: screen, theme: theme)
    }
}
