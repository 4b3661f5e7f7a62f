import PodiumCore

/// The folders of a workspace that hold one JSON file per record.
public enum RecordCollection: String, CaseIterable, Sendable, Hashable, Codable {
    case feedback
    case backlog
    case stakeholders
    case personas
    case experiments
    case decisions
    case communications
    case drafts
    case jobs
    case audit
    case rules
    /// Accepted AI drafts' sentiment and themes, one file per draft (see FeedbackAnnotations).
    case annotations

    /// The folder name inside the workspace.
    public var folder: String { rawValue }

    /// The kind of artifact its records are.
    public var artifactKind: ArtifactKind? {
        switch self {
        case .feedback: .feedback
        case .backlog: .backlog
        case .stakeholders: .stakeholder
        case .personas: .persona
        case .experiments: .experiment
        case .decisions: .decision
        case .communications: .communication
        case .drafts: .draft
        case .jobs: .job
        case .annotations: .annotations
        case .audit, .rules: nil
        }
    }

    /// The collection as a person names it in a sentence ("feedback", "audit log").
    public var plainName: String { self == .audit ? "audit log" : rawValue }

    /// Collections named in a sentence, in their usual order: "feedback, drafts and audit log".
    public static func sentence(_ collections: Set<RecordCollection>) -> String {
        let names = allCases.filter(collections.contains).map(\.plainName)
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.joined()
    }

    /// A record of this collection, described for a person ("feedback item").
    public var singular: String {
        switch self {
        case .feedback: "feedback item"
        case .backlog: "backlog item"
        case .stakeholders: "stakeholder"
        case .personas: "persona"
        case .experiments: "experiment"
        case .decisions: "decision"
        case .communications: "communication"
        case .drafts: "draft"
        case .jobs: "job"
        case .audit: "audit entry"
        case .rules: "automation rule"
        case .annotations: "annotations file"
        }
    }
}

/// A domain type stored as one JSON file per record in a collection folder.
public protocol WorkspaceRecord: Codable, Sendable, Identifiable where ID == RecordID<Self> {
    /// The folder its records live in.
    static var collection: RecordCollection { get }
    /// Where its records sit in a snapshot.
    static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { get }
}

extension FeedbackItem: WorkspaceRecord {
    public static var collection: RecordCollection { .feedback }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.feedback }
}

extension BacklogItem: WorkspaceRecord {
    public static var collection: RecordCollection { .backlog }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.backlog }
}

extension Stakeholder: WorkspaceRecord {
    public static var collection: RecordCollection { .stakeholders }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.stakeholders }
}

extension Persona: WorkspaceRecord {
    public static var collection: RecordCollection { .personas }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.personas }
}

extension Experiment: WorkspaceRecord {
    public static var collection: RecordCollection { .experiments }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.experiments }
}

extension Decision: WorkspaceRecord {
    public static var collection: RecordCollection { .decisions }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.decisions }
}

extension Communication: WorkspaceRecord {
    public static var collection: RecordCollection { .communications }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.communications }
}

extension Draft: WorkspaceRecord {
    public static var collection: RecordCollection { .drafts }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.drafts }
}

extension Job: WorkspaceRecord {
    public static var collection: RecordCollection { .jobs }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.jobs }
}

extension AuditEntry: WorkspaceRecord {
    public static var collection: RecordCollection { .audit }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.audit }
}

extension AutomationRule: WorkspaceRecord {
    public static var collection: RecordCollection { .rules }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.rules }
}

extension FeedbackAnnotations: WorkspaceRecord {
    public static var collection: RecordCollection { .annotations }
    public static var table: WritableKeyPath<WorkspaceSnapshot, RecordTable<Self>> { \.annotations }
}
