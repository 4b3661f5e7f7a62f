import PodiumCore
import PodiumInsight

/// Checks every cited sentence of a model's answer against the records its prompt carried.
///
/// The answer is read line by line (a bullet or a table row is a line) and each line sentence
/// by sentence; a citation standing alone after a sentence ("… fails. [#1a2b3c4d]") belongs to
/// it. For each id a sentence cites: the id must be one the model was sent (a record line, or
/// cited in the offline draft it was given), else "cites a record it was not given"; and the
/// record must say what the sentence says, by the same measure as elsewhere in Podium: they
/// share at least two content words (`Tokenizer.terms`: stop words dropped, stemmed), or the
/// sentence's only one; else "the cited record does not say this".
public enum CitationCheck {
    /// The sentences whose citations fail, in the answer's order, each (sentence, id) once.
    public static func flagged(_ answer: String, context: PromptContext) -> [FlaggedCitation] {
        var flagged: [FlaggedCitation] = []
        var seen = Set<String>()
        for (sentence, ids) in citedSentences(answer) {
            for id in ids where seen.insert(id + "\u{0}" + sentence).inserted {
                if !context.wasSent(id) {
                    flagged.append(FlaggedCitation(sentence: sentence, id: id, reason: .notSent))
                } else if let record = context.record(id), !supports(record.text, sentence) {
                    flagged.append(FlaggedCitation(sentence: sentence, id: id, reason: .unsupported))
                }
            }
        }
        return flagged
    }

    /// Whether a record's text says what a sentence says: two content words in common, or
    /// the sentence's only one (a sentence with none claims nothing to check).
    public static func supports(_ record: String, _ sentence: String) -> Bool {
        let claimed = Set(Tokenizer.terms(withoutCitations(sentence)))
        let shared = claimed.intersection(Tokenizer.terms(record)).count
        return shared >= min(2, claimed.count)
    }

    /// Each sentence with a citation, cleaned for reading, with the short ids it cites.
    static func citedSentences(_ answer: String) -> [(String, [String])] {
        var result: [(String, [String])] = []
        for line in answer.split(whereSeparator: \.isNewline) {
            var sentences: [(String, [String])] = []
            for sentence in SentenceSplitter.sentences(String(line)) {
                let ids = CitedIDs.short(in: sentence)
                // A citation alone is the previous sentence's ("Sync fails. [#1a2b3c4d]").
                if !ids.isEmpty, Tokenizer.terms(withoutCitations(sentence)).isEmpty, let last = sentences.indices.last {
                    sentences[last].0 += " " + sentence
                    sentences[last].1 += ids.filter { !sentences[last].1.contains($0) }
                } else {
                    sentences.append((sentence, ids))
                }
            }
            result += sentences.filter { !$0.1.isEmpty }.map { (readable($0.0), $0.1) }
        }
        return result
    }

    /// The sentence without its bracketed citations.
    static func withoutCitations(_ text: String) -> String {
        text.replacing(/\[[^\[\]\n]*#[0-9A-Fa-f][^\[\]\n]*\]/, with: " ")
    }

    /// The sentence without a Markdown bullet, number or heading mark, on one line.
    static func readable(_ sentence: String) -> String {
        let trimmed = sentence.drop { "#-*+> |".contains($0) }
        let unnumbered = trimmed.firstMatch(of: /^\d{1,3}[.)]\s+/).map { trimmed[$0.range.upperBound...] } ?? trimmed
        return Recipe.clean(String(unnumbered))
    }
}
