import Foundation

/// Interns domain names so each distinct owner is stored once and records refer
/// to it by a 32-bit id; equal names (ignoring ASCII case) get the same id.
///
/// Open addressing over one byte arena keeps a million owners in a few
/// megabytes, where a `Dictionary<DomainName, Int>` would allocate per name.
struct NameTable: Sendable {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [UInt32] = []

    /// Reserves room for about `names` names; untouched capacity costs no memory.
    mutating func reserve(names: Int) {
        arena.reserveCapacity(names * 24)
        offsets.reserveCapacity(names)
        var size = slots.count
        while size * 3 < names * 4 { size *= 2 }
        if size > slots.count, offsets.isEmpty { slots = Array(repeating: UInt32.max, count: size) }
    }
    private var slots: [UInt32] = Array(repeating: UInt32.max, count: 1024)

    var count: Int { offsets.count }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func hash(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in wire {
            hash = (hash ^ UInt32(fold(byte))) &* 16_777_619
        }
        // Mix so the low bits used for the slot index depend on every byte.
        hash ^= hash >> 15
        hash = hash &* 0x2C1B_3C6D
        hash ^= hash >> 12
        return hash
    }

    /// The id of `wire`, inserting it when new.
    mutating func intern(_ wire: ArraySlice<UInt8>) -> UInt32 {
        wire.withUnsafeBufferPointer { buffer in intern(buffer) }
    }

    mutating func intern(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = NameTable.hash(wire)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id == UInt32.max { break }
            if equals(Int(id), wire) { return id }
            slot = (slot + 1) & mask
        }
        let id = UInt32(offsets.count)
        offsets.append(UInt32(arena.count))
        arena.append(contentsOf: wire)
        slots[slot] = id
        if offsets.count * 4 > slots.count * 3 { grow() }
        return id
    }

    private func equals(_ id: Int, _ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        let end = id + 1 < offsets.count ? Int(offsets[id + 1]) : arena.count
        guard end - start == wire.count else { return false }
        return arena.withUnsafeBufferPointer { stored -> Bool in
            guard let storedBase = stored.baseAddress, let wireBase = wire.baseAddress else { return wire.isEmpty }
            // Same spelling is the common case; fall back to a case-insensitive comparison.
            if memcmp(storedBase + start, wireBase, wire.count) == 0 { return true }
            var i = 0
            while i < wire.count {
                if NameTable.fold(stored[start + i]) != NameTable.fold(wire[i]) { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [UInt32](repeating: UInt32.max, count: size)
        let mask = size - 1
        for id in 0..<offsets.count {
            let hash = arena.withUnsafeBufferPointer { buffer in
                NameTable.hash(UnsafeBufferPointer(rebasing: buffer[Int(offsets[id])..<(id + 1 < offsets.count ? Int(offsets[id + 1]) : arena.count)]))
            }
            var slot = Int(hash) & mask
            while newSlots[slot] != UInt32.max { slot = (slot + 1) & mask }
            newSlots[slot] = UInt32(id)
        }
        slots = newSlots
    }

    func wire(_ id: UInt32) -> ArraySlice<UInt8> {
        let start = Int(offsets[Int(id)])
        let end = Int(id) + 1 < offsets.count ? Int(offsets[Int(id) + 1]) : arena.count
        return arena[start..<end]
    }

    func name(_ id: UInt32) -> DomainName {
        DomainName(uncheckedWire: Array(wire(id)))
    }

    /// The id of a name already interned, without inserting.
    func lookup(_ name: DomainName) -> UInt32? {
        name.wire.withUnsafeBufferPointer { wire -> UInt32? in
            let hash = NameTable.hash(wire)
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let id = slots[slot]
                if id == UInt32.max { return nil }
                if equals(Int(id), wire) { return id }
                slot = (slot + 1) & mask
            }
        }
    }
}
