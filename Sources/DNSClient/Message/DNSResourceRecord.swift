import ZoneFile

/// A resource record as read from (or written to) a message (RFC 1035 §4.1.3).
///
/// RDATA is kept in uncompressed wire form, so it compares and prints with the zone
/// library's `RData` exactly as a record read from a zone file does.
public struct DNSResourceRecord: Sendable, Hashable, CustomStringConvertible {
    public var owner: DomainName
    public var type: RRType
    public var rrClass: RRClass
    public var ttl: UInt32
    public var rdata: RData

    public init(owner: DomainName, type: RRType, rrClass: RRClass = .in, ttl: UInt32, rdata: RData) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.ttl = ttl
        self.rdata = rdata
    }

    /// Builds a record from presentation RDATA (`10 mx.example.com.`), for tests and fixtures.
    public init(owner: DomainName, type: RRType, ttl: UInt32, presentation: String) throws(RDataError) {
        self.init(owner: owner, type: type, ttl: ttl, rdata: try RData(type: type, presentation: presentation))
    }

    /// The same record in the zone library's terms.
    public var record: Record {
        Record(owner: owner, ttl: ttl, rrClass: rrClass, type: type, rdata: rdata)
    }

    /// One line as `dig` and `zone dump` print it: `owner. TTL CLASS TYPE rdata`.
    public var description: String { record.description }
}
