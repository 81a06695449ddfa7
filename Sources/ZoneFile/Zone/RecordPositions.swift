extension Zone {
    /// `recordIndices(at:)` as the owner index holds them, no array made: an editor placing a plan's new
    /// names looks at the records of each name, of its mail domain and of its ancestors, thousands of times.
    package func recordPositions(at owner: DomainName) -> ArraySlice<UInt32> {
        guard let id = names.lookup(owner) else { return [] }
        return ownerIndex.positions(of: id)
    }

    /// `recordPositions(at:)` of the name whose wire form is `wire` (a name's, or a suffix of it on a label
    /// boundary: one of its ancestors), the name not built.
    package func recordPositions(atWire wire: ArraySlice<UInt8>) -> ArraySlice<UInt32> {
        guard let id = names.lookup(wire: wire) else { return [] }
        return ownerIndex.positions(of: id)
    }

    /// `recordIndices(at:type:).first`, no array made: each new line an editor writes asks for the first record
    /// of its RRset (its TTL), and each serial bump for the apex's SOA.
    package func firstRecordIndex(at owner: DomainName, type: RRType) -> Int? {
        for position in recordPositions(at: owner) where store[Int(position)].type == type.rawValue {
            return Int(position)
        }
        return nil
    }

    /// Whether the record at a position of the record table was made by `$GENERATE` (what its source's
    /// `generated` says), read from the record table alone.
    package func isGenerated(record index: Int) -> Bool {
        store[index].flags.contains(.generated)
    }

    /// The TTL of the record at a position of the record table (its `Record`'s), without building the record.
    package func ttl(ofRecord index: Int) -> UInt32 {
        store[index].ttl
    }

    /// The RDATA of the record at a position of the record table, as `recordData(index:)` gives it, neither
    /// the owner nor where the record is written made.
    package func rdata(ofRecord index: Int) -> RData {
        let type = RRType(store[index].type)
        let wire = Zone.rdataWire(
            of: index, store: store, files: files, origin: storedName(store.origin(of: index)),
            generatedText: generatedText)
        return RData(type: type, wire: wire)
    }
}
