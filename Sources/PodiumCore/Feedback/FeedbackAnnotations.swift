import Foundation

/// What one accepted AI draft says about many feedback items — their sentiment, their
/// themes — kept in one file of its own instead of in every item's file.
///
/// Accepting `tag-sentiment` on 100,000 items writes this one file (and undoing it removes
/// it), so a `git diff` after it is a few lines and two teammates' accepts merge cleanly:
/// each is a file of its own. The feedback files keep what people wrote and decided; the
/// annotations lie over them in the order they were accepted (see ``FeedbackAnnotationIndex``).
public struct FeedbackAnnotations: Codable, Sendable, Hashable, Identifiable {
    /// The accepted draft's id: one annotations file per accepted draft.
    public var id: RecordID<FeedbackAnnotations>
    /// The job kind that proposed them ("tag-sentiment", "cluster-themes"), or "migrated"
    /// for the values a workspace of schema 1 kept in the feedback files.
    public var kind: String
    public var acceptedAt: Date
    /// Who accepted the draft ("you", "auto: rule …").
    public var acceptedBy: String?
    /// Sentiment from -1 to 1, by feedback id.
    public var sentiment: [String: Double]?
    /// The feedback ids of each theme tag ("theme:bank-sync": […]). The newest annotations
    /// with themes replace every earlier theme tag, as a new clustering supersedes the old.
    public var themes: [String: [String]]?
    /// Feedback linked to backlog items, by backlog item id: what an accepted `link-feedback`
    /// draft adds to the items' evidence without rewriting their files.
    public var links: [String: BacklogLinks]?

    /// The feedback an accepted draft linked to one backlog item, demand apart from praise.
    public struct BacklogLinks: Codable, Sendable, Hashable {
        public var demand: [String]?
        public var praise: [String]?

        public init(demand: [String]? = nil, praise: [String]? = nil) {
            self.demand = demand
            self.praise = praise
        }
    }

    public init(
        id: RecordID<FeedbackAnnotations>, kind: String, acceptedAt: Date, acceptedBy: String? = nil,
        sentiment: [String: Double]? = nil, themes: [String: [String]]? = nil, links: [String: BacklogLinks]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.acceptedAt = acceptedAt
        self.acceptedBy = acceptedBy
        self.sentiment = sentiment
        self.themes = themes
        self.links = links
    }

    /// How many feedback items it annotates or links.
    public var itemCount: Int {
        var ids = Set((sentiment ?? [:]).keys)
        for members in (themes ?? [:]).values { ids.formUnion(members) }
        for linked in (links ?? [:]).values { ids.formUnion((linked.demand ?? []) + (linked.praise ?? [])) }
        return ids.count
    }

    /// The start of every theme tag.
    public static let themeTagPrefix = "theme:"
}

extension FeedbackAnnotations {
    /// Reads an annotations file, sharing its many feedback ids with the feedback items'
    /// own (see ``IDPool``): a file of 100,000 scores would otherwise hold a second copy of
    /// every id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shared = { (ids: [String]?) in ids?.map(IDPool.shared) }
        self.init(
            id: try container.decode(RecordID<FeedbackAnnotations>.self, forKey: .id),
            kind: try container.decode(String.self, forKey: .kind),
            acceptedAt: try container.decode(Date.self, forKey: .acceptedAt),
            acceptedBy: try container.decodeIfPresent(String.self, forKey: .acceptedBy),
            sentiment: try container.decodeIfPresent([String: Double].self, forKey: .sentiment).map { scores in
                Dictionary(uniqueKeysWithValues: scores.map { (IDPool.shared($0.key), $0.value) })
            },
            themes: try container.decodeIfPresent([String: [String]].self, forKey: .themes)?.mapValues { shared($0) ?? [] },
            links: try container.decodeIfPresent([String: BacklogLinks].self, forKey: .links).map { links in
                Dictionary(uniqueKeysWithValues: links.map { item, linked in
                    (IDPool.shared(item), BacklogLinks(demand: shared(linked.demand), praise: shared(linked.praise)))
                })
            })
    }
}

/// All accepted annotations folded into what each feedback and backlog item shows now.
///
/// Annotations apply in the order they were accepted: an item's sentiment is the latest
/// one given to it (else its own), the latest annotations that carry themes decide every
/// item's theme tags (tags a person gave stay), and links add up, a later acceptance
/// deciding whether a pair is demand or praise.
public final class FeedbackAnnotationIndex: Sendable {
    /// Each item's latest sentiment and when it was accepted.
    public let sentiment: [RecordID<FeedbackItem>: (score: Double, acceptedAt: Date)]
    public let themes: [RecordID<FeedbackItem>: [String]]
    /// Whether some annotations carry themes; then they decide every item's theme tags.
    public let governsThemes: Bool
    /// Each backlog item's linked feedback, in the order the links were accepted.
    public let links: [RecordID<BacklogItem>: (demand: [RecordID<FeedbackItem>], praise: [RecordID<FeedbackItem>])]

    public convenience init() { self.init([FeedbackAnnotations]()) }

