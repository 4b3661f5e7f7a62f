/// English stop words: function words that carry no topic on their own.
public enum StopWords {
    /// Lowercased English stop words, including contractions in the forms `Tokenizer.words`
    /// produces ("don't", "it's").
    public static let english: Set<String> = Set(englishList)

    // MARK: - The list

    private static let englishList: [String] = [
        "a", "about", "above", "after", "again", "against", "all", "almost", "also", "am", "an", "and", "any",
        "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't",
        "doing", "don't", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for",
        "from", "further", "get", "gets", "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having",
        "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his",
        "how", "how's", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it",
        "it'd", "it'll", "it's", "its", "itself", "just", "let's", "lets", "like", "may", "me", "might", "mine",
        "more", "most", "much", "must", "mustn't", "my", "myself", "neither", "never", "no", "nor", "not",
        "now", "of", "off", "often", "on", "once", "only", "or", "other", "others", "ought", "our", "ours",
        "ourselves", "out", "over", "own", "per", "quite", "rather", "really", "same", "shall", "shan't", "she",
        "she'd", "she'll", "she's", "should", "shouldn't", "since", "so", "some", "still", "such", "than",
        "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these",
        "they", "they'd", "they'll", "they're", "they've", "this", "those", "though", "through", "thus", "to",
        "too", "under", "until", "up", "upon", "us", "very", "via", "was", "wasn't", "we", "we'd", "we'll",
        "we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where", "where's", "whether",
        "which", "while", "who", "who's", "whom", "whose", "why", "why's", "will", "with", "within", "without",
        "won't", "would", "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
        "yourself", "yourselves",
        // Filler that feedback is full of and that names no topic.
        "already", "always", "anyone", "anything", "around", "away", "back", "bit", "come", "comes", "done", "etc", "everything", "go", "goes", "going", "gone", "just", "keep", "keeps", "kind",
        "know", "last", "later", "lot", "lots", "make", "makes", "many", "maybe", "one", "ones", "please",
        "put", "said", "say", "says", "see", "something", "sometimes", "take", "takes", "thing", "things",
        "think", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twice", "use", "used", "uses", "using", "want", "wants", "way", "well", "yes", "able", "exactly", "half", "whole", "yeah", "okay", "ok",
    ]
}
