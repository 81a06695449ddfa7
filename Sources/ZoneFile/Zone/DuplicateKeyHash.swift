/// The 64-bit hash the duplicate check keys each record by: its owner's id, its type and its
/// canonical RDATA.
///
/// A zone's author chooses every byte hashed, so with a hash anyone can compute, a crafted zone could
/// make different records collide and draw false "appears again with the same data" warnings. This
/// hash is keyed: its four key words are drawn from the system's random generator once per process
/// (the keys of a load and of its re-read must agree), and no hash value is ever shown, so colliding
/// on purpose means guessing 256 secret bits. It folds sixteen bytes at a time with one 64 × 64 → 128-bit
/// multiplication of key-masked words, where SipHash (`Hasher`) spends several rounds on every eight
/// bytes plus a finalisation: on the short RDATA most records have, that was most of the 6% of a
/// million-record check the duplicate check took.
enum DuplicateKeyHash {
    private struct Key {
        let words: (UInt64, UInt64, UInt64, UInt64)

        init() {
            var random = SystemRandomNumberGenerator()
            words = (random.next(), random.next(), random.next(), random.next())
        }
    }

    private static let key = Key()

    /// The high and low halves of the full product of `a` and `b`, folded together.
    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    static func hash(owner: UInt32, type: UInt16, rdata: UnsafeRawBufferPointer) -> UInt64 {
        let (k0, k1, k2, k3) = key.words
        let count = rdata.count
        var state = fold(UInt64(owner) << 16 | UInt64(type) ^ k0, UInt64(count) ^ k1)
        var first: UInt64 = 0
        var second: UInt64 = 0
        if let base = rdata.baseAddress {
            func word(_ offset: Int) -> UInt64 {
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            func half(_ offset: Int) -> UInt64 {
                UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            }
            var index = 0
            while count - index > 16 {
                state = fold(word(index) ^ k2, word(index + 8) ^ state)
                index += 16
            }
            // The last 1 to 16 bytes, read so that every one of them counts (the reads may overlap: the
            // length, hashed first, tells the spellings apart).
            let rest = count - index
            if rest >= 8 {
                first = word(index)
                second = word(count - 8)
            } else if rest >= 4 {
                first = half(index) << 32 | half(count - 4)
            } else if rest > 0 {
                first = UInt64(rdata[index]) << 16 | UInt64(rdata[index + rest / 2]) << 8 | UInt64(rdata[count - 1])
            }
        }
        state = fold(first ^ k3, second ^ state)
        return fold(state ^ k0, UInt64(count) ^ k2)
    }
}
