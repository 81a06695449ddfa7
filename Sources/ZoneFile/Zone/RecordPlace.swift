/// Where a record of a zone is written, without its data: its file, its entry, and whether `$GENERATE`
/// made it. An editor choosing where new lines go looks at where many records are written and needs
/// the data of few; `Zone.record(index:)` would decode each one's RDATA and count lines to its entry.
package struct RecordPlace: Sendable, Equatable {
    /// Index into `Zone.files`.
    package var fileIndex: Int
    /// Index into that file's entries (for a generated record, its `$GENERATE` line's).
    package var entryIndex: Int
    /// Whether the record was made by `$GENERATE` rather than written as a line.
    package var generated: Bool
}

extension Zone {
    /// Where the record at `index` of the record table is written: what `record(index:).source` says of
    /// its file, entry and `$GENERATE`, read from the record table alone.
    package func place(ofRecord index: Int) -> RecordPlace {
        let slot = store[index]
        return RecordPlace(
            fileIndex: Int(slot.file), entryIndex: store.entry(of: index, files: files).index,
            generated: slot.flags.contains(.generated))
    }
}
