import Testing

@testable import ZoneFile

/// Owners outside the zone's origin are reported and left out. A name stored with the origin cut
/// from it is inside without comparing its end (`NameTable.endsInSuffix`); the others are compared,
/// whatever their case and wherever `$ORIGIN` put them.
@Suite struct OutOfZoneNamesTests {
    @Test func ownersOutsideTheOriginAreReportedAndOnlyThey() throws {
        let text = """
            $TTL 300
            @ SOA ns hostmaster 1 2 3 4 5
            @ NS ns
            ns A 192.0.2.1
            EXAMPLE. A 192.0.2.2
            Www.Example. A 192.0.2.3
            anexample. A 192.0.2.4
            example.net. A 192.0.2.5
            $ORIGIN net.
            example A 192.0.2.6
            $ORIGIN sub.example.
            host A 192.0.2.7
            example. TXT "x"

            """
        let zone = ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.")))
        let outside = zone.diagnostics.filter { $0.id == "zone.out-of-zone" }
        #expect(outside.map { $0.location?.line } == [7, 8, 10])
    }

    /// A name of the table a re-read extends is not flagged as ending in the suffix: it is compared.
    @Test func endsInSuffixTellsOnlyCutNames() throws {
        var names = NameTable()
        let origin = try DomainName(parsing: "example.")
        names.setSuffix(origin)
        let below = names.intern(try DomainName(parsing: "www.example.").wire[...])
        let other = names.intern(try DomainName(parsing: "www.example.net.").wire[...])
        #expect(names.endsInSuffix(below))
        #expect(!names.endsInSuffix(other))
        var extended = NameTable(extending: names)
        extended.setSuffix(origin)
        let added = extended.intern(try DomainName(parsing: "mail.example.").wire[...])
        #expect(!extended.endsInSuffix(below))
        #expect(extended.endsInSuffix(added))
    }
}
