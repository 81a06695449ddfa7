import Foundation
import MailAuth
import TestSupport
import Testing

@testable import MailZone

/// Good declarations decode to exactly the model and records expected.
@Suite struct DeclarationLoaderTests {
    private func load(_ name: String) throws -> Declaration {
        try DeclarationLoader.load(
            contentsOf: DeclarationFixtures.url("valid", name), displayPath: name,
            builtInPresets: try DeclarationFixtures.builtInCatalog())
    }

    private func loc(_ line: Int, _ column: Int, _ file: String = "seed.yaml") -> YAMLLocation {
        YAMLLocation(file: file, line: line, column: column)
    }

    @Test func seedZones() throws {
        let declaration = try load("seed.yaml")
        let base = DeclarationFixtures.url("valid", "seed.yaml").deletingLastPathComponent()
        #expect(declaration.version == Located(1, at: loc(4, 10)))
        #expect(
            declaration.zones.map(\.origin.value.absolute) == [
                "sampledomain.com.", "corp.example.", "news.corp.example.",
            ])
        #expect(declaration.zones[0].origin.location == loc(6, 13))
        #expect(declaration.zones[0].file == Located("zones/db.sampledomain.com", at: loc(7, 11)))
        #expect(
            declaration.zones[0].url == base.appendingPathComponent("zones/db.sampledomain.com").standardizedFileURL)
        #expect(
            declaration.zones[1].url
                == base.deletingLastPathComponent().appendingPathComponent("common/db.corp.example"))
        #expect(declaration.zones[2].url.path == "/srv/zones/db.news")
    }

    @Test func seedSenders() throws {
        let declaration = try load("seed.yaml")
        let senders = declaration.senders
        #expect(
            senders.map(\.domain.value.text) == [
                "sampledomain.com", "abc.sampledomain.com", "mail.corp.example",
                "news.corp.example",
            ])
        let primary = senders[0]
        #expect(primary.location == loc(13, 5))
        #expect(primary.domain.location == loc(13, 13))
        #expect(
            primary.services == [
                ServiceUse(
                    location: loc(15, 9), preset: Located("tencent-ses", at: loc(15, 17)),
                    inputs: [
                        ServiceInput(
                            name: Located("dkim.qcloud", at: loc(17, 11)),
                            value: Located("v=DKIM1; k=rsa; p=MIIBIjANBgkqh", at: loc(17, 19)))
                    ])
            ])
        #expect(primary.mxPolicy == .conflict)
        #expect(primary.spf == SPFOptions())
        #expect(primary.dmarc == nil)
        #expect(!primary.allowsWeakerDMARC)

        let abc = senders[1]
        #expect(abc.services.map(\.preset.value) == ["tencent-ses", "google-workspace"])
        #expect(
            abc.services[1] == ServiceUse(location: loc(22, 9), preset: Located("google-workspace", at: loc(22, 9))))
        #expect(abc.mx == Located(.keepExisting, at: loc(24, 9)))
        #expect(abc.spf == SPFOptions(all: Located(.fail, at: loc(25, 17)), fold: Located(true, at: loc(25, 31))))
        var dmarc = DMARCOverrides(location: loc(23, 12))
        dmarc.p = Located(.quarantine, at: loc(23, 17))
        dmarc.pct = Located(50, at: loc(23, 34))
        dmarc.rua = [Located("mailto:dmarc@sampledomain.com", at: loc(23, 45))]
        dmarc.fo = Located("1", at: loc(23, 84))
        #expect(abc.dmarc == dmarc)

        #expect(senders[2].allowWeakerDMARC == Located(true, at: loc(33, 25)))
        #expect(senders[2].dmarc?.rua == [Located("mailto:d@corp.example", at: loc(32, 30))])
    }

    @Test func seedPresets() throws {
        let declaration = try load("seed.yaml")
        #expect(declaration.presets.count == 1)
        let relay = try #require(declaration.presets.first)
        #expect(relay.origin == .user)
        #expect(relay.location == loc(39, 5))
        #expect(
            relay.preset
                == ServicePreset(
                    name: "in-house-relay", title: "In-house relay", spf: PresetSPF(include: "spf.relay.example.net"),
                    records: [
                        PresetRecord(
                            name: "${host}._domainkey", type: "CNAME", value: "${host}.keys.relay.example.net.",
                            purpose: .dkim)
                    ],
                    inputs: [PresetInput(name: "host", description: "relay host label", example: "relay1")]))
        #expect(
            declaration.catalog.names == [
                "aws-ses", "google-workspace", "microsoft-365", "tencent-ses",
                "in-house-relay",
            ])
    }

    /// Every wanted record, one line each: `zone  owner  TYPE  value  [presets]  source`.
    private func render(_ declaration: Declaration) -> String {
        declaration.expanded.map { sender in
            var lines = ["\(sender.sender.domain.value.text) in \(sender.zone?.origin.value.absolute ?? "-")"]
            for record in sender.records {
                lines.append(
                    "  \(record.owner) \(record.owner.name.absolute) \(record.type) \(record.value) "
                        + "[\(record.presets.joined(separator: ","))] \(record.source.line):\(record.source.column)")
            }
            for spf in sender.spf {
                lines.append("  \(spf.owner) SPF \(spf.newRecord) fold=\(spf.fold)")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    @Test func seedExpansion() throws {
        let declaration = try load("seed.yaml")
        #expect(
            render(declaration) == """
                sampledomain.com in sampledomain.com.
                  @ sampledomain.com. MX 10 mxbiz1.qq.com. [tencent-ses] 15:17
                  qcloud._domainkey qcloud._domainkey.sampledomain.com. TXT v=DKIM1; k=rsa; p=MIIBIjANBgkqh [tencent-ses] 17:19
                  _dmarc _dmarc.sampledomain.com. TXT v=DMARC1; p=none [tencent-ses] 15:17
                  @ SPF v=spf1 include:qcloudmail.com ~all fold=false
                abc.sampledomain.com in sampledomain.com.
                  abc abc.sampledomain.com. MX 10 mxbiz1.qq.com. [tencent-ses] 20:17
                  qcloud._domainkey.abc qcloud._domainkey.abc.sampledomain.com. TXT v=DKIM1; k=rsa; p=AAAA [tencent-ses] 21:25
                  mail._domainkey.abc mail._domainkey.abc.sampledomain.com. TXT v=DKIM1; p=BBBB [tencent-ses] 21:57
                  _dmarc.abc _dmarc.abc.sampledomain.com. TXT v=DMARC1; p=quarantine; pct=50; fo=1; rua=mailto:dmarc@sampledomain.com [tencent-ses] 23:12
                  abc abc.sampledomain.com. MX 1 aspmx.l.google.com. [google-workspace] 22:9
                  abc abc.sampledomain.com. MX 5 alt1.aspmx.l.google.com. [google-workspace] 22:9
                  abc SPF v=spf1 include:qcloudmail.com include:_spf.google.com -all fold=true
                mail.corp.example in corp.example.
                  relay1._domainkey.mail relay1._domainkey.mail.corp.example. CNAME relay1.keys.relay.example.net. [in-house-relay] 29:25
                  selector1._domainkey.mail selector1._domainkey.mail.corp.example. CNAME selector1-mail-corp-example._domainkey.corp.onmicrosoft.com. [microsoft-365] 31:27
                  _dmarc.mail _dmarc.mail.corp.example. TXT v=DMARC1; p=reject; rua=mailto:d@corp.example [] 32:12
                  mail SPF v=spf1 include:spf.relay.example.net include:spf.protection.outlook.com ~all fold=false
                news.corp.example in news.corp.example.
                  tok123._domainkey tok123._domainkey.news.corp.example. CNAME tok123.dkim.amazonses.com. [aws-ses] 37:27
                  bounce bounce.news.corp.example. MX 10 feedback-smtp.eu-west-1.amazonses.com. [aws-ses] 37:46
                  bounce bounce.news.corp.example. TXT v=spf1 include:amazonses.com ~all [aws-ses] 37:46

                """)
    }

    @Test func anchorsAndMergeKeys() throws {
        let declaration = try load("anchors.yaml")
        #expect(declaration.senders.map(\.domain.value.text) == ["example.org", "shop.example.org"])
        // The merged sender keeps its own domain and services and takes `mx` from the anchor.
        #expect(declaration.senders[1].mx?.value == .add)
        #expect(declaration.senders[1].mx?.location == YAMLLocation(file: "anchors.yaml", line: 11, column: 9))
        #expect(declaration.senders[1].services[0].input("dkim.qcloud")?.value.value == "v=DKIM1; k=rsa; p=KEY")
        #expect(
            declaration.expanded[1].records.map(\.owner.description) == [
                "shop", "qcloud._domainkey.shop", "_dmarc.shop",
            ])
    }

    @Test func minimalWithoutZones() throws {
        let declaration = try load("minimal.yaml")
        #expect(declaration.zones.isEmpty)
        let sender = try #require(declaration.expanded.first)
        #expect(sender.zone == nil)
        #expect(sender.records.map(\.owner.description) == ["example.net.", "example.net."])
        #expect(sender.spf.map(\.newRecord) == ["v=spf1 include:_spf.google.com ~all"])
    }

    @Test func loadsFromData() throws {
        let yaml = "version: 1\nsenders:\n  - { domain: a.example, services: [google-workspace] }\n"
        let declaration = try DeclarationLoader.load(
            data: Data(yaml.utf8), file: ProcessScratch.root.appendingPathComponent("x/mailzone.yaml"),
            builtInPresets: try DeclarationFixtures.builtInCatalog())
        #expect(declaration.displayPath == "mailzone.yaml")
        #expect(declaration.senders[0].domain.location == YAMLLocation(file: "mailzone.yaml", line: 3, column: 15))
    }

    /// Integers YAML can write but an Int (or DMARC's 32-bit ri, RFC 7489 §6.3) cannot hold are named as such,
    /// not as "found an integer".
    @Test func integersOutOfRangeSayWhy() throws {
        let yaml = """
            version: 1
            senders:
              - domain: a.example
                services: [google-workspace]
                dmarc: { pct: 99999999999999999999, ri: 4294967296 }
              - domain: b.example
                services: [google-workspace]
                dmarc: { pct: 0x10, ri: 4294967295 }

            """
        var output = ""
        do {
            _ = try DeclarationLoader.load(
                data: Data(yaml.utf8), file: ProcessScratch.root.appendingPathComponent("x/mailzone.yaml"),
                builtInPresets: try DeclarationFixtures.builtInCatalog())
        } catch {
            output = "\(error)"
        }
        #expect(
            output == """
                mailzone.yaml:5:19: error: expected a percentage (0 to 100), found 99999999999999999999, which is not a \
                decimal integer from -9223372036854775808 to 9223372036854775807
                mailzone.yaml:5:45: error: ri must be at most 4294967295 seconds (a 32-bit number, RFC 7489 §6.3), found 4294967296
                mailzone.yaml:8:19: error: expected a percentage (0 to 100), found 0x10, which is not a decimal integer from \
                -9223372036854775808 to 9223372036854775807

                """)
    }
}
