/// `txtConflictMatchingMode` and `txtConflictMatchingPrefix` of a TXT record: which TXT records
/// already at the name the template's record conflicts with (spec, "Record Types and Conflicts").
public enum TXTConflictMatching: Sendable, Hashable {
    /// `None` (the default): no other TXT record conflicts; the record is added beside them.
    case none
    /// `All`: every other TXT record at the name conflicts.
    case all
    /// `Prefix`: the TXT records whose text starts with the prefix conflict (an older token of
    /// the same service).
    case prefix(String)
}
