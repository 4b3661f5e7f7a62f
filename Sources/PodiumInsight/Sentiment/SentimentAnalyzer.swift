/// Lexicon-based sentiment for reviews and support tickets, with negation, intensity and contrast.
///
/// Per sentence:
/// - Phrases ("takes forever", "worth every penny") match first, then words, directly or
///   through their Porter stem ("crashed" → "crash"). "like" counts only after a subject or
///   adverb ("I like", "really like"), not as a preposition ("looks like").
/// - Boosters right before a sentiment word scale it: "very slow" by 1.3, "slightly
///   confusing" by 0.6.
/// - A negator up to three words before flips and dampens it (× -0.74): "not good",
///   "never works", "don't like"; but "shouldn't"/"mustn't" before a negative word keep it
///   negative ("shouldn't be locked"). A negator with no sentiment word after it still counts
///   as a mild complaint (-1), as support tickets say "I can't send an invoice" or
///   "doesn't support deposits".
/// - After "but" or "however", the rest of the sentence weighs 1.5 and what came before 0.5.
/// - A reservation after praise ("great, apart from the fact that…", "the only problem is…")
///   is a contrast, and at least a mild complaint (-1) when it names no sentiment word.
/// - A request ("would love…", "it would be great if…", "please add…", "can you…") is not
///   praise: positive words after its opener are dropped, so a feature request is neutral
///   unless it complains.
/// - Each "!" (up to three) adds 10% to the sentence.
///
/// The sum over sentences, `s`, is normalised to `s / √(s² + 15)` (in -1...1). The label is
/// `mixed` when positive and negative words each add up to at least 1.5 and the weaker
/// side is at least a third of the stronger; otherwise `positive` from 0.05, `negative`
/// to -0.05, `neutral` between.
public struct SentimentAnalyzer: Sendable {
    /// Sums at least this strong on both sides make a text `mixed`.
    public var mixedStrength = 1.5
    /// Scores closer to zero than this are `neutral`.
    public var neutralBand = 0.05

    public init() {}

    /// The sentiment of `text`.
    public func score(_ text: String) -> SentimentScore {
        var total = 0.0
        var positive = 0.0
        var negative = 0.0
        var positiveTerms: [String] = []
        var negativeTerms: [String] = []
        for sentence in SentenceSplitter.sentences(text) {
            var hits = Self.hits(in: sentence)
            // A problem told without a sentiment word ("barcodes come out patchy every time",
            // "still stuck on processing") is still a mild complaint.
            if hits.isEmpty, FeedbackIntent.speaksOfTrouble(sentence) {
                hits = [Hit(position: 0, valence: -1, surface: "(trouble)")]
            }
            let exclamations = min(3, sentence.reduce(0) { $1 == "!" ? $0 + 1 : $0 })
            let emphasis = 1 + 0.1 * Double(exclamations)
            for hit in hits {
                let value = hit.valence * emphasis
                total += value
                if value > 0 {
                    positive += value
                    positiveTerms.append(hit.surface)
                } else if value < 0 {
                    negative -= value
                    negativeTerms.append(hit.surface)
                }
            }
        }
        let score = total / (total * total + 15).squareRoot()
        return SentimentScore(score: score, label: label(score: score, positive: positive, negative: negative),
                              positiveTerms: positiveTerms, negativeTerms: negativeTerms)
    }

    private func label(score: Double, positive: Double, negative: Double) -> SentimentLabel {
        if positive >= mixedStrength && negative >= mixedStrength
            && min(positive, negative) >= max(positive, negative) / 3
        {
            return .mixed
        }
        if score >= neutralBand { return .positive }
        if score <= -neutralBand { return .negative }
        return .neutral
    }

    // MARK: - One sentence

    /// A word or phrase of a sentence with its valence after modifiers.
    struct Hit {
        var position: Int
        var valence: Double
        var surface: String
    }

