/// The words and phrases that carry sentiment in product reviews and support tickets,
/// with their valence from -3 (very negative) to +3 (very positive).
///
/// Written for this engine: everyday review words ("love", "useless"), software words
/// ("crash", "freezes", "laggy", "intuitive"), and support-ticket words ("lost", "broken",
/// "finally", "workaround"). Inflected forms are found through their Porter stems, so
/// "crashes" and "crashed" need no entry of their own.
enum SentimentLexicon {
    // MARK: - Words

    static let words: [String: Double] = [
        // Strong praise
        "love": 3, "loved": 3, "loving": 3, "amazing": 3, "awesome": 3, "excellent": 3, "fantastic": 3,
        "brilliant": 3, "outstanding": 3, "superb": 3, "perfect": 3, "perfectly": 2.5, "wonderful": 3,
        "incredible": 3, "phenomenal": 3, "flawless": 3, "lifesaver": 3, "best": 2.5, "impeccable": 3,
        "delighted": 3, "thrilled": 3, "exceptional": 3, "stellar": 3, "terrific": 3, "gamechanger": 3,
        // Praise
        "great": 2.5, "good": 2, "nice": 2, "happy": 2, "glad": 2, "pleased": 2, "enjoy": 2, "enjoyed": 2,
        "like": 1.5, "liked": 1.5, "likes": 1.5, "recommend": 2, "recommended": 2, "helpful": 2, "useful": 2,
        "easy": 2, "easier": 2, "easiest": 2, "simple": 1.5, "intuitive": 2, "smooth": 2, "smoothly": 2,
        "fast": 1.5, "faster": 1.5, "quick": 1.5, "quickly": 1.5, "snappy": 2, "snappier": 2, "speedy": 1.5,
        "responsive": 1.5, "reliable": 2, "reliably": 2, "stable": 1.5, "solid": 1.5, "clean": 1.5,
        "clear": 1.5, "clearer": 1.5, "polished": 2, "professional": 1.5, "beautiful": 2.5, "elegant": 2,
        "convenient": 2, "handy": 1.5, "efficient": 2, "effective": 1.5, "powerful": 1.5, "flexible": 1.5,
        "impressive": 2.5, "impressed": 2.5, "impresses": 2.5, "valuable": 2, "worth": 1.5, "worthwhile": 2,
        "thanks": 1.5, "thank": 1.5, "thankful": 2, "grateful": 2, "appreciate": 2, "appreciated": 2,
        "kudos": 2, "bravo": 2, "congrats": 2, "congratulations": 2, "well-designed": 2, "user-friendly": 2,
        "improved": 1.5, "improvement": 1.5, "improvements": 1.5, "better": 1.5, "fixed": 1.5, "resolved": 1.5,
        "solved": 1.5, "finally": 1, "works": 1, "worked": 1, "working": 0.8, "win": 2, "wins": 2,
        "saves": 1.5, "saved": 1.5, "save": 1, "savings": 1.5, "calm": 1.5, "calmer": 1.5, "relief": 2,
        "friendly": 2, "patient": 1.5, "knowledgeable": 2, "responsive support": 2,
        "accurate": 1.5, "seamless": 2.5, "seamlessly": 2.5, "painless": 2, "effortless": 2.5,
        "fun": 2, "cool": 1.5, "neat": 1.5, "slick": 2, "joy": 2.5, "satisfied": 2, "satisfying": 2,
        "success": 2, "successful": 2, "successfully": 1.5, "benefit": 1.5, "benefits": 1.5, "praise": 2,
        "noticed": 0.5, "fits": 0.5, "trust": 1.5, "trusted": 1.5, "confident": 1.5, "secure": 1,
        "favorite": 2.5, "favourite": 2.5, "wow": 2, "yay": 2, "excited": 2, "exciting": 2, "fantastically": 3,
        "streamlined": 2, "organized": 1.5, "organised": 1.5, "productive": 2, "straightforward": 1.5,
        "affordable": 1.5, "fair": 1, "generous": 2, "robust": 1.5,
        // Mild negatives
        "slow": -2, "slower": -2, "slowly": -1.5, "sluggish": -2, "laggy": -2, "lag": -1.5, "lags": -1.5,
        "delay": -1.5, "delays": -1.5, "delayed": -1.5, "wait": -1, "waiting": -1, "hard": -1.5,
        "difficult": -1.5, "confusing": -2, "confused": -2, "unclear": -1.5, "complicated": -1.5,
        "clunky": -2, "cumbersome": -2, "unplugs": -1.5, "unplugged": -1.5, "disconnects": -1.5, "disconnected": -1.5, "fiddly": -1.5, "finicky": -1.5, "janky": -2, "convoluted": -1.5, "unintuitive": -1.5, "tedious": -2, "annoying": -2, "annoyed": -2, "annoys": -2,
        "irritating": -2, "frustrating": -2.5, "frustrated": -2.5, "frustration": -2.5, "disappointing": -2.5,
        "disappointed": -2.5, "disappointment": -2.5, "missing": -1.5, "lacks": -1.5, "lack": -1.5,
        "lacking": -1.5, "limited": -1, "limitation": -1, "limitations": -1, "expensive": -1.5, "pricey": -1.5,
        "overpriced": -2.5, "costly": -1.5, "steep": -1, "wrong": -2, "incorrect": -2, "inaccurate": -2,
        "error": -2, "errors": -2, "bug": -2, "bugs": -2, "buggy": -2.5, "glitch": -2, "glitches": -2,
        "glitchy": -2, "issue": -1, "issues": -1, "problem": -1.5, "problems": -1.5, "problematic": -2,
        "trouble": -1.5, "fail": -2, "fails": -2, "failed": -2, "failing": -2, "failure": -2.5,
        "unreliable": -2.5, "unstable": -2, "inconsistent": -1.5, "flaky": -2, "outdated": -1.5,
        "ugly": -2, "unprofessional": -2, "messy": -1.5, "cluttered": -1.5, "awkward": -1.5,
        "lost": -2, "lose": -2, "loses": -2, "losing": -2, "loss": -2, "vanish": -2, "vanished": -2, "gone": -1.5,
        "disappear": -2, "disappeared": -2, "disappears": -2, "drains": -2, "drain": -1.5, "freezes": -2.5,
        "freeze": -2.5, "frozen": -2.5, "freezing": -2.5, "hangs": -2, "stuck": -2, "blocks": -1,
        "blocked": -1.5, "duplicate": -1, "duplicating": -1.5, "duplicated": -1.5, "conflict": -1,
        "conflicts": -1, "empty": -1, "redo": -1.5, "retype": -1.5, "workaround": -1, "painfully": -2,
        "pain": -2, "painful": -2.5, "hurts": -2, "hurt": -2, "complain": -1.5, "complains": -1.5,
        "complaint": -1.5, "complaints": -1.5, "unfortunately": -1.5, "sadly": -1.5, "sad": -2,
        "worried": -1.5, "worry": -1.5, "concern": -1, "concerned": -1.5, "risk": -1, "unhappy": -2.5,
        "unusable": -3, "unacceptable": -3, "ridiculous": -2.5, "waste": -2.5, "wasted": -2.5,
        "forever": -1.5, "ages": -1, "spam": -1.5, "mixed": -0.5, "late": -1, "breaks": -2, "break": -1,
        "poor": -2.5, "poorly": -2.5, "bad": -2.5, "worse": -2.5, "mediocre": -2, "meh": -1,
        "unresponsive": -2.5, "timeout": -2, "rude": -2.5, "ignored": -2, "ignore": -1.5,
        "stopped": -1.5, "refund": -1.5, "cancel": -1.5, "cancelling": -2, "canceling": -2, "switching": -1,
        "unfair": -2, "greedy": -2.5, "jump": -0.5, "warning": -0.5, "locked": -1, "drop": -1, "drops": -1,
        // Strong negatives
        "crash": -3, "crashes": -3, "crashed": -3, "crashing": -3, "broken": -3, "broke": -2.5,
        "useless": -3, "terrible": -3, "horrible": -3, "awful": -3, "worst": -3, "hate": -3, "hated": -3,
        "hates": -3, "garbage": -3, "trash": -3, "nightmare": -3, "disaster": -3, "disastrous": -3,
        "pathetic": -3, "furious": -3, "angry": -2.5, "infuriating": -3, "corrupted": -3, "corrupt": -2.5,
        "scam": -3, "joke": -2, "abysmal": -3, "atrocious": -3, "dreadful": -3, "appalling": -3,
    ]

