import Foundation

/// One copy in memory of each record id's text, however many records name it.
///
/// A feedback item's id is written in its own file, in the backlog item it is evidence for,
/// in every draft that scored, themed or linked it and in the annotations accepted from
/// them; each read of a file makes a new 36-character string (80 bytes on the heap). At
/// 100,000 items those copies took hundreds of bytes per item. Ids are shared as they are
/// decoded instead. The pool only grows while a process reads; past `limit` it starts over
/// (ids already shared stay shared).
///
/// Files are decoded on several threads at once, so the pool is split in shards, each with
/// its own lock, chosen by the id's last characters (random bits in a Podium id), so that
/// the threads seldom wait for each other. Sharing costs a fraction of a microsecond per id
/// read (about 60 ms of reading the rest of the 100,000-item demo's feedback and drafts).
public enum IDPool {
    private static let shardCount = 64
    /// One part of the pool, behind its own lock (`NSLock`, which ThreadSanitizer follows).
    private final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        /// Touched only with `lock` held.
        private var ids = Set<String>()

        func shared(_ text: String) -> String {
            lock.withLock {
                if ids.count >= IDPool.shardLimit { ids.removeAll() }
                return ids.insert(text).memberAfterInsert
            }
        }
    }
    private static let shards = (0..<shardCount).map { _ in Shard() }
    /// Past this many ids a shard is emptied: a bound on what it keeps of deleted records.
    static let shardLimit = 2_000_000 / 64

    /// The pooled copy of `text` (it becomes the pooled one if there is none yet). Short
    /// texts, which Swift keeps inline without a heap copy, are returned as they are.
    public static func shared(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count > 15 else { return text }
        let last = utf8[utf8.index(before: utf8.endIndex)]
        let before = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
        let shard = (Int(before) &* 31 &+ Int(last)) & (shardCount - 1)
        return shards[shard].shared(text)
    }
}
