/// Splits text into lowercased words, and words into the stemmed terms that analyses count.
public enum Tokenizer {
    /// Lowercased word tokens: runs of letters and digits.
    ///
    /// An apostrophe or hyphen between two letters stays inside the word ("don't",
    /// "pay-now", with a typographic ’ read as '), and a point or comma between two digits
    /// stays inside the number ("3.5", "8,000"). Everything else separates words.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        scanWords(in: text) { words.append($0) }
        return words
    }

    /// The terms of a text: its words without stop words, numbers and one-letter tokens,
    /// possessive "'s" dropped, hyphenated words split into their parts, each part stemmed
    /// with `Stemmer.stem` ("Crashes after syncing" → ["crash", "sync"]).
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        for word in words(text) {
            forEachTermCandidate(of: word) { terms.append(Stemmer.stem($0)) }
        }
        return terms
    }

    // MARK: - Terms

    /// Calls `body` with each part of `word` that is a term before stemming: possessive
    /// dropped, stop words, numbers and one-letter parts left out.
    static func forEachTermCandidate(of word: String, _ body: (String) -> Void) {
        guard !StopWords.english.contains(word) else { return }
        if word.utf8.contains(UInt8(ascii: "-")) {
            for part in word.split(separator: "-") { emitCandidate(String(part), body) }
        } else {
            emitCandidate(word, body)
        }
    }

    private static func emitCandidate(_ word: String, _ body: (String) -> Void) {
        var candidate = word
        if candidate.hasSuffix("'s") { candidate.removeLast(2) }
        guard candidate.utf8.count >= 2, !StopWords.english.contains(candidate) else { return }
        guard candidate.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return }
        body(candidate)
    }

    // MARK: - Scanning

    /// Scans `text` once and calls `emit` with each lowercased word, in order.
    static func scanWords(in text: String, _ emit: (String) -> Void) {
        let scalars = Array(text.unicodeScalars)
        var current = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                appendLowercased(scalar, to: &current)
            } else if !current.isEmpty, index + 1 < scalars.count, let joiner = joiner(scalar, before: scalars[index + 1], after: current) {
                current.append(joiner)
            } else if !current.isEmpty {
                emit(String(current))
                current = String.UnicodeScalarView()
            }
            index += 1
        }
        if !current.isEmpty { emit(String(current)) }
    }

    /// The scalar to keep when `scalar` joins the word so far to the next scalar, or nil
    /// when it ends the word.
    private static func joiner(_ scalar: Unicode.Scalar, before next: Unicode.Scalar,
                               after word: String.UnicodeScalarView) -> Unicode.Scalar? {
        guard let previous = word.last else { return nil }
        switch scalar {
        case "'", "\u{2019}":
            return isLetter(previous) && isLetter(next) ? "'" : nil
        case "-", "\u{2010}", "\u{2011}":
            return isWordScalar(previous) && isLetter(next) ? "-" : nil
        case ".", ",":
            return isDigit(previous) && isDigit(next) ? scalar : nil
        default:
            return nil
        }
    }

    // MARK: - Scalar classes

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        if scalar.isASCII {
            let value = scalar.value
            word.append((value >= 0x41 && value <= 0x5A) ? Unicode.Scalar(value + 0x20)! : scalar)
        } else if scalar.properties.changesWhenLowercased {
            word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            word.append(scalar)
        }
    }
}
