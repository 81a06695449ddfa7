import Foundation
import TestSupport
import Testing
import ZoneFile

/// Loader behaviours found by the conformance run against BIND (`ConformanceTests`), pinned
/// here so they hold without BIND installed.
@Suite("Loader reads as BIND does")
struct BINDCompatibilityTests {
    static let apex = """
        @ SOA ns hostmaster 1 7200 3600 1209600 300
        @ NS ns
        ns A 192.0.2.53

        """

    func load(_ text: String, origin: String = "example.") throws -> Zone {
        ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: origin)))
    }

    func ttls(_ zone: Zone, type: RRType) -> [UInt32] {
        zone.records.filter { $0.type == type }.map(\.ttl)
    }

    @Test("without $TTL, the SOA MINIMUM becomes the default TTL, not just the previous one (masterfile/ns1/ttl1.db)")
    func soaMinimumIsDefaultTTL() throws {
        let zone = try load(
            """
            @ IN SOA ns hostmaster 1 3600 1800 1814400 3
              NS ns
            ns A 10.53.0.1
            b 2 TXT "explicit ttl 2"
            c TXT "soa minttl 3"
            $TTL 1
            d TXT "default ttl 1"

            """)
        #expect(!zone.hasErrors, "\(zone.errors)")
        #expect(ttls(zone, type: .txt) == [2, 3, 1])
        #expect(ttls(zone, type: .a) == [3])
    }

    @Test("with an explicit SOA TTL and no $TTL, records take the last explicit TTL (masterfile/ns1/ttl2.db)")
    func rfc1035PreviousTTL() throws {
        let zone = try load(
            """
            @ 1 IN SOA ns hostmaster 1 3600 1800 1814400 3
              NS ns
            ns A 10.53.0.1
            b 2 TXT "explicit ttl 2"
            c TXT "previous ttl 2"

            """)
        #expect(ttls(zone, type: .txt) == [2, 2])
        #expect(ttls(zone, type: .a) == [1])
    }

    @Test("in TXT, '\\#' not followed by a length is text (unknown/ns1/example-in.db)")
    func txtHashText() throws {
        let zone = try load(BINDCompatibilityTests.apex + "t TXT \\# text\nu TXT \\# 6 0568656C6C6F\n")
        #expect(!zone.hasErrors, "\(zone.errors)")
        let strings = zone.records.filter { $0.type == .txt }.map {
            $0.rdata.characterStrings.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(strings == [["#", "text"], ["hello"]])
    }

    @Test(
        "generic RDATA must be valid for a known type (RFC 3597 §5; unknown/ns1/broken3.db)",
        arguments: ["A \\# 5 0A00000100", "A \\# 3 0A0000", "TXT \\# 0", "MX \\# 3 000A01", "TXT \\# 2 0500"])
    func genericRDataValidated(_ record: String) throws {
        let zone = try load(BINDCompatibilityTests.apex + "x \(record)\n")
        #expect(zone.errors.map(\.id) == ["rdata.invalid"])
    }

    @Test("valid generic RDATA of a known type equals the typed form")
    func genericRDataAccepted() throws {
        let zone = try load(BINDCompatibilityTests.apex + "x A \\# 4 0A000001\nx A 10.0.0.1\ny MX \\# 3 000A00\n")
        #expect(!zone.hasErrors, "\(zone.errors)")
        let a = zone.records(at: try DomainName(parsing: "x.example."), type: .a)
        #expect(a.count == 2 && a[0].rdata == a[1].rdata)
    }

    @Test(
        "a repeated identical SOA (AXFR style) is a duplicate, a different one an error (RFC 8976 A.5, zonemd 13-extra-soa)"
    )
    func repeatedSOA() throws {
        let same = try load(BINDCompatibilityTests.apex + "@ SOA NS HOSTMASTER 1 7200 3600 1209600 300\n")
        #expect(!same.hasErrors, "\(same.errors)")
        #expect(same.diagnostics.map(\.id).contains("zone.duplicate-soa"))
        let different = try load(BINDCompatibilityTests.apex + "@ SOA ns hostmaster 2 7200 3600 1209600 300\n")
        #expect(different.errors.map(\.id) == ["zone.multiple-soa"])
    }

    @Test(
        "an included file starts with the including file's owner; its owner does not leak back (checkzone/zones/*inherit*)"
    )
    func includeInheritsOwner() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-inherit")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "\tNS ns2\nlast A 192.0.2.9\n".write(
            to: directory.appendingPathComponent("inherit.db"), atomically: true, encoding: .utf8)
        let main = directory.appendingPathComponent("main.db")
        try """
        $TTL 300
        @ SOA ns hostmaster 1 7200 3600 1209600 300
        $INCLUDE inherit.db
          NS ns
        ns A 192.0.2.53
        ns2 A 192.0.2.54
        $ORIGIN sub.example.
          TXT "still the previous owner"

        """.write(to: main, atomically: true, encoding: .utf8)
        let zone = ZoneLoader.load(path: main.path, options: LoadOptions(origin: try DomainName(parsing: "example.")))
        #expect(!zone.hasErrors, "\(zone.errors)")
        let apex = try DomainName(parsing: "example.")
        #expect(zone.records(at: apex, type: .ns).count == 2)
        #expect(zone.records(at: try DomainName(parsing: "ns2.example."), type: .txt).count == 1)
        #expect(zone.diagnostics.map(\.id).contains("owner.inherited-after-origin"))
    }
}
