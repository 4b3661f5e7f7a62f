/// The Porter stemming algorithm (M. F. Porter, 1980) for English words.
///
/// Reduces inflected and derived forms to a common stem so that "crashes", "crashed" and
/// "crashing" count as one term: `stem("caresses") == "caress"`,
/// `stem("generalizations") == "gener"`. Stems are not always words ("ponies" → "poni").
/// Words that are not plain lowercase ASCII letters (contractions, numbers, accented
/// words) and words of one or two letters come back unchanged.
public enum Stemmer {
    /// The Porter stem of a lowercase word.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var porter = PorterWord(bytes)
        porter.step1ab()
        porter.step1c()
        porter.step2()
        porter.step3()
        porter.step4()
        porter.step5()
        return String(decoding: porter.letters[0...porter.end], as: UTF8.self)
    }
}

/// A word being stemmed: its letters, the index of its current last letter (`end`) and
/// the end of the stem that a matched suffix leaves (`stemEnd`), as in Porter's paper.
private struct PorterWord {
    var letters: [UInt8]
    /// Index of the last letter still in the word.
    var end: Int
    /// Index of the last letter before the suffix found by the latest successful `endsWith`.
    var stemEnd: Int = 0

    init(_ letters: [UInt8]) {
        self.letters = letters
        self.end = letters.count - 1
    }

    // MARK: - Letters and measure

