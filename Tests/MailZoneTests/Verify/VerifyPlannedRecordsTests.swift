import DNSClient
import Foundation
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// verify checks what the plan leaves in the zone, never the preset's raw values: the zone's
/// stricter DMARC record kept over the preset's `p=none`, the name's own MX kept under
/// `mx: keep-existing` instead of the service's, the merged SPF record. Against a real `named`.
@Suite(.enabled(if: NamedServer.shouldRun, Comment(rawValue: NamedServer.skipMessage)))
struct VerifyPlannedRecordsTests {
    static let origin = "keep.example."

    /// The zone before apply: its own mail server, an SPF record for Google, a stricter DMARC policy.
    static let zone = """
        $TTL 3600
        $ORIGIN keep.example.
        @ IN SOA ns1 hostmaster ( 2026113001 7200 3600 1209600 300 )
        @ IN NS ns1
        ns1 IN A 127.0.0.1
        @ IN MX 10 mail.keep.example.
        mail IN A 192.0.2.25
        @ IN TXT "v=spf1 include:_spf.google.com ~all"
        _dmarc IN TXT "v=DMARC1; p=quarantine"

        """

    /// Tencent SES (whose preset asks `p=none` and its own MX) for a domain that keeps its MX.
    static let declaration = """
        version: 1
        zones:
          - origin: keep.example.
            file: db.keep.example
        senders:
          - domain: keep.example
            mx: keep-existing
            services:
              - preset: tencent-ses
                dkim:
                  qcloud: "v=DKIM1; k=rsa; p=\(TestKeys.rsa2048)"

        """

    private func lab() throws -> URL {
        let directory = try ProcessScratch.directory(prefix: "mailzone-verify-keep")
        try Self.declaration.write(
            to: directory.appendingPathComponent("mailzone.yaml"), atomically: true,
            encoding: .utf8)
        try Self.zone.write(to: directory.appendingPathComponent("db.keep.example"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func theKeptDMARCAndMXAndTheMergedSPFAreWhatIsChecked() throws {
        let directory = try lab()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A server still serving the zone as it was: what the plan keeps is verified, what it
        // changes is not served yet.
        let old = try NamedServer.start(zones: [(Self.origin, Self.zone)])
        defer { old.stop() }
        let before = try MailzoneBinary.run(["verify", "--server", old.address.description], in: directory)
        #expect(before.status == 2, "stderr: \(before.errors)")
        GoldenFile.assert(
            before.output.replacingOccurrences(of: "127.0.0.1:\(old.port)", with: "127.0.0.1:53001"),
            at: VerifierTests.golden("kept-before-apply.txt"))
        #expect(!before.output.contains("mxbiz1.qq.com.  "))
        #expect(before.output.contains("    verified  _dmarc             TXT  v=DMARC1; p=quarantine\n"))

        // After apply, a server with the new zone serves every record the plan leaves.
        let apply = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(apply.status == 0, "apply: \(apply.output) \(apply.errors)")
        let applied = try String(contentsOf: directory.appendingPathComponent("db.keep.example"), encoding: .utf8)
        let new = try NamedServer.start(zones: [(Self.origin, applied)])
        defer { new.stop() }
        let after = try MailzoneBinary.run(["verify", "--server", new.address.description], in: directory)
        #expect(after.status == 0, "stdout: \(after.output) stderr: \(after.errors)")
        GoldenFile.assert(
            after.output.replacingOccurrences(of: "127.0.0.1:\(new.port)", with: "127.0.0.1:53001")
                .replacingOccurrences(of: "serial \(try #require(Self.serial(applied)))", with: "serial NEW"),
            at: VerifierTests.golden("kept-after-apply.txt"))
    }

    /// The applied zone's SOA serial (apply bumps it from today's date).
    private static func serial(_ text: String) -> UInt32? {
        let zone = ZoneLoader.load(text: text, path: "db.keep.example")
        guard let origin = try? DomainName(parsing: origin) else { return nil }
        return zone.records(at: origin, type: .soa).first?.rdata.soaSerial
    }
}

/// A sender the plan holds back (a conflict) has nothing apply would write, so verify says so
/// instead of judging the preset's values.
struct VerifyHeldBackTests {
    @Test func aHeldBackSenderIsNotVerified() async throws {
        // Without `dmarc: { p: reject }`, abc's preset p=none would weaken the p=reject it inherits.
        let declaration = VerifyLab.declaration.replacingOccurrences(of: "    dmarc: { p: reject }\n", with: "")
        // And without a record at _dmarc.abc, whose p=reject the plan would keep.
        let zone = VerifyLab.zoneText(records: VerifyLab.complete.merging(["abc.dmarc": ""]) { $1 })
        let lab = try VerifyLab.make(zone: zone)
        defer { lab.remove() }
        try declaration.write(
            to: lab.directory.appendingPathComponent("mailzone.yaml"), atomically: true,
            encoding: .utf8)
        let client = ZoneBackedDNS(zones: [VerifierTests.primary: ZoneBackedDNS.zone(zone)])
        let report = await Verifier(declaration: try lab.load(), client: client)
            .verify(servers: .given([VerifierTests.primary]))
        #expect(report.exitCode == 1)
        let senders = try #require(report.zones.first?.senders)
        #expect(senders[0].records.allSatisfy { $0.status == .verified })
        #expect(senders[1].records.allSatisfy { $0.status == .error })
        #expect(
            senders[1].records.first?.results.first?.detail == "not checked: the plan holds back every change of "
                + "abc.sampledomain.com: conflict at _dmarc.abc TXT: "
                + "_dmarc.abc TXT \"v=DMARC1; p=none\" would weaken the policy "
                + "that abc.sampledomain.com inherits from _dmarc.sampledomain.com (p=reject)")
        #expect(senders[1].records.map(\.expected).last == "v=DMARC1; p=none")
    }
}
