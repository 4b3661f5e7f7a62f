/// The help screen, made from the key map that drives the app, so it cannot go stale.
public enum Help {
    /// One line per action: its keys and what it does, in the order of `Action.allCases`.
    public static func lines(for keyMap: KeyMap) -> [(keys: String, title: String)] {
        Action.allCases.compactMap { action in
            let keys = keyMap.keys(for: action)
            guard !keys.isEmpty else { return nil }
            let scope = action.scope.map { " (\($0.title) pane)" } ?? ""
            return (keys.map(\.description).joined(separator: " "), action.title + scope)
        }
    }

    /// Keys that work while filtering, in the palette and in dialogs (not rebindable).
    public static let modal: [(keys: String, title: String)] = [
        ("type", "Filter: narrow the list as you type"), ("Enter", "Filter: keep it and go back to the list"),
        ("Esc", "Filter: clear it · Palette, help, detail: close"), ("Up Down", "Palette: choose an action"),
        ("Ctrl-W Ctrl-U", "Filter, palette, prompts: delete a word / the whole line"),
        ("a", "Draft: accept it (applies it; u undoes)"), ("x", "Draft: reject it, with a reason if you like"),
        ("e", "Draft: edit its text in $VISUAL / $EDITOR"), ("r", "Draft: regenerate it"),
        ("d", "Draft: show what accepting would change"), ("v Tab", "Draft: show its evidence"),
        ("u", "Draft: undo its acceptance or rejection"), ("j k g G", "Draft, help, detail: scroll, to the top, to the end"),
        ("n N Enter", "Draft: pick a citation and open its record (Esc comes back to the draft)"),
        ("j k Enter Esc", "Record: choose a link (feedback, item, citation), open it, go back one record"),
        ("type Tab Enter", "Link picker: find an item by key or title, demand ⇄ praise, link it (Esc cancels)"),
    ]
}
