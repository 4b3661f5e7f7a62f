/// Where a stakeholder stands on what a sentence of theirs is about.
public enum StakeholderPosition: String, Sendable, Hashable, CaseIterable {
    /// Objects to it, or sets conditions that amount to a no.
    case against
    /// Sees a risk in it.
    case worries
    /// Wants something of it done, or done a certain way.
    case asks
    /// Backs it.
    case `for`
    /// Speaks of it without taking a side.
    case mentions

    /// Whether the position pulls against doing it.
    public var isOpposed: Bool { self == .against || self == .worries }
    /// Whether the position pushes for doing it.
    public var isInFavour: Bool { self == .for || self == .asks }

    /// The position a sentence takes, from its wording: an objection first, then a worry, a
    /// wish, backing; a plain mention otherwise.
    public static func of(_ sentence: String) -> StakeholderPosition {
        let text = " " + Tokenizer.words(sentence).joined(separator: " ") + " "
        if againstCues.contains(where: text.contains) { return .against }
        // Plain backing outweighs a risk named in passing ("I fully support it; today that is an exposure").
        if backingCues.contains(where: text.contains) { return .for }
        if worryCues.contains(where: text.contains) { return .worries }
        if askCues.contains(where: text.contains) { return .asks }
        if forCues.contains(where: text.contains) { return .for }
        switch FeedbackIntent.of(sentence) {
        case .request: return .asks
        case .praise: return .for
        case .complaint, .question, .neutral: return .mentions
        }
    }

    static let againstCues = [" against ", " won't sign off ", " will not sign off ", " object ", " objects ", " oppose ", " opposed ",
                              " no way ", " not convinced ", " don't want ", " do not want ", " veto ",
                              " not worth ", " push back ", " reject ", " won't approve ", " won't support ", " not for free ",
                              " over my dead ", " not happening ", " say no ", " a no from me ", " i'd rather not ", " rather we didn't ",
                              " cannibalise ", " cannibalize ", " refuse ", " not until ", " until someone shows ", " goes with it ",
                              " won't sign ", " not for free "]
    /// Plain backing, said outright.
    static let backingCues = [" fully support ", " i support ", " we support ", " strongly support ", " in favour ", " in favor ",
                              " behind it ", " all for ", " back it "]
    static let worryCues = [" worried ", " worry ", " worries ", " concern ", " concerns ", " concerned ", " risk ", " risks ", " risky ",
                            " afraid ", " nervous ", " careful ", " caution ", " what if ", " liability ", " exposure ", " scared ",
                            " uneasy ", " wary ", " fear "]
    static let askCues = [" i want ", " we want ", " we need ", " i need ", " needs to ", " need to ", " please ", " would like ", " i'd like ",
                          " we'd like ", " should ", " shouldn't ", " must ", " ask ", " asks ", " asking ", " request ", " wish ", " expect ",
                          " before we ", " has to ", " have to "]
    static let forCues = [" support ", " supports ", " behind it ", " back it ", " backs ", " in favour ", " in favor ", " excited ",
                          " agree ", " biggest ", " top priority ", " matters ", " love ", " great ", " win ", " huge "]
}
