import Foundation

/// A pane's table rows, either held as a list or made one at a time when they are shown
/// (a virtual list).
///
/// A list of 100,000 feedback items holds only their ids in order: the frame draws the
/// fifty rows in view, each made from its record when it is drawn, so building the pane
/// and the memory it holds do not grow with every item's text. Filtering or sorting by a
/// column needs every row; the first of them makes them all once and keeps them.
/// Rows changed in place (a ✓ mark) are kept apart and win over the made ones.
public struct PaneRows: Sendable, Equatable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    public typealias Row = PaneContent.Row

    /// Makes rows on demand and keeps them all once every one was asked for.
    final class Source: @unchecked Sendable {
        let count: Int
        let id: @Sendable (Int) -> String
        let make: @Sendable (Int) -> Row
        /// Guards `all` and `recent` (an `NSLock`, which ThreadSanitizer follows).
        private let lock = NSLock()
        private var all: [Row]?
        /// Rows made lately: the screen's rows are drawn again on every key, and a list
        /// scrolls a row at a time, so most are asked for again.
        private var recent: [Int: Row] = [:]
        /// More than a few screens of rows, fewer than makes memory grow with the list.
        static let recentLimit = 512

        init(count: Int, id: @escaping @Sendable (Int) -> String, make: @escaping @Sendable (Int) -> Row) {
            self.count = count
            self.id = id
            self.make = make
        }

        func row(at index: Int) -> Row {
            if let row = lock.withLock({ all?[index] ?? recent[index] }) { return row }
            let row = make(index)
            lock.withLock {
                if recent.count >= Self.recentLimit { recent.removeAll(keepingCapacity: true) }
                recent[index] = row
            }
            return row
        }

        /// Every row, made once.
        func every() -> [Row] {
            if let rows = lock.withLock({ all }) { return rows }
            let rows = (0..<count).map(make)
            lock.withLock { all = rows }
            return rows
        }
    }

    private var held: [Row]
    private var source: Source?
    private var replaced: [Int: Row] = [:]

    /// Rows held as a list.
    public init(_ rows: [Row]) {
        held = rows
        source = nil
    }

    public init(arrayLiteral rows: Row...) { self.init(rows) }

    /// `count` rows made when shown: `id` gives a row's record id cheaply (to find a row
    /// without making it), `make` the whole row.
    public init(count: Int, id: @escaping @Sendable (Int) -> String, make: @escaping @Sendable (Int) -> Row) {
        held = []
        source = Source(count: count, id: id, make: make)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { source?.count ?? held.count }

    public subscript(position: Int) -> Row {
        get {
            guard let source else { return held[position] }
            return replaced[position] ?? source.row(at: position)
        }
        set {
            if source != nil { replaced[position] = newValue } else { held[position] = newValue }
        }
    }

    /// The record id of the row at `position`, without making the row.
    public func id(at position: Int) -> String {
        guard let source else { return held[position].id }
        return replaced[position]?.id ?? source.id(position)
    }

    /// The positions of the rows whose id is in `ids`, without making the others.
    public func positions(of ids: Set<String>) -> [Int] {
        guard !ids.isEmpty else { return [] }
        return indices.filter { ids.contains(id(at: $0)) }
    }

    /// The position of the row of record `id`, without making the others.
    public func position(of id: String) -> Int? {
        indices.first { self.id(at: $0) == id }
    }

    /// Every row (made once, then kept: for a filter or a sort by column).
    public var every: [Row] {
        guard let source else { return held }
        guard !replaced.isEmpty else { return source.every() }
        var rows = source.every()
        for (position, row) in replaced { rows[position] = row }
        return rows
    }

    /// Whether the rows are made one at a time when shown (a virtual list).
    public var isVirtual: Bool { source != nil }

    public static func == (lhs: PaneRows, rhs: PaneRows) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
