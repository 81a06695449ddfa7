import Foundation
import TestSupport
import Testing

@testable import MailZone

/// New lines never change the owner of the lines after them: a line without an owner field belongs to the
/// line before it (also across `$TTL` and `$ORIGIN`, and at the top of an `$INCLUDE`d file).
@Suite struct InsertionPointTests {
    static func apply(_ files: [String: String]) async throws -> URL {
        let directory = try TemporaryFiles.directory(files.merging(["mailzone.yaml": ApplyTests.declaration()]) { $1 })
        _ = try await ApplySupport.apply(in: directory)
        return directory
    }

    /// A `named-compilezone` dump: owner-less NS lines after `$TTL` below the SOA, owner-less apex A after another
    /// `$TTL`. The new DKIM and DMARC lines used to go right after the SOA and take the NS records over.
    @Test func newOwnersGoPastOwnerlessLinesOfADump() async throws {
        let zone = [
            "$ORIGIN .", "$TTL 86400\t; 1 day",
            "example.com\t\tIN SOA\tns1.example.com. hostmaster.example.com. (",
            "\t\t\t\t2015010414 ; serial", "\t\t\t\t14400 14400 864000 86400 )",
            "$TTL 3600\t; 1 hour", "\t\t\tNS\tns1.example.net.", "\t\t\tNS\tns2.example.net.",
            "$TTL 300\t; 5 minutes", "\t\t\tA\t192.0.2.1",
            "$ORIGIN example.com.", "www\t\t\tA\t192.0.2.80", "",
        ].joined(separator: "\n")
        let directory = try await Self.apply(["zones/db.example.com": zone])
        let lines = try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")).components(
            separatedBy: "\n")
        #expect(
            Array(lines[5...11]) == [
                "$TTL 3600\t; 1 hour", "\t\t\tNS\tns1.example.net.", "\t\t\tNS\tns2.example.net.",
                "$TTL 300\t; 5 minutes", "\t\t\tA\t192.0.2.1",
                "\t\t\tMX\t10 mxbiz1.qq.com. ; mailzone: sender=example.com service=tencent-ses",
                "\t\t\tTXT\t\"v=spf1 include:qcloudmail.com ~all\" ; mailzone: sender=example.com spf=created include:qcloudmail.com=tencent-ses",
            ])
        #expect(lines[12].hasPrefix("qcloud._domainkey.example.com\tTXT\t( \"v=DKIM1; k=rsa; p="))
        #expect(
            Array(lines[14...]) == [
                "_dmarc.example.com\tTXT\t\"v=DMARC1; p=none\" ; mailzone: sender=example.com service=tencent-ses",
                "$ORIGIN example.com.",
                "www\t\t\tA\t192.0.2.80", "",
            ])
        try expectBINDReads(
            directory,
            owners: [
                "example.com. 3600 IN NS ns1.example.net.", "example.com. 300 IN A 192.0.2.1",
                "example.com. 300 IN MX 10 mxbiz1.qq.com.",
            ])
    }

    /// The `$INCLUDE`d file starts with owner-less apex records: no new name may go just before the `$INCLUDE`
    /// line, so the new names go to the end of the file, written in full; the apex's own new records may.
    @Test func newOwnersGoAfterAnIncludeWhoseFirstLinesHaveNoOwner() async throws {
        let zone =
            "$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster ( 1 1h 15m 30d 3m )\n@ NS ns1\n  NS ns2\n\n$INCLUDE hosts.include\n"
        let hosts =
            "                A     192.0.2.1\nns1             A     192.0.2.53\nns2             A     192.0.2.54\n"
        let directory = try await Self.apply(["zones/db.example.com": zone, "zones/hosts.include": hosts])
        let lines = try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")).components(
            separatedBy: "\n")
        // The apex's new records join its NS lines (owner-less like them: the `$INCLUDE`d A keeps the apex).
        #expect(
            Array(lines[0...8]) == [
                "$ORIGIN example.com.", "$TTL 300", "@ IN SOA ns1 hostmaster ( 2 1h 15m 30d 3m )",
                "@ NS ns1", "  NS ns2", "  MX 10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses",
                "  TXT \"v=spf1 include:qcloudmail.com ~all\" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses",
                "",
                "$INCLUDE hosts.include",
            ])
        #expect(lines[9].hasPrefix("qcloud._domainkey.example.com.\tTXT ( \"v=DKIM1; k=rsa; p="))
        #expect(
            Array(lines[11...]) == [
                "_dmarc.example.com.\tTXT \"v=DMARC1; p=none\" ; mailzone: sender=example.com service=tencent-ses", "",
            ])
        #expect(try ApplySupport.read(directory.appendingPathComponent("zones/hosts.include")) == hosts)
        try expectBINDReads(
            directory,
            owners: [
                "example.com. 300 IN NS ns2.example.com.", "example.com. 300 IN A 192.0.2.1",
                "example.com. 300 IN MX 10 mxbiz1.qq.com.",
            ])
    }

    /// BIND reads the applied zone and finds `records` (its own one-line form) among its records.
    private func expectBINDReads(_ directory: URL, owners records: [String]) throws {
        guard ApplySupport.bindAvailable else {
            #expect(!ApplySupport.inCI, "named-compilezone is missing; scripts/test installs bind9-utils")
            return
        }
        let dump = try RealZoneCorpus.dump(
            origin: "example.com.", file: directory.appendingPathComponent("zones/db.example.com"))
        #expect(dump.status == 0, "\(dump.output)")
        let lines = Set(dump.records.map { "\($0.owner) \($0.ttl) IN \($0.type) \($0.rdata)" })
        for record in records { #expect(lines.contains(record), "BIND does not read \(record): \(dump.output)") }
    }
}
