import Foundation

/// The zone's records grouped by owner name, so a lookup by name reads the few records at that
/// name instead of scanning the whole record table (which, for a million-record zone asked about a
/// few hundred names while planning, was most of the time).
///
/// Two flat arrays in the CSR layout: `positions[starts[id]..<starts[id + 1]]` are the positions in
/// the record table of the in-zone records whose owner has id `id` in the zone's name table, in
/// file order. Four bytes a record and four a name, no allocation per owner; built by counting.
struct OwnerIndex: Sendable {
    private let starts: [UInt32]
    private let positions: [UInt32]

    /// `nameCount` is the size of the zone's name table, which every owner id is below: a run for each
    /// name (empty for the names that hold no record), rather than a first pass over the records for
    /// the highest owner, one of three over a million-record zone's table.
    init(store: RecordStore, nameCount: Int) {
        let ownerCount = nameCount
        // Counts first (shifted by one), then running sums: starts[id] is where owner id's run begins.
        var starts = [UInt32](repeating: 0, count: ownerCount + 1)
        for slot in store.slots where !slot.flags.contains(.outOfZone) {
            starts[Int(slot.owner) + 1] += 1
        }
        for id in 0..<ownerCount {
            starts[id + 1] += starts[id]
        }
        var next = starts
        var positions = [UInt32](repeating: 0, count: Int(starts[ownerCount]))
        for (index, slot) in store.slots.enumerated() where !slot.flags.contains(.outOfZone) {
            let owner = Int(slot.owner)
            positions[Int(next[owner])] = UInt32(truncatingIfNeeded: index)
            next[owner] += 1
        }
        self.starts = starts
        self.positions = positions
    }

    /// Positions of the records of owner `id`, in file order (empty for a name without records).
    func positions(of id: UInt32) -> ArraySlice<UInt32> {
        let owner = Int(id)
        guard owner + 1 < starts.count else { return [] }
        return positions[Int(starts[owner])..<Int(starts[owner + 1])]
    }

    /// Whether owner `id` holds an in-zone record.
    func holdsRecords(_ id: UInt32) -> Bool {
        let owner = Int(id)
        return owner + 1 < starts.count && starts[owner] < starts[owner + 1]
    }

    /// Whether any in-zone record is indexed.
    var holdsAnyRecord: Bool { !positions.isEmpty }

    /// Ids of the names that hold in-zone records, in increasing order.
    var owners: [UInt32] {
        (0..<max(0, starts.count - 1)).compactMap { starts[$0] < starts[$0 + 1] ? UInt32($0) : nil }
    }
}

/// The empty non-terminals of a zone (RFC 4592 §2.2.2): names at or below the origin that hold no
/// records but have a descendant that does. Together with the owners they are the names that exist.
///
/// Found by walking up from every owner until the origin or a name already met; an owner one label
/// below the origin, or whose parent holds records (most of a large zone's owners), is decided from
/// the name table. The names met are interned in a name table of their own (one byte arena, the
/// origin cut), and the walk puts each parent together in one scratch buffer: a zone with a hundred
/// thousand owners under names that hold nothing (`s1._domainkey.mail7`, `_sip._udp.svc9`) builds no
/// `DomainName` and allocates nothing per owner. The table may also hold names that are owners;
/// asked only about names that hold no records, it answers for the empty non-terminals alone.
struct EmptyNonTerminals: Sendable {
    private let names: NameTable

    init(index: OwnerIndex, names table: NameTable, origin: DomainName) {
        var found = NameTable()
        found.setSuffix(origin)
        var scratch: [UInt8] = []
        let apexLength = origin.wire.count
        for id in index.owners where !table.isChild(id, of: origin) {
            // Most parents hold records themselves: told from the table (which leaves the parent's wire
            // form in `scratch`), nothing built.
            if let parent = table.parentID(id, scratch: &scratch), index.holdsRecords(parent) { continue }
            guard scratch.count > apexLength,
                DomainName.equalWire(scratch[(scratch.count - apexLength)...], origin.wire[...])
            else { continue }
            // From the parent up, each name below the origin; a name met before had its own walk.
            var start = 0
            while scratch.count - start > apexLength {
                let known = found.count
                _ = found.intern(scratch[start...])
                guard found.count > known else { break }
                start += Int(scratch[start]) + 1
            }
        }
        names = found
    }

    /// Whether `name` (at or below the origin, holding no records) is an empty non-terminal.
    func contains(_ name: DomainName) -> Bool {
        names.lookup(name) != nil
    }
}
