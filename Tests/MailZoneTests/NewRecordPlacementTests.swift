import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Where a plan puts new lines: with the name's mail records (MX, SPF, `_domainkey`, `_dmarc`) when it has
/// some, else right after the apex block at the top of the zone — never inside an unrelated section further
/// down (after a `;meta` comment block, among host A records, in a `; CAA` section). Each zone is modelled on
/// a real one where the new lines went astray.
@Suite struct NewRecordPlacementTests {
    /// The plan's diff of `zone` for the usual sender (MX, SPF, DKIM, DMARC of example.com), one line of context,
    /// the long DKIM value cut after its opening parenthesis.
    static func diff(_ zone: String) async throws -> String {
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": zone, "mailzone.yaml": ApplyTests.declaration(),
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        let text = PlanDiff.files(outcome, context: 1).map(\.diff).joined()
        var lines: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("---") || line.hasPrefix("+++") { continue }
            if let range = line.range(of: "( \"v=DKIM1") {
                lines.append(String(line[..<range.lowerBound]) + "( …")
            } else if line.hasPrefix("+"), line.dropFirst().first?.isWhitespace == true,
                line.contains("\""), !line.contains("IN")
            {
                continue
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A zone modelled on a real one, and the plan's diff of it: where the new lines go.
    struct Placement: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var zone: [String]
        var diff: String
    }

    static let placements: [Placement] = [
        // A verification TXT under a `;meta` comment is not where mail records go: they follow the NS lines.
        Placement(
            testDescription: "new records skip a ;meta comment block",
            zone: [
                "$ORIGIN example.com.", "$TTL 3600", "@\tIN\tSOA\tns1 hostmaster ( 1 1h 15m 30d 3m )",
                "@\tIN\tNS\tns1", "@\tIN\tNS\tns2", "", ";meta", "@\tIN\tTXT\t\"google-site-verification=abc\"", "",
                "ns1\tIN\tA\t192.0.2.53", "www\tIN\tA\t192.0.2.80", "",
            ],
            diff: """
                @@ -2,5 +2,10 @@
                 $TTL 3600
                -@\tIN\tSOA\tns1 hostmaster ( 1 1h 15m 30d 3m )
                +@\tIN\tSOA\tns1 hostmaster ( 2 1h 15m 30d 3m )
                 @\tIN\tNS\tns1
                 @\tIN\tNS\tns2
                +@\tIN\tMX\t10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses
                +@\tIN\tTXT\t"v=spf1 include:qcloudmail.com ~all" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses
                +qcloud._domainkey\tIN\tTXT\t( …
                +_dmarc\tIN\tTXT\t"v=DMARC1; p=none" ; mailzone: sender=@ service=tencent-ses
                 

                """),
        // The apex A record written among the hosts' A records does not pull the apex's new records there.
        Placement(
            testDescription: "new apex records stay out of host records",
            zone: [
                "$ORIGIN example.com.", "$TTL 3600", "@\tIN\tSOA\tns1 hostmaster ( 1 1h 15m 30d 3m )",
                "\tIN\tNS\tns1", "\tIN\tNS\tns2", "ns1\tIN\tA\t192.0.2.53", "ns2\tIN\tA\t192.0.2.54",
                "@\tIN\tA\t192.0.2.1", "www\tIN\tA\t192.0.2.80", "",
            ],
            diff: """
                @@ -2,5 +2,10 @@
                 $TTL 3600
                -@\tIN\tSOA\tns1 hostmaster ( 1 1h 15m 30d 3m )
                +@\tIN\tSOA\tns1 hostmaster ( 2 1h 15m 30d 3m )
                 \tIN\tNS\tns1
                 \tIN\tNS\tns2
                +\tIN\tMX\t10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses
                +\tIN\tTXT\t"v=spf1 include:qcloudmail.com ~all" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses
                +qcloud._domainkey\tIN\tTXT\t( …
                +_dmarc\tIN\tTXT\t"v=DMARC1; p=none" ; mailzone: sender=@ service=tencent-ses
                 ns1\tIN\tA\t192.0.2.53

                """),
        // An apex CAA record kept in a `; CAA` section at the end: the new MX and SPF go with the DKIM and DMARC
        // lines after the NS lines, in the zone's space-aligned columns.
        Placement(
            testDescription: "new apex records stay out of a ; CAA section",
            zone: [
                "$ORIGIN example.com.", "$TTL 3600", "@       IN  SOA ns1 hostmaster ( 1 1h 15m 30d 3m )",
                "@       IN  NS  ns1", "@       IN  NS  ns2", "www     IN  A   192.0.2.80", "", "; CAA",
                "@       IN  CAA 0 issue \"letsencrypt.org\"", "",
            ],
            diff: """
                @@ -2,5 +2,10 @@
                 $TTL 3600
                -@       IN  SOA ns1 hostmaster ( 1 1h 15m 30d 3m )
                +@       IN  SOA ns1 hostmaster ( 2 1h 15m 30d 3m )
                 @       IN  NS  ns1
                 @       IN  NS  ns2
                +@       IN  MX  10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses
                +@       IN  TXT "v=spf1 include:qcloudmail.com ~all" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses
                +qcloud._domainkey IN TXT ( …
                +_dmarc  IN  TXT "v=DMARC1; p=none" ; mailzone: sender=@ service=tencent-ses
                 www     IN  A   192.0.2.80

                """),
        // The apex keeps its MX in a `;mail` section below the hosts: SPF, DKIM and DMARC join it there, not the
        // NS lines at the top.
        Placement(
            testDescription: "mail records of a name go together",
            zone: [
                "$ORIGIN example.com.", "$TTL 3600", "@ IN SOA ns1 hostmaster ( 1 1h 15m 30d 3m )", "@ IN NS ns1",
                "ns1 IN A 192.0.2.53", ";mail", "@ IN MX 10 mxbiz1.qq.com.", ";push",
                "push IN CNAME push.example.net.", "",
            ],
            diff: """
                @@ -2,3 +2,3 @@
                 $TTL 3600
                -@ IN SOA ns1 hostmaster ( 1 1h 15m 30d 3m )
                +@ IN SOA ns1 hostmaster ( 2 1h 15m 30d 3m )
                 @ IN NS ns1
                @@ -7,2 +7,6 @@
                 @ IN MX 10 mxbiz1.qq.com.
                +@ IN TXT "v=spf1 include:qcloudmail.com ~all" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses
                +qcloud._domainkey IN TXT ( …
                +_dmarc IN TXT "v=DMARC1; p=none" ; mailzone: sender=@ service=tencent-ses
                 ;push

                """),
    ]

    @Test(arguments: placements)
    func newRecordsGoWithTheNamesMailRecordsOrAfterTheApexBlock(_ placement: Placement) async throws {
        #expect(try await Self.diff(placement.zone.joined(separator: "\n")) == placement.diff)
    }
}
