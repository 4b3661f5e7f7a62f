import Foundation
import PodiumCore
import PodiumStore

/// Builds the demo workspace: Fieldnote, a field-service app for trades businesses, with
/// feedback in several themes and segments, a scored backlog linked to that feedback,
/// stakeholders, experiments, decisions and communications. Deterministic: the same
/// size gives byte-for-byte the same workspace.
public struct DemoWorkspace {
    /// How many feedback items to make.
    public var feedbackCount: Int
    /// The moment the demo is "now": feedback spreads over the 120 days before it, and every
    /// other date (sprints, experiments, decisions, updates) sits around it.
    public var reference: Date
    /// The pinned "now" of the library's demo (2026-11-25), so that tests and benchmarks read
    /// the same workspace on any day; `podium demo` uses `today()`.
    public static let referenceDate = Date(timeIntervalSince1970: 1_795_600_000)  // 2026-11-25

    /// What `workspace.json` says made a demo workspace.
    public static let creator = "podium demo"

    public init(feedbackCount: Int = 400, reference: Date = DemoWorkspace.referenceDate) {
        self.feedbackCount = max(0, feedbackCount)
        self.reference = reference
    }

    /// The start of today (UTC), or of the day `PODIUM_DEMO_DATE` names (YYYY-MM-DD): the
    /// demo made on one day is the same all that day, and lives in the present.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> Date {
        if let day = environment["PODIUM_DEMO_DATE"], let date = Timestamp.parse(day + "T00:00:00Z") { return date }
        let seconds = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: seconds)
    }

    /// Creates the demo at `root` (which must be absent or empty) and returns its store.
    public func create(at root: URL) throws -> WorkspaceStore {
        let content = makeContent()
        var generator = content.generator
        let store = try WorkspaceStore.create(at: root, product: content.product, createdWith: Self.creator)
        let batch = 5_000
        for start in stride(from: 0, to: content.feedback.count, by: batch) {
            try store.write { try $0.save(all: content.feedback[start..<min(start + batch, content.feedback.count)]) }
        }
        try store.write { transaction in
            try transaction.save(all: content.backlog)
            try transaction.save(all: content.stakeholders)
            try transaction.save(all: content.experiments)
            try transaction.save(all: content.decisions)
            try transaction.save(all: content.communications)
            try transaction.log(AuditEntry(
                id: RecordID(at: reference, using: &generator), at: reference, actor: "podium demo",
                action: .create, summary: "Created the demo workspace with \(content.feedback.count) feedback items"))
        }
        return store
    }

    /// Everything the demo holds, before it is written.
    public struct Content {
        public var product: Product
        public var feedback: [FeedbackItem]
        public var backlog: [BacklogItem]
        public var stakeholders: [Stakeholder]
        public var experiments: [Experiment]
        public var decisions: [Decision]
        public var communications: [Communication]
        var generator: SeededGenerator

        /// The content as an in-memory workspace (for tests and benchmarks that need no disk).
        public var snapshot: WorkspaceSnapshot {
            var snapshot = WorkspaceSnapshot(product: product)
            snapshot.feedback = RecordTable(feedback)
            snapshot.backlog = RecordTable(backlog)
            snapshot.stakeholders = RecordTable(stakeholders)
            snapshot.experiments = RecordTable(experiments)
            snapshot.decisions = RecordTable(decisions)
            snapshot.communications = RecordTable(communications)
            return snapshot
        }
    }

    /// Makes the demo's records (deterministic).
    public func makeContent() -> Content {
        var generator = SeededGenerator(seed: 2026)
        let feedback = makeFeedback(&generator)
        let byTheme = Dictionary(grouping: feedback, by: { $0.tags.first ?? "" })
        let backlog = DemoBacklog.items(feedbackByTag: byTheme, reference: reference, &generator)
        return Content(
            product: DemoCatalog.product(reference: reference),
            feedback: feedback, backlog: backlog,
            stakeholders: DemoCatalog.stakeholders(reference: reference, &generator),
            experiments: DemoCatalog.experiments(backlog: backlog, feedbackByTag: byTheme, reference: reference, &generator),
            decisions: DemoCatalog.decisions(backlog: backlog, reference: reference, &generator),
            communications: DemoCatalog.communications(reference: reference, &generator),
            generator: generator)
    }

    // MARK: Feedback

    private static let segments = [("solo", 3), ("small team", 5), ("mid-market", 3), ("enterprise", 1)]
    private static let sources: [(FeedbackSource, Int)] = [(.review, 9), (.survey, 6), (.support, 5), (.interview, 2), (.sales, 2)]
    private static let firstNames = ["Alex", "Sam", "Priya", "Jonas", "Maya", "Tom", "Lena", "Omar", "Grace", "Mateo", "Aiko",
                                     "Chris", "Fatima", "Ben", "Nora", "Luis", "Hannah", "Ravi", "Emma", "Kofi", "Sofia", "Dan"]
    private static let lastInitials = Array("ABCDEFGHJKLMNOPRSTVWZ").map(String.init)
    private static let companies = ["BrightSpark Electrical", "Northside Plumbing", "CoolAir HVAC", "GreenLeaf Gardens",
                                    "Apex Roofing", "SafeHome Pest Control", "Clearview Windows", "Metro Lift Services",
                                    "Harbor Fire Safety", "Summit Solar"]

    private func makeFeedback(_ generator: inout SeededGenerator) -> [FeedbackItem] {
        let themes = DemoThemes.all
        let totalWeight = themes.map(\.weight).reduce(0, +)
        var items: [FeedbackItem] = []
        items.reserveCapacity(feedbackCount)
        let span: Double = 120 * 86_400
        for index in 0..<feedbackCount {
            var pick = Int(generator.next() % UInt64(totalWeight))
            let theme = themes.first { pick -= $0.weight; return pick < 0 } ?? themes[0]
            let negative = Double(generator.next() % 1000) / 1000 < theme.negativity
            let phrases = negative ? theme.complaints : theme.praise
            var text = phrases[Int(generator.next() % UInt64(phrases.count))]
            let detail = theme.details[Int(generator.next() % UInt64(theme.details.count))]
            if !detail.isEmpty { text += " " + detail }
            let source = Self.weighted(Self.sources, &generator)
            let segment = Self.weighted(Self.segments, &generator)
            // Later items are newer; a little jitter keeps days uneven.
            let offset = span * Double(index) / Double(max(1, feedbackCount)) + Double(generator.next() % 36_000)
            let createdAt = Date(timeInterval: -span + offset, since: reference)
            let rating = Self.rating(for: source, negative: negative, &generator)
            let author: String? = source == .sales || source == .interview
                ? Self.companies[Int(generator.next() % UInt64(Self.companies.count))]
                : "\(Self.firstNames[Int(generator.next() % UInt64(Self.firstNames.count))]) "
                    + "\(Self.lastInitials[Int(generator.next() % UInt64(Self.lastInitials.count))])."
            let roundedDate = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
            items.append(FeedbackItem(
                id: RecordID(at: roundedDate, using: &generator), text: text, source: source, author: author,
                segment: segment, rating: rating, createdAt: roundedDate, tags: [theme.tag], origin: "demo"))
        }
        return items
    }

    private static func rating(for source: FeedbackSource, negative: Bool, _ generator: inout SeededGenerator) -> Rating? {
        let roll = Int(generator.next() % 100)
        switch source {
        case .review:
            let stars = negative ? (roll < 45 ? 1 : roll < 80 ? 2 : 3) : (roll < 70 ? 5 : 4)
            return Rating(Double(stars), scale: .stars5)
        case .survey:
            let score = negative ? [0, 2, 3, 4, 5, 6, 6, 7][roll % 8] : [8, 9, 9, 10, 10, 7][roll % 6]
            return Rating(Double(score), scale: .nps)
        default:
            return nil
        }
    }

    static func weighted<Value>(_ options: [(Value, Int)], _ generator: inout SeededGenerator) -> Value {
        var pick = Int(generator.next() % UInt64(options.map(\.1).reduce(0, +)))
        for (value, weight) in options {
            pick -= weight
            if pick < 0 { return value }
        }
        return options[0].0
    }
}
