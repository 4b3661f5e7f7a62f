import PodiumCore
import PodiumStore

/// The links between feedback and backlog items as the panes show them, worked out once per
/// change to the workspace instead of on every move of the selection.
///
/// A backlog item of a large workspace has thousands of linked feedback items; finding its
/// newest few for the detail took milliseconds per key press. Here each item's newest are
/// found once, and each feedback item knows the backlog items it is evidence for.
public struct EvidenceIndex: Sendable, Equatable {
    /// A backlog item's linked feedback: how many, and the newest few, newest first.
    public struct Newest: Sendable, Equatable {
        public var demandCount = 0
        public var demand: [FeedbackItem] = []
        public var praiseCount = 0
        public var praise: [FeedbackItem] = []

        /// Finds them in `snapshot`.
        public init(_ item: BacklogItem, in snapshot: WorkspaceSnapshot) {
            (demandCount, demand) = EvidenceIndex.newest(item.linkedFeedback, in: snapshot)
            (praiseCount, praise) = EvidenceIndex.newest(item.validatingFeedback, in: snapshot)
        }
    }

    /// How many of each kind the detail quotes.
    public static let quoted = 5

    /// The titles feedback can be evidence for: each backlog item's, and its "(praise)" form.
    private var titles: [String] = []
    /// For each linked feedback item, the first title it is evidence for (by index in `titles`).
    private var first: [RecordID<FeedbackItem>: Int] = [:]
    /// The further titles of feedback that is evidence for more than one item.
    private var more: [RecordID<FeedbackItem>: [Int]] = [:]
    private var newest: [RecordID<BacklogItem>: Newest] = [:]

    /// No links.
    public static let empty = EvidenceIndex()

    private init() {}

    /// Indexes the backlog's links in `snapshot` (in backlog order).
    public init(_ snapshot: WorkspaceSnapshot) {
        for item in snapshot.orderedBacklog {
            let demandTitle = titles.count, praiseTitle = titles.count + 1
            titles += [item.title, item.title + " (praise)"]
            for feedback in item.linkedFeedback { note(feedback, demandTitle) }
            for feedback in item.validatingFeedback { note(feedback, praiseTitle) }
            newest[item.id] = Newest(item, in: snapshot)
        }
    }

    /// The titles of the backlog items `feedback` is evidence for, praise marked "(praise)".
    public subscript(feedback: String) -> [String]? {
        let id = RecordID<FeedbackItem>(feedback)
        guard let place = first[id] else { return nil }
        return ([place] + (more[id] ?? [])).map { titles[$0] }
    }

    /// The linked feedback of a backlog item (found now when the index does not have it).
    public func newest(of item: BacklogItem, in snapshot: WorkspaceSnapshot) -> Newest {
        newest[item.id] ?? Newest(item, in: snapshot)
    }

    private mutating func note(_ feedback: RecordID<FeedbackItem>, _ title: Int) {
        if first[feedback] == nil { first[feedback] = title } else { more[feedback, default: []].append(title) }
    }

    /// How many of `ids` are in the workspace, and the newest `quoted` of them, in one pass.
    fileprivate static func newest(_ ids: [RecordID<FeedbackItem>], in snapshot: WorkspaceSnapshot) -> (Int, [FeedbackItem]) {
        var newest: [FeedbackItem] = []
        var found = 0
        for id in ids {
            guard let feedback = snapshot.feedback[id] else { continue }
            found += 1
            guard newest.count < quoted || (feedback.createdAt, feedback.id) > (newest[newest.count - 1].createdAt, newest[newest.count - 1].id) else { continue }
            let place = newest.firstIndex { (feedback.createdAt, feedback.id) > ($0.createdAt, $0.id) } ?? newest.count
            newest.insert(feedback, at: place)
            if newest.count > quoted { newest.removeLast() }
        }
        return (found, newest)
    }
}
