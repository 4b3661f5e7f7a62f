import PodiumCore
import PodiumEngine

/// The form that adds or edits a backlog item in the Decision Maker pane: its fields as
/// typed, the one being typed in, and which fields show their problem (those left once, or
/// all of them after a refused save), so that a number field says "not a number" as you go.
public struct BacklogForm: Sendable, Equatable {
    /// The item the form saves: a new id for a new item.
    public var id: RecordID<BacklogItem>
    public var isNew: Bool
    public var fields: BacklogFields
    /// The fields as they were when the form opened (Esc says whether anything is lost).
    public var original: BacklogFields
    public var focus: BacklogFields.Field = .title
    /// Fields the user has left (Tab) or that a save checked: their problems show.
    public var checked: Set<BacklogFields.Field> = []
    /// Esc was pressed once on a changed form: a second Esc leaves without saving.
    public var leaving = false

    public init(id: RecordID<BacklogItem>, isNew: Bool, fields: BacklogFields) {
        self.id = id
        self.isNew = isNew
        self.fields = fields
        self.original = fields
    }

    /// The form's title.
    public var title: String { isNew ? "New backlog item" : "Edit backlog item" }

    /// Whether anything was typed since the form opened.
    public var isChanged: Bool { fields != original }

    /// The problem of each field whose problem shows: a field that was left or checked, and
    /// the field being typed in once it holds something wrong.
    public func shownErrors(others: [BacklogItem]) -> [BacklogFields.Field: String] {
        var shown: [BacklogFields.Field: String] = [:]
        for field in BacklogFields.Field.allCases where checked.contains(field) || (field == focus && !fields[field].isEmpty) {
            if let error = fields.error(of: field, others: others) { shown[field] = error }
        }
        return shown
    }

    /// Moves to the next (or previous) field, checking the one left.
    mutating func move(by delta: Int) {
        let all = BacklogFields.Field.allCases
        let index = all.firstIndex(of: focus) ?? 0
        checked.insert(focus)
        focus = all[(index + delta + all.count) % all.count]
    }

    /// Cycles the status field through the statuses (Left/Right).
    mutating func cycleStatus(by delta: Int) {
        let all = BacklogStatus.allCases
        let current = BacklogFields.status(fields[.status]).flatMap { all.firstIndex(of: $0) } ?? 0
        fields[.status] = all[(current + delta + all.count) % all.count].rawValue
    }
}

/// A backlog item waiting for y before it is deleted.
public struct BacklogDeletion: Sendable, Equatable {
    public var id: RecordID<BacklogItem>
    public var title: String
    /// How much feedback is linked to it (it stays; the links go with the item).
    public var evidence: Int

    public init(id: RecordID<BacklogItem>, title: String, evidence: Int) {
        self.id = id
        self.title = title
        self.evidence = evidence
    }
}
