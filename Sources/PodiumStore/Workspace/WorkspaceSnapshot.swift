import PodiumCore

/// The whole workspace in memory at one moment: a value, cheap to copy and to hand out.
public struct WorkspaceSnapshot: Sendable {
    public var product: Product
    public var feedback = RecordTable<FeedbackItem>()
    public var backlog = RecordTable<BacklogItem>()
    public var stakeholders = RecordTable<Stakeholder>()
    public var personas = RecordTable<Persona>()
    public var experiments = RecordTable<Experiment>()
    public var decisions = RecordTable<Decision>()
    public var communications = RecordTable<Communication>()
    public var drafts = RecordTable<Draft>()
    public var jobs = RecordTable<Job>()
    public var audit = RecordTable<AuditEntry>()
    public var rules = RecordTable<AutomationRule>()
    public var annotations = RecordTable<FeedbackAnnotations>()
    /// Collections not read yet: a store opened with `open(at:deferring:)` reads them in
    /// `finishLoading()`; until then they are empty here, and views say they are loading.
    public internal(set) var loading: Set<RecordCollection> = []
    /// The annotations folded per feedback item; kept in step with `annotations` by the store.
    public private(set) var annotationIndex = FeedbackAnnotationIndex()

    public init(product: Product) {
        self.product = product
    }

    /// The records of one type.
    public subscript<Record: WorkspaceRecord>(_ type: Record.Type) -> RecordTable<Record> {
        get { self[keyPath: Record.table] }
        // Modified in place, so that changing one record never copies the collection.
        _modify { yield &self[keyPath: Record.table] }
    }

    /// How many records each collection holds.
    public var counts: [RecordCollection: Int] {
        [
            .feedback: feedback.count, .backlog: backlog.count, .stakeholders: stakeholders.count,
            .personas: personas.count, .experiments: experiments.count, .decisions: decisions.count,
            .communications: communications.count, .drafts: drafts.count, .jobs: jobs.count,
            .audit: audit.count, .rules: rules.count, .annotations: annotations.count,
        ]
    }

    /// Rebuilds the annotation index from `annotations` and annotates every feedback and
    /// backlog item.
    mutating func reindexAnnotations() {
        let index = FeedbackAnnotationIndex(annotations.values)
        guard !(index.isEmpty && annotationIndex.isEmpty) else { return }
        annotationIndex = index
        feedback.modifyAll { index.annotate(&$0) }
        backlog.modifyAll { index.annotate(&$0) }
    }

    /// Shares the link ids of the given backlog items (all: nil) with the feedback's own
    /// copies (see `BacklogItem.shareLinkIDs()`); not while the feedback is still to be read.
    mutating func shareLinkIDs(of ids: [RecordID<BacklogItem>]? = nil) {
        guard !loading.contains(.feedback) else { return }
        if let ids { for id in ids { backlog.modify(id) { $0.shareLinkIDs() } } } else { backlog.modifyAll { $0.shareLinkIDs() } }
    }

    /// Sets the given backlog items' links from the index (after they were read or written).
    mutating func annotate(backlog ids: some Sequence<RecordID<BacklogItem>>) {
        guard !annotationIndex.isEmpty else { return }
        let index = annotationIndex
        for id in ids { backlog.modify(id) { index.annotate(&$0) } }
    }

    /// Annotates the given feedback items from the index (after they were read or written).
    mutating func annotate(_ ids: some Sequence<RecordID<FeedbackItem>>) {
        guard !annotationIndex.isEmpty else { return }
        let index = annotationIndex
        for id in ids { feedback.modify(id) { index.annotate(&$0) } }
    }

    /// The backlog in Product Backlog order (then by creation).
    public var orderedBacklog: [BacklogItem] {
        backlog.values.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }
}

/// The records of one collection, by id.
///
/// The records lie side by side in one array and a dictionary finds each by its id: a
/// dictionary of whole records keeps up to twice as many slots as records, and a feedback
/// record takes about 256 bytes, so at 100,000 items that layout held 700 bytes per item
/// where this one holds about 320.
public struct RecordTable<Record: WorkspaceRecord>: Sendable {
    /// The records, in no particular order.
    @usableFromInline var records: ContiguousArray<Record> = []
    /// Each record's place in `records`.
    @usableFromInline var places: [RecordID<Record>: Int] = [:]

    public init() {}

    public init(_ records: some Sequence<Record>) {
        self.records.reserveCapacity(records.underestimatedCount)
        for record in records { self[record.id] = record }
    }

    @inlinable
    public var count: Int { records.count }
    @inlinable
    public var isEmpty: Bool { records.isEmpty }
    /// Every record, in no particular order.
    @inlinable
    public var values: ContiguousArray<Record> { records }
    /// Every id, in no particular order.
    @inlinable
    public var ids: Dictionary<RecordID<Record>, Int>.Keys { places.keys }

    /// All records in creation order (ids are time-ordered).
    @inlinable
    public var all: [Record] { records.sorted { $0.id < $1.id } }

    @inlinable
    public subscript(id: RecordID<Record>) -> Record? {
        get { places[id].map { records[$0] } }
        set {
            switch (places[id], newValue) {
            case let (place?, record?):
                records[place] = record
            case let (nil, record?):
                places[id] = records.count
                records.append(record)
            case let (place?, nil):
                // The last record takes the removed one's place.
                places[id] = nil
                let last = records.removeLast()
                if place < records.count {
                    records[place] = last
                    places[last.id] = place
                }
            case (nil, nil):
                break
            }
        }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        records.reserveCapacity(capacity)
        places.reserveCapacity(capacity)
    }

    /// Changes one record in place, if it is there.
    mutating func modify(_ id: RecordID<Record>, _ change: (inout Record) -> Void) {
        guard let place = places[id] else { return }
        change(&records[place])
    }

    /// Changes every record in place.
    mutating func modifyAll(_ change: (inout Record) -> Void) {
        for place in records.indices { change(&records[place]) }
    }
}
