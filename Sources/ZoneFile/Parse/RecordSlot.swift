/// A record as the loader stores it: 32 bytes of ids and offsets, no heap
/// objects. The RDATA stays in the source text (or the `$GENERATE` arena) and is
/// decoded again when a caller asks for it.
struct RecordSlot: Sendable {
    /// Interned owner name.
    var owner: UInt32
    /// Interned origin in force at the record, to complete relative names in its RDATA.
    var origin: UInt32
    var ttl: UInt32
    /// RDATA text range: in the file's bytes, or in the generated-text arena when `generated`.
    var rdataStart: UInt32
    var rdataEnd: UInt32
    /// Start of the entry that holds the record (for `$GENERATE`, the directive's entry).
    var entryStart: UInt32
    var type: UInt16
    var rrClass: UInt16
    /// Index of the file in the load's file list.
    var file: UInt16
    var flags: Flags

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let generated = Flags(rawValue: 1)
        static let explicitTTL = Flags(rawValue: 2)
        /// Out of the zone (ignored, as BIND ignores it).
        static let outOfZone = Flags(rawValue: 4)
        /// The RDATA did not parse; the record is kept for the syntax but not for the zone.
        static let invalid = Flags(rawValue: 8)
    }
}
