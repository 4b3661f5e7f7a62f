/// Picks a reproducible pseudo-random subset of documents.
enum DeterministicSample {
    /// Up to `limit` of `candidates` (indices into `documents`), chosen by a stable hash of
    /// each document's id and text so that the choice depends neither on the input order
    /// nor on the process; returned ascending.
    static func indices(of documents: [TextDocument], candidates: [Int], limit: Int) -> [Int] {
        guard candidates.count > limit else { return candidates }
        let keyed = candidates.map { (index: $0, key: StableHash.fnv1a(documents[$0].id + "\u{1F}" + documents[$0].text)) }
        let chosen = keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }.prefix(limit)
        return chosen.map(\.index).sorted()
    }
}
