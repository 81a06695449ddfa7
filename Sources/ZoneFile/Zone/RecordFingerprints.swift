/// A 128-bit fingerprint of how a record is written: owner, type, the origin its
/// relative names hang from, and the RDATA text byte for byte.
///
/// Two loads of a file that differs only in a few edited lines give the same
/// fingerprints for every other record, without decoding any RDATA: comparing
/// sorted fingerprint lists finds the few records an edit touched in a
/// million-record zone at the cost of hashing its text. Equal fingerprints mean
/// equally written records (up to a 2^-128 collision); different ones need the
/// records themselves compared, since two spellings can mean the same data.
public struct RecordFingerprint: Hashable, Comparable, Sendable {
    public let high: UInt64
    public let low: UInt64

    public static func < (lhs: RecordFingerprint, rhs: RecordFingerprint) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

extension Zone {
    /// The fingerprint of every record (out-of-zone data and the `excluding` types left out), with the
    /// record's index for `record(index:)`, in record order.
    public func writtenFingerprints(excluding excluded: Set<RRType> = []) -> [(fingerprint: RecordFingerprint, index: Int)] {
        // Owner and origin hashes once per interned name.
        var nameHashes = [(UInt64, UInt64)?](repeating: nil, count: names.count)
        func nameHash(_ id: UInt32) -> (UInt64, UInt64) {
            if let known = nameHashes[Int(id)] { return known }
            let wire = DomainName.lowercasedWire(names.wire(id))
            let value = wire.withUnsafeBufferPointer { Fingerprinting.hash($0) }
            nameHashes[Int(id)] = value
            return value
        }
        var result: [(fingerprint: RecordFingerprint, index: Int)] = []
        result.reserveCapacity(store.count)
        for index in 0..<store.count {
            let slot = store[index]
            let type = RRType(slot.type)
            if slot.flags.contains(.outOfZone) || excluded.contains(type) { continue }
            let owner = nameHash(slot.owner)
            let origin = nameHash(store.origin(of: index))
            let range = store.rdataRange(of: index)
            let text = slot.flags.contains(.generated) ? generatedText : files[Int(slot.file)].source.bytes
            let rdata = text.withUnsafeBufferPointer { Fingerprinting.hash(UnsafeBufferPointer(rebasing: $0[range])) }
            var high = Fingerprinting.mix(owner.0, UInt64(slot.type))
            high = Fingerprinting.mix(high, origin.0)
            high = Fingerprinting.mix(high, rdata.0)
            var low = Fingerprinting.mix(owner.1, UInt64(slot.type) &+ 0x9E37_79B9)
            low = Fingerprinting.mix(low, origin.1)
            low = Fingerprinting.mix(low, rdata.1)
            result.append((RecordFingerprint(high: high, low: low), index))
        }
        return result
    }

    /// Whether the zone holds a record of `type`, without building records.
    public func contains(type: RRType) -> Bool {
        store.slots.contains { $0.type == type.rawValue && !$0.flags.contains(.outOfZone) }
    }
}

/// Two independent 64-bit hashes (FNV-1a with different bases and a final mix), fixed across processes.
enum Fingerprinting {
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325
        var b: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0193
        }
        return (finish(a ^ UInt64(bytes.count)), finish(b &+ UInt64(bytes.count)))
    }

    @inline(__always)
    static func finish(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finish(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
    }
}