    // MARK: - Phrases

    /// Multi-word expressions, matched before single words (longest first).
    static let phrases: [String: Double] = [
        "takes forever": -2.5, "take forever": -2.5, "out of date": -1.5, "no way": -1.5, "worth every penny": 3,
        "pays for itself": 2.5, "time out": -2, "times out": -2, "waste of time": -3, "a pain": -2,
        "game changer": 3, "life saver": 3, "too long": -1.5, "too steep": -2, "too expensive": -2.5,
        "went up": -1, "out of signal": -1, "not clear": -1.5, "does the job": 1.5, "well done": 2.5,
        "great job": 3, "thank you": 2, "five stars": 3, "5 stars": 3, "one star": -3, "1 star": -3,
        "zero stars": -3, "no complaints": 2, "not bad": 1, "can't live without": 3, "so much easier": 2.5,
        "above and beyond": 3, "in minutes": 1, "in seconds": 1, "let me down": -2, "let us down": -2,
        "doesn't work": -2.5, "does not work": -2.5, "don't work": -2.5, "not working": -2.5,
        "stopped working": -2.5, "keeps crashing": -3, "fell apart": -2.5, "went wrong": -2,
        "could be better": -1, "should be better": -1, "drains my battery": -2.5, "drains the battery": -2.5,
        "drains battery": -2.5, "battery drain": -2.5, "eats battery": -2.5, "eats my battery": -2.5,
    ]

