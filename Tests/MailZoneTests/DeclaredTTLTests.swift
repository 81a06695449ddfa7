import Foundation
import TestSupport
import Testing

@testable import MailAuth
@testable import MailZone

/// `ttl:` on a sender or a service: the TTL of the records the plan creates when they start a new RRset (the
/// service's over the sender's). A record joining an RRset keeps the RRset's TTL (RFC 2181 §5.2) and the plan
/// says so; a TTL that is not 0…2147483647 seconds is refused at its line and column.
@Suite struct DeclaredTTLTests {
    static let key = CommandLineTests.key
    static let zone =
        "$TTL 1h\n$ORIGIN example.com.\n@ IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 300\n"
        + "@ IN NS ns1.example.net.\n@ 600 IN TXT \"google-site-verification=abc\"\nwww IN A 192.0.2.80\n"

    /// The declaration with `sender` settings under the sender and `service` settings under its one service.
    static func yaml(sender: String = "", service: String = "") -> String {
        "version: 1\nzones:\n  - { origin: example.com., file: zones/db.example.com }\nsenders:\n"
            + "  - domain: example.com\n" + (sender.isEmpty ? "" : "    \(sender)\n") + "    services:\n"
            + "      - preset: tencent-ses\n        dkim: { qcloud: \"\(key)\" }\n"
            + (service.isEmpty ? "" : "        \(service)\n")
    }

    static func directory(_ yaml: String) throws -> URL {
        try TemporaryFiles.directory(["mailzone.yaml": yaml, "zones/db.example.com": zone])
    }

    /// The text plan, with the temporary directory taken out.
    static func plan(_ directory: URL) async throws -> String {
        let declaration = try ApplySupport.declaration(in: directory)
        let result = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now)).plan
        let output = try #require(result.zones.first.map { PlanTextRenderer().renderZone($0) })
        return output.replacingOccurrences(of: directory.path + "/", with: "")
    }

    static func errors(_ yaml: String) -> [String] {
        do {
            _ = try DeclarationLoader.load(
                data: Data(yaml.utf8), file: URL(fileURLWithPath: "/x/mailzone.yaml"),
                builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func theServicesTTLWinsOverTheSendersAndTheSPFRecordKeepsItsRRsetsTTL() async throws {
        let directory = try Self.directory(Self.yaml(sender: "ttl: 300", service: "ttl: 2h"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try await Self.plan(directory)
        #expect(
            plan == """
                zone example.com.  zones/db.example.com
                  sender example.com  (tencent-ses)
                    + @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; \
                mailzone uses 10; declared TTL 7200)
                    + @                 TXT   "v=spf1 include:qcloudmail.com ~all"   (keeps the TTL 600 of the @ TXT \
                RRset it joins, not the declared ttl 7200: an RRset has one TTL, RFC 2181 §5.2)
                    + qcloud._domainkey TXT   "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQb\
                f/Mcguj...n3H73+dFmQIDAQAB"   (2048-bit RSA; declared TTL 7200)
                    + _dmarc            TXT   "v=DMARC1; p=none"   (declared TTL 7200)
                  ~ @ SOA serial 2026113001 => 2026120100 (date)


                """)
    }

    @Test func theSendersTTLIsWrittenAndBINDLoadsTheZone() async throws {
        let directory = try Self.directory(Self.yaml(sender: "ttl: 300"))
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await ApplySupport.apply(in: directory)
        let file = directory.appendingPathComponent("zones/db.example.com")
        let lines = try ApplySupport.read(file).components(separatedBy: "\n")
        // The MX, DKIM and DMARC records start RRsets: the sender's 300. The SPF record joins the apex TXT (600).
        #expect(
            Array(lines[4...6]) == [
                "@ 600 IN TXT \"google-site-verification=abc\"",
                "@ 300 IN MX 10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses",
                "@ 600 IN TXT \"v=spf1 include:qcloudmail.com ~all\" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses",
            ])
        #expect(lines[7].hasPrefix("qcloud._domainkey 300 IN TXT ( \"v=DKIM1; k=rsa; p=MIIB"))
        #expect(
            Array(lines[9...]) == [
                "_dmarc 300 IN TXT \"v=DMARC1; p=none\" ; mailzone: sender=@ service=tencent-ses",
                "www IN A 192.0.2.80", "",
            ])
        guard ApplySupport.bindAvailable else {
            #expect(!ApplySupport.inCI, "named-checkzone is missing; scripts/test installs bind9-utils")
            return
        }
        let (status, output) = try ApplySupport.namedCheckzone(origin: "example.com.", file: file.path)
        #expect(status == 0, "\(output)")
        // Planned again, nothing is left to add.
        await #expect(!(try Self.plan(directory)).contains("\n    + "))
    }

    @Test func aTTLOutOfRangeOrNotATTLIsRefusedAtItsLineAndColumn() {
        let fix = "    fix: write seconds like 'ttl: 3600', or BIND's units like 'ttl: 1h' (w, d, h, m, s)"
        let range = "it must be seconds from 0 to 2147483647 (RFC 2181 §8)"
        #expect(
            Self.errors(Self.yaml(sender: "ttl: 2147483648", service: "ttl: -1")) == [
                "mailzone.yaml:6:10: error: '2147483648' is not a valid TTL: \(range)\n\(fix)",
                "mailzone.yaml:10:14: error: '-1' is not a valid TTL: \(range)\n\(fix)",
            ])
        #expect(
            Self.errors(Self.yaml(sender: "ttl: 1hour", service: "ttl: [300]")) == [
                "mailzone.yaml:6:10: error: '1hour' is not a valid TTL: \(range)\n\(fix)",
                "mailzone.yaml:10:14: error: expected a TTL in seconds (like 3600 or 1h), found a list",
            ])
    }

    @Test func bindUnitsAndTheLargestTTLAreAccepted() throws {
        let declaration = try DeclarationLoader.load(
            data: Data(Self.yaml(sender: "ttl: 2147483647", service: "ttl: 1h30m").utf8),
            file: URL(fileURLWithPath: "/x/mailzone.yaml"),
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
        #expect(declaration.senders[0].ttl?.value == 2_147_483_647)
        #expect(declaration.senders[0].services[0].ttl?.value == 5400)
        #expect(declaration.expanded[0].records.map { $0.ttl?.value } == [5400, 5400, 5400])
        #expect(declaration.expanded[0].spf.map { $0.ttl?.value } == [5400])
    }
}
