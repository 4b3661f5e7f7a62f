import PodiumCore
import PodiumRender
import PodiumViewModels

/// Draws the whole dashboard for a state: tabs, the focused pane with its detail, the
/// status bar, and whatever is open on top. Pure: state in, cells out.
public enum DashboardView {
    /// The smallest terminal the dashboard draws itself in.
    public static let minimumSize = (width: 40, height: 10)
    /// From this width on, the detail of the selected item sits beside the list.
    public static let sideDetailWidth = 110

    /// Renders a frame of `state`; `view` keeps each list's scroll offset (so the selection
    /// stays visible) and the text prepared for the next frame, and says how far the text open
    /// on top can scroll.
    public static func render(_ state: AppState, view: inout DashboardViewState, width: Int, height: Int, theme: Theme) -> Buffer {
        view.scrollLimit = nil
        var buffer = Buffer(width: width, height: height, fill: Cell(style: theme[.background]))
        guard width >= minimumSize.width, height >= minimumSize.height else {
            // Wrapped to the width, so the size needed is read whole; a shorter wording when
            // even that does not fit the height.
            let needed = "\(minimumSize.width)×\(minimumSize.height)"
            let wordings = [["Terminal too small: \(width)×\(height)", "Podium needs at least \(needed).", "q quits"],
                            ["Too small: \(width)×\(height)", "Needs \(needed).", "q quits"], ["Needs \(needed)", "q quits"]]
            let wrapped = wordings.map { lines in lines.enumerated().flatMap { index, line in
                TextView.wrap(line, width: max(1, width)).map { (text: $0, warning: index == 0) }
            } }
            let lines = wrapped.first { $0.count <= height } ?? wrapped[wrapped.count - 1]
            let top = max(0, (height - lines.count) / 2)
            for (index, line) in lines.enumerated() where top + index < height {
                buffer.write(line.text, x: max(0, (width - DisplayWidth.of(line.text)) / 2), y: top + index,
                             style: line.warning ? theme[.warning] : theme[.text])
            }
            return buffer
        }
        let rows = buffer.area.split(.vertical, [.length(1), .fill(), .length(1)])
        Tabs(titles: Panes.all.map { width >= 150 ? $0.title : width >= 100 ? $0.shortTitle : $0.tinyTitle },
             selected: state.focused,
             roles: Panes.all.map(\.themeRole)).render(into: &buffer, area: rows[0], theme: theme)
        let main = rows[1]
        if let draft = state.openDraft, case let .draft(draftView) = state.mode {
            // Scrolling stops at the end of the text, so k comes straight back from there.
            view.scrollLimit = DraftScreen.render(draft, view: draftView, state: state, into: &buffer, area: main, theme: theme)
        } else if case let .record(trail) = state.mode, let page = state.openRecordPage {
            view.scrollLimit = RecordScreen.render(page, trail: trail, into: &buffer, area: main, theme: theme)
        } else if let id = rejectTarget(state), let draft = state.snapshot.drafts[id] {
            DraftScreen.render(draft, view: AppState.DraftView(id: draft.id), state: state, into: &buffer, area: main, theme: theme)
        } else if width >= sideDetailWidth {
            let parts = main.split(.horizontal, [.percentage(62), .fill()])
            renderPane(state, view: &view, into: &buffer, area: parts[0], theme: theme)
            renderDetail(state, view: &view, into: &buffer, area: parts[1], theme: theme, scroll: detailScroll(state))
        } else {
            renderPane(state, view: &view, into: &buffer, area: main, theme: theme)
        }
        renderStatus(state, into: &buffer, area: rows[2], theme: theme)
        renderOverlay(state, view: &view, into: &buffer, theme: theme, narrow: width < sideDetailWidth)
        return buffer
    }

    /// A frame of `state` drawn on its own, with no earlier frame to keep scroll offsets from
    /// (`podium snapshot`, documentation).
    public static func render(_ state: AppState, width: Int, height: Int, theme: Theme) -> Buffer {
        var view = DashboardViewState()
        return render(state, view: &view, width: width, height: height, theme: theme)
    }

    // MARK: Parts

