/// What a sentence of feedback does: ask for something, complain, praise, or none of these.
///
/// A request or a complaint is demand for the backlog item it is about; praise is validation
/// of it, kept apart and never counted as demand ("Offline mode finally works, great job" is
/// no reason to work on offline mode). Cue phrases decide first ("would love to see" asks
/// even though it says "love"), then the sentence's sentiment, then the item's rating.
public enum FeedbackIntent: String, Sendable, Hashable, CaseIterable {
    case request
    case complaint
    case praise
    /// Asks how to use what exists ("how do I…?"): support, not demand for anything new.
    case question
    /// A plain mention: neither asks, complains nor praises.
    case neutral

    /// Whether the intent is demand for what it is about.
    public var isDemand: Bool { self == .request || self == .complaint }

    /// The intent of one sentence; `ratingShare` is the item's rating on 0…1 when it has one.
    public static func of(_ sentence: String, ratingShare: Double? = nil, analyzer: SentimentAnalyzer = SentimentAnalyzer()) -> FeedbackIntent {
        let (text, reassures) = cueText(sentence)
        if requestCues.contains(where: { text.contains($0) }) || sentence.contains("?") && wishQuestionCues.contains(where: { text.contains($0) }) {
            return .request
        }
        let complains = complaintCues.contains { text.contains($0) }
        if !complains, howToCues.contains(where: { text.contains($0) }) { return .question }
        let sentiment = analyzer.score(sentence).score
        let praises = reassures || praiseCues.contains { text.contains($0) }
        // "Good app, but the paywall makes me use another one": praise with a reservation
        // after it is a complaint, when what follows the last "but" praises nothing itself.
        if let but = text.range(of: " but ", options: .backwards) {
            let after = String(text[but.upperBound...])
            if !after.trimmingCharacters(in: .whitespaces).isEmpty, !praiseCues.contains(where: after.contains),
               !reassuranceCues.contains(where: after.contains), analyzer.score(after).score < 0.15,
               praises || sentiment >= 0.15 {
                return .complaint
            }
        }
        if praises && !complains && (reassures || sentiment > -0.1) { return .praise }
        // Both: a thank-you that recalls the old pain ("used to be the worst part of my job").
        if praises && complains { return sentiment >= 0.25 ? .praise : .complaint }
        if complains || sentiment <= -0.1 { return .complaint }
        if sentiment >= 0.15 { return .praise }
        if let ratingShare {
            if ratingShare >= 0.75 { return .praise }
            if ratingShare <= 0.4 { return .complaint }
        }
        return .neutral
    }

    /// Whether the sentence speaks of trouble at all ("love the address check, hate the
    /// printing" does, even where the praise weighs more): a quote of what customers like
    /// must not.
    public static func speaksOfTrouble(_ sentence: String) -> Bool {
        let text = cueText(sentence).text
        return complaintCues.contains { text.contains($0) }
    }

    /// The sentence as the cues are matched on it — lower-cased words joined by single
    /// spaces — with the trouble it denies taken out ("no issues printing", "carriers never
    /// complain", "works fine" are reassurance, their words of trouble no complaint), and
    /// whether there was any.
    private static func cueText(_ sentence: String) -> (text: String, reassures: Bool) {
        var text = " " + Tokenizer.words(sentence).joined(separator: " ") + " "
        let reassures = reassuranceCues.contains { text.contains($0) }
        if reassures { for cue in reassuranceCues { text = text.replacingOccurrences(of: cue, with: " ") } }
        return (text, reassures)
    }

    // MARK: - Cues (matched on lower-cased words joined by single spaces)

    /// Asking for something: a wish, a suggestion, a need.
    static let requestCues = [
        " please add ", " please make ", " please let ", " please allow ", " please fix ", " please bring ", " please give ",
        " would be great ", " would be nice ", " would be awesome ", " would be helpful ", " would love ", " would like ",
        " i'd love ", " i'd like ", " we'd love ", " we'd like ", " wish ", " wishlist ", " can you add ", " could you add ",
        " can you make ", " could you make ", " can we have ", " can we get ", " could we ", " we need ", " i need ", " needs to ",
        " need a way ", " need to be able ", " should be able ", " should have ", " should let ", " should allow ",
        " option to ", " ability to ", " add an option ", " add a way ", " support for ", " any plans ", " any chance ",
        " is there a way ", " feature request ", " suggestion ", " suggest ", " hoping for ", " hope you ", " let us ",
        " let me ", " allow us ", " allow me ", " bring back ", " instead of ", " missing feature ", " lacks ", " lacking ",
        " please ", " pls ", " would be ", " would pay ", " would help ", " would save ", " would make ", " it'd be ",
        " if only ", " plan on ", " still waiting for ", " can't wait for ", " make it ",
    ]

    /// Questions that ask for a missing capability ("why can't I…?", "is there a way…?").
    static let wishQuestionCues = [" why can't ", " why doesn't ", " why does ", " why is ", " why do ", " can i ", " can we ",
                                   " is it possible ", " will there ", " will you ", " do you plan ", " when will ", " any way "]

    /// Questions about using what exists: support questions, not demand.
    static let howToCues = [" how do i ", " how can i ", " how do we ", " how to ", " where is ", " where do i ", " where can i ",
                            " where's ", " is it normal ", " what does ", " do you do ", " do you use ", " do you support "]

    /// Something wrong: broken, failing, slow, lost, or still not fixed.
    static let complaintCues = [
        " doesn't ", " don't ", " didn't ", " can't ", " cannot ", " won't ", " isn't ", " aren't ", " wasn't ", " not working ",
        " never ", " no way ", " broken ", " bug ", " buggy ", " glitch ", " crash", " fails ", " failed ", " failing ", " error ",
        " wrong ", " still ", " again ", " every time ", " each time ", " keeps ", " kept ", " stuck ", " lost ", " missing ",
        " annoying ", " frustrating ", " frustrated ", " useless ", " terrible ", " awful ", " horrible ", " worst ", " hate ",
        " ridiculous ", " unusable ", " impossible ", " disappointed ", " disappointing ", " problem ", " issue ", " slow ",
        " forever ", " unfortunately ", " sadly ", " nothing happens ", " waste ",
    ]

    /// Trouble denied: what works without a problem.
    static let reassuranceCues = [
        " no issues ", " no issue ", " no problems ", " no problem ", " no complaints ", " never complain ", " never complained ",
        " never complains ", " works fine ", " work fine ", " working fine ", " worked fine ", " runs fine ", " no trouble ",
        " never had a problem ", " never had an issue ", " never had any issues ", " never had any problems ", " never had a crash ",
        " zero issues ", " zero problems ", " without any issues ", " without issues ", " without a problem ", " without any problems ",
        " not a single problem ", " not a single issue ",
    ]

    /// Something that works and is valued.
    static let praiseCues = [
        " love ", " loving ", " loved ", " thank you ", " thanks ", " great ", " awesome ", " amazing ", " excellent ",
        " fantastic ", " brilliant ", " perfect ", " perfectly ", " works great ", " works well ", " works like a charm ",
        " finally works ", " finally ", " lifesaver ", " life saver ", " game changer ", " best ", " nice work ", " well done ",
        " kudos ", " impressed ", " smooth ", " seamless ", " so much better ", " much better ", " huge improvement ",
        " saves me ", " saved me ", " spot on ", " helpful ", " easy ", " good news ", " seems to be gone ", " is fixed ", " been fixed ",
    ]
}
