/// What TTL a record written without one takes, as BIND decides it while reading: the `$TTL`
/// in force (shared across included files, as BIND shares it), else the previous record's TTL
/// (RFC 1035), else the SOA's MINIMUM for the SOA itself.
struct TTLInheritance: Sendable, Equatable {
    /// `$TTL`'s value, or the SOA MINIMUM once an SOA without a TTL set it.
    var defaultTTL: UInt32?
    /// TTL of the previous record with an explicit TTL, used when there is no `$TTL` (RFC 1035 semantics).
    var previousTTL: UInt32?
    /// The warning that records take the previous record's TTL was given (it is given once a zone).
    var warnedRFC1035 = false
}