    private static func renderPane(_ state: AppState, view: inout DashboardViewState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let content = state.focusedContent
        let pane = state.panes[state.focused]
        var title = content.title
        if !pane.filter.isEmpty || state.mode == .filtering { title += " · filter: \(pane.filter)" }
        if !pane.visible.isEmpty { title += " · \(min(pane.selected, pane.visible.count - 1) + 1)/\(pane.visible.count)" }
        let readingDetail = if case .detail = state.mode { true } else { false }
        Block(title: title, focused: !readingDetail, hint: content.hints, clears: false).render(into: &buffer, area: area, theme: theme)
        let inner = Block.inner(area)
        guard !inner.isEmpty else { return }
        // Context lines take a third of the pane, or all that a short table leaves free.
        let summaryKey = "\(state.revision)|\(state.focused)|\(inner.width)|\(pane.filter)|\(pane.visible.count)"
        // Made only when the memo misses: the key map and providers do not change while running.
        let (stance, keyMap, providers, fallback) = (state.focusedStance, state.keyMap, state.providerForKind, state.provider)
        let summary = view.memo.lines(slot: "summary", key: summaryKey) {
            let jobs = jobHints(stance: stance, keyMap: keyMap) { providers[$0] ?? fallback }
            var summaryLines = content.summary
            if !jobs.isEmpty { summaryLines.insert(PaneContent.Line(jobs, .muted), at: 0) }
            if !pane.filter.isEmpty {
                summaryLines.insert(PaneContent.Line("Showing \(pane.visible.count) of \(content.rows.count) that match \"\(pane.filter)\"", .accent), at: 0)
            }
            return TextView.wrapped(summaryLines.map { TextView.Line($0.text, role: role($0.tone)) }, width: inner.width)
        }
        let tableNeeds = pane.visible.count + 2
        let summaryHeight = min(summary.count, max(0, max(inner.height / 3, inner.height - tableNeeds - 1)))
        TextView(lines: Array(summary.prefix(summaryHeight)), isWrapped: true)
            .render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: summaryHeight), theme: theme)
        let tableArea = Rect(x: inner.x, y: inner.y + summaryHeight + (summaryHeight > 0 ? 1 : 0), width: inner.width,
                             height: inner.height - summaryHeight - (summaryHeight > 0 ? 1 : 0))
        // Only the rows in view are formatted, so a frame costs the same for 40 rows or 100,000.
        let total = pane.visible.count
        let height = max(0, tableArea.height - 1)
        var scroll = ListState(selected: pane.selected, offset: view.offsets[state.focused] ?? 0)
        scroll.select(pane.selected, count: total)
        scroll.scrollToSelection(visibleRows: height, count: total)
        let window = scroll.offset..<min(total, scroll.offset + height)
        let rows = window.map { content.rows[pane.visible[$0]] }
        // The flexible column (the text) keeps at least a third of a narrow list.
        let widths = ColumnFitting.fit(content.columns.map(\.width), minimums: content.columns.map(\.minimum),
                                       in: tableArea.width, minimumFill: min(30, tableArea.width / 3))
        var table = TableView(
            columns: zip(content.columns, widths).map { column, width in
                TableView.Column(column.title, width.map(Constraint.length) ?? .fill(), alignRight: column.alignRight)
            },
            rows: rows.map(\.cells), rowRoles: rows.map { $0.tone == .normal ? nil : role($0.tone) },
            sortColumn: pane.sortColumn, sortAscending: pane.sortAscending,
            emptyMessage: pane.filter.isEmpty ? content.emptyMessage : "Nothing matches \"\(pane.filter)\" · Esc clears the filter")
        table.showsPosition = false  // the position is in the pane's title
        var windowState = ListState(selected: scroll.selected - scroll.offset, offset: 0)
        table.render(into: &buffer, area: tableArea, state: &windowState, theme: theme)
        view.offsets[state.focused] = scroll.offset
    }

    private static func renderDetail(_ state: AppState, view: inout DashboardViewState, into buffer: inout Buffer, area: Rect, theme: Theme, scroll: Int) {
        let reading = if case .detail = state.mode { true } else { false }
        Block(title: "Detail", focused: reading, hint: reading ? "j/k scroll · Esc back" : "Enter reads", clears: false)
            .render(into: &buffer, area: area, theme: theme)
        let inner = Block.inner(area)
        let lines = detailLines(state, view: &view, width: inner.width)
        if lines.isEmpty {
            buffer.write("Nothing selected.", x: inner.x, y: inner.y, maxWidth: inner.width, style: theme[.muted])
            return
        }
        TextView(lines: lines, offset: scroll, isWrapped: true).render(into: &buffer, area: inner, theme: theme)
    }

    /// The selected item's detail, wrapped to `width`; built once per item and layout.
    private static func detailLines(_ state: AppState, view: inout DashboardViewState, width: Int) -> [TextView.Line] {
        guard let row = state.selectedRow else { return [] }
        let streamed = state.jobText[RecordID(row.id)]
        let key = "\(state.revision)|\(state.focused)|\(state.panes[state.focused].view)|\(row.id)|\(width)|\(streamed?.count ?? -1)"
        let stance = state.focusedStance
        let snapshot = state.snapshot
        let evidence = state.evidence
        let settings = state.paneSettings
        return view.memo.lines(slot: "detail", key: key) {
            var lines = Panes.detail(for: stance, id: row.id, in: snapshot, evidence: evidence, settings: settings)
                .map { TextView.Line($0.text, role: role($0.tone)) }
            if let streamed {
                // The newest part: the end of the text is what is moving.
                let tail = streamed.count > 1_200 ? "…" + String(streamed.suffix(1_200)) : streamed
                lines += [TextView.Line(""), TextView.Line("Written so far (\(streamed.count) characters):", role: .accent),
                          TextView.Line(Format.clean(tail, lines: true))]
            }
            return TextView.wrapped(lines, width: width)
        }
    }

    private static func detailScroll(_ state: AppState) -> Int {
        if case let .detail(scroll) = state.mode { return scroll }
        return 0
    }

    private static func renderStatus(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let pane = state.panes[state.focused]
        let counts = pane.filter.isEmpty ? state.focusedContent.counts
            : "\(pane.visible.count) of \(state.focusedContent.counts)"
        let left = " \(state.productName) · \(state.focusedStance.title) · \(counts) · \(state.location)"
        var message = state.message.map { " " + $0 }
        if message == nil, let (id, step) = state.jobActivity.sorted(by: { $0.key < $1.key }).first {
            let kind = state.snapshot.jobs[id]?.kind.rawValue ?? "job"
            let more = state.jobActivity.count > 1 ? " (+\(state.jobActivity.count - 1) more)" : ""
            message = " ⟳ \(kind): \(Format.clean(step))…\(more)"
        }
        if state.mode == .filtering {
            message = " Filter: " + visibleTail(state.panes[state.focused].filter, room: area.width - 10) + "▏  Enter keeps · Esc clears"
        }
        if case .draft = state.mode, state.message == nil, let draft = state.openDraft {
            let reviewable = draft.status == .pending || draft.status == .interrupted
            message = reviewable ? " a accept · x reject · e edit · r regenerate · d changes · v evidence · n citations · j/k scroll · Esc back"
                : " \(draft.status.rawValue) · r regenerate · d changes · v evidence · n citations" + (draft.status == .accepted ? " · u undo (if it was the last change)" : "") + " · Esc back"
        }
        if case .record = state.mode, state.message == nil {
            message = " Record: j/k choose a link · Enter opens it · Space/PgDn scroll · Esc back"
        }
        if case let .linkPicker(picker) = state.mode, state.message == nil {
            message = " " + picker.hint + " · type to filter · Up/Down choose"
        }
        if case .switcher = state.mode, state.message == nil {
            message = " Enter opens the product · type to filter · Up/Down choose · Esc stays"
        }
        if case let .prompt(prompt) = state.mode {
            // A refusal's reason is in a box above (renderOverlay), whole.
            // The short label when there is a note, or when the long one would leave the text little room.
            let long = " \(prompt.label): "
            let label = prompt.note == nil && DisplayWidth.of(long) <= area.width / 2 ? long : " \(prompt.shortLabel): "
            message = label + visibleTail(prompt.text, room: area.width - DisplayWidth.of(label) - 2) + "▏  Enter · Esc cancels · Ctrl-U clears"
        }
        if let work = state.backgroundWork, state.message == nil || state.messageIsNotice {
            // Long work off the main loop: what it is and how long it has taken, with a spinner.
            let seconds = max(0, Int(state.now().timeIntervalSince(work.since)))
            let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
            message = " \(spinner[seconds % spinner.count]) " + work.label.prefix(1).uppercased() + work.label.dropFirst()
                + "… \(seconds) s · keys still work; " + (work.isReading ? "changes wait for it" : "other changes wait for it")
        }
        let quit = state.keyMap.keys(for: .quit).first.map { "\($0) quit" } ?? ""
        let help = state.keyMap.keys(for: .help).first.map { "\($0) help" } ?? ""
        let palette = state.keyMap.keys(for: .palette).first.map { "\($0) commands" } ?? ""
        StatusBar(left: left, right: [help, palette, quit].filter { !$0.isEmpty }.joined(separator: " · ") + " ", message: message)
            .render(into: &buffer, area: area, theme: theme)
    }

    private static func renderOverlay(_ state: AppState, view: inout DashboardViewState, into buffer: inout Buffer, theme: Theme, narrow: Bool) {
        let screen = buffer.area
        switch state.mode {
        case let .linkPicker(picker):
            LinkPickerModal.render(picker, state: state, into: &buffer, theme: theme)
        case let .switcher(switcher):
            ProductSwitcherModal.render(switcher, into: &buffer, theme: theme)
        case .normal, .filtering, .draft, .record:
            // A message too long for the status bar is shown whole above it, until the next key.
            guard state.mode != .filtering, !state.messageIsNotice, let message = state.message,
                  DisplayWidth.of(" " + message) > screen.width else { return }
            renderAboveStatus(message, role: .accent, into: &buffer, theme: theme)
        case let .prompt(prompt):
            // Why the line was refused, whole, just above the prompt in the status bar.
            guard let note = prompt.note else { return }
            renderAboveStatus("⚠ " + note, role: .warning, into: &buffer, theme: theme)
        case let .help(scroll):
            var lines = [TextView.Line("Keys (change them in ~/.config/podium/config.toml, see the README)", role: .muted)]
            lines += Help.lines(for: state.keyMap).map { TextView.Line(DisplayWidth.fit($0.keys, to: 18) + " " + $0.title) }
            lines.append(TextView.Line(""))
            lines += Help.modal.map { TextView.Line(DisplayWidth.fit($0.keys, to: 18) + " " + $0.title, role: .muted) }
            let help = Modal(title: "Help", lines: lines, width: 72, hint: "Esc closes · j/k scroll · g/G ends")
            // Scrolling stops at the end of the text as it wraps on this screen.
            let limit = help.maximumOffset(in: screen)
            view.scrollLimit = limit
            help.render(into: &buffer, area: screen, theme: theme, offset: min(scroll, limit))
        case let .palette(query, selected):
            let matches = PaletteMatcher.rank(query: query, keyMap: state.keyMap)
            var lines = [TextView.Line(": " + query + "▏", role: .accent)]
            let shown = max(1, min(matches.count, screen.height - 6))
            let first = max(0, min(selected - shown + 1, matches.count - shown))
            for (index, action) in matches.enumerated().dropFirst(first).prefix(shown) {
                let keys = state.keyMap.keys(for: action).map(\.description).joined(separator: " ")
                let marker = index == selected ? "› " : "  "
                // The title takes what the keys leave of the box (62 inside), at least 40.
                let room = max(40, min(screen.width - 6, 62) - 2 - DisplayWidth.of(keys) - 1)
                lines.append(TextView.Line(marker + DisplayWidth.fit(action.title, to: room) + " " + keys,
                                           role: index == selected ? .focus : .text))
            }
            if matches.isEmpty { lines.append(TextView.Line("No action matches.", role: .muted)) }
            Modal(title: "Commands", lines: lines, width: 64, hint: "Enter runs · Esc closes").render(into: &buffer, area: screen, theme: theme)
        case let .detail(scroll):
            guard narrow else { return }
            let detail = Modal(title: "Detail", lines: detailLines(state, view: &view, width: max(1, min(80, screen.width - 4) - 2)), width: 80,
                               hint: "Esc closes · j/k scroll")
            let limit = detail.maximumOffset(in: screen)
            view.scrollLimit = limit
            detail.render(into: &buffer, area: screen, theme: theme, offset: min(scroll, limit))
        case let .confirmImport(preview):
            let lines = preview.lines.map { TextView.Line($0, role: $0.hasPrefix("  ") ? .text : .accent) }
                + [TextView.Line(""), TextView.Line(preview.importable ? "y imports · Esc cancels · j/k scroll" : "Esc closes", role: .muted)]
            Modal(title: preview.importable ? "Import \(preview.path)?" : "Cannot import \(preview.path)", lines: lines,
                  width: min(120, screen.width - 4), hint: preview.importable ? "y imports · Esc cancels" : "Esc closes")
                .render(into: &buffer, area: screen, theme: theme, offset: preview.scroll)
        case let .backlogForm(form):
            BacklogFormModal.render(form, state: state, into: &buffer, theme: theme)
        case let .confirmDelete(deletion):
            BacklogFormModal.renderDeletion(deletion, into: &buffer, theme: theme)
        case .confirmQuit:
            Modal(title: "Quit?", lines: [TextView.Line("AI jobs are still running. Quit anyway? y / n")], width: 50, hint: "")
                .render(into: &buffer, area: screen, theme: theme)
        }
    }

    /// The end of a line being typed, where the cursor is, when all of it does not fit: "…rest".
    private static func visibleTail(_ text: String, room: Int) -> String {
        guard DisplayWidth.of(text) > room, room > 1 else { return text }
        var tail = ""
        for character in text.reversed() {
            guard DisplayWidth.of(String(character) + tail) <= room - 1 else { break }
            tail = String(character) + tail
        }
        return "…" + tail
    }

    /// A box of wrapped text just above the status bar (at most half the screen).
    private static func renderAboveStatus(_ text: String, role: ThemeRole, into buffer: inout Buffer, theme: Theme) {
        let screen = buffer.area
        let width = max(1, screen.width - 2)
        let lines = TextView.wrapped([TextView.Line(text, role: role)], width: max(1, width - 2))
        let height = min(lines.count + 2, max(3, screen.height / 2))
        let area = Rect(x: 1, y: max(0, screen.height - 1 - height), width: width, height: height)
        Block().render(into: &buffer, area: area, theme: theme)
        TextView(lines: lines, isWrapped: true).render(into: &buffer, area: Block.inner(area), theme: theme)
    }

    /// The focused pane's AI job keys, from the key map, and the provider they run on:
    /// "AI: m summary · t themes", "AI (on llama at 127.0.0.1:8080): …", or per key when
    /// the config file gives the pane's jobs different providers.
    private static func jobHints(stance: Stance, keyMap: KeyMap, provider: (JobKind) -> ProviderInfo) -> String {
        let actions = Action.allCases.filter { $0.jobKind != nil && $0.scope == stance }
        let providers = actions.compactMap { $0.jobKind.map(provider) }
        let shared = Set(providers.map(\.name)).count <= 1
        func label(_ provider: ProviderInfo) -> String {
            "\(provider.name)\(provider.host.map { " at \($0)" } ?? "")"
        }
        var jobs = actions.compactMap { action -> String? in
            guard let key = keyMap.keys(for: action).first, let kind = action.jobKind else { return nil }
            return "\(key) \(kind.info?.shortTitle ?? kind.rawValue)" + (shared ? "" : " (\(provider(kind).name))")
        }
        guard !jobs.isEmpty else { return "" }
        if let key = keyMap.keys(for: .reviewDrafts).first, Panes.pane(for: stance)?.isInbox != true { jobs.append("\(key) review drafts") }
        let first = providers.first ?? .local
        return (shared && first != .local ? "AI (on \(label(first))): " : "AI: ") + jobs.joined(separator: " · ")
    }

    private static func rejectTarget(_ state: AppState) -> RecordID<Draft>? {
        if case let .prompt(prompt) = state.mode, case let .rejectReason(id) = prompt.purpose { return id }
        return nil
    }

    // MARK: Roles

    /// The theme role a pane's tone is drawn in.
    static func role(_ tone: PaneContent.Tone) -> ThemeRole {
        switch tone {
        case .normal: .text
        case .muted: .muted
        case .accent: .accent
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
    }
}
