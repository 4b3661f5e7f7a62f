/// Splits text into sentences.
///
/// A sentence ends at ".", "!", "?" or "…" (or a run of them) followed by white space or
/// the end of the text, and at every line break. A point does not end a sentence inside a
/// number ("3.5"), after common abbreviations ("e.g.", "i.e.", "Mr.", "Dr.", "vs."), after
/// a single capital initial ("J. Smith"), or after "etc." unless a capitalised word follows.
public enum SentenceSplitter {
    /// The sentences of `text`, trimmed, in order, without empty ones.
    public static func sentences(_ text: String) -> [String] {
        // Unicode scalars rather than Characters: the rules only look at single scalars, and
        // skipping grapheme breaking makes splitting several times faster.
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        var index = 0
        func finish(upTo end: Int) {
            var first = start
            var last = end
            while first < last && scalars[first].properties.isWhitespace { first += 1 }
            while last > first && scalars[last - 1].properties.isWhitespace { last -= 1 }
            if first < last {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[first..<last])
                sentences.append(String(view))
            }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if isNewline(scalar) {
                finish(upTo: index)
                start = index + 1
            } else if isTerminator(scalar) {
                var end = index + 1
                while end < scalars.count, isTerminator(scalars[end]) || isCloser(scalars[end]) { end += 1 }
                let atBreak = end == scalars.count || scalars[end].properties.isWhitespace
                if atBreak && !isNonFinalPoint(scalars, pointAt: index, runEnd: end) {
                    finish(upTo: end)
                }
                index = end
                continue
            }
            index += 1
        }
        finish(upTo: scalars.count)
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

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "'" || scalar == ")" || scalar == "]" || scalar == "”" || scalar == "’" || scalar == "»"
    }

    /// Whether the single point at `index` belongs to an abbreviation or initial rather than
    /// ending the sentence.
    private static func isNonFinalPoint(_ scalars: [Unicode.Scalar], pointAt index: Int, runEnd: Int) -> Bool {
        guard scalars[index] == ".", runEnd == index + 1 else { return false }
        var wordStart = index
        while wordStart > 0, !scalars[wordStart - 1].properties.isWhitespace, scalars[wordStart - 1] != "(" {
            wordStart -= 1
        }
        guard index - wordStart <= 8 else { return false }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[wordStart..<index])
        let word = String(view).lowercased()
        if abbreviations.contains(word) { return true }
        if index - wordStart == 1, scalars[wordStart].properties.isUppercase { return true }
        if sentenceFinalAbbreviations.contains(word) {
            let next = scalars[runEnd...].first { !$0.properties.isWhitespace }
            return !(next?.properties.isUppercase ?? true)
        }
        return false
    }
}
