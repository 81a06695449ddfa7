import CMemoryPrefetch
import Foundation

/// Interns domain names so each distinct owner is stored once and records refer
/// to it by a 32-bit id; equal names (ignoring ASCII case) get the same id.
///
/// Open addressing over one byte arena keeps a million owners in a few
/// megabytes, where a `Dictionary<DomainName, Int>` would allocate per name.
/// Names below the zone's origin (nearly all of them) are stored without it:
/// the origin is kept once as the table's `suffix` and a flag bit says it was cut.
///
/// A table can extend another (`init(extending:)`): the re-read of an edited zone holds nearly
/// the old zone's names, so it looks them up in the old table, where they keep their ids, and
/// stores only the names the old zone lacks.
struct NameTable: Sendable {
    /// The table this one extends: ids below `baseCount` are its names.
    private let base: BaseNames?
    private let baseCount: Int
    private var arena: [UInt8] = []
    /// Start of each name in the arena; the top bit means "followed by `suffix`".
    private var offsets: [UInt32] = []
    /// Open-addressing slots: the name's hash in the high 32 bits, its id in the low 32 (all ones: empty).
    /// Keeping the hash beside the id lets a probe skip other names without touching the arena.
    private var slots: [UInt64] = Array(repeating: UInt64.max, count: NameTable.initialSlots)
    /// The zone origin's wire form, cut from names stored after it was set.
    private var suffix: [UInt8] = []
    /// Whether a name stored here starts with the label `*`: noted as each new name is stored (two octets
    /// already at hand), so a zone without wildcard names, most zones, tells so without reading every owner.
    private var storesWildcard = false

    private static let suffixFlag: UInt32 = 0x8000_0000

    /// Slots a new table starts with: enough for the few dozen names of a small zone, or the names an edit
    /// adds on a re-read. A large zone's load reserves its table's size before reading (`reserve(names:)`).
    static let initialSlots = 64

    /// From this many bytes of slots (half a million slots: a zone of a few hundred thousand names) the
    /// slots are asked to sit in huge pages.
    static let hugeTable = 4 << 20

    init() {
        base = nil
        baseCount = 0
    }

    /// A table holding the names of `base` under their ids there, to which new names are added.
    /// A name `base` holds is never stored again, so it has one id in both tables.
    init(extending base: NameTable) {
        self.base = BaseNames(base)
        baseCount = base.count
    }

    var count: Int { baseCount + offsets.count }

    /// The table a name comes from when it is one of the extended table's.
    private func baseHolding(_ id: UInt32) -> NameTable? {
        Int(id) < baseCount ? base?.names : nil
    }

    /// Reserves room for about `names` names; untouched capacity costs no memory.
    mutating func reserve(names: Int) {
        arena.reserveCapacity(names * 12)
        offsets.reserveCapacity(names)
        var size = slots.count
        while size * 3 < names * 4 { size *= 2 }
        // Names already interned (the zone's origin, given before the file is read) are moved over once
        // now, rather than the table growing step by step through a large zone.
        if size > slots.count { rehash(size: size) }
    }