    public init(_ annotations: some Sequence<FeedbackAnnotations>) {
        let ordered = annotations.sorted { ($0.acceptedAt, $0.id) < ($1.acceptedAt, $1.id) }
        var sentiment: [RecordID<FeedbackItem>: (score: Double, acceptedAt: Date)] = [:]
        for annotation in ordered {
            for (id, score) in annotation.sentiment ?? [:] { sentiment[RecordID(id)] = (score, annotation.acceptedAt) }
        }
        var themes: [RecordID<FeedbackItem>: [String]] = [:]
        var governs = false
        if let latest = ordered.last(where: { $0.themes != nil }), let assigned = latest.themes {
            governs = true
            for (tag, ids) in assigned.sorted(by: { $0.key < $1.key }) {
                for id in ids { themes[RecordID(id), default: []].append(tag) }
            }
            // Most items share their list of tags with many others ("theme:bank" and
            // "theme:bank/reconnect"): one list per distinct combination, shared, instead of
            // one per item (about 50 bytes an item at 100,000).
            var distinct: [[String]: [String]] = [:]
            for (id, tags) in themes {
                if let shared = distinct[tags] { themes[id] = shared } else { distinct[tags] = tags }
            }
        }
        self.sentiment = sentiment
        self.themes = themes
        self.governsThemes = governs
        self.links = Self.links(ordered)
    }

    /// Each backlog item's links: every pair once, as the latest acceptance that names it says.
    private static func links(_ ordered: [FeedbackAnnotations]) -> [RecordID<BacklogItem>: (demand: [RecordID<FeedbackItem>], praise: [RecordID<FeedbackItem>])] {
        var kinds: [RecordID<BacklogItem>: [RecordID<FeedbackItem>: FeedbackLinkKind]] = [:]
        var order: [RecordID<BacklogItem>: [RecordID<FeedbackItem>]] = [:]
        for annotation in ordered {
            for (item, linked) in (annotation.links ?? [:]).sorted(by: { $0.key < $1.key }) {
                let item = RecordID<BacklogItem>(item)
                for (ids, kind) in [(linked.demand ?? [], FeedbackLinkKind.demand), (linked.praise ?? [], .validation)] {
                    for id in ids.map(RecordID<FeedbackItem>.init) {
                        if kinds[item, default: [:]].updateValue(kind, forKey: id) == nil { order[item, default: []].append(id) }
                    }
                }
            }
        }
        return order.reduce(into: [:]) { result, entry in
            let kind = kinds[entry.key] ?? [:]
            result[entry.key] = (entry.value.filter { kind[$0] == .demand }, entry.value.filter { kind[$0] == .validation })
        }
    }

    public var isEmpty: Bool { sentiment.isEmpty && !governsThemes && links.isEmpty }

    /// Sets the item's annotated sentiment and themes from the index; a sentiment accepted
    /// before a re-import changed the item's text is left out.
    public func annotate(_ item: inout FeedbackItem) {
        let latest = sentiment[item.id]
        item.annotatedSentiment = latest.flatMap { latest in
            item.textChangedAt.map { $0 <= latest.acceptedAt } ?? true ? latest.score : nil
        }
        item.annotatedThemes = governsThemes ? themes[item.id] ?? [] : nil
    }

    /// Sets the backlog item's links from accepted drafts.
    public func annotate(_ item: inout BacklogItem) {
        let linked = links[item.id]
        item.annotateLinks(demand: linked?.demand ?? [], praise: linked?.praise ?? [])
    }
}

extension FeedbackItem {
    /// The sentiment shown and used: the latest accepted annotation's, else the item's own.
    public var currentSentiment: Double? { annotatedSentiment ?? sentiment }

    /// The tags shown and used: the item's own, with its theme tags taken from the latest
    /// accepted themes when there are any.
    public var currentTags: [String] {
        guard let annotatedThemes else { return tags }
        return tags.filter { !$0.hasPrefix(FeedbackAnnotations.themeTagPrefix) } + annotatedThemes
    }

    /// The item as it shows now, with its annotations in its own fields: what a listing or
    /// an export gives other tools, which know nothing of `annotations/`.
    public var withAnnotationsApplied: FeedbackItem {
        var item = self
        item.sentiment = currentSentiment
        item.tags = currentTags
        item.annotatedSentiment = nil
        item.annotatedThemes = nil
        return item
    }
}

extension Draft {
    /// How many records an acceptance changed as a person counts them: each feedback item an
    /// annotations file gives a sentiment or a theme counts once, though the file is one.
    public var changedRecordCount: Int {
        let applied = appliedChanges ?? []
        let records = applied.filter { $0.reference.kind != .annotations }.count
        guard applied.contains(where: { $0.reference.kind == .annotations }), let proposal else { return records }
        var items = Set((proposal.sentiments ?? []).map(\.feedbackID))
        for theme in proposal.themeTags ?? [] { items.formUnion(theme.feedbackIDs) }
        items.formUnion((proposal.feedbackLinks ?? []).map(\.feedbackID))
        return records + items.count
    }
}
