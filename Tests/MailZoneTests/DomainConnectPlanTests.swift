import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Domain Connect services planned beside presets: SPFM rules with several includes, at
/// several names, merged with a preset's include into one SPF record each; a `hostRequired`
/// template applied to a subdomain sender; a template service without declared zones.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct DomainConnectPlanTests {
    static let zone = """
        $TTL 3600
        $ORIGIN corp.example.
        @\tIN\tSOA\tns1 hostmaster 2026112801 7200 3600 1209600 300
        \tIN\tNS\tns1
        \tIN\tTXT\t"v=spf1 include:spf.a.example -all"
        ns1\tIN\tA\t192.0.2.53

        """

    static let relay = """
        {
            "providerId": "relay.example", "providerName": "Relay", "serviceId": "mail", "serviceName": "Relay mail",
            "records": [
                { "type": "SPFM", "host": "@", "spfRules": "include:spf.a.example +include:spf.b.example" },
                { "type": "SPFM", "host": "@", "spfRules": "include:qcloudmail.com" },
                { "type": "SPFM", "host": "return", "spfRules": "include:%fqdn%.spf.relay.example" },
                { "type": "MX", "host": "return", "pointsTo": "return.relay.example", "priority": "%prio%", "ttl": 600 },
                { "type": "A", "host": "www.%fqdn%.", "pointsTo": "192.0.2.80", "ttl": 600 }
            ]
        }
        """

    static let landing = """
        {
            "providerId": "sub.example", "providerName": "Sub", "serviceId": "landing", "serviceName": "Landing",
            "hostRequired": true,
            "records": [ { "type": "CNAME", "host": "@", "pointsTo": "pages.sub.example", "ttl": 3600 } ]
        }
        """

    @Test func spfmRulesJoinThePresetsIncludesAndAHostRequiredTemplateGoesBelowTheApex() throws {
        let folder = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            zones:
              - { origin: corp.example., file: zones/db.corp.example }
            senders:
              - domain: corp.example
                mx: add
                services:
                  - preset: tencent-ses
                    dkim: { qcloud: "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDK" }
                  - preset: { domain-connect: t/relay.example.mail.json, params: { prio: "20" } }
              - domain: go.corp.example
                services:
                  - preset: { domain-connect: t/sub.example.landing.json }

            """,
            "zones/db.corp.example": Self.zone,
            "t/relay.example.mail.json": Self.relay,
            "t/sub.example.landing.json": Self.landing,
        ])
        let result = try MailzoneBinary.run(["plan"], in: folder)
        #expect(result.errors == "")
        let plan = String(decoding: result.stdout, as: UTF8.self)
        let lines = plan.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // One merge at @: the template's three includes after Tencent's, spf.a.example (already there) once.
        #expect(lines.contains("~ @                 TXT   \"v=spf1 include:spf.a.example -all\""))
        #expect(
            lines.contains("=> \"v=spf1 include:spf.a.example include:qcloudmail.com include:spf.b.example -all\""))
        #expect(lines.contains("+ return            TXT   \"v=spf1 include:corp.example.spf.relay.example ~all\""))
        #expect(lines.contains("+ return            MX    20 return.relay.example."))
        #expect(lines.contains("+ www               A     192.0.2.80"))
        #expect(lines.contains("+ go CNAME pages.sub.example."))
        #expect(result.status == 0, "\(plan)")
    }

    @Test func withoutZonesTheTemplateIsAppliedToTheSenderItself() throws {
        let folder = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            senders:
              - domain: news.corp.example
                services:
                  - preset: { domain-connect: t/relay.example.mail.json, params: { prio: "5" } }

            """,
            "t/relay.example.mail.json": Self.relay,
        ])
        let result = try MailzoneBinary.run(["records", "news.corp.example"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("include:news.corp.example.spf.relay.example"), "\(text)")
        #expect(text.contains("return       MX    5         return.relay.example."), "\(text)")
    }
}
