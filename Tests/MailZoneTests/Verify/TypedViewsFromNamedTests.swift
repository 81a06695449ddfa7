import DNSClient
import Foundation
import Testing
import ZoneFile

/// The typed views of `RRTypeTable` (`RData.mx`, `.ns`, `.cname`, `.txt`, `.soa`) on answers a real
/// BIND `named` sends: names compressed against the question and each other, strings split where
/// the zone split them. Each view reads what the zone file says.
@Suite(.enabled(if: NamedServer.shouldRun, Comment(rawValue: NamedServer.skipMessage)))
struct TypedViewsFromNamedTests {
    static let origin = "views.example."
    static let zone = """
        $TTL 300
        $ORIGIN views.example.
        @ IN SOA ns1 Host.Master ( 2026120601 7200 1h 2w 300 )
        @ IN NS ns1
        @ IN NS NS2.Elsewhere.example.
        ns1 IN A 127.0.0.1
        @ IN MX 10 mx1
        @ IN MX 20 MX2.Views.Example.
        @ IN TXT "v=spf1 " "include:_spf.views.example -all"
        @ IN TXT "caf\\195\\169" "\\"quoted\\"" ""
        alias IN CNAME Target.Views.Example.

        """

    private func answer(_ name: String, _ type: RRType, from named: NamedServer) throws -> [RData] {
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 2, retries: 1))
        return try client.query(try DomainName(parsing: name), type: type, server: named.address).records.map(\.rdata)
    }

    private func name(_ text: String) throws -> DomainName { try DomainName(parsing: text) }

    @Test func viewsReadWhatTheZoneSays() throws {
        let named = try NamedServer.start(zones: [(Self.origin, Self.zone)])
        defer { named.stop() }

        let soa = try #require(try answer(Self.origin, .soa, from: named).first?.soa)
        #expect(soa.mname == (try name("ns1.views.example.")))
        #expect(soa.rname.description == "Host.Master.views.example.")
        #expect(
            [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum] == [
                2_026_120_601, 7200, 3600, 1_209_600, 300,
            ])

        let servers = try answer(Self.origin, .ns, from: named).compactMap(\.ns).map(\.description).sorted()
        #expect(servers == ["NS2.Elsewhere.example.", "ns1.views.example."])

        let exchanges = try answer(Self.origin, .mx, from: named).compactMap(\.mx)
            .sorted { $0.preference < $1.preference }
        #expect(exchanges.map(\.preference) == [10, 20])
        #expect(exchanges.map(\.exchange.description) == ["mx1.views.example.", "MX2.Views.Example."])

        let texts = try answer(Self.origin, .txt, from: named).compactMap(\.txt)
            .sorted { $0.count < $1.count }
        #expect(texts.count == 2)
        #expect(texts.first == [Array("v=spf1 ".utf8), Array("include:_spf.views.example -all".utf8)])
        #expect(texts.last == [Array("café".utf8), Array("\"quoted\"".utf8), []])

        let alias = try answer("alias.views.example.", .cname, from: named)
        #expect(alias.compactMap(\.cname).map(\.description) == ["Target.Views.Example."])
        // The other views give nothing for a record of another type.
        #expect(alias.first?.mx == nil)
        #expect(alias.first?.txt == nil)
    }
}