    /// Whether the letter at `index` is a consonant; "y" is one when it follows a vowel
    /// or starts the word.
    func isConsonant(_ index: Int) -> Bool {
        switch letters[index] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return false
        case UInt8(ascii: "y"):
            return index == 0 ? true : !isConsonant(index - 1)
        default:
            return true
        }
    }

    /// m, the number of vowel-consonant sequences in the stem `letters[0...stemEnd]`.
    func measure() -> Int {
        var count = 0
        var index = 0
        while true {
            if index > stemEnd { return count }
            if !isConsonant(index) { break }
            index += 1
        }
        index += 1
        while true {
            while true {
                if index > stemEnd { return count }
                if isConsonant(index) { break }
                index += 1
            }
            index += 1
            count += 1
            while true {
                if index > stemEnd { return count }
                if !isConsonant(index) { break }
                index += 1
            }
            index += 1
        }
    }

    /// Whether the stem `letters[0...stemEnd]` holds a vowel.
    func stemHasVowel() -> Bool {
        guard stemEnd >= 0 else { return false }
        return (0...stemEnd).contains { !isConsonant($0) }
    }

    /// Whether `letters[index - 1]` and `letters[index]` are the same consonant.
    func endsWithDoubleConsonant(_ index: Int) -> Bool {
        index >= 1 && letters[index] == letters[index - 1] && isConsonant(index)
    }

    /// Whether `letters[index - 2...index]` is consonant-vowel-consonant and the last
    /// consonant is not w, x or y (so "hop" qualifies, "snow" does not).
    func endsConsonantVowelConsonant(_ index: Int) -> Bool {
        guard index >= 2, isConsonant(index), !isConsonant(index - 1), isConsonant(index - 2) else { return false }
        let last = letters[index]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    // MARK: - Suffixes

    /// Whether the word ends with `suffix`; when it does, `stemEnd` marks the letter before it.
    mutating func endsWith(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard count <= end + 1 else { return false }
        let start = end + 1 - count
        let matches = suffix.withUTF8Buffer { buffer in
            (0..<count).allSatisfy { letters[start + $0] == buffer[$0] }
        }
        if matches { stemEnd = end - count }
        return matches
    }

    /// Replaces the letters after `stemEnd` with `replacement`.
    mutating func replaceSuffix(with replacement: StaticString) {
        letters.removeSubrange((stemEnd + 1)...)
        replacement.withUTF8Buffer { letters.append(contentsOf: $0) }
        end = letters.count - 1
    }

    /// Replaces the suffix only when the stem before it has a measure above zero.
    mutating func replaceSuffixIfMeasured(with replacement: StaticString) {
        if measure() > 0 { replaceSuffix(with: replacement) }
    }

    /// Replaces the first matching suffix of `rules` if its stem is measured; stops at
    /// the first suffix that matches either way, as the algorithm requires.
    mutating func applyFirst(_ rules: [(StaticString, StaticString)]) {
        for (suffix, replacement) in rules where endsWith(suffix) {
            replaceSuffixIfMeasured(with: replacement)
            return
        }
    }

    // MARK: - Steps

    /// Plurals and -ed or -ing: caresses → caress, ponies → poni, hopping → hop.
    mutating func step1ab() {
        if letters[end] == UInt8(ascii: "s") {
            if endsWith("sses") {
                end -= 2
            } else if endsWith("ies") {
                replaceSuffix(with: "i")
            } else if end >= 1, letters[end - 1] != UInt8(ascii: "s") {
                end -= 1
            }
            letters.removeSubrange((end + 1)...)
        }
        if endsWith("eed") {
            if measure() > 0 {
                end -= 1
                letters.removeSubrange((end + 1)...)
            }
        } else if (endsWith("ed") || endsWith("ing")) && stemHasVowel() {
            end = stemEnd
            letters.removeSubrange((end + 1)...)
            if endsWith("at") {
                replaceSuffix(with: "ate")
            } else if endsWith("bl") {
                replaceSuffix(with: "ble")
            } else if endsWith("iz") {
                replaceSuffix(with: "ize")
            } else if endsWithDoubleConsonant(end) {
                let last = letters[end]
                if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") {
                    end -= 1
                    letters.removeSubrange((end + 1)...)
                }
            } else {
                stemEnd = end
                if measure() == 1 && endsConsonantVowelConsonant(end) { replaceSuffix(with: "e") }
            }
        }
    }

    /// A final "y" after a vowel in the stem becomes "i": happy → happi.
    mutating func step1c() {
        if endsWith("y") && stemHasVowel() { letters[end] = UInt8(ascii: "i") }
    }

    /// Double suffixes to single ones: relational → relate, digitizer → digitize.
    mutating func step2() {
        guard end >= 1 else { return }
        switch letters[end - 1] {
        case UInt8(ascii: "a"): applyFirst([("ational", "ate"), ("tional", "tion")])
        case UInt8(ascii: "c"): applyFirst([("enci", "ence"), ("anci", "ance")])
        case UInt8(ascii: "e"): applyFirst([("izer", "ize")])
        case UInt8(ascii: "l"): applyFirst([("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")])
        case UInt8(ascii: "o"): applyFirst([("ization", "ize"), ("ation", "ate"), ("ator", "ate")])
        case UInt8(ascii: "s"): applyFirst([("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")])
        case UInt8(ascii: "t"): applyFirst([("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")])
        case UInt8(ascii: "g"): applyFirst([("logi", "log")])
        default: break
        }
    }

    /// -ic-, -full, -ness and the like: triplicate → triplic, hopeful → hope.
    mutating func step3() {
        switch letters[end] {
        case UInt8(ascii: "e"): applyFirst([("icate", "ic"), ("ative", ""), ("alize", "al")])
        case UInt8(ascii: "i"): applyFirst([("iciti", "ic")])
        case UInt8(ascii: "l"): applyFirst([("ical", "ic"), ("ful", "")])
        case UInt8(ascii: "s"): applyFirst([("ness", "")])
        default: break
        }
    }

    /// Removes -ant, -ence and the like when the stem keeps a measure above one.
    mutating func step4() {
        guard end >= 1 else { return }
        let matched: Bool
        switch letters[end - 1] {
        case UInt8(ascii: "a"): matched = endsWith("al")
        case UInt8(ascii: "c"): matched = endsWith("ance") || endsWith("ence")
        case UInt8(ascii: "e"): matched = endsWith("er")
        case UInt8(ascii: "i"): matched = endsWith("ic")
        case UInt8(ascii: "l"): matched = endsWith("able") || endsWith("ible")
        case UInt8(ascii: "n"): matched = endsWith("ant") || endsWith("ement") || endsWith("ment") || endsWith("ent")
        case UInt8(ascii: "o"):
            if endsWith("ion") && stemEnd >= 0
                && (letters[stemEnd] == UInt8(ascii: "s") || letters[stemEnd] == UInt8(ascii: "t"))
            {
                matched = true
            } else {
                matched = endsWith("ou")
            }
        case UInt8(ascii: "s"): matched = endsWith("ism")
        case UInt8(ascii: "t"): matched = endsWith("ate") || endsWith("iti")
        case UInt8(ascii: "u"): matched = endsWith("ous")
        case UInt8(ascii: "v"): matched = endsWith("ive")
        case UInt8(ascii: "z"): matched = endsWith("ize")
        default: matched = false
        }
        if matched && measure() > 1 {
            end = stemEnd
            letters.removeSubrange((end + 1)...)
        }
    }

    /// A final -e goes when measured, and -ll becomes -l: probate → probat, controll → control.
    mutating func step5() {
        stemEnd = end
        if letters[end] == UInt8(ascii: "e") {
            let measured = measure()
            if measured > 1 || (measured == 1 && !endsConsonantVowelConsonant(end - 1)) {
                end -= 1
                letters.removeSubrange((end + 1)...)
            }
        }
        stemEnd = end
        if letters[end] == UInt8(ascii: "l") && endsWithDoubleConsonant(end) && measure() > 1 {
            end -= 1
            letters.removeSubrange((end + 1)...)
        }
    }
}
