import Foundation
import PodiumCore
import PodiumInsight
import PodiumStore

/// The backlog as a roadmap: what the team is doing now, what comes next and what later, each
/// item with its evidence and the goal measure it moves.
///
/// Now is the work in progress, next the items ready to start, later the items still
/// proposed; each lane in backlog order, now first. Done and dropped items are not on it.
public struct Roadmap: Sendable, Hashable, Codable {
    /// One of the three horizons.
    public enum Lane: String, Sendable, Hashable, Codable, CaseIterable {
        case now, next, later

        public var title: String { rawValue.capitalized }
    }

    /// An item on the roadmap.
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var key: String?
        public var title: String
        public var lane: Lane
        /// Feedback linked as demand (complaints and requests) and as praise.
        public var demand: Int
        public var praise: Int
        /// The product goal's measure the item moves, when its words say so.
        public var goalMeasure: String?
    }

    public var product: String
    public var goal: String
    public var entries: [Entry]

    /// The entries of one lane, in backlog order.
    public func entries(in lane: Lane) -> [Entry] { entries.filter { $0.lane == lane } }

    /// The roadmap of the workspace's backlog.
    public init(_ snapshot: WorkspaceSnapshot) {
        product = snapshot.product.name.sanitizedForTerminal()
        goal = snapshot.product.productGoal.sanitizedForTerminal()
        let backlog = snapshot.orderedBacklog
        let matcher = GoalMeasureMatcher(measures: snapshot.product.goalMeasures.map(\.name), backlog: backlog)
        let unsorted = Self.entries(of: backlog, matcher: matcher)
        entries = Lane.allCases.flatMap { lane in unsorted.filter { $0.lane == lane } }
    }

    private static func entries(of backlog: [BacklogItem], matcher: GoalMeasureMatcher) -> [Entry] {
        backlog.compactMap { item in
            let lane: Lane
            switch item.status {
            case .inProgress: lane = .now
            case .ready: lane = .next
            case .proposed: lane = .later
            case .done, .dropped: return nil
            }
            return Entry(id: item.id.rawValue, key: item.key.map { $0.sanitizedForTerminal() }, title: item.title.sanitizedForTerminal(),
                         lane: lane, demand: item.linkedFeedback.count, praise: item.validatingFeedback.count,
                         goalMeasure: matcher.measure(for: item))
        }
    }
}

/// Finds the goal measure a backlog item moves: the measure sharing the most distinctive
/// words with the item's title. A word counts when it is rare in the backlog's titles and
/// descriptions (in at most a quarter of the items, so "job" in a field-service backlog does
/// not); an item sharing no such word with any measure has none. Words in a description
/// alone are not enough: "the invoice" in a note about email summaries is no goal of it.
struct GoalMeasureMatcher {
    let measures: [(name: String, terms: Set<String>)]
    let frequency: [String: Int]
    let itemCount: Int

    init(measures: [String], backlog: [BacklogItem]) {
        self.measures = measures.map { ($0, Set(Tokenizer.terms($0))) }
        var frequency: [String: Int] = [:]
        for item in backlog {
            for term in Self.terms(of: item) { frequency[term, default: 0] += 1 }
        }
        self.frequency = frequency
        itemCount = backlog.count
    }

    static func terms(of item: BacklogItem) -> Set<String> {
        Set(Tokenizer.terms(item.title + " " + item.description + " " + item.tags.joined(separator: " ")))
    }

    func measure(for item: BacklogItem) -> String? {
        let terms = Set(Tokenizer.terms(item.title))
        let limit = max(2, itemCount / 4)
        var best: (name: String, score: Double)?
        for measure in measures {
            let shared = measure.terms.intersection(terms).filter { (frequency[$0] ?? 0) <= limit }
            guard !shared.isEmpty else { continue }
            let score = shared.reduce(0.0) { $0 + log(Double(itemCount + 1) / Double(frequency[$1] ?? 1)) }
            if score > (best?.score ?? 0) { best = (measure.name, score) }
        }
        return best.map { $0.name.sanitizedForTerminal() }
    }
}
