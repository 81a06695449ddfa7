import Testing

@testable import ZoneFile

/// The duplicate check's keyed hash (`DuplicateKeyHash`) must tell records apart by every byte: a
/// byte it did not read, or a length it did not count, would make two different records one, and the
/// second would be reported as a duplicate. It must also give a record the same hash every time.
@Suite struct DuplicateKeyHashTests {
    static func hash(_ bytes: [UInt8], owner: UInt32 = 7, type: UInt16 = 16) -> UInt64 {
        bytes.withUnsafeBytes { DuplicateKeyHash.hash(owner: owner, type: type, rdata: $0) }
    }

    @Test("changing any one byte changes the hash, at every length up to 70")
    func everyByteCounts() {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            let original = Self.hash(bytes)
            #expect(Self.hash(bytes) == original, "length \(length): not the same twice")
            for place in 0..<length {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var changed = bytes
                    changed[place] ^= flip
                    #expect(Self.hash(changed) != original, "length \(length): byte \(place) ^ \(flip) ignored")
                }
            }
        }
    }

    @Test("the length counts: zero bytes added at the end change the hash")
    func lengthCounts() {
        var seen: [UInt64: Int] = [:]
        for length in 0...40 {
            let hash = Self.hash([UInt8](repeating: 0, count: length))
            #expect(seen[hash] == nil, "\(length) zero bytes hash as \(seen[hash] ?? -1) do")
            seen[hash] = length
        }
    }

    @Test("the owner and the type count")
    func ownerAndTypeCount() {
        let bytes: [UInt8] = [192, 0, 2, 1]
        #expect(Self.hash(bytes, owner: 1, type: 1) != Self.hash(bytes, owner: 2, type: 1))
        #expect(Self.hash(bytes, owner: 1, type: 1) != Self.hash(bytes, owner: 1, type: 28))
        #expect(Self.hash(bytes, owner: 0x1_0000, type: 0) != Self.hash(bytes, owner: 0, type: 1))
    }
}