    /// The sentiment-bearing words and phrases of one sentence, with modifiers applied.
    static func hits(in sentence: String) -> [Hit] {
        let words = Tokenizer.words(sentence)
        var hits: [Hit] = []
        var covered = [Bool](repeating: false, count: words.count)
        var index = 0
        while index < words.count {
            if let (length, valence) = phrase(in: words, at: index) {
                hits.append(Hit(position: index, valence: valence, surface: words[index..<(index + length)].joined(separator: " ")))
                for offset in 0..<length { covered[index + offset] = true }
                index += length
                continue
            }
            if let valence = valence(of: words[index], after: index > 0 ? words[index - 1] : nil) {
                hits.append(Hit(position: index, valence: valence, surface: words[index]))
                covered[index] = true
            }
            index += 1
        }
        // Boosters and negators before each hit.
        for hitIndex in hits.indices {
            let position = hits[hitIndex].position
            var scale = 1.0
            var look = position - 1
            while look >= 0, let boost = SentimentLexicon.boosters[words[look]], !covered[look] {
                scale *= 1 + boost
                look -= 1
            }
            hits[hitIndex].valence *= scale
            let windowStart = max(0, position - 3)
            if let negator = (windowStart..<position).last(where: {
                !covered[$0] && SentimentLexicon.negators.contains(words[$0])
                    && !(($0 + 1)..<position).contains { SentimentLexicon.contrasts.contains(words[$0]) }
            }) {
                // "shouldn't be locked" still complains: expectations only flip praise.
                if hits[hitIndex].valence < 0 && SentimentLexicon.expectationNegators.contains(words[negator]) {
                    covered[negator] = true
                    continue
                }
                hits[hitIndex].valence *= -0.74
                hits[hitIndex].surface = words[negator...position].joined(separator: " ")
                covered[negator] = true
            }
        }
        // Negators that negate no sentiment word: an unmet need ("can't send", "doesn't support").
        for position in words.indices where !covered[position] && SentimentLexicon.negators.contains(words[position]) {
            guard position + 1 < words.count, !["nor", "neither", "hardly", "barely"].contains(words[position]) else { continue }
            hits.append(Hit(position: position, valence: -1, surface: words[position] + " " + words[position + 1]))
        }
        hits.sort { $0.position < $1.position }
        // A request: praise after its opener is about what is wished for ("would love dark
        // mode", "it would be great if…"), not about the product.
        if let opener = words.indices.first(where: { index in
            SentimentLexicon.requestOpeners.contains(words[index])
                || (index + 1 < words.count && SentimentLexicon.requestPairs.contains(words[index] + " " + words[index + 1]))
        }) {
            hits.removeAll { $0.position >= opener && $0.valence > 0 }
        }
        // A trouble reported as over ("the doubled transactions problem seems to be gone",
        // "the crash is fixed now"): the complaint before it becomes relief. Not "needs to be
        // fixed", not "still isn't fixed", not "my notes are gone" (no trouble named).
        if let resolved = words.indices.first(where: { index in
            SentimentLexicon.resolutions.contains(words[index]) && index >= 2
                && Self.statesResolution(words, before: index)
                && words[max(0, index - 5)..<index].contains(where: SentimentLexicon.troubles.contains)
        }) {
            for hitIndex in hits.indices where hits[hitIndex].position <= resolved && hits[hitIndex].valence < 0 {
                hits[hitIndex].valence = 0
            }
            hits.append(Hit(position: resolved, valence: 1.5, surface: words[resolved]))
            hits.sort { $0.position < $1.position }
        }
        // A rating held back ("would give 5 stars if the chart wasn't locked"): what the
        // "if" names is missing, so it complains, whatever praise came before.
        if let condition = words.indices.first(where: { index in
            words[index] == "if" && words[max(0, index - 4)..<index].contains { $0 == "stars" || $0 == "star" }
                && words[max(0, index - 7)..<index].contains("would")
        }) {
            hits.removeAll { $0.position < condition && $0.valence > 0 }
            if !hits.contains(where: { $0.position > condition && $0.valence < 0 }) {
                hits.append(Hit(position: condition, valence: -1, surface: "stars if"))
            }
            hits.sort { $0.position < $1.position }
        }
        // A reservation after praise ("great, apart from the fact that…"): at least a mild
        // complaint follows, and it counts as a contrast.
        let reservation = words.indices.dropLast().first { index in
            SentimentLexicon.reservationPairs.contains(words[index] + " " + words[index + 1]) && hits.contains { $0.position < index && $0.valence > 0 }
        }
        if let reservation, !hits.contains(where: { $0.position > reservation && $0.valence < 0 }) {
            hits.append(Hit(position: reservation + 1, valence: -1, surface: words[reservation...(reservation + 1)].joined(separator: " ")))
        }
        // Contrast: the clause after the last "but"/"however" (or a reservation) outweighs the one before.
        if let contrast = words.indices.last(where: { words[$0] == "but" || words[$0] == "however" }) ?? reservation {
            for hitIndex in hits.indices {
                hits[hitIndex].valence *= hits[hitIndex].position > contrast ? 1.5 : 0.5
            }
        }
        return hits
    }

