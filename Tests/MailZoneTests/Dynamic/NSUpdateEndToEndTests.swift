import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `apply --nsupdate`: the plan goes to a real named as a TSIG-signed RFC 2136 UPDATE; named (with
/// `update-policy` and a key made by `tsig-keygen`) serves the records, `verify` agrees; a wrong key
/// or a concurrent change (made with the real `nsupdate`) changes nothing and says why.
@Suite(.enabled(if: DynamicNamed.shouldRun, Comment(rawValue: DynamicNamed.skipMessage)))
struct NSUpdateEndToEndTests {
    private struct Lab {
        var directory: URL
        var named: DynamicNamed

        func remove() {
            named.stop()
            try? FileManager.default.removeItem(at: directory)
        }

        func apply(key: URL? = nil) throws -> MailzoneBinary.Result {
            try MailzoneBinary.run(
                [
                    "apply", "--auto-approve", "--nsupdate", named.address.description,
                    "--tsig-key", (key ?? named.updateKeyFile).path,
                ], in: directory)
        }

        /// The records mailzone would add, as named serves them: none before, all after.
        func served() throws -> [String] {
            try named.dig("example.com", "TXT") + named.dig("example.com", "MX")
                + named.dig("_dmarc.example.com", "TXT")
                // A long TXT value comes as several quoted strings: joined, it is the key record.
                + named.dig("qcloud._domainkey.example.com", "TXT").map {
                    $0.replacingOccurrences(of: "\" \"", with: "")
                }
        }
    }

    private func lab(policy: String = "grant \(DynamicNamed.keyName) zonesub ANY;") throws -> Lab {
        try lab(zoneOptions: "update-policy { \(policy) };")
    }

    /// The example declaration and zone, served by `named` with `zoneOptions` in the zone's statement.
    private func lab(zoneOptions: String) throws -> Lab {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(),
            "zones/db.example.com": ZoneJournalTests.zone,
        ])
        let named = try DynamicNamed.start(zones: [
            .init(
                origin: "example.com", file: directory.appendingPathComponent("zones/db.example.com"),
                options: zoneOptions)
        ])
        return Lab(directory: directory, named: named)
    }

    static let before = ["\"v=spf1 mx -all\""]
    static let after = [
        "\"v=spf1 mx include:qcloudmail.com -all\"", "10 mxbiz1.qq.com.", "\"v=DMARC1; p=none\"",
        "\"v=DKIM1; k=rsa; p=\(ApplyTests.key1)\"",
    ]

    @Test func theServerServesThePlannedRecordsAndVerifyAgrees() throws {
        let lab = try lab()
        defer { lab.remove() }
        #expect(try lab.served() == Self.before)
        let zoneFile = lab.directory.appendingPathComponent("zones/db.example.com")

        let run = try lab.apply()
        #expect(run.status == 0, "stderr: \(run.errors)\n\(lab.named.log)")
        #expect(
            run.output.hasSuffix(
                """
                Plan: 3 to add, 1 to merge, 0 to replace, 0 conflicts. `mailzone apply --nsupdate` sends the changes to \
                \(lab.named.address) as RFC 2136 updates; the server sets the SOA serial.
                Updated example.com. on \(lab.named.address): 4 added, 1 deleted, after checking 4 RRsets \
                (RFC 2136 UPDATE, signed with key mailzone-update.); the server sets the SOA serial.

                """), "\(run.output)")
        #expect(!run.output.contains("2026113001"), "the server bumps the serial: the plan shows no SOA change")
        let served = try lab.served()
        #expect(served == Self.after, "\(served)")
        // The server bumped the serial itself; the file is named's now (its journal holds the change).
        #expect(try lab.named.dig("example.com", "SOA").first?.contains(" 2026113002 ") == true)
        #expect(try ApplySupport.read(zoneFile) == ZoneJournalTests.zone)
        #expect(FileManager.default.fileExists(atPath: zoneFile.path + ".jnl"))

        let verify = try MailzoneBinary.run(["verify", "--server", lab.named.address.description], in: lab.directory)
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")

        // The file is behind named's journal now: editing it is refused, with the ways out.
        let plain = try MailzoneBinary.run(["apply", "--auto-approve"], in: lab.directory)
        #expect(plain.status == 1)
        #expect(
            plain.errors
                == "error: the plan has 0 conflicts and 1 error; resolve them and plan again — nothing was written\n")
        let plan = try MailzoneBinary.run(["plan"], in: lab.directory)
        #expect(plan.output.contains("zones/db.example.com has a journal beside it (zones/db.example.com.jnl)"))
    }

    @Test func aWrongSecretIsRefusedAndChangesNothing() throws {
        let lab = try lab()
        defer { lab.remove() }
        // Same key name, another secret: what a stale or mistyped key file gives.
        let wrong = lab.directory.appendingPathComponent("wrong.key")
        let made = try DynamicNamed.tool("tsig-keygen", ["-a", "hmac-sha256", DynamicNamed.keyName])
        try made.output.write(to: wrong, atomically: true, encoding: .utf8)

        let run = try lab.apply(key: wrong)
        #expect(run.status == 1)
        #expect(
            run.errors == """
                error: the update of example.com. was not applied: the server did not accept the signature made with key \
                mailzone-update. (BADSIG): the secret is not the one the server has for this key; use the key file \
                named.conf includes (key file \(wrong.path)); nothing was changed in example.com.

                """)
        #expect(try lab.served() == Self.before)
    }

    @Test func anUnknownKeyIsRefusedAndChangesNothing() throws {
        let lab = try lab()
        defer { lab.remove() }
        let other = lab.directory.appendingPathComponent("other.key")
        let made = try DynamicNamed.tool("tsig-keygen", ["-a", "hmac-sha256", "someone-else"])
        try made.output.write(to: other, atomically: true, encoding: .utf8)

        let run = try lab.apply(key: other)
        #expect(run.status == 1)
        #expect(
            run.errors == """
                error: the update of example.com. was not applied: the server does not know the key someone-else. \
                (BADKEY): use a key named.conf defines, or add this one to named.conf and to the zone's update-policy \
                (key file \(other.path)); nothing was changed in example.com.

                """)
        #expect(try lab.served() == Self.before)
    }

    @Test func anUnsignedUpdateReachesAServerThatAllowsItsAddress() throws {
        let lab = try lab(zoneOptions: "allow-update { 127.0.0.1; };")
        defer { lab.remove() }

        let run = try MailzoneBinary.run(
            ["apply", "--auto-approve", "--nsupdate", lab.named.address.description],
            in: lab.directory)
        #expect(run.status == 0, "stderr: \(run.errors)\n\(lab.named.log)")
        #expect(run.output.hasSuffix("(RFC 2136 UPDATE, unsigned); the server sets the SOA serial.\n"), "\(run.output)")
        #expect(try lab.served() == Self.after)
    }

    @Test func aKeyThePolicyDoesNotGrantIsRefusedAndChangesNothing() throws {
        // The key may only change _acme-challenge TXT records, not the mail records.
        let lab = try lab(policy: "grant \(DynamicNamed.keyName) name _acme-challenge.example.com. TXT;")
        defer { lab.remove() }

        let run = try lab.apply()
        #expect(run.status == 1)
        #expect(
            run.errors == """
                error: the update of example.com. was not applied: \(lab.named.address) refused the update of example.com. \
                (REFUSED): its allow-update or update-policy does not let this key change these records; grant the key in \
                the zone's update-policy in named.conf; nothing was changed in example.com.

                """)
        #expect(try lab.served() == Self.before)
    }

    @Test func aConcurrentChangeOfTheSPFRecordIsRefused() throws {
        let lab = try lab()
        defer { lab.remove() }
        // Someone changes the SPF record on the server after the zone file was written.
        try lab.named.nsupdate([
            "update delete example.com. TXT \"v=spf1 mx -all\"",
            "update add example.com. 300 TXT \"v=spf1 mx a -all\"",
        ])
        #expect(try lab.named.dig("example.com", "TXT") == ["\"v=spf1 mx a -all\""])

        let run = try lab.apply()
        #expect(run.status == 1)
        #expect(
            run.errors == """
                error: the update of example.com. was not applied: the records on \(lab.named.address) are not those the \
                plan was made from (NXRRSET: a prerequisite does not hold): someone changed them since, or the zone file \
                is older than named's journal; nothing was changed in example.com.: run `rndc sync example.com` so the \
                zone file holds what named serves, then plan and apply again

                """)
        #expect(try lab.named.dig("example.com", "TXT") == ["\"v=spf1 mx a -all\""])
        #expect(try lab.named.dig("example.com", "MX").isEmpty)
        #expect(try lab.named.dig("_dmarc.example.com", "TXT").isEmpty)
    }
}
