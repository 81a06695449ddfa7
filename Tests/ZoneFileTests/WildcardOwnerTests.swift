import Foundation
import Testing

@testable import ZoneFile

/// `Zone.hasWildcardOwner` reads the name table record by record instead of building every owner
/// (`Zone.owners`); it must answer as a search of the built owners for a first label of `*` does.
struct WildcardOwnerTests {
    static func byBuiltOwners(_ zone: Zone) -> Bool {
        zone.owners.contains { $0.wire.count > 2 && $0.wire[0] == 1 && $0.wire[1] == UInt8(ascii: "*") }
    }

    @Test("every corpus zone answers as a search of its built owners")
    func corpusAgrees() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var withWildcards = 0
        for item in corpus.cases {
            let zone = ZoneLoader.load(
                path: item.path, options: LoadOptions(origin: try DomainName(parsing: item.origin)))
            let expected = Self.byBuiltOwners(zone)
            #expect(zone.hasWildcardOwner == expected, "\(item.file)")
            if expected { withWildcards += 1 }
        }
        #expect(withWildcards > 0, "no corpus zone has a wildcard owner: the test shows nothing")
    }

    @Test(
        "wildcards below the origin, at the origin, outside the zone and in an escaped label",
        arguments: [
            ("*.example.com. 300 IN TXT \"x\"\n", true),
            ("* 300 IN A 192.0.2.1\n", true),
            ("*.a.b 300 IN A 192.0.2.1\n", true),
            ("a.* 300 IN A 192.0.2.1\n", false),
            ("\\* 300 IN A 192.0.2.1\n", true),
            ("\\042 300 IN A 192.0.2.1\n", true),
            ("\\*x 300 IN A 192.0.2.1\n", false),
            ("www 300 IN A 192.0.2.1\n", false),
            ("*.example.net. 300 IN A 192.0.2.1\n", false),
        ])
    func crafted(record: String, expected: Bool) throws {
        let text = "$ORIGIN example.com.\n@ 300 IN SOA ns hostmaster 1 2 3 4 5\n@ 300 IN NS ns\n" + record
        let zone = ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(zone.hasWildcardOwner == expected)
        #expect(zone.hasWildcardOwner == Self.byBuiltOwners(zone))
    }

    @Test("a zone whose origin is itself a wildcard name")
    func wildcardOrigin() throws {
        let text = "@ 300 IN SOA ns.example. hostmaster.example. 1 2 3 4 5\n@ 300 IN NS ns.example.\n"
        let zone = ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "*.example.")))
        #expect(zone.hasWildcardOwner)
        #expect(Self.byBuiltOwners(zone))
    }
}
