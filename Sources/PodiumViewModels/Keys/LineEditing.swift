import PodiumRender

/// The editing keys of every line the dashboard asks for (a filter, a prompt, the palette's
/// query), as in a shell: Backspace deletes a character, Ctrl-W a word, Ctrl-U the line.
enum LineEditing {
    /// Applies `key` to `text`; false when it is not an editing key (or a character).
    static func apply(_ key: Key, to text: inout String) -> Bool {
        switch key {
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .control("w"):
            while text.last?.isWhitespace == true { text.removeLast() }
            while let last = text.last, !last.isWhitespace { text.removeLast() }
        case let .character(character):
            text.append(character)
        default:
            return false
        }
        return true
    }
}
