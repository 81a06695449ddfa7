import Foundation
import Testing

@testable import MailAuth
@testable import MailZone

/// The built-in presets' regions and modes, as the services document them: the records each
/// variant gives, which of them are unconfirmed, and the inputs each variant asks for.
struct PresetCorrectionTests {
    static func load(_ service: String) throws -> Declaration { try OneSenderDeclaration.load(services: service) }

    static func errors(_ service: String) -> [String] { OneSenderDeclaration.errors(services: service) }

    /// Each record as `OWNER TYPE VALUE`, with ` (unconfirmed)` when the plan marks it; then the SPF includes.
    static func records(_ declaration: Declaration) -> [String] {
        declaration.expanded[0].records.map {
            "\($0.owner) \($0.type) \($0.value)\($0.unconfirmed ? " (unconfirmed)" : "")"
        }
            + declaration.expanded[0].spf.flatMap { spf in
                spf.includes.map {
                    "\(spf.owner) SPF include:\($0.domain) \(spf.all)\($0.unconfirmed ? " (unconfirmed)" : "")"
                }
            }
    }

    @Test func sesRefusesARegionItDoesNotKnow() {
        let errors = Self.errors(
            "      - preset: aws-ses\n        inputs: { token1: t1, token2: t2, token3: t3, region: us-east-l }")
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix(
                "mailzone.yaml:6:63: error: the aws-ses input 'region' cannot be 'us-east-l'; did you mean 'us-east-1'?\n"
                    + "    fix: its values are 'us-east-1', 'us-east-2', ") == true)
    }

    @Test func mailgunAutomaticSenderSecurityNeedsBothTargets() {
        #expect(
            Self.errors("      - preset: mailgun\n        inputs: { mode: automatic-sender-security }") == [
                "mailzone.yaml:5:17: error: the service 'mailgun' needs the input 'pdk1_target': mode automatic-sender-security: the pdk1._domainkey CNAME target the control panel shows, without the final dot\n"
                    + "    fix: add 'inputs: { pdk1_target: \"pdk1._domainkey.9d876.dkim1.mailgun.com\" }' to the service",
                "mailzone.yaml:5:17: error: the service 'mailgun' needs the input 'pdk2_target': mode automatic-sender-security: the pdk2._domainkey CNAME target, without the final dot\n"
                    + "    fix: add 'inputs: { pdk2_target: \"pdk2._domainkey.9d876.dkim1.mailgun.com\" }' to the service",
            ])
    }

    /// A service as the declaration gives it (inputs, keys) and the records it then wants.
    struct Variant: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var service: String
        var records: [String]
    }

    static let variants: [Variant] = [
        Variant(
            testDescription: "SES signs with the regional DKIM domain where AWS lists one",
            service:
                "      - preset: aws-ses\n        inputs: { token1: t1, token2: t2, token3: t3, region: ap-southeast-3, mail_from: bounce }",
            records: [
                "t1._domainkey.a.example. CNAME t1.dkim.ap-southeast-3.amazonses.com. (unconfirmed)",
                "t2._domainkey.a.example. CNAME t2.dkim.ap-southeast-3.amazonses.com. (unconfirmed)",
                "t3._domainkey.a.example. CNAME t3.dkim.ap-southeast-3.amazonses.com. (unconfirmed)",
                "bounce.a.example. MX 10 feedback-smtp.ap-southeast-3.amazonses.com. (unconfirmed)",
                "bounce.a.example. TXT v=spf1 include:amazonses.com ~all (unconfirmed)",
            ]),
        Variant(
            testDescription: "SES signs with the common DKIM domain elsewhere",
            service:
                "      - preset: aws-ses\n        inputs: { token1: t1, token2: t2, token3: t3, region: eu-west-1 }",
            records: [
                "t1._domainkey.a.example. CNAME t1.dkim.amazonses.com.",
                "t2._domainkey.a.example. CNAME t2.dkim.amazonses.com.",
                "t3._domainkey.a.example. CNAME t3.dkim.amazonses.com.",
            ]),
        Variant(
            testDescription: "Alibaba outside Hangzhou uses the region's hosts, unconfirmed",
            service: "      - preset: alibaba-directmail\n        dkim: { key: \"v=DKIM1; k=rsa; p=AAAA\" }\n"
                + "        inputs: { region: ap-southeast-1, ownership: 0c40d5f125af4e42892a }",
            records: [
                "a.example. MX 10 mxdm-ap-southeast-1.aliyun.com. (unconfirmed)",
                "aliyundm.a.example. TXT 0c40d5f125af4e42892a",
                "aliyun-ap-southeast-1._domainkey.a.example. TXT v=DKIM1; k=rsa; p=AAAA",
                "_dmarc.a.example. TXT v=DMARC1; p=none",
                "a.example. SPF include:spfdm-ap-southeast-1.aliyun.com -all (unconfirmed)",
            ]),
        Variant(
            testDescription: "Alibaba in Hangzhou uses the documented hosts",
            service: "      - preset: alibaba-directmail\n        dkim: { key: \"v=DKIM1; k=rsa; p=AAAA\" }\n"
                + "        inputs: { region: cn-hangzhou, ownership: 0c40d5f125af4e42892a, tracking_target: tracedm.aliyuncs.com }",
            records: [
                "a.example. MX 10 mx01.dm.aliyun.com.",
                "aliyundm.a.example. TXT 0c40d5f125af4e42892a",
                "aliyun-cn-hangzhou._domainkey.a.example. TXT v=DKIM1; k=rsa; p=AAAA",
                "_dmarc.a.example. TXT v=DMARC1; p=none",
                "dmtrace.a.example. CNAME tracedm.aliyuncs.com.",
                "a.example. SPF include:spf1.dm.aliyun.com -all",
            ]),
        Variant(
            testDescription: "Mailgun Automatic Sender Security publishes two CNAMEs",
            service: "      - preset: mailgun\n        inputs: { mode: automatic-sender-security, "
                + "pdk1_target: pdk1._domainkey.9d876.dkim1.mailgun.com, pdk2_target: pdk2._domainkey.9d876.dkim1.mailgun.com }",
            records: [
                "pdk1._domainkey.a.example. CNAME pdk1._domainkey.9d876.dkim1.mailgun.com.",
                "pdk2._domainkey.a.example. CNAME pdk2._domainkey.9d876.dkim1.mailgun.com.",
                "email.a.example. CNAME mailgun.org.",
                "a.example. SPF include:mailgun.org ~all",
            ]),
        Variant(
            testDescription: "SendGrid without automated security publishes MX and two TXT",
            service: "      - preset: sendgrid\n        dkim: { key: \"k=rsa; t=s; p=AAAA\" }\n"
                + "        inputs: { mode: manual, return_path_label: em1234 }",
            records: [
                "em1234.a.example. MX 10 mx.sendgrid.net. (unconfirmed)",
                "em1234.a.example. TXT v=spf1 include:sendgrid.net ~all (unconfirmed)",
                "s1._domainkey.a.example. TXT k=rsa; t=s; p=AAAA",
            ]),
    ]

    @Test(arguments: variants)
    func aVariantWantsTheRecordsItsServiceDocuments(_ variant: Variant) throws {
        #expect(Self.records(try Self.load(variant.service)) == variant.records)
    }
}
