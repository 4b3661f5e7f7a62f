/// Splits text into sentences.
///
/// A sentence ends at ".", "!", "?" or "…" (or a run of them) followed by white space or
/// the end of the text, and at every line break. A point does not end a sentence inside a
/// number ("3.5"), after common abbreviations ("e.g.", "i.e.", "Mr.", "Dr.", "vs."), after
/// a single capital initial ("J. Smith"), or after "etc." unless a capitalised word follows.
public enum SentenceSplitter {
    /// The sentences of `text`, trimmed, in order, without empty ones.
    public static func sentences(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        func finish(upTo end: Int) {
            let sentence = String(characters[start..<end]).trimmingWhitespace()
            if !sentence.isEmpty { sentences.append(sentence) }
            start = end
        }
        while index < characters.count {
            let character = characters[index]
            if character.isNewline {
                finish(upTo: index)
                start = index + 1
            } else if isTerminator(character) {
                var end = index + 1
                while end < characters.count, isTerminator(characters[end]) || isCloser(characters[end]) { end += 1 }
                let atBreak = end == characters.count || characters[end].isWhitespace
                if atBreak && !isNonFinalPoint(characters, pointAt: index, runEnd: end) {
                    finish(upTo: end)
                }
                index = end
                continue
            }
            index += 1
        }
        finish(upTo: characters.count)
        return sentences
    }

    // MARK: - Abbreviations

    /// Abbreviations after which a point never ends a sentence (lowercased, inner points kept).
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "cf", "approx",
        "inc", "ltd", "co", "corp", "dept", "fig", "vol", "resp", "a.m", "p.m", "u.s", "u.k", "jan", "feb",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tue", "thu", "fri",
    ]

    /// Abbreviations that end a sentence when the next word is capitalised.
    static let sentenceFinalAbbreviations: Set<String> = ["etc", "etc.", "al"]

    // MARK: - Rules

    private static func isTerminator(_ character: Character) -> Bool {
        character == "." || character == "!" || character == "?" || character == "…"
    }

    private static func isCloser(_ character: Character) -> Bool {
        character == "\"" || character == "'" || character == ")" || character == "]" || character == "”"
            || character == "’" || character == "»"
    }

    /// Whether the single point at `index` belongs to an abbreviation or initial rather than
    /// ending the sentence.
    private static func isNonFinalPoint(_ characters: [Character], pointAt index: Int, runEnd: Int) -> Bool {
        guard characters[index] == ".", runEnd == index + 1 else { return false }
        var wordStart = index
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" {
            wordStart -= 1
        }
        let word = String(characters[wordStart..<index]).lowercased()
        if abbreviations.contains(word) { return true }
        if word.count == 1, let letter = characters[wordStart..<index].first, letter.isUppercase { return true }
        if sentenceFinalAbbreviations.contains(word) {
            let next = characters[runEnd...].first { !$0.isWhitespace }
            return !(next?.isUppercase ?? true)
        }
        return false
    }
}

// MARK: - Trimming

extension String {
    /// The string without white space (including line breaks) at either end.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