    /// Whether the words before `index` state that something is over: "is", "was", "been",
    /// "now", or "seems to be", but not "to be" alone ("needs to be fixed") nor a negation.
    private static func statesResolution(_ words: [String], before index: Int) -> Bool {
        let previous = words[index - 1]
        let window = words[max(0, index - 3)..<index]
        guard !window.contains(where: SentimentLexicon.negators.contains), !window.contains("still") else { return false }
        if previous == "be" {
            return words[index - 2] == "to" && index >= 3 && ["seems", "seem", "seemed", "appears"].contains(words[index - 3])
                || words[index - 2] != "to" && !["should", "must", "could", "would", "will", "can"].contains(words[index - 2])
        }
        return ["is", "are", "was", "were", "been", "now", "finally", "got", "has", "have", "all"].contains(previous)
    }

    // MARK: - Lookup

    /// The longest lexicon phrase starting at `index`: its length and valence.
    private static func phrase(in words: [String], at index: Int) -> (Int, Double)? {
        guard phraseStarts.contains(words[index]) else { return nil }
        for length in stride(from: min(4, words.count - index), through: 2, by: -1) {
            let candidate = words[index..<(index + length)].joined(separator: " ")
            if let valence = SentimentLexicon.phrases[candidate] { return (length, valence) }
        }
        return nil
    }

    /// The valence of a word, directly or through its stem, or nil when it carries none.
    private static func valence(of word: String, after previous: String?) -> Double? {
        if word == "like" || word == "likes" || word == "liked" {
            guard let previous, SentimentLexicon.likeSubjects.contains(previous) else { return nil }
        }
        if let valence = SentimentLexicon.words[word] { return valence }
        // Only inflected forms go through the stem: "crashes" finds "crash", but the noun
        // "work" must not find "works", nor "use" find "useful" (both stem to "us").
        guard inflectionalEndings.contains(where: { word.hasSuffix($0) }) else { return nil }
        let stem = Stemmer.stem(word)
        return stem == word ? nil : stemmedWords[stem]
    }

    /// The first words of the lexicon's phrases, to skip phrase matching for all others.
    static let phraseStarts: Set<String> = Set(SentimentLexicon.phrases.keys.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// Endings of inflected forms that may be looked up through their stem.
    static let inflectionalEndings = ["s", "ed", "ing", "er", "est", "ly"]

    /// The lexicon by Porter stem, for inflected forms; a stem shared by words of different
    /// valence keeps the one nearer zero. Entries whose stem cuts more than an inflection
    /// off ("useful" → "us") are left out.
    static let stemmedWords: [String: Double] = {
        var table: [String: Double] = [:]
        for (word, valence) in SentimentLexicon.words.sorted(by: { $0.key < $1.key }) where !word.contains("-") {
            let stem = Stemmer.stem(word)
            guard word.count - stem.count <= 3 else { continue }
            if let existing = table[stem], abs(existing) <= abs(valence) { continue }
            table[stem] = valence
        }
        return table
    }()
}
