extension Zone {
    /// Calls `body` with each owner of in-zone records that has one of `labels` (ASCII case ignored;
    /// `_dmarc`, `_domainkey`): its id in the zone's name table and its wire form, put together in one
    /// buffer lent for the call. The name table is read, a name at a time, not the record table: a
    /// million-record zone has fewer names than records, and no name is built.
    package func forEachOwner(withLabelAmong labels: [[UInt8]], _ body: (_ id: UInt32, _ wire: [UInt8]) -> Void) {
        let table = names
        let index = ownerIndex
        var scratch: [UInt8] = []
        table.forEachName(withLabelAmong: labels) { id in
            guard index.holdsRecords(id) else { return }
            table.wire(id, into: &scratch)
            body(id, scratch)
        }
    }

    /// The wire form of name `id` of the zone's name table (an id `forEachOwner(withLabelAmong:_:)` gave),
    /// put together in `scratch`.
    package func ownerWire(_ id: UInt32, into scratch: inout [UInt8]) {
        names.wire(id, into: &scratch)
    }

    /// `recordPositions(at:)` of the name of id `id` in the zone's name table (an id
    /// `forEachOwner(withLabelAmong:_:)` gave): no name looked up.
    package func recordPositions(ofOwner id: UInt32) -> ArraySlice<UInt32> {
        ownerIndex.positions(of: id)
    }
}

extension DomainName {
    /// A hash of a name's wire form (or of a suffix of one on a label boundary), ASCII case ignored: names
    /// equal as DNS compares them hash alike. The name table's own hash, for a table kept outside it.
    package static func foldedHash(_ wire: ArraySlice<UInt8>) -> UInt32 {
        wire.withUnsafeBufferPointer { NameTable.hash($0) }
    }
}
