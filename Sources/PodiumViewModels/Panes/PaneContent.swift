import PodiumStore

/// What a pane shows, ready to draw: a few lines of context, a table, and the detail of
/// the selected row. Every string is already safe for the terminal.
public struct PaneContent: Sendable, Equatable {
    /// A table column: its title, its width (`nil`: takes the rest) and alignment.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var width: Int?
        /// The narrowest a fixed column may be made in a narrow list (nil: a few cells).
        public var minimum: Int?
        public var alignRight: Bool

        public init(_ title: String, width: Int? = nil, minimum: Int? = nil, alignRight: Bool = false) {
            self.title = title
            self.width = width
            self.minimum = minimum
            self.alignRight = alignRight
        }
    }

    /// How a row or line should stand out.
    public enum Tone: Sendable, Equatable {
        case normal, muted, accent, success, warning, error
    }

    /// One table row: the id of the record it shows and its cells.
    public struct Row: Sendable, Equatable {
        public var id: String
        public var cells: [String]
        public var tone: Tone
        /// Values to sort by, per column (numbers sort as numbers; nil sorts by the cell text).
        public var sortKeys: [Double?]

        public init(id: String, cells: [String], tone: Tone = .normal, sortKeys: [Double?] = []) {
            self.id = id
            self.cells = cells
            self.tone = tone
            self.sortKeys = sortKeys
        }
    }

    /// A line of text with its tone.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var tone: Tone

        public init(_ text: String, _ tone: Tone = .normal) {
            self.text = text
            self.tone = tone
        }
    }

    public var title: String
    /// Context above the table (vision, counts, the latest decision…).
    public var summary: [Line]
    public var columns: [Column]
    /// The table, held or made as it is shown (see ``PaneRows``).
    public var rows: PaneRows
    /// What an empty table says.
    public var emptyMessage: String
    /// Keys worth knowing in this pane, for its border and the status bar.
    public var hints: String
    /// Counts for the status bar, e.g. "400 feedback items".
    public var counts: String

    public init(
        title: String, summary: [Line] = [], columns: [Column], rows: [Row], emptyMessage: String,
        hints: String, counts: String
    ) {
        self.init(title: title, summary: summary, columns: columns, rows: PaneRows(rows), emptyMessage: emptyMessage,
                  hints: hints, counts: counts)
    }

    public init(
        title: String, summary: [Line] = [], columns: [Column], rows: PaneRows, emptyMessage: String,
        hints: String, counts: String
    ) {
        self.title = title
        self.summary = summary
        self.columns = columns
        self.rows = rows
        self.emptyMessage = emptyMessage
        self.hints = hints
        self.counts = counts
    }
}

extension PaneContent {
    /// Says that `collections` are still being read (a large workspace opening): what the
    /// pane counts is not whole yet, so its counts say so instead of a number too small.
    mutating func markLoading(_ collections: Set<RecordCollection>) {
        let list = RecordCollection.sentence(collections)
        summary = [Line("Still reading the \(list)… keys work meanwhile; the counts come when it is read", .muted)]
        counts = "loading…"
        emptyMessage = "Reading the \(list)…"
    }
}
