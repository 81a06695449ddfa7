/// A set of record hashes (`ZoneChecks.duplicateKey`) asked a million times by a re-read: a bitmap of
/// their low bits answers most questions with one cached load, and only a hit is looked up in the set.
///
/// The hashes are SipHash outputs, so their low bits are spread evenly: a bitmap of about 256 bits a
/// hash is nearly empty, and a hash not in the set is nearly always told at once. The bitmap grows with
/// the set, up to a million bits: the few hashes of a small zone (often none) need no megabit bitmap,
/// which a repository of 10,000 small zones allocated and cleared for each re-read.
struct KeyFilter: Sendable {
    /// Most bits of the bitmap, a power of two.
    static let maxBits = 1 << 20
    /// Bits of the bitmap per hash in the set, before rounding up to a power of two.
    static let bitsPerKey = 256
    private let bitmap: [UInt64]
    /// The bitmap's bit count less one: a hash's low bits under it are its bit.
    private let mask: Int
    private let keys: Set<UInt64>

    init<Keys: Collection<UInt64>>(_ keys: Keys) {
        // Most zones repeat no record: no set is built for them.
        let set = keys.isEmpty ? [] : Set(keys)
        var bits = 64
        while bits < set.count * KeyFilter.bitsPerKey, bits < KeyFilter.maxBits { bits <<= 1 }
        var bitmap = [UInt64](repeating: 0, count: set.isEmpty ? 0 : bits / 64)
        for key in set {
            let bit = Int(truncatingIfNeeded: key) & (bits - 1)
            bitmap[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.bitmap = bitmap
        self.mask = bits - 1
        self.keys = set
    }

    var isEmpty: Bool { keys.isEmpty }

    func contains(_ key: UInt64) -> Bool {
        guard !keys.isEmpty else { return false }
        let bit = Int(truncatingIfNeeded: key) & mask
        return bitmap[bit >> 6] & (1 << UInt64(bit & 63)) != 0 && keys.contains(key)
    }
}
