/// A 64-bit FNV-1a hash of UTF-8 bytes that is the same in every process.
///
/// Swift's `Hasher` is seeded per process, so it must never decide an order or a sample;
/// this hash may.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        // Final avalanche (from SplitMix64) so that similar ids spread out.
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
