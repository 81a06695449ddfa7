import ZoneFile

/// An RFC 2136 UPDATE message: changes to one zone, applied by the server only if every
/// prerequisite holds, all or nothing (RFC 2136 §3.2–3.4).
///
/// The sections of a query carry UPDATE's own meaning (§2): the question is the zone (its name,
/// type SOA), the answers are the prerequisites, the authority records are the changes.
public struct DNSUpdate: Sendable, Hashable {
    public var zone: DomainName
    public var zoneClass: RRClass
    public var prerequisites: [DNSUpdatePrerequisite]
    public var changes: [DNSUpdateChange]

    public init(
        zone: DomainName, zoneClass: RRClass = .in, prerequisites: [DNSUpdatePrerequisite] = [],
        changes: [DNSUpdateChange] = []
    ) {
        self.zone = zone
        self.zoneClass = zoneClass
        self.prerequisites = prerequisites
        self.changes = changes
    }

    /// The UPDATE opcode (RFC 2136 §1.3).
    public static let opcode: UInt8 = 5

    /// The message, before any TSIG is added.
    public func message(id: UInt16) -> DNSMessage {
        DNSMessage(
            header: DNSHeader(id: id, opcode: Self.opcode),
            questions: [DNSQuestion(name: zone, type: .soa, rrClass: zoneClass)],
            answers: prerequisites.flatMap { $0.records(zoneClass: zoneClass) },
            authority: changes.map { $0.record(zoneClass: zoneClass) },
            edns: nil)
    }
}

/// A condition the zone must meet for the update to be applied (RFC 2136 §2.4).
public enum DNSUpdatePrerequisite: Sendable, Hashable, CustomStringConvertible {
    /// §2.4.2 "RRset exists (value dependent)": the RRset at `owner` of `type` is exactly these
    /// RDATA (TTLs aside), no more, no fewer.
    case rrsetEquals(owner: DomainName, type: RRType, rdata: [RData])
    /// §2.4.3 "RRset does not exist": no record of `type` at `owner`.
    case rrsetDoesNotExist(owner: DomainName, type: RRType)

    /// The prerequisite's records: class and TTL carry its meaning (§2.4).
    func records(zoneClass: RRClass) -> [DNSResourceRecord] {
        switch self {
        case .rrsetEquals(let owner, let type, let rdata):
            rdata.map { DNSResourceRecord(owner: owner, type: type, rrClass: zoneClass, ttl: 0, rdata: $0) }
        case .rrsetDoesNotExist(let owner, let type):
            [DNSResourceRecord(owner: owner, type: type, rrClass: .none, ttl: 0, rdata: RData(type: type, wire: []))]
        }
    }

    /// `example.com. TXT is exactly 1 record` / `_dmarc.example.com. TXT does not exist`.
    public var description: String {
        switch self {
        case .rrsetEquals(let owner, let type, let rdata):
            "\(owner) \(type) is exactly \(rdata.count) \(rdata.count == 1 ? "record" : "records")"
        case .rrsetDoesNotExist(let owner, let type):
            "\(owner) \(type) does not exist"
        }
    }
}

/// One change of an update (RFC 2136 §2.5).
public enum DNSUpdateChange: Sendable, Hashable {
    /// §2.5.1 "Add To An RRset".
    case add(owner: DomainName, type: RRType, ttl: UInt32, rdata: RData)
    /// §2.5.4 "Delete An RR From An RRset": the record with exactly this RDATA.
    case delete(owner: DomainName, type: RRType, rdata: RData)

    func record(zoneClass: RRClass) -> DNSResourceRecord {
        switch self {
        case .add(let owner, let type, let ttl, let rdata):
            DNSResourceRecord(owner: owner, type: type, rrClass: zoneClass, ttl: ttl, rdata: rdata)
        case .delete(let owner, let type, let rdata):
            DNSResourceRecord(owner: owner, type: type, rrClass: .none, ttl: 0, rdata: rdata)
        }
    }
}
