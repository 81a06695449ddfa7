import Foundation
import Testing

@testable import MailZone

/// A TXT record that is almost the SPF, DMARC or DKIM record a service needs is a conflict at
/// its line, with the record corrected as the fix, instead of a second record beside it.
@Suite struct SenderPlannerNearMissTests {
    static let key = CommandLineTests.key

    /// The text plan of one zone holding `records` (zone-file lines) with a Tencent Cloud SES sender at its apex.
    private func plan(_ records: [String]) async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mailzone-near-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("zones"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var zone =
            "$TTL 3600\n$ORIGIN corp.example.\n@ IN SOA ns1 hostmaster 2026112801 7200 3600 1209600 300\n@ IN NS ns1\n"
        zone += "ns1 IN A 192.0.2.53\n@ IN MX 10 mxbiz1.qq.com.\n"
        for record in records { zone += record + "\n" }
        try Data(zone.utf8).write(to: directory.appendingPathComponent("zones/db.corp.example"))
        let yaml =
            "version: 1\nzones:\n  - { origin: corp.example., file: zones/db.corp.example }\nsenders:\n"
            + "  - domain: corp.example\n    services:\n      - preset: tencent-ses\n        dkim: { qcloud: \"\(Self.key)\" }\n"
        let url = directory.appendingPathComponent("mailzone.yaml")
        try Data(yaml.utf8).write(to: url)
        let catalog = try PresetCatalog.builtIn(files: MailAuthPresetFiles.files())
        let declaration = try DeclarationLoader.load(contentsOf: url, displayPath: url.path, builtInPresets: catalog)
        let options = PlannerOptions(now: Date(timeIntervalSince1970: 1_796_083_200))
        let result = await Planner.plan(declaration, options: options).plan
        let output = try #require(result.zones.first.map { PlanTextRenderer().renderZone($0) })
        return output.replacingOccurrences(of: directory.path + "/", with: "")
    }

    @Test func almostAnSPFRecordIsAConflictAtItsLine() async throws {
        let output = try await plan(["@ IN TXT \"v=spfv1 mx ~all\""])
        #expect(
            output == """
                zone corp.example.  zones/db.corp.example
                  sender corp.example  (tencent-ses)
                    = @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                    x @                 TXT   @ has a TXT record that is almost an SPF record: it starts "v=spfv1" instead of \
                "v=spf1", so receivers ignore it; mailzone does not add a second SPF record beside it
                      in the zone: "v=spfv1 mx ~all"
                      zones/db.corp.example:7, mailzone.yaml:7:17
                      fix: correct the record to "v=spf1 mx ~all", then plan again
                    held back until its conflict is resolved (apply writes none of these):
                      + qcloud._domainkey TXT   "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/Mcguj...n3H73+dFmQIDAQAB"   (2048-bit RSA)
                      + _dmarc            TXT   "v=DMARC1; p=none"


                """)
    }

    @Test func almostADMARCRecordIsAConflictAtItsLine() async throws {
        let output = try await plan([
            "@ IN TXT \"v=spf1 include:qcloudmail.com ~all\"", "_dmarc IN TXT \"v=dmarc1; p=quarantine\"",
        ])
        #expect(
            output == """
                zone corp.example.  zones/db.corp.example
                  sender corp.example  (tencent-ses)
                    = @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                    = @                 TXT   "v=spf1 include:qcloudmail.com ~all"
                    x _dmarc            TXT   _dmarc has a TXT record that is almost a DMARC record: it starts "v=dmarc1" \
                instead of "v=DMARC1;", so receivers ignore it; mailzone does not add a second DMARC record beside it
                      in the zone: "v=dmarc1; p=quarantine"
                      zones/db.corp.example:8, mailzone.yaml:7:17
                      fix: correct the record to "v=DMARC1; p=quarantine", then plan again
                    held back until its conflict is resolved (apply writes none of these):
                      + qcloud._domainkey TXT   "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/Mcguj...n3H73+dFmQIDAQAB"   (2048-bit RSA)


                """)
    }

    @Test func almostADKIMKeyRecordIsAConflictAtItsLine() async throws {
        let misspelt = Self.key.replacingOccurrences(of: "v=DKIM1;", with: "v=dkim1;")
        // Two character-strings, as a zone file holds a 2048-bit key (each at most 255 octets).
        let strings = "\"\(misspelt.prefix(200))\" \"\(misspelt.dropFirst(200))\""
        let output = try await plan([
            "@ IN TXT \"v=spf1 include:qcloudmail.com ~all\"", "qcloud._domainkey IN TXT \(strings)",
        ])
        #expect(
            output == """
                zone corp.example.  zones/db.corp.example
                  sender corp.example  (tencent-ses)
                    = @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                    = @                 TXT   "v=spf1 include:qcloudmail.com ~all"
                    x qcloud._domainkey TXT   qcloud._domainkey has a TXT record that is almost a DKIM key record: it starts \
                "v=dkim1" instead of "v=DKIM1;", so verifiers ignore it; mailzone does not replace it or add a second one beside it
                      in the zone: "v=dkim1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/Mcguj...n3H73+dFmQIDAQAB"
                      zones/db.corp.example:8, mailzone.yaml:8:25
                      fix: correct the record to "\(Self.key)", then plan again
                    held back until its conflict is resolved (apply writes none of these):
                      + _dmarc            TXT   "v=DMARC1; p=none"


                """)
    }
}
