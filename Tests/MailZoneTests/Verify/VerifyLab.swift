import Foundation
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// A throwaway zone repository for the verify tests: mailzone.yaml and the zone file in a temp
/// directory, with the records the declaration wants (or some of them wrong, for the failure cases).
struct VerifyLab {
    let directory: URL

    static let origin = "sampledomain.com."

    /// The declaration: the seed's primary domain with a 2048-bit key and `p=quarantine`, and a
    /// non-primary one with a 4096-bit key (too long for a 512-octet UDP answer), Amazon SES
    /// CNAME keys and `p=reject`, as strong as its parent's (so the plan holds nothing back).
    static let declaration = """
        version: 1
        zones:
          - origin: sampledomain.com.
            file: db.sampledomain.com
        senders:
          - domain: sampledomain.com
            services:
              - preset: tencent-ses
                dkim:
                  qcloud: "v=DKIM1; k=rsa; p=\(TestKeys.rsa2048)"
            dmarc: { p: quarantine }
          - domain: abc.sampledomain.com
            services:
              - preset: tencent-ses
                dkim: { qcloud: "v=DKIM1; k=rsa; p=\(TestKeys.rsa4096)" }
              - preset: aws-ses
                inputs: { token1: tok1, token2: tok2, token3: tok3 }
            dmarc: { p: reject }

        """

    /// The records that satisfy the declaration, written the way people write them: the SPF
    /// record has other terms, the 2048-bit key is split at other places than 255 octets, the
    /// DMARC policy is stronger than asked, a CNAME target is in upper case.
    static let complete: [String: String] = [
        "mx": "@ IN MX 10 mxbiz1.qq.com.\n@ IN MX 20 mail.sampledomain.com.",
        "spf": "@ IN TXT \"v=spf1 ip4:192.0.2.10 include:qcloudmail.com -all\"\n@ IN TXT \"site-verification=abc\"",
        "dkim": "qcloud._domainkey IN TXT ( \(strings("v=DKIM1; k=rsa; p=" + TestKeys.rsa2048, size: 100)) )",
        "dmarc": "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@sampledomain.com\"",
        "abc.mx": "abc IN MX 10 mxbiz1.qq.com.",
        "abc.spf": "abc IN TXT \"v=spf1 include:qcloudmail.com ~all\"",
        "abc.dkim":
            "qcloud._domainkey.abc IN TXT ( \(strings("v=DKIM1; k=rsa; p=" + TestKeys.rsa4096, size: 255)) )",
        "abc.dmarc": "_dmarc.abc IN TXT \"v=DMARC1; p=reject\"",
        "abc.ses": """
        tok1._domainkey.abc IN CNAME tok1.dkim.amazonses.com.
        tok2._domainkey.abc IN CNAME tok2.dkim.amazonses.com.
        tok3._domainkey.abc IN CNAME TOK3.DKIM.AMAZONSES.COM.
        """,
    ]

    /// What the failure cases change: a record left out, a wrong DKIM key, a weaker DMARC policy,
    /// an SPF record without the include, a CNAME to another target.
    static let broken: [String: String] = complete.merging([
        "spf": "@ IN TXT \"v=spf1 include:_spf.google.com ~all\"",
        "dkim": "qcloud._domainkey IN TXT \"v=DKIM1; k=rsa; p=\(TestKeys.rsa1024)\"",
        "dmarc": "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@sampledomain.com\"",
        "abc.dmarc": "",
        "abc.ses": """
        tok1._domainkey.abc IN CNAME tok1.dkim.amazonses.com.
        tok2._domainkey.abc IN CNAME tok9.dkim.amazonses.com.
        tok3._domainkey.abc IN CNAME tok3.dkim.amazonses.com.
        """,
    ]) { $1 }

    /// A zone file with `records` (by key, in key order) under an SOA with `serial`.
    static func zoneText(serial: UInt32 = 2_026_113_001, records: [String: String] = complete) -> String {
        var text = """
            $TTL 3600
            $ORIGIN sampledomain.com.
            @ IN SOA ns1 hostmaster ( \(serial) 7200 3600 1209600 300 )
            @ IN NS ns1
            ns1 IN A 127.0.0.1

            """
        for key in records.keys.sorted() where !(records[key] ?? "").isEmpty {
            text += (records[key] ?? "") + "\n"
        }
        return text
    }

    /// `"abc" "def"`: the value in quoted strings of at most `size` octets.
    static func strings(_ value: String, size: Int) -> String {
        var parts: [String] = []
        var rest = Substring(value)
        while !rest.isEmpty {
            parts.append("\"" + rest.prefix(size) + "\"")
            rest = rest.dropFirst(size)
        }
        return parts.joined(separator: " ")
    }

    /// Writes mailzone.yaml and the zone file (the one the declaration names) to a new temp directory.
    static func make(zone: String = zoneText()) throws -> VerifyLab {
        let directory = try ProcessScratch.directory(prefix: "mailzone-verify")
        try declaration.write(to: directory.appendingPathComponent("mailzone.yaml"), atomically: true, encoding: .utf8)
        try zone.write(to: directory.appendingPathComponent("db.sampledomain.com"), atomically: true, encoding: .utf8)
        return VerifyLab(directory: directory)
    }

    func load() throws -> Declaration {
        try DeclarationLoader.load(
            contentsOf: directory.appendingPathComponent("mailzone.yaml"), displayPath: "mailzone.yaml",
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
