import Foundation
import TestSupport
import Testing

@testable import MailZone

/// A new record's TTL is its RRset's when it joins one, else the zone's default where its line goes
/// (`$TTL`, or BIND's default, the SOA MINIMUM), never the TTL of the line it follows.
@Suite struct NewRecordTTLTests {
    static func applied(_ zone: String) async throws -> [String] {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": zone,
        ])
        _ = try await ApplySupport.apply(in: directory)
        return try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")).components(
            separatedBy: "\n")
    }

    /// The apex's last line is an A record with its own short TTL: the new MX got 300 from it.
    @Test func aNewRRsetTakesTheZoneDefaultNotTheNeighboursTTL() async throws {
        let lines = try await Self.applied(
            "$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 300\n"
                + "@ IN NS ns1.example.net.\n@ 300 IN A 192.0.2.1\nwww 300 IN A 192.0.2.80\n")
        #expect(
            Array(lines[4...6]) == [
                "@ 300 IN A 192.0.2.1", "@ 3600 IN MX 10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses",
                "@ 3600 IN TXT \"v=spf1 include:qcloudmail.com ~all\" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses",
            ])
        #expect(lines[7].hasPrefix("qcloud._domainkey 3600 IN TXT ( "))
        #expect(lines[9] == "_dmarc 3600 IN TXT \"v=DMARC1; p=none\" ; mailzone: sender=@ service=tencent-ses")
    }

    /// A signed zone: the line before is an RRSIG with the DNSKEY's day-long TTL. The SPF record joins the apex
    /// TXT RRset (TTL 600); the new MX, with no `$TTL`, gets BIND's default, the SOA MINIMUM (900).
    @Test func aRecordJoiningAnRRsetTakesItsTTLNotAnRRSIGs() async throws {
        let lines = try await Self.applied(
            "$ORIGIN example.com.\n@ 86400 IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 900\n"
                + "@ 86400 IN NS ns1.example.net.\n@ 600 IN TXT \"google-site-verification=abc\"\n"
                + "@ 86400 IN RRSIG TXT 13 2 600 20361201000000 20261201000000 1 example.com. AAAA\n"
                + "www 300 IN A 192.0.2.80\n")
        #expect(
            Array(lines[4...6]) == [
                "@ 86400 IN RRSIG TXT 13 2 600 20361201000000 20261201000000 1 example.com. AAAA",
                "@ 900 IN MX 10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses",
                "@ 600 IN TXT \"v=spf1 include:qcloudmail.com ~all\" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses",
            ])
        #expect(lines[7].hasPrefix("qcloud._domainkey 900 IN TXT ( "))
    }
}
