/// What a new line written like a record's line reads of that record: its owner, TTL and type, and where and
/// how it is written (file, entry, `$ORIGIN` in force, whether it has a TTL field) — not its data.
///
/// An editor placing a plan's new names follows one record of the zone for each of them (a sender's domain's
/// last record, mostly a host's A record); `Zone.record(index:)` would decode that record's data and count
/// the lines to its entry, and neither is read to write a line like it. Made from the record table
/// (`Zone.writtenLine(ofRecord:)`) or from a built record (`init?(_:)`), the two say the same.
package struct WrittenLine: Sendable, Equatable {
    /// The record's owner, absolute.
    package var owner: DomainName
    package var type: RRType
    /// The record's TTL as the reader resolved it.
    package var ttl: UInt32
    /// Index into `Zone.files`.
    package var fileIndex: Int
    /// Index into that file's entries.
    package var entryIndex: Int
    /// The `$ORIGIN` in force on the line.
    package var origin: DomainName
    /// Whether the line has a TTL field.
    package var explicitTTL: Bool
    /// Whether `$GENERATE` made the record (it is then no line of its own to write like).
    package var generated: Bool

    /// What `record`'s line says, nil for a record built in memory (written nowhere).
    package init?(_ record: Record) {
        guard let source = record.source else { return nil }
        self.init(
            owner: record.owner, type: record.type, ttl: record.ttl, fileIndex: source.fileIndex,
            entryIndex: source.entryIndex, origin: source.origin, explicitTTL: source.explicitTTL,
            generated: source.generated)
    }

    package init(
        owner: DomainName, type: RRType, ttl: UInt32, fileIndex: Int, entryIndex: Int, origin: DomainName,
        explicitTTL: Bool, generated: Bool
    ) {
        self.owner = owner
        self.type = type
        self.ttl = ttl
        self.fileIndex = fileIndex
        self.entryIndex = entryIndex
        self.origin = origin
        self.explicitTTL = explicitTTL
        self.generated = generated
    }
}

extension Zone {
    /// The line of the record at a position of the record table, as `WrittenLine(record(index:))` gives it,
    /// read from the record table alone: the record's data is not decoded, nor the lines to it counted.
    package func writtenLine(ofRecord index: Int) -> WrittenLine {
        let slot = store[index]
        return WrittenLine(
            owner: storedName(slot.owner), type: RRType(slot.type), ttl: slot.ttl, fileIndex: Int(slot.file),
            entryIndex: store.entry(of: index, files: files).index, origin: storedName(store.origin(of: index)),
            explicitTTL: slot.flags.contains(.explicitTTL), generated: slot.flags.contains(.generated))
    }
}
