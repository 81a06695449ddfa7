import DNSClient
import ZoneFile

/// Turns a zone's planned edit into an RFC 2136 UPDATE: the RRsets that differ between the zone
/// as read and as edited, each guarded by a prerequisite that it is still what the plan read.
///
/// A changed RRset that existed must still hold exactly the records the plan read (§2.4.2, "RRset
/// exists, value dependent"); a new one must still not exist (§2.4.3). So a change made on the
/// server since (another `nsupdate`, a record only named's journal holds) makes the server refuse
/// the whole update instead of mailzone overwriting it. The SOA is never sent: the server bumps
/// the serial of a dynamic zone itself (RFC 2136 §3.6).
enum ZoneUpdateBuilder {
    /// An RRset's identity: owner without case, and type.
    private struct RRsetKey: Hashable {
        var owner: [UInt8]
        var type: RRType
    }

    private struct RRset {
        var owner: DomainName
        var type: RRType
        var records: [Record] = []
    }

    /// The update that makes `old` into `new` (both the same zone, `origin`).
    static func update(origin: DomainName, old: Zone, new: Zone) -> DNSUpdate {
        let before = rrsets(old)
        let after = rrsets(new)
        var keys = Array(Set(before.keys).union(after.keys))
        // A fixed order (owner's wire form, then type), so the same plan always sends the same update.
        keys.sort {
            $0.owner != $1.owner ? $0.owner.lexicographicallyPrecedes($1.owner) : $0.type.rawValue < $1.type.rawValue
        }
        var update = DNSUpdate(zone: origin, zoneClass: old.zoneClass)
        for key in keys {
            let was = before[key]?.records ?? []
            let will = after[key]?.records ?? []
            guard !same(was, will) else { continue }
            let owner = after[key]?.owner ?? before[key]?.owner ?? origin
            if was.isEmpty {
                update.prerequisites.append(.rrsetDoesNotExist(owner: owner, type: key.type))
            } else {
                update.prerequisites.append(
                    .rrsetEquals(owner: owner, type: key.type, rdata: distinct(was).map(\.rdata)))
            }
            let wasData = Set(was.map { $0.rdata.canonicalWire })
            let willData = Set(will.map { $0.rdata.canonicalWire })
            let ttlChanged = Set(was.map(\.ttl)) != Set(will.map(\.ttl))
            for record in distinct(was) where !willData.contains(record.rdata.canonicalWire) || ttlChanged {
                update.changes.append(.delete(owner: owner, type: key.type, rdata: record.rdata))
            }
            for record in distinct(will) where !wasData.contains(record.rdata.canonicalWire) || ttlChanged {
                update.changes.append(.add(owner: owner, type: key.type, ttl: record.ttl, rdata: record.rdata))
            }
        }
        return update
    }

    /// The zone's RRsets but the SOA.
    private static func rrsets(_ zone: Zone) -> [RRsetKey: RRset] {
        var sets: [RRsetKey: RRset] = [:]
        for record in zone.records where record.type != .soa {
            let key = RRsetKey(owner: record.owner.lowercased.wire, type: record.type)
            sets[key, default: RRset(owner: record.owner, type: record.type)].records.append(record)
        }
        return sets
    }

    /// Records with distinct RDATA, first of each kept: a zone may repeat a record, an RRset may not.
    private static func distinct(_ records: [Record]) -> [Record] {
        var seen = Set<[UInt8]>()
        return records.filter { seen.insert($0.rdata.canonicalWire).inserted }
    }

    /// The same RDATA and TTLs.
    private static func same(_ a: [Record], _ b: [Record]) -> Bool {
        Set(a.map { $0.rdata.canonicalWire }) == Set(b.map { $0.rdata.canonicalWire })
            && Set(a.map(\.ttl)) == Set(b.map(\.ttl))
    }
}
