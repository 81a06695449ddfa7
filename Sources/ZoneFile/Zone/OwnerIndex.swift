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

    init(store: RecordStore) {
        var ownerCount = 0
        for slot in store.slots where !slot.flags.contains(.outOfZone) {
            ownerCount = max(ownerCount, Int(slot.owner) + 1)
        }
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
/// Found by walking up from every owner until a name that holds records (whose own walk goes on from
/// there) or one already found; an owner one label below the origin, or whose parent holds records
/// (most of a large zone's owners), is decided from the name table without building its name.
struct EmptyNonTerminals: Sendable {
    let names: Set<DomainName>

    init(index: OwnerIndex, names table: NameTable, origin: DomainName) {
        var found = Set<DomainName>()
        var scratch: [UInt8] = []
        for id in index.owners where !table.isChild(id, of: origin) {
            // Most parents hold records themselves: told from the table, nothing built.
            if let parent = table.parentID(id, scratch: &scratch), index.holdsRecords(parent) { continue }
            var current = table.name(id).parent
            while let name = current, name.isSubdomain(of: origin) {
                if let known = table.lookup(name), index.holdsRecords(known) { break }
                guard found.insert(name).inserted, name != origin else { break }
                current = name.parent
            }
        }
        names = found
    }
}

/// Computed on first use and kept: a zone asked nothing by name (`zone check`, `zone dump`) never
/// pays for the index. Shared between the tasks that plan one zone's halves.
final class ZoneIndexes: Sendable {
    private let ownerIndex = ComputedOnce<OwnerIndex>()
    private let emptyNonTerminals = ComputedOnce<EmptyNonTerminals>()

    func owners(_ build: () -> OwnerIndex) -> OwnerIndex { ownerIndex.value(build) }

    func emptyNonTerminals(_ build: () -> EmptyNonTerminals) -> EmptyNonTerminals {
        emptyNonTerminals.value(build)
    }
}
