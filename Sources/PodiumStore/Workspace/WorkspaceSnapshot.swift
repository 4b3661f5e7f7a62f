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

    /// Rebuilds the annotation index from `annotations` and annotates every feedback item.
    mutating func reindexAnnotations() {
        let index = FeedbackAnnotationIndex(annotations.values)
        guard !(index.isEmpty && annotationIndex.isEmpty) else { return }
        annotationIndex = index
        feedback.modifyAll { index.annotate(&$0) }
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
public struct RecordTable<Record: WorkspaceRecord>: Sendable {
    public private(set) var byID: [RecordID<Record>: Record] = [:]

    public init() {}

    public init(_ records: some Sequence<Record>) {
        for record in records { byID[record.id] = record }
    }

    public var count: Int { byID.count }
    public var isEmpty: Bool { byID.isEmpty }
    public var values: Dictionary<RecordID<Record>, Record>.Values { byID.values }

    /// All records in creation order (ids are time-ordered).
    public var all: [Record] { byID.values.sorted { $0.id < $1.id } }

    public subscript(id: RecordID<Record>) -> Record? {
        get { byID[id] }
        set { byID[id] = newValue }
    }

    mutating func reserveCapacity(_ capacity: Int) { byID.reserveCapacity(capacity) }

    /// Changes one record in place, if it is there.
    mutating func modify(_ id: RecordID<Record>, _ change: (inout Record) -> Void) {
        guard byID[id] != nil else { return }
        change(&byID[id]!)
    }

    /// Changes every record in place.
    mutating func modifyAll(_ change: (inout Record) -> Void) {
        // By key: mutating through `byID.values[index]` corrupted records in Swift 6.3
        // (a crash later, copying the table).
        for id in Array(byID.keys) { change(&byID[id]!) }
    }
}
