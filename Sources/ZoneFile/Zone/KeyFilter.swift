/// A set of record hashes (`ZoneChecks.duplicateKey`) asked a million times by a re-read: a bitmap of
/// their low bits answers most questions with one cached load, and only a hit is looked up in the set.
///
/// The hashes are SipHash outputs, so their low bits are spread evenly: a few thousand hashes leave
/// a bitmap of a million bits nearly empty, and a hash not in the set is nearly always told at once.
struct KeyFilter: Sendable {
    /// Bits of the bitmap, a power of two.
    static let bits = 1 << 20
    private let bitmap: [UInt64]
    private let keys: Set<UInt64>

    init<Keys: Sequence<UInt64>>(_ keys: Keys) {
        var bitmap = [UInt64](repeating: 0, count: KeyFilter.bits / 64)
        var set = Set<UInt64>()
        for key in keys {
            let bit = Int(truncatingIfNeeded: key) & (KeyFilter.bits - 1)
            bitmap[bit >> 6] |= 1 << UInt64(bit & 63)
            set.insert(key)
        }
        self.bitmap = set.isEmpty ? [] : bitmap
        self.keys = set
    }

    var isEmpty: Bool { keys.isEmpty }

    func contains(_ key: UInt64) -> Bool {
        guard !keys.isEmpty else { return false }
        let bit = Int(truncatingIfNeeded: key) & (KeyFilter.bits - 1)
        return bitmap[bit >> 6] & (1 << UInt64(bit & 63)) != 0 && keys.contains(key)
    }
}
