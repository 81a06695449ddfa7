/// What merging or folding did to the SPF record at a name.
public enum SPFMergeOutcome: Sendable, Hashable {
    /// The record already does what is asked.
    case unchanged
    /// The new record text; `replacing` is the old SPF record's text, nil when there was none.
    case changed(record: String, replacing: String?)
    /// mailzone will not touch the record; the conflict says why and what to do.
    case conflict(SPFConflict)

    /// The new record split into character-strings of at most 255 octets (MAILAUTH.md merge
    /// rule 8), or nil when nothing changed.
    public var strings: [String]? {
        guard case .changed(let record, _) = self else { return nil }
        return try? TXTPresentation.split(record)
    }
}
