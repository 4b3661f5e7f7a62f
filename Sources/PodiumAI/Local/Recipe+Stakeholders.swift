import Foundation
import PodiumCore
import PodiumInsight

/// stakeholder-synthesis: where each stakeholder stands on each backlog item they speak of —
/// for, against, asks, worries — found by what their sentences are about, not by shared words.
extension Recipe {
    /// One stakeholder's stand on one backlog item, with the sentence that says it.
    struct StakeholderStand {
        var stakeholder: Stakeholder
        var item: BacklogItem
        var position: StakeholderPosition
        var sentence: String
    }

    /// Each stakeholder's stands, from the sentences of their notes linked to backlog items
    /// (the feedback is linked alongside, so that the items learn their customers' words), and
    /// their sentences about nothing in the backlog.
    func stakeholderStands(_ stakeholders: [Stakeholder]) -> (stands: [StakeholderStand], unplaced: [(Stakeholder, String)]) {
        let items = snapshot.orderedBacklog.filter { $0.status != .dropped }
        var sources = snapshot.feedback.all.map { LinkSource(id: "f:" + $0.id.rawValue, text: $0.text) }
        var sentences: [String: (Stakeholder, String)] = [:]
        for (index, stakeholder) in stakeholders.enumerated() {
            for (number, sentence) in SentenceSplitter.sentences(stakeholder.notes).enumerated() {
                let id = "s:\(index):\(number)"
                sentences[id] = (stakeholder, sentence)
                sources.append(LinkSource(id: id, text: sentence))
            }
        }
        let targets = items.map { LinkTarget(id: $0.id.rawValue, key: $0.key, title: $0.title, description: $0.description, labels: $0.tags,
                                             examples: $0.linkedFeedback.prefix(20).compactMap { snapshot.feedback[$0]?.text }) }
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id.rawValue, $0) })
        var stands: [StakeholderStand] = []
        var placed: [String: BacklogItem] = [:]
        // A sentence that names an item by its tracker key ("customs paperwork (#237)") is
        // about that item, whatever its words.
        let keyed = items.compactMap { item in item.key.map { (key: $0, item: item) } }
        for (id, (stakeholder, sentence)) in sentences {
            let named = keyed.filter { Self.sentence(sentence, names: $0.key) }.map(\.item)
            guard let first = named.first else { continue }
            placed[id] = first
            stands += named.map { StakeholderStand(stakeholder: stakeholder, item: $0, position: .of(sentence), sentence: sentence) }
        }
        for link in EvidenceLinker().link(sources, to: targets) where link.sourceID.hasPrefix("s:") && placed[link.sourceID] == nil {
            guard let (stakeholder, sentence) = sentences[link.sourceID], let item = byID[link.targetID] else { continue }
            placed[link.sourceID] = item
            stands.append(StakeholderStand(stakeholder: stakeholder, item: item, position: .of(sentence), sentence: sentence))
        }
        // A sentence that names nothing but goes on about "it" ("If it has to move, it moves
        // as a paid add-on") speaks of what the sentence before it was about.
        for (id, (stakeholder, sentence)) in sentences.sorted(by: { Self.order($0.key).lexicographicallyPrecedes(Self.order($1.key)) }) where placed[id] == nil && Self.refersBack(sentence) {
            let parts = id.split(separator: ":")
            guard parts.count == 3, let number = Int(parts[2]), number > 0, let item = placed["s:\(parts[1]):\(number - 1)"] else { continue }
            placed[id] = item
            stands.append(StakeholderStand(stakeholder: stakeholder, item: item, position: .of(sentence), sentence: sentence))
        }
        let unplaced = sentences.filter { placed[$0.key] == nil }.sorted { Self.order($0.key).lexicographicallyPrecedes(Self.order($1.key)) }.map(\.value)
        return (Self.strongest(stands), unplaced)
    }

    /// Whether `sentence` names the tracker key `key` as a whole ("#23" is not in "#237",
    /// "LED-10" not in "LED-106").
    static func sentence(_ sentence: String, names key: String) -> Bool {
        guard !key.isEmpty else { return false }
        var searchFrom = sentence.startIndex
        while let range = sentence.range(of: key, options: .caseInsensitive, range: searchFrom..<sentence.endIndex) {
            let before = range.lowerBound == sentence.startIndex ? nil : sentence[sentence.index(before: range.lowerBound)]
            let after = range.upperBound == sentence.endIndex ? nil : sentence[range.upperBound]
            let joined = { (character: Character?) in character.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "#" } ?? false }
            if !joined(before) && !joined(after) { return true }
            searchFrom = range.upperBound
        }
        return false
    }

    /// "s:STAKEHOLDER:SENTENCE" as numbers, so that sentence 10 comes after sentence 9.
    static func order(_ id: String) -> [Int] { id.split(separator: ":").dropFirst().compactMap { Int($0) } }

    /// Whether a sentence goes on about something named before it: it speaks of "it",
    /// "this" or "that" without naming a subject of its own.
    static func refersBack(_ sentence: String) -> Bool {
        let words = Set(Tokenizer.words(sentence))
        return !words.isDisjoint(with: ["it", "it's", "this", "them"])
    }

    /// One stand per stakeholder and item: the strongest of theirs (against, worries, asks, for, mentions).
    static func strongest(_ stands: [StakeholderStand]) -> [StakeholderStand] {
        let rank: [StakeholderPosition: Int] = [.against: 0, .worries: 1, .asks: 2, .for: 3, .mentions: 4]
        var kept: [String: StakeholderStand] = [:]
        for stand in stands {
            let key = stand.stakeholder.id.rawValue + "|" + stand.item.id.rawValue
            if let current = kept[key], rank[current.position, default: 9] <= rank[stand.position, default: 9] { continue }
            kept[key] = stand
        }
        return kept.values.sorted { ($0.item.order, $0.stakeholder.name) < ($1.item.order, $1.stakeholder.name) }
    }

    mutating func stakeholderSynthesis() throws -> DraftOutput {
        let stakeholders = snapshot.stakeholders.all.filter { !$0.notes.trimmingCharacters(in: .whitespaces).isEmpty }
        guard stakeholders.count >= 2 else {
            throw JobError.nothingToWorkOn("At least two stakeholders with notes are needed to compare their input.")
        }
        context.progress("Placing what \(stakeholders.count) stakeholders say on the backlog")
        let (stands, unplaced) = stakeholderStands(stakeholders)
        let byItem = Dictionary(grouping: stands, by: { $0.item.id })
        func who(_ stand: StakeholderStand) -> String { "\(Recipe.clean(stand.stakeholder.name)) (\(Recipe.clean(stand.stakeholder.role)))" }
        func quote(_ stand: StakeholderStand) -> String { "“\(Recipe.shorten(Recipe.clean(stand.sentence), to: 120))” \(Recipe.cite(stand.stakeholder.id))" }
        func name(_ item: BacklogItem) -> String { (item.key.map { Recipe.clean($0) + " " } ?? "") + Recipe.clean(item.title) }
        var agreements: [String] = [], conflicts: [String] = []
        for item in snapshot.orderedBacklog {
            guard let itemStands = byItem[item.id] else { continue }
            let opposed = itemStands.filter { $0.position.isOpposed }
            let favour = itemStands.filter { $0.position.isInFavour }
            let demand = item.linkedFeedback.count
            if !opposed.isEmpty && (!favour.isEmpty || demand >= 3) {
                var line = "**\(name(item))** \(Recipe.cite(item.id)): " + opposed.map { "\(who($0)) \($0.position == .against ? "is against it" : "worries about it") — \(quote($0))" }
                    .joined(separator: "; ")
                if !favour.isEmpty { line += "; " + favour.map { "\(who($0)) \($0.position == .asks ? "asks for it" : "is for it") — \(quote($0))" }.joined(separator: "; ") }
                if demand >= 3 { line += "; and \(demand) customers ask for it or complain of what it fixes" }
                conflicts.append(line)
            } else if favour.count >= 2 && opposed.isEmpty {
                agreements.append("**\(name(item))** \(Recipe.cite(item.id)): " + favour.map { "\(who($0)) — \(quote($0))" }.joined(separator: "; "))
            }
        }
        var lines = ["# Where \(stakeholders.count) stakeholders stand", "",
                     "Each stand is a sentence of their notes about a backlog item, placed by what it is about (not by a shared word) "
                        + "and read as for, against, asking or worried.", "", "## Conflicts", ""]
        lines += conflicts.isEmpty ? ["- No stakeholder opposes what another, or the customers, push for."] : conflicts.prefix(6).map { "- " + $0 }
        lines += ["", "## Agreements", ""]
        lines += agreements.isEmpty ? ["- No backlog item has two stakeholders behind it and none against."] : agreements.prefix(6).map { "- " + $0 }
        lines += ["", "## Each stakeholder's stands", ""]
        for stakeholder in stakeholders {
            let own = stands.filter { $0.stakeholder.id == stakeholder.id && $0.position != .mentions }
            guard !own.isEmpty else { continue }
            lines.append("- \(Recipe.clean(stakeholder.name)): " + own.map { "\($0.position.rawValue) \(name($0.item))" }.joined(separator: "; ")
                + " \(Recipe.cite(stakeholder.id))")
        }
        lines += ["", "## Open questions", ""]
        var questions: [String] = []
        for (stakeholder, sentence) in unplaced where stakeholder.influence >= 4 && StakeholderPosition.of(sentence) != .mentions {
            questions.append("\(Recipe.clean(stakeholder.name)) says “\(Recipe.shorten(Recipe.clean(sentence), to: 120))”, which no backlog item covers: add one, or tell them why not? \(Recipe.cite(stakeholder.id))")
        }
        for stakeholder in stakeholders where stakeholder.updatedAt < now.addingTimeInterval(-30 * 86_400) && stakeholder.interest >= 4 {
            questions.append("\(Recipe.clean(stakeholder.name))'s input is over 30 days old (\(Recipe.day(stakeholder.updatedAt))): is it still current? \(Recipe.cite(stakeholder.id))")
        }
        lines += questions.isEmpty ? ["- None."] : questions.prefix(6).map { "- " + $0 }
        let evidence = stakeholders.map { stakeholder in
            Evidence(ArtifactReference(.stakeholder, stakeholder.id),
                     detail: stands.filter { $0.stakeholder.id == stakeholder.id }.map { "\($0.position.rawValue) \(Recipe.shorten(name($0.item), to: 30))" }.joined(separator: "; "))
        } + Set(stands.map(\.item.id)).sorted().map { Evidence(ArtifactReference(.backlog, $0), detail: "a stakeholder speaks of it") }
        return DraftOutput(title: "Stakeholder synthesis (\(stakeholders.count) stakeholders, \(conflicts.count) conflicts)", content: lines.joined(separator: "\n"),
                           evidence: evidence,
                           figures: [Figure(name: "agreements", value: Double(agreements.count)), Figure(name: "conflicts", value: Double(conflicts.count)),
                                     Figure(name: "stands", value: Double(stands.count))])
    }
}
