import PodiumInsight
import Testing

@Suite("Porter stemmer")
struct StemmerTests {
    /// Pairs from Porter's 1980 paper and the reference vocabulary, run through all steps.
    static let classicPairs: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"), ("conditional", "condit"),
        ("rational", "ration"), ("digitizer", "digit"), ("generalizations", "gener"), ("oscillators", "oscil"),
        ("hopeful", "hope"), ("goodness", "good"), ("triplicate", "triplic"), ("formative", "form"),
        ("adjustment", "adjust"), ("effective", "effect"), ("probate", "probat"), ("rate", "rate"),
        ("controll", "control"), ("roll", "roll"), ("crashes", "crash"), ("crashed", "crash"), ("crashing", "crash"),
    ]

    @Test("classic word/stem pairs", arguments: classicPairs)
    func classic(word: String, stem: String) {
        #expect(Stemmer.stem(word) == stem)
    }

    @Test("short words, contractions and non-ASCII words come back unchanged")
    func unchanged() {
        #expect(Stemmer.stem("is") == "is")
        #expect(Stemmer.stem("don't") == "don't")
        #expect(Stemmer.stem("café") == "café")
        #expect(Stemmer.stem("3.5") == "3.5")
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("words are lowercased; inner apostrophes and hyphens stay, outer punctuation goes")
    func words() {
        #expect(Tokenizer.words("Don't PANIC!") == ["don't", "panic"])
        #expect(Tokenizer.words("A pay-now link, please.") == ["a", "pay-now", "link", "please"])
        #expect(Tokenizer.words("’Quoted’ customer’s -- dash - here") == ["quoted", "customer's", "dash", "here"])
        #expect(Tokenizer.words("It costs 3.5 or 8,000. End.") == ["it", "costs", "3.5", "or", "8,000", "end"])
        #expect(Tokenizer.words("Café Ünïcode naïve") == ["café", "ünïcode", "naïve"])
        #expect(Tokenizer.words("") == [])
        #expect(Tokenizer.words("... !!! ---") == [])
    }

    @Test("terms drop stop words, numbers and single letters, split hyphens, drop possessives, and stem")
    func terms() {
        #expect(Tokenizer.terms("The app crashes when syncing offline photos!") == ["app", "crash", "sync", "offlin", "photo"])
        #expect(Tokenizer.terms("The customer's pay-now x button, 12 times") == ["custom", "pai", "button", "time"])
        #expect(Tokenizer.terms("I don't think it is") == [])
    }

    @Test("the stop word list holds function words and contractions, not topic words")
    func stopWords() {
        #expect(StopWords.english.isSuperset(of: ["the", "and", "don't", "it's", "would"]))
        #expect(StopWords.english.isDisjoint(with: ["invoice", "offline", "slow", "crash", "time"]))
    }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    @Test("splits at . ! ? and line breaks")
    func basics() {
        #expect(SentenceSplitter.sentences("It crashed! Did it? Yes.\nNew line here") == [
            "It crashed!", "Did it?", "Yes.", "New line here",
        ])
    }

    @Test("abbreviations, initials and decimals do not end a sentence")
    func abbreviations() {
        #expect(SentenceSplitter.sentences(
            "The app crashed, e.g. on login. Version 3.5 fixed it, i.e. mostly. Mr. Smith and J. Doe agreed etc. and left.")
            == ["The app crashed, e.g. on login.", "Version 3.5 fixed it, i.e. mostly.", "Mr. Smith and J. Doe agreed etc. and left."])
    }

    @Test("etc. before a capitalised word, ellipses and closing quotes end a sentence")
    func ends() {
        #expect(SentenceSplitter.sentences("We need logos, colours etc. The rest is fine.") == [
            "We need logos, colours etc.", "The rest is fine.",
        ])
        #expect(SentenceSplitter.sentences("I waited... nothing happened.") == ["I waited...", "nothing happened."])
        #expect(SentenceSplitter.sentences("He said \"Stop.\" Then he left.") == ["He said \"Stop.\"", "Then he left."])
    }

    @Test("blank text and blank lines give no sentences")
    func blanks() {
        #expect(SentenceSplitter.sentences("") == [])
        #expect(SentenceSplitter.sentences("\n\n  \n") == [])
        #expect(SentenceSplitter.sentences("One\n\nTwo") == ["One", "Two"])
    }
}