    /// Words and word pairs that open a request ("would love…", "please add…", "can you
    /// add…"): praise after them is about what is wished for, not about the product, so a
    /// feature request is not counted as praise ("Would love dark mode" is neutral).
    static let requestOpeners: Set<String> = ["wish", "wishing", "hoping"]

    /// Words that say a trouble is over ("fixed", "gone"), after a trouble word.
    static let resolutions: Set<String> = ["fixed", "solved", "resolved", "gone", "sorted"]
    /// Words that name a trouble, whose end is good news.
    static let troubles: Set<String> = ["problem", "problems", "issue", "issues", "bug", "bugs", "glitch", "error", "errors",
                                        "crash", "crashes", "crashing", "lag", "duplicates", "freeze", "freezing"]

    /// Pairs that open a reservation ("great, apart from…", "except for…", "the only problem
    /// is…"): what follows is a complaint even when it names no sentiment word ("apart from
    /// the fact that my bank unplugs itself"), and it outweighs the praise before it.
    static let reservationPairs: Set<String> = ["apart from", "except for", "except that", "other than", "only problem", "only issue", "only thing",
                                                "only complaint", "only downside", "one problem", "one issue", "one complaint"]
    static let requestPairs: Set<String> = [
        "would love", "would like", "would be", "would really", "would appreciate", "i'd love", "i'd like", "it'd be", "we'd love",
        "we'd like", "id love", "please add", "please make", "please allow", "please support", "please bring", "please let",
        "please consider", "please include", "can you", "could you", "can u", "will you", "hope you", "feature request",
    ]

    // MARK: - Modifiers

    /// Words that turn the sentiment that follows them around.
    static let negators: Set<String> = [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "hardly", "barely",
        "cannot", "can't", "cant", "won't", "wont", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
        "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent", "haven't", "havent",
        "hasn't", "hasnt", "hadn't", "shouldn't", "wouldn't", "couldn't", "couldnt", "mustn't", "ain't",
    ]

    /// Negators of expectation: "X shouldn't be broken" is still a complaint.
    static let expectationNegators: Set<String> = ["shouldn't", "mustn't", "shouldnt"]

    /// Words that strengthen (positive) or soften (negative) the sentiment word after them.
    static let boosters: [String: Double] = [
        "very": 0.3, "really": 0.3, "extremely": 0.5, "incredibly": 0.5, "super": 0.3, "so": 0.25,
        "too": 0.3, "totally": 0.4, "completely": 0.4, "absolutely": 0.5, "utterly": 0.5, "highly": 0.4,
        "truly": 0.3, "especially": 0.25, "exceptionally": 0.5, "hugely": 0.4, "massively": 0.4,
        "seriously": 0.3, "remarkably": 0.4, "insanely": 0.5, "most": 0.3, "much": 0.25, "always": 0.2,
        "constantly": 0.4, "painfully": 0.4, "terribly": 0.4, "deeply": 0.4, "entirely": 0.4,
        "slightly": -0.4, "somewhat": -0.35, "bit": -0.35, "little": -0.3, "fairly": -0.2, "rather": -0.2,
        "kinda": -0.35, "sort": -0.3, "mildly": -0.4, "marginally": -0.4, "partly": -0.3, "occasionally": -0.3,
        "sometimes": -0.2, "almost": -0.2, "mostly": -0.15,
    ]

    /// Words after which the rest of the sentence outweighs what came before.
    static let contrasts: Set<String> = ["but", "however", "yet", "although", "though", "except"]

    /// Subjects and auxiliaries after which "like" is a verb of liking, not a preposition.
    static let likeSubjects: Set<String> = [
        "i", "we", "they", "you", "really", "just", "also", "still", "do", "don't", "dont", "didn't", "doesn't",
        "definitely", "honestly", "totally", "truly", "people", "users", "customers", "team", "staff",
    ]
}
