import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// `wildcardCovering` first asks whether any ancestor of the name holds a wildcard, and works out which
/// names exist only then; its answers are held to the definition (RFC 4592 §2.2.1: the closest encloser,
/// then its wildcard) on zones with wildcards at several depths and on every real zone.
@Suite struct WildcardCoverageTests {
    /// The definition, asked of the zone alone: nil when `name` exists; else the wildcard at its closest
    /// encloser when it holds records, with the names that start to exist.
    static func covering(_ name: DomainName, in zone: Zone, origin: DomainName) -> (DomainName, [DomainName])? {
        guard name != origin, !zone.exists(name) else { return nil }
        var names = [name]
        var encloser = name.parent
        while let candidate = encloser, candidate != origin, candidate.isSubdomain(of: origin),
            !zone.exists(candidate)
        {
            names.append(candidate)
            encloser = candidate.parent
        }
        guard let closest = encloser, closest.isSubdomain(of: origin), let wildcard = try? closest.prepending("*"),
            !zone.records(at: wildcard).isEmpty
        else { return nil }
        return (wildcard, names)
    }

    /// Names a plan could create: beside, below and far below every owner, and a name outside the zone.
    static func askedNames(_ zone: Zone, origin: DomainName) -> [DomainName] {
        var names: [DomainName] = []
        for owner in zone.owners {
            for prefix in ["new-name", "_dmarc", "qcloud._domainkey", "a.b.c"] {
                if let name = try? DomainName(parsing: prefix, origin: owner) { names.append(name) }
            }
            if let parent = owner.parent, let sibling = try? parent.prepending("sibling-0") { names.append(sibling) }
        }
        if let outside = try? DomainName(parsing: "mail.elsewhere.example.") { names.append(outside) }
        return names
    }

    static func compare(_ zone: Zone, origin: DomainName, label: String) -> Int {
        var state = ZoneState(zone: zone)
        var covered = 0
        for name in askedNames(zone, origin: origin) {
            let found = state.wildcardCovering(name, origin: origin)
            let expected = covering(name, in: zone, origin: origin)
            #expect(found?.wildcard == expected?.0, "\(label): \(name)")
            #expect(found?.names == expected?.1, "\(label): names for \(name)")
            if expected != nil { covered += 1 }
        }
        return covered
    }

    @Test func wildcardsAtSeveralDepthsAreFoundAsTheDefinitionFindsThem() throws {
        let text = """
            $ORIGIN example.com.
            $TTL 300
            @ SOA ns1 hostmaster 1 7200 3600 1209600 300
            @ NS ns1
            ns1 A 192.0.2.53
            * MX 10 mx.example.com.
            *.shop A 192.0.2.1
            *.Deep.Mail TXT "v=spf1 -all"
            x.y.deep.mail A 192.0.2.2
            host A 192.0.2.3
            *.empty.host.example.com. A 192.0.2.4
            """
        let origin = try DomainName(parsing: "example.com.")
        let zone = ZoneLoader.load(text: text, path: "db.example.com", options: LoadOptions(origin: origin))
        #expect(!zone.hasErrors, "\(zone.errors)")
        #expect(Self.compare(zone, origin: origin, label: "synthetic") >= 8)
    }

    @Test func everyRealZoneAnswersAsTheDefinition() throws {
        var zones = 0
        var withWildcards = 0
        for corpusCase in RealZoneCorpus.cases() {
            let origin = try DomainName(parsing: corpusCase.origin)
            let path = corpusCase.folder.appendingPathComponent(corpusCase.zone).path
            var options = LoadOptions(origin: origin)
            options.includes = .anywhere
            let zone = ZoneLoader.load(path: path, options: options)
            guard !zone.hasErrors else { continue }
            _ = Self.compare(zone, origin: origin, label: corpusCase.name)
            var state = ZoneState(zone: zone)
            let wildcardOwners = zone.owners.filter { $0.wire.count > 2 && $0.wire[0] == 1 && $0.wire[1] == 0x2A }
            let mayHave = state.mayHaveWildcards()
            #expect(mayHave == !wildcardOwners.isEmpty, "\(corpusCase.name)")
            if !wildcardOwners.isEmpty { withWildcards += 1 }
            zones += 1
        }
        #expect(zones > 10, "only \(zones) real zones loaded")
        // Zones with wildcards and zones without are both asked (the second answer without walking).
        #expect(withWildcards > 0 && withWildcards < zones)
    }
}
