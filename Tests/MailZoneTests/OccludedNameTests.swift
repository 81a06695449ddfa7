import Foundation
import TestSupport
import Testing

/// Records written where BIND never serves them: at or below a delegation (RFC 1034 §4.2.1) or
/// below a DNAME (RFC 6672 §2.3) planning refuses with a conflict naming the cut and its line;
/// a new name a wildcard answered for (RFC 4592 §2.2.1) gets a warning naming the records that
/// stop matching it. The whole plan text is compared.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct OccludedNameTests {
    static let apex = "$TTL 3600\n@ SOA ns hostmaster 2026112801 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"

    private func plan(
        zone: String, sender: String, extraZones: [String: (origin: String, text: String)] = [:],
        arguments: [String] = ["plan"]
    ) throws -> MailzoneBinary.Result {
        let directory = try ProcessScratch.directory(prefix: "mailzone-cut")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((Self.apex + zone).utf8).write(to: directory.appendingPathComponent("db.example.com"))
        var zones = "  - { origin: example.com., file: db.example.com }\n"
        for (file, child) in extraZones.sorted(by: { $0.key < $1.key }) {
            try Data(child.text.utf8).write(to: directory.appendingPathComponent(file))
            zones += "  - { origin: \(child.origin), file: \(file) }\n"
        }
        let yaml = """
            version: 1
            zones:
            \(zones)senders:
              - domain: \(sender)
                services:
                  - preset: tencent-ses
                    dkim: { qcloud: "\(CommandLineTests.key)" }

            """
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("mailzone.yaml"))
        return try MailzoneBinary.run(arguments, in: directory)
    }

    static let child =
        "$TTL 3600\n@ SOA ns.elsewhere.example. hostmaster 2026112801 7200 3600 1209600 300\n@ NS ns.elsewhere.example.\n"

    /// The sender's own name is delegated (NS and DS at `mail`): every record is refused, naming the NS record and its line.
    @Test func aSenderAtADelegationWithDSIsAConflict() throws {
        let result = try plan(
            zone:
                "mail NS ns.elsewhere.example.\nmail DS 12345 13 2 e2d3c916f6deeac73294e8268fb5885044a833fc5459588f4a9184cfc41a5766\n",
            sender: "mail.example.com")
        #expect(result.status == 1, "\(result.errors)")
        #expect(
            result.output == #"""
                zone example.com.  db.example.com
                  sender mail.example.com  (tencent-ses)
                    x mail                   MX    mail is delegated to another zone (NS ns.elsewhere.example. at db.example.com:5, with DS): an MX record written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)
                      in the zone: NS ns.elsewhere.example.
                      db.example.com:5, mailzone.yaml:7:17
                      fix: declare the child zone's file (a zone with origin mail.example.com.) so the record is written there, or remove the delegation
                    x mail                   TXT   mail is delegated to another zone (NS ns.elsewhere.example. at db.example.com:5, with DS): a TXT record written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)
                      in the zone: NS ns.elsewhere.example.
                      db.example.com:5, mailzone.yaml:7:17
                      fix: declare the child zone's file (a zone with origin mail.example.com.) so the record is written there, or remove the delegation
                    x qcloud._domainkey.mail TXT   qcloud._domainkey.mail is below the delegation of mail to another zone (NS ns.elsewhere.example. at db.example.com:5, with DS): a TXT record written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)
                      in the zone: NS ns.elsewhere.example.
                      db.example.com:5, mailzone.yaml:8:25
                      fix: declare the child zone's file (a zone with origin mail.example.com.) so the record is written there, or remove the delegation
                    x _dmarc.mail            TXT   _dmarc.mail is below the delegation of mail to another zone (NS ns.elsewhere.example. at db.example.com:5, with DS): a TXT record written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)
                      in the zone: NS ns.elsewhere.example.
                      db.example.com:5, mailzone.yaml:7:17
                      fix: declare the child zone's file (a zone with origin mail.example.com.) so the record is written there, or remove the delegation
                    this sender changes nothing until its conflicts are resolved

                Plan: 0 to add, 0 to merge, 0 to replace, 4 conflicts. Resolve the 4 conflicts first (see fix: above): `mailzone apply` writes nothing until the plan has none.

                """#)
    }

    /// `_domainkey` delegated to a DKIM provider: the key record below it is refused, the rest of the sender waits.
    @Test func aSelectorBelowADelegationIsAConflict() throws {
        let result = try plan(zone: "_domainkey NS ns.dkim.example.\n", sender: "example.com")
        #expect(result.status == 1, "\(result.errors)")
        #expect(
            result.output == #"""
                zone example.com.  db.example.com
                  sender example.com  (tencent-ses)
                    x qcloud._domainkey TXT   qcloud._domainkey is below the delegation of _domainkey to another zone (NS ns.dkim.example. at db.example.com:5): a TXT record written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)
                      in the zone: NS ns.dkim.example.
                      db.example.com:5, mailzone.yaml:8:25
                      fix: declare the child zone's file (a zone with origin _domainkey.example.com.) so the record is written there, or remove the delegation
                    held back until its conflict is resolved (apply writes none of these):
                      + @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                      + @                 TXT   "v=spf1 include:qcloudmail.com ~all"
                      + _dmarc            TXT   "v=DMARC1; p=none"

                Plan: 0 to add, 0 to merge, 0 to replace, 1 conflict, 3 held back. Resolve the 1 conflict first (see fix: above): `mailzone apply` writes nothing until the plan has none.

                """#)
    }

    /// Below a DNAME names are redirected; the DNAME's own name may hold MX and TXT (RFC 6672 §2.3).
    @Test func namesBelowADNAMEAreAConflictItsOwnNameIsNot() throws {
        let result = try plan(zone: "old DNAME new.example.net.\n", sender: "old.example.com")
        #expect(result.status == 1, "\(result.errors)")
        #expect(
            result.output == #"""
                zone example.com.  db.example.com
                  sender old.example.com  (tencent-ses)
                    x qcloud._domainkey.old TXT   qcloud._domainkey.old is below the DNAME at old (DNAME new.example.net. at db.example.com:5): names below a DNAME are redirected to new.example.net., so a TXT record written here would never be served (RFC 6672 §2.3)
                      in the zone: DNAME new.example.net.
                      db.example.com:5, mailzone.yaml:8:25
                      fix: declare the zone of qcloud._domainkey.new.example.net. and write the record there, or remove the DNAME
                    x _dmarc.old            TXT   _dmarc.old is below the DNAME at old (DNAME new.example.net. at db.example.com:5): names below a DNAME are redirected to new.example.net., so a TXT record written here would never be served (RFC 6672 §2.3)
                      in the zone: DNAME new.example.net.
                      db.example.com:5, mailzone.yaml:7:17
                      fix: declare the zone of _dmarc.new.example.net. and write the record there, or remove the DNAME
                    held back until its conflicts are resolved (apply writes none of these):
                      + old                   MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                      + old                   TXT   "v=spf1 include:qcloudmail.com ~all"

                Plan: 0 to add, 0 to merge, 0 to replace, 2 conflicts, 2 held back. Resolve the 2 conflicts first (see fix: above): `mailzone apply` writes nothing until the plan has none.

                """#)
    }

    /// `*` answered for `_dmarc` and `qcloud._domainkey` (and the empty `_domainkey`) until the plan creates them.
    @Test func aNewNameAWildcardCoveredIsAWarning() throws {
        let result = try plan(
            zone: "* MX 10 mx.example.com.\n* TXT \"v=spf1 -all\"\n*.shop A 192.0.2.1\n", sender: "example.com")
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output == #"""
                zone example.com.  db.example.com
                  sender example.com  (tencent-ses)
                    + @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                    + @                 TXT   "v=spf1 include:qcloudmail.com ~all"
                    + qcloud._domainkey TXT   "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/Mcguj...n3H73+dFmQIDAQAB"   (2048-bit RSA)
                    + _dmarc            TXT   "v=DMARC1; p=none"
                    ! qcloud._domainkey TXT   creating qcloud._domainkey makes qcloud._domainkey and _domainkey exist, so the wildcard *.example.com. stops matching them: its records (MX 10 mx.example.com., TXT "v=spf1 -all") will no longer be served for qcloud._domainkey and _domainkey (RFC 4592 §2.2.1)
                      fix: nothing to do if that is intended; otherwise also add the records qcloud._domainkey and _domainkey should keep
                    ! _dmarc            TXT   creating _dmarc makes _dmarc exist, so the wildcard *.example.com. stops matching it: its records (MX 10 mx.example.com., TXT "v=spf1 -all") will no longer be served for _dmarc (RFC 4592 §2.2.1)
                      fix: nothing to do if that is intended; otherwise also add the records _dmarc should keep
                  ~ @ SOA serial 2026112801 => 2026120100 (date)

                Plan: 4 to add, 0 to merge, 0 to replace, 0 conflicts, 2 warnings. `mailzone apply` writes db.example.com.

                """#)
    }

    /// The warning takes the purpose and declaration line of the record that makes the name exist.
    @Test func aWildcardWarningNamesTheCreatedRecord() throws {
        let result = try plan(
            zone: "* MX 10 mx.example.com.\n", sender: "example.com", arguments: ["plan", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let zones = try #require(json["zones"] as? [[String: Any]])
        let senders = try #require(zones.first?["senders"] as? [[String: Any]])
        let items = try #require(senders.first?["items"] as? [[String: Any]])
        let warnings = items.filter { $0["action"] as? String == "warning" }
        #expect(warnings.map { $0["purpose"] as? String } == ["dkim", "dmarc"])
        let lines = warnings.map { ($0["declarationLocation"] as? [String: Any])?["line"] as? Int }
        #expect(lines == [8, 7])
    }

    /// With the child zone's file declared, the sender's records go there and the parent's delegation is no conflict.
    @Test func theDeclaredChildZoneTakesTheRecords() throws {
        let result = try plan(
            zone: "mail NS ns.elsewhere.example.\n", sender: "mail.example.com",
            extraZones: ["db.mail.example.com": ("mail.example.com.", Self.child)])
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output == #"""
                zone example.com.  db.example.com

                zone mail.example.com.  db.mail.example.com
                  sender mail.example.com  (tencent-ses)
                    + @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                    + @                 TXT   "v=spf1 include:qcloudmail.com ~all"
                    + qcloud._domainkey TXT   "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/Mcguj...n3H73+dFmQIDAQAB"   (2048-bit RSA)
                    + _dmarc            TXT   "v=DMARC1; p=none"
                  ~ @ SOA serial 2026112801 => 2026120100 (date)

                Plan: 4 to add, 0 to merge, 0 to replace, 0 conflicts. `mailzone apply` writes db.mail.example.com.

                """#)
    }
}
