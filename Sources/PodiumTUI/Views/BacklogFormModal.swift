import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumViewModels

/// The backlog item form on top of the Decision Maker pane: one line per field, the field
/// being typed in marked, each problem under its field as it is typed, and what the field takes.
enum BacklogFormModal {
    static func render(_ form: BacklogForm, state: AppState, into buffer: inout Buffer, theme: Theme) {
        let screen = buffer.area
        let errors = form.shownErrors(others: state.otherItems(than: form.id))
        var lines: [TextView.Line] = []
        var focusLine = 0
        for field in BacklogFields.Field.allCases {
            let focused = field == form.focus
            if focused { focusLine = lines.count }
            let value = Self.shown(form.fields[field])
            lines.append(TextView.Line((focused ? "› " : "  ") + DisplayWidth.fit(field.label, to: 16) + " " + value + (focused ? "▏" : ""),
                                       role: focused ? .focus : .text))
            if let error = errors[field] { lines.append(TextView.Line("    ⚠ " + error, role: .warning)) }
            if focused { lines.append(TextView.Line("    " + field.hint, role: .muted)) }
        }
        // Keep the field being typed in on screen when the form is taller than the terminal.
        let room = max(1, screen.height - 4)
        let offset = max(0, min(focusLine - room / 2, lines.count - room))
        Modal(title: form.title, lines: lines, width: min(96, max(40, screen.width - 4)),
              hint: "Tab move · Enter save · Esc cancel · ^E editor")
            .render(into: &buffer, area: screen, theme: theme, offset: offset)
    }

    static func renderDeletion(_ deletion: BacklogDeletion, into buffer: inout Buffer, theme: Theme) {
        var lines = [TextView.Line("Delete “\(deletion.title)”?")]
        if deletion.evidence > 0 {
            lines.append(TextView.Line("Its \(deletion.evidence) link\(deletion.evidence == 1 ? "" : "s") to feedback go with it; the feedback stays.", role: .muted))
        }
        lines.append(TextView.Line("y deletes (u undoes) · any other key keeps it", role: .muted))
        Modal(title: "Delete backlog item", lines: lines, width: min(80, max(40, buffer.area.width - 4)), hint: "")
            .render(into: &buffer, area: buffer.area, theme: theme)
    }

    /// A field's text on one line: a long description shows its first line and how many follow.
    private static func shown(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = Format.clean(String(lines.first ?? ""))
        return lines.count > 1 ? first + " (+\(lines.count - 1) lines)" : first
    }
}
