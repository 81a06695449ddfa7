import DNSClient
import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// Finding a zone's servers from its apex NS records: glue first, else the resolver.
struct VerifyNameServerDiscoveryTests {
    /// Answers from a table instead of the system resolver.
    struct TableResolver: HostResolving {
        var table: [String: [String]]
        func addresses(of host: DomainName) throws(DNSClientError) -> [String] {
            guard let addresses = table[host.description] else {
                throw .unresolvable(host: host.description, reason: "Name or service not known")
            }
            return addresses
        }
    }

    private let origin = (try? DomainName(parsing: "example.com.")) ?? .root

    @Test func glueThenResolver() {
        let zone = ZoneBackedDNS.zone(
            """
            $ORIGIN example.com.
            @ 300 IN SOA ns1 hostmaster 1 2 3 4 5
            @ 300 IN NS ns1
            @ 300 IN NS ns2.example.net.
            @ 300 IN NS ns3
            ns1 300 IN A 127.0.0.1
            ns1 300 IN AAAA ::1
            """)
        let resolver = TableResolver(table: [
            "ns2.example.net.": ["::1", "127.0.0.1"], "ns3.example.com.": ["127.0.0.1"],
        ])
        let found = NameServerDiscovery(resolver: resolver, port: 5300).servers(in: zone, origin: origin, file: "db")
        #expect(found.problems.isEmpty)
        // One entry per address: ns2 and ns3 share ns1's, which keeps the first name.
        #expect(
            found.servers.map { "\($0.nameServer ?? "") \($0.address)" } == [
                "ns1.example.com. 127.0.0.1:5300", "ns1.example.com. [::1]:5300",
            ])
    }

    @Test func unresolvableNameServerIsAProblemThatSaysWhatToDo() {
        let zone = ZoneBackedDNS.zone(
            """
            $ORIGIN example.com.
            @ 300 IN SOA ns1 hostmaster 1 2 3 4 5
            @ 300 IN NS ns.unknown.example.
            """)
        let found = NameServerDiscovery(resolver: TableResolver(table: [:]), port: 53).servers(
            in: zone, origin: origin, file: "db")
        #expect(found.servers.isEmpty)
        #expect(
            found.problems == [
                "cannot find the address of ns.unknown.example.: Name or service not known; the zone has no address (glue) for the name server ns.unknown.example. either; name the servers to ask with --server"
            ])
    }

    @Test func zoneWithoutNSSaysToNameServers() {
        let zone = ZoneBackedDNS.zone("$ORIGIN example.com.\n@ 300 IN SOA ns1 hostmaster 1 2 3 4 5\n")
        let found = NameServerDiscovery(resolver: TableResolver(table: [:]), port: 53).servers(
            in: zone, origin: origin, file: "db")
        #expect(found.problems.first?.hasPrefix("db has no NS records at example.com.") == true)
        #expect(found.problems.first?.hasSuffix("name the servers to ask with --server") == true)
    }

    @Test func missingZoneFileIsAnErrorWithoutServers() async throws {
        let lab = try VerifyLab.make()
        defer { lab.remove() }
        try FileManager.default.removeItem(at: lab.directory.appendingPathComponent("db.sampledomain.com"))
        let report = await Verifier(
            declaration: try lab.load(), client: ZoneBackedDNS(zones: [:]),
            resolver: TableResolver(table: [:])
        ).verify(servers: .authoritative(port: 53))
        #expect(report.exitCode == 1)
        #expect(
            report.zones.first?.errors == [
                "cannot read db.sampledomain.com, so the zone's name servers are unknown; name the servers to ask with --server"
            ])
    }

    @Test func serialArithmeticWraps() {
        #expect(SerialArithmetic.isBefore(2_026_112_801, 2_026_113_001))
        #expect(!SerialArithmetic.isBefore(2_026_113_001, 2_026_112_801))
        #expect(SerialArithmetic.isBefore(0xFFFF_FFF0, 5))
        #expect(!SerialArithmetic.isBefore(7, 7))
    }
}
