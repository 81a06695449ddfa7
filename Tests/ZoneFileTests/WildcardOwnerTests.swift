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

    /// The name table's note that it stored a wildcard name, which lets a zone without one answer at once,
    /// against every name it holds read one by one: on every corpus zone, and on a re-read's table, which
    /// extends the old zone's.
    @Test("the name table notes a wildcard name exactly when one of its names is one")
    func nameTableNotesWildcards() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var noted = 0
        var without = 0
        for item in corpus.cases {
            let zone = ZoneLoader.load(
                path: item.path, options: LoadOptions(origin: try DomainName(parsing: item.origin)))
            let names = zone.names
            let any = (0..<names.count).contains { names.isWildcard(UInt32($0)) }
            #expect(names.mayHoldWildcard == any, "\(item.file)")
            if any { noted += 1 } else { without += 1 }
        }
        #expect(noted > 0 && without > 0, "\(noted) corpus zones with wildcard names, \(without) without")
        var extended = NameTable(
            extending: ZoneLoader.load(
                text: "www 300 IN A 192.0.2.1\n",
                options: LoadOptions(
                    origin: try DomainName(parsing: "example.com."))
            ).names)
        #expect(!extended.mayHoldWildcard)
        _ = extended.intern(try DomainName(parsing: "*.a.example.com.").wire[...])
        #expect(extended.mayHoldWildcard)
        let base = ZoneLoader.load(
            text: "* 300 IN A 192.0.2.1\n",
            options: LoadOptions(
                origin: try DomainName(parsing: "example.com."))
        ).names
        #expect(base.mayHoldWildcard)
        #expect(NameTable(extending: base).mayHoldWildcard)
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
