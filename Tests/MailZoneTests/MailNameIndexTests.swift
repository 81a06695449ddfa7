import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// `MailNameIndex` finds a domain's `_dmarc` and `_domainkey` names by a hash of the domain, made from the
/// name table; it must give the records a scan of the record table grouped by built mail domain gives (the
/// table the editor made before), for every domain of every real zone and of crafted zones with the corners.
struct MailNameIndexTests {
    /// The MX, SPF and TXT records of `_dmarc` and `_domainkey` names by mail domain, as the editor's scan
    /// of every record found them, each domain's in table order.
    static func byScan(_ zone: Zone) -> [DomainName: [Int]] {
        var found: [DomainName: [Int]] = [:]
        for group in zone.recordIndicesByOwner(ofTypes: [.mx, .spf, .txt], ownerLabels: ["_dmarc", "_domainkey"]) {
            guard let domain = ZoneEditor.mailDomain(of: group.owner) else { continue }
            found[domain, default: []] += group.indices
        }
        return found.mapValues { $0.sorted() }
    }

    /// Mail names in other letter cases, several names deep, a mail name's own mail names, a `_dmarc` label
    /// that is not the first, records of other types at mail names, and data outside the zone.
    static let craftedZone = """
        $TTL 3600
        @\tIN\tSOA\tns1 hostmaster 1 7200 3600 1209600 300
        \tIN\tNS\tns1
        _dmarc\tIN\tTXT\t"v=DMARC1; p=none"
        ns1\tIN\tA\t192.0.2.1
        shop\tIN\tMX\t10 mx.shop
        _DMARC.Shop\tIN\tTXT\t"v=DMARC1; p=reject"
        S1._DomainKey.shop\tIN\tTXT\t"v=DKIM1; p="
        a.b._domainkey.shop\tIN\tTXT\t"v=DKIM1; p="
        \tIN\tMX\t10 mx.shop
        \tIN\tA\t192.0.2.2
        _dmarc._domainkey.shop\tIN\tTXT\t"v=DMARC1; p=none"
        x._domainkey.y._domainkey.shop\tIN\tTXT\t"v=DKIM1; p="
        foo._dmarc.shop\tIN\tTXT\t"not a mail name"
        _dmarc.web\tIN\tA\t192.0.2.3
        _dmarc.shop\tIN\tSPF\t"v=spf1 -all"
        s2._domainkey.SHOP\tIN\tTXT\t"v=DKIM1; p="
        _dmarc.other.example.\tIN\tTXT\t"v=DMARC1; p=none"
        """

    /// A zone whose origin is itself under a `_domainkey` label: every name of it is a mail name.
    static let underDomainKey = """
        @\tIN\tSOA\tns1.example. hostmaster.example. 1 7200 3600 1209600 300
        \tIN\tNS\tns1.example.
        s1\tIN\tTXT\t"v=DKIM1; p="
        a.s2\tIN\tTXT\t"v=DKIM1; p="
        """

    static func zones() throws -> [(name: String, zone: Zone)] {
        let crafted = ZoneLoader.load(
            text: craftedZone, path: "db.crafted",
            options: LoadOptions(origin: try DomainName(parsing: "crafted.example.")))
        let under = ZoneLoader.load(
            text: underDomainKey, path: "db.under",
            options: LoadOptions(origin: try DomainName(parsing: "_domainkey.example.")))
        return [("crafted", crafted), ("under _domainkey", under)]
            + (try ZoneStateTests.corpusZones().map { ($0.corpusCase.name, $0.zone) })
    }

    @Test("every domain's mail names give the records the scan of every record grouped them under")
    func indexAgreesWithTheScan() throws {
        var domains = 0
        var positions = 0
        for (name, zone) in try Self.zones() {
            let expected = Self.byScan(zone)
            let index = MailNameIndex(zone: zone)
            // The domains with mail names, every owner and its parent (most with none), in other letter cases.
            var asked = Set(expected.keys)
            for owner in zone.records.map(\.owner) {
                asked.insert(owner)
                if let parent = owner.parent { asked.insert(parent) }
            }
            for domain in asked {
                let found = index.recordPositions(ofDomainWire: domain.wire[...], in: zone)
                #expect(found == expected[domain] ?? [], "\(name): \(domain)")
                let upper = DomainName(wire: domain.wire.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
                if let upper {
                    #expect(
                        index.recordPositions(ofDomainWire: upper.wire[...], in: zone) == found, "\(name): \(upper)")
                }
            }
            domains += expected.count
            positions += expected.values.reduce(0) { $0 + $1.count }
        }
        #expect(domains > 15 && positions > 25, "only \(domains) domains with \(positions) mail records")
    }

    @Test("the crafted zones' mail names go to the domains the rule gives")
    func craftedDomains() throws {
        let zones = try Self.zones()
        let crafted = zones[0].zone
        let shop = try DomainName(parsing: "shop.crafted.example.")
        let index = MailNameIndex(zone: crafted)
        let owners = index.recordPositions(ofDomainWire: shop.wire[...], in: crafted).map {
            crafted.owner(ofRecord: $0).description.lowercased()
        }
        #expect(
            owners == [
                "_dmarc.shop.crafted.example.", "s1._domainkey.shop.crafted.example.",
                "a.b._domainkey.shop.crafted.example.", "a.b._domainkey.shop.crafted.example.",
                "_dmarc.shop.crafted.example.", "s2._domainkey.shop.crafted.example.",
            ])
        let under = zones[1].zone
        let example = try DomainName(parsing: "example.")
        #expect(MailNameIndex(zone: under).recordPositions(ofDomainWire: example.wire[...], in: under).count == 2)
    }
}