    /// Names inserted from now on that end in `origin` store only what comes before it.
    mutating func setSuffix(_ origin: DomainName) {
        if suffix.isEmpty, origin.wire.count > 1 { suffix = origin.wire }
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The hash of a name's wire form, ASCII case ignored. It reads eight bytes at a time, folding their
    /// case all at once: interning hashes every new owner of a zone, and a byte-at-a-time hash spends
    /// a multiplication per byte on it.
    @inline(__always)
    static func hash(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var state = UInt64(truncatingIfNeeded: wire.count) &* multiplier
        guard let base = wire.baseAddress else { return UInt32(truncatingIfNeeded: state >> 32) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= wire.count {
            let word = DomainName.lowercased(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            state = (state ^ word) &* multiplier
            state ^= state >> 29
            index += 8
        }
        if index < wire.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < wire.count {
                tail |= UInt64(fold(wire[index])) << shift
                shift += 8
                index += 1
            }
            state = (state ^ tail) &* multiplier
            state ^= state >> 29
        }
        state = (state ^ (state >> 32)) &* multiplier
        return UInt32(truncatingIfNeeded: state >> 32)
    }

    /// The id of `wire`, inserting it when new.
    mutating func intern(_ wire: ArraySlice<UInt8>) -> UInt32 {
        wire.withUnsafeBufferPointer { buffer in intern(buffer) }
    }

    mutating func intern(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        intern(wire, hash: NameTable.hash(wire))
    }

    /// The id of `wire`, whose `hash(_:)` is `hash`, inserting it when new.
    ///
    /// `cut`, when given, is where the table's suffix starts in `wire` on a label boundary, with at least
    /// one label before it (what `suffixCut` would find): a caller that completed a relative name with an
    /// origin it knows to be the suffix (`OwnerLookahead`) spares the table the looking.
    mutating func intern(_ wire: UnsafeBufferPointer<UInt8>, hash: UInt32, cut: Int? = nil) -> UInt32 {
        if let known = base?.names.find(wire, hash: hash) { return known }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == UInt64.max { break }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash, equals(Int(UInt32(truncatingIfNeeded: entry)), wire) {
                return UInt32(truncatingIfNeeded: entry)
            }
            slot = (slot + 1) & mask
        }
        let id = UInt32(count)
        let prefixLength = cut ?? suffixCut(wire)
        if prefixLength < wire.count {
            offsets.append(UInt32(arena.count) | NameTable.suffixFlag)
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: wire[0..<prefixLength]))
        } else {
            offsets.append(UInt32(arena.count))
            arena.append(contentsOf: wire)
        }
        slots[slot] = UInt64(hash) << 32 | UInt64(id)
        if wire.count >= 2, wire[0] == 1, wire[1] == UInt8(ascii: "*") { storesWildcard = true }
        if offsets.count * 4 > slots.count * 3 { grow() }
        return id
    }

    /// Starts loading the slot where a name of hash `hash` is first looked for (here and in the table this
    /// one extends), so that `intern(_:hash:)` of that name a moment later finds it in the cache. The
    /// table holds a slot per one or two names of the zone, megabytes for a large zone, and the first
    /// probe for a new owner misses the cache: that wait was most of the time interning took.
    func prefetch(hash: UInt32) {
        base?.names.prefetch(hash: hash)
        slots.withUnsafeBufferPointer { slots in
            guard let first = slots.baseAddress else { return }
            mz_prefetch(first + (Int(hash) & (slots.count - 1)))
        }
    }

    /// The length of `wire` without the suffix when it ends in the suffix on a label boundary, else its length.
    func suffixCut(_ wire: UnsafeBufferPointer<UInt8>) -> Int {
        guard !suffix.isEmpty, wire.count > suffix.count else { return wire.count }
        var index = 0
        while wire.count - index > suffix.count {
            index += Int(wire[index]) + 1
        }
        guard wire.count - index == suffix.count else { return wire.count }
        for offset in 0..<suffix.count where NameTable.fold(wire[index + offset]) != NameTable.fold(suffix[offset]) {
            return wire.count
        }
        return index
    }

    /// Whether `origin` is the suffix this table cuts from the names it stores (ASCII case ignored).
    func isSuffix(_ origin: DomainName) -> Bool {
        !suffix.isEmpty && DomainName.equalWire(suffix[...], origin.wire[...])
    }

    /// Whether name `id` was stored with the suffix cut from it, so it ends in the suffix (false for a name of
    /// the table this one extends): told from one flag, without reading the name.
    func endsInSuffix(_ id: UInt32) -> Bool {
        guard Int(id) >= baseCount else { return false }
        return offsets[Int(id) - baseCount] & NameTable.suffixFlag != 0
    }

    /// The stored bytes of a name of this table, not of the one it extends (without the suffix when cut),
    /// and whether the suffix follows.
    func stored(_ id: Int) -> (range: Range<Int>, hasSuffix: Bool) {
        let index = id - baseCount
        let raw = offsets[index]
        let start = Int(raw & ~NameTable.suffixFlag)
        let end = index + 1 < offsets.count ? Int(offsets[index + 1] & ~NameTable.suffixFlag) : arena.count
        return (start..<end, raw & NameTable.suffixFlag != 0)
    }

    private func equals(_ id: Int, _ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        let (range, hasSuffix) = stored(id)
        let total = range.count + (hasSuffix ? suffix.count : 0)
        guard total == wire.count, let wireBase = wire.baseAddress else { return false }
        return arena.withUnsafeBufferPointer { stored -> Bool in
            guard let storedBase = stored.baseAddress else { return range.isEmpty }
            // Same spelling is the common case; fall back to a case-insensitive comparison.
            if memcmp(storedBase + range.lowerBound, wireBase, range.count) != 0 {
                for i in 0..<range.count where NameTable.fold(stored[range.lowerBound + i]) != NameTable.fold(wire[i]) {
                    return false
                }
            }
            guard hasSuffix else { return true }
            for i in 0..<suffix.count where NameTable.fold(suffix[i]) != NameTable.fold(wire[range.count + i]) {
                return false
            }
            return true
        }
    }

    private mutating func grow() {
        rehash(size: slots.count * 2)
    }

    /// Moves every slot into a table of `size` slots, placed by the hash each slot keeps (no name is read).
    private mutating func rehash(size: Int) {
        var newSlots = NameTable.emptySlots(size)
        let mask = size - 1
        for entry in slots where entry != UInt64.max {
            var slot = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
            while newSlots[slot] != UInt64.max { slot = (slot + 1) & mask }
            newSlots[slot] = entry
        }
        slots = newSlots
    }

    /// `size` empty slots. A table of megabytes is asked to sit in huge pages (where the system grants
    /// them, `madvise`) before it is first written: each probe lands on a page of its own, and with small
    /// pages nearly each one also missed the address-translation cache.
    private static func emptySlots(_ size: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: size) { buffer, count in
            #if os(Linux)
                // The whole 2 MiB pages inside the buffer; the system may refuse, which changes nothing else.
                if let base = buffer.baseAddress, size * 8 >= NameTable.hugeTable {
                    let huge = 2 << 20
                    let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
                    let end = (Int(bitPattern: base) + size * 8) & ~(huge - 1)
                    if end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) {
                        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
                    }
                }
            #endif
            buffer.initialize(repeating: UInt64.max)
            count = size
        }
    }

    /// The full wire form of a name, made in one buffer of its size: a name with the suffix cut (most owners
    /// of a zone) was copied and then grown for the suffix, two allocations for every record built.
    func wire(_ id: UInt32) -> [UInt8] {
        if let base = baseHolding(id) { return base.wire(id) }
        let (range, hasSuffix) = stored(Int(id))
        guard hasSuffix else { return Array(arena[range]) }
        var wire: [UInt8] = []
        wire.reserveCapacity(range.count + suffix.count)
        wire += arena[range]
        wire += suffix
        return wire
    }

    func name(_ id: UInt32) -> DomainName {
        DomainName(uncheckedWire: wire(id))
    }

    /// Whether name `id` is stored as exactly the octets of `name`, letter case included (so one may stand
    /// for the other wherever the name is shown), read in place.
    func spells(_ id: UInt32, exactly name: DomainName) -> Bool {
        if let base = baseHolding(id) { return base.spells(id, exactly: name) }
        let (range, hasSuffix) = stored(Int(id))
        let wire = name.wire
        guard range.count + (hasSuffix ? suffix.count : 0) == wire.count else { return false }
        let split = wire.startIndex + range.count
        return arena[range].elementsEqual(wire[..<split]) && (!hasSuffix || suffix.elementsEqual(wire[split...]))
    }

    /// True when the interned name `id` is `ancestor` or below it.
    func wireIsSubdomain(_ id: UInt32, of ancestor: DomainName) -> Bool {
        if let base = baseHolding(id) { return base.wireIsSubdomain(id, of: ancestor) }
        let (_, hasSuffix) = stored(Int(id))
        if hasSuffix, DomainName.equalWire(suffix[...], ancestor.wire[...]) { return true }
        return DomainName(uncheckedWire: wire(id)).isSubdomain(of: ancestor)
    }

    /// True when the name `id` is one label followed by the stored suffix `origin` (most owners of a zone):
    /// its parent is the origin, told from the stored bytes without building the name.
    func isChild(_ id: UInt32, of origin: DomainName) -> Bool {
        if let base = baseHolding(id) { return base.isChild(id, of: origin) }
        let (range, hasSuffix) = stored(Int(id))
        guard hasSuffix, !range.isEmpty, Int(arena[range.lowerBound]) + 1 == range.count else { return false }
        return DomainName.equalWire(suffix[...], origin.wire[...])
    }

    /// The id of the parent of name `id` (the name without its first label) when the table holds it; nil
    /// when it does not, or for the root. The parent's wire form is put together in `scratch`, so asking
    /// costs no allocation.
    func parentID(_ id: UInt32, scratch: inout [UInt8]) -> UInt32? {
        if let base = baseHolding(id) { return base.parentID(id, scratch: &scratch) }
        let (range, hasSuffix) = stored(Int(id))
        scratch.removeAll(keepingCapacity: true)
        if range.isEmpty { return nil }
        let first = Int(arena[range.lowerBound])
        if first == 0 { return nil }
        let parentStart = range.lowerBound + 1 + first
        if parentStart < range.upperBound { scratch.append(contentsOf: arena[parentStart..<range.upperBound]) }
        if hasSuffix { scratch.append(contentsOf: suffix) }
        guard !scratch.isEmpty else { return nil }
        return scratch.withUnsafeBufferPointer { wire -> UInt32? in
            let hash = NameTable.hash(wire)
            return base?.names.find(wire, hash: hash) ?? find(wire, hash: hash)
        }
    }

    /// Whether any name of the table (or of the one it extends) may start with the label `*`: false means
    /// `isWildcard(_:)` is false for every id.
    var mayHoldWildcard: Bool { storesWildcard || (base?.names.mayHoldWildcard ?? false) }

    /// The full wire form of name `id` put together in `scratch` (what `wire(_:)` returns), so asking of many
    /// names costs no allocation each.
    func wire(_ id: UInt32, into scratch: inout [UInt8]) {
        if let base = baseHolding(id) { return base.wire(id, into: &scratch) }
        let (range, hasSuffix) = stored(Int(id))
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: arena[range])
        if hasSuffix { scratch.append(contentsOf: suffix) }
    }

    /// Whether the first label of name `id` is `*` (a wildcard owner, RFC 4592), read from the stored bytes
    /// without building the name.
    func isWildcard(_ id: UInt32) -> Bool {
        if let base = baseHolding(id) { return base.isWildcard(id) }
        let (range, hasSuffix) = stored(Int(id))
        return DomainName.startsWithWildcardLabel(range.isEmpty && hasSuffix ? suffix[...] : arena[range])
    }

    /// Whether one of the labels of name `id` is `label` (ASCII case ignored), read from the stored
    /// bytes without building the name.
    func hasLabel(_ id: UInt32, _ label: [UInt8]) -> Bool {
        if let base = baseHolding(id) { return base.hasLabel(id, label) }
        let (range, hasSuffix) = stored(Int(id))
        return NameTable.hasLabel(arena[range], label) || (hasSuffix && NameTable.hasLabel(suffix[...], label))
    }

    /// Calls `body` with the id of each name of the table (and of the one it extends) with one of `labels`,
    /// in id order, as `hasLabel(_:_:)` tells. The arena is read in place, label by label, a label compared
    /// only when its length is one of theirs, and the suffix once, not once for each name cut from it: a
    /// million-record zone has hundreds of thousands of names, nearly none of them asked for.
    func forEachName(withLabelAmong labels: [[UInt8]], _ body: (UInt32) -> Void) {
        if let base {
            for id in 0..<UInt32(baseCount) where labels.contains(where: { base.names.hasLabel(id, $0) }) {
                body(id)
            }
        }
        let inSuffix = labels.contains { NameTable.hasLabel(suffix[...], $0) }
        // A bit for each length of the labels asked for (a label is at most 63 octets).
        let lengths = labels.reduce(UInt64(0)) { $0 | ($1.count < 64 ? 1 << UInt64($1.count) : 0) }
        arena.withUnsafeBufferPointer { arena in
            offsets.withUnsafeBufferPointer { offsets in
                /// Where name `index`'s stored octets end.
                func end(of index: Int) -> Int {
                    index + 1 < offsets.count ? Int(offsets[index + 1] & ~NameTable.suffixFlag) : arena.count
                }
                if !inSuffix, let octet = NameTable.sharedFirstOctet(labels), let base = arena.baseAddress {
                    // Only a name holding the octet can have one of the labels: memchr finds the next one, the
                    // names are walked forward to the one holding it (the last starting at or before it; a name
                    // stored as the suffix alone is empty), and only that name's labels are read.
                    var index = 0
                    var from = 0
                    while from < arena.count, let found = memchr(base + from, Int32(octet), arena.count - from) {
                        let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                        while index + 1 < offsets.count, Int(offsets[index + 1] & ~NameTable.suffixFlag) <= position {
                            index += 1
                        }
                        let start = Int(offsets[index] & ~NameTable.suffixFlag)
                        let stop = end(of: index)
                        if NameTable.hasLabel(arena, start..<stop, lengths: lengths, labels: labels) {
                            body(UInt32(truncatingIfNeeded: baseCount + index))
                        }
                        from = stop
                    }
                    return
                }
                for index in offsets.indices {
                    let raw = offsets[index]
                    let start = Int(raw & ~NameTable.suffixFlag)
                    if (inSuffix && raw & NameTable.suffixFlag != 0)
                        || NameTable.hasLabel(arena, start..<end(of: index), lengths: lengths, labels: labels)
                    {
                        body(UInt32(truncatingIfNeeded: baseCount + index))
                    }
                }
            }
        }
    }

    /// The first octet every one of `labels` starts with, when they share one that is no ASCII letter (so
    /// that it is spelt one way in any letter case): `_` of `_dmarc` and `_domainkey`.
    private static func sharedFirstOctet(_ labels: [[UInt8]]) -> UInt8? {
        guard let octet = labels.first?.first, labels.allSatisfy({ $0.first == octet }),
            fold(octet) == octet, !(octet >= 0x61 && octet <= 0x7A)
        else { return nil }
        return octet
    }

    /// Whether the stored octets at `range` of the arena (labels, without the suffix) have one of `labels`,
    /// a label compared only when its length has its bit in `lengths`.
    private static func hasLabel(
        _ arena: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lengths: UInt64, labels: [[UInt8]]
    ) -> Bool {
        var at = range.lowerBound
        while at < range.upperBound {
            let length = Int(arena[at])
            guard length > 0, at + length < range.upperBound else { return false }
            if lengths & (1 << UInt64(length)) != 0 {
                let label = UnsafeBufferPointer(rebasing: arena[(at + 1)...(at + length)])
                if labels.contains(where: { NameTable.equalsFolded(label, $0) }) { return true }
            }
            at += length + 1
        }
        return false
    }

    /// Whether `label` is `other`, ASCII case ignored.
    private static func equalsFolded(_ label: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard label.count == other.count else { return false }
        for index in 0..<label.count where fold(label[index]) != fold(other[index]) { return false }
        return true
    }

    private static func hasLabel(_ wire: ArraySlice<UInt8>, _ label: [UInt8]) -> Bool {
        var index = wire.startIndex
        while index < wire.endIndex {
            let length = Int(wire[index])
            guard length > 0, index + length < wire.endIndex else { return false }
            if length == label.count,
                zip(wire[(index + 1)...(index + length)], label).allSatisfy({ fold($0) == fold($1) })
            {
                return true
            }
            index += length + 1
        }
        return false
    }

    /// The id of a name already interned, without inserting.
    func lookup(_ name: DomainName) -> UInt32? {
        lookup(wire: name.wire[...])
    }

    /// `lookup(_:)` of the name whose wire form is `wire` (a suffix of a name's on a label boundary: one of
    /// its ancestors), the name not built.
    func lookup(wire: ArraySlice<UInt8>) -> UInt32? {
        wire.withUnsafeBufferPointer { wire -> UInt32? in
            let hash = NameTable.hash(wire)
            return base?.names.find(wire, hash: hash) ?? find(wire, hash: hash)
        }
    }

    /// The id of a name stored in this table (not the one it extends) whose hash is `hash`.
    private func find(_ wire: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == UInt64.max { return nil }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash, equals(Int(UInt32(truncatingIfNeeded: entry)), wire) {
                return UInt32(truncatingIfNeeded: entry)
            }
            slot = (slot + 1) & mask
        }
    }
}

/// The table another extends, held by reference: a table cannot hold a table by value.
final class BaseNames: Sendable {
    let names: NameTable

    init(_ names: NameTable) { self.names = names }
}
