import Foundation
import MailAuth
import Testing

@testable import MailZone

/// Preset files and the catalog: one decoder for built-in files and the user's `presets:`.
@Suite struct DeclarationPresetCatalogTests {
    @Test func decodesAPresetFile() throws {
        let url = DeclarationFixtures.url("presets", "tencent-ses.yaml")
        let definition = try PresetCatalog.loadPresetFile(at: url, displayPath: "tencent-ses.yaml")
        #expect(
            definition.preset
                == ServicePreset(
                    name: "tencent-ses", title: "Tencent Cloud SES",
                    documentation: "https://www.tencentcloud.com/document/product/1084/42373",
                    spf: PresetSPF(include: "qcloudmail.com", name: "@", suggestedAll: "~all", unconfirmed: false),
                    records: [
                        PresetRecord(name: "@", type: "MX", value: "10 mxbiz1.qq.com.", purpose: .mx),
                        PresetRecord(name: "qcloud._domainkey", type: "TXT", value: "${dkim.qcloud}", purpose: .dkim),
                        PresetRecord(
                            name: "mail._domainkey", type: "TXT", value: "${dkim.mail}", purpose: .dkim, optional: true,
                            note: "older accounts"),
                        PresetRecord(name: "_dmarc", type: "TXT", value: "v=DMARC1; p=none", purpose: .dmarc),
                    ],
                    inputs: [
                        PresetInput(
                            name: "dkim.qcloud",
                            description: "DKIM key record shown in the SES console (selector qcloud, 2048-bit)",
                            example: "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"),
                        PresetInput(
                            name: "dkim.mail",
                            description: "DKIM key record of older accounts (selector mail, 1024-bit)",
                            example: "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC", required: false),
                    ],
                    notes: ["A domain in Tencent Exmail cannot be a sender domain."]))
        #expect(definition.origin == .builtIn(file: "tencent-ses.yaml"))
        #expect(definition.recordLocations.map(\.line) == [17, 18, 19, 20])
        #expect(definition.requiredInputs.map(\.name) == ["dkim.qcloud"])
    }

    @Test func builtInCatalogKeepsFileOrder() throws {
        let catalog = try DeclarationFixtures.builtInCatalog()
        #expect(catalog.names == ["aws-ses", "google-workspace", "microsoft-365", "tencent-ses"])
        #expect(catalog.preset(named: "aws-ses")?.requiredInputs.map(\.name) == ["token1"])
        #expect(catalog.preset(named: "nope") == nil)
    }

    /// The user's presets go through the same decoder: an inline preset equal to a file gives the same data.
    @Test func userPresetsUseTheSameDecoder() throws {
        let file = try String(contentsOf: DeclarationFixtures.url("presets", "microsoft-365.yaml"), encoding: .utf8)
        let inline = file.replacingOccurrences(of: "name: microsoft-365", with: "name: my-365")
            .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let yaml =
            "version: 1\nsenders:\n  - domain: a.example\n    services:\n      - preset: my-365\n"
            + "        inputs: { tenant: t }\npresets:\n  -\n" + inline + "\n"
        let declaration = try DeclarationLoader.load(
            data: Data(yaml.utf8), file: URL(fileURLWithPath: "/x/mailzone.yaml"),
            builtInPresets: try DeclarationFixtures.builtInCatalog())
        var builtIn = try #require(declaration.catalog.preset(named: "microsoft-365")).preset
        builtIn.name = "my-365"
        #expect(declaration.presets.first?.preset == builtIn)
        #expect(declaration.presets.first?.origin == .user)
        #expect(
            declaration.expanded[0].records.map(\.value)
                == ["selector1-a-example._domainkey.t.onmicrosoft.com."])
    }

    @Test func userPresetMayNotShadowABuiltIn() throws {
        let yaml = """
            version: 1
            senders: [ { domain: a.example, services: [ aws-ses ] } ]
            presets:
              - { name: aws-ses, spf: { include: x.example } }

            """
        let errors = try #require(try DeclarationFixtures.refusal(of: yaml, path: "/x/mailzone.yaml"))
        #expect(
            errors.errors.map(\.description).contains(
                "mailzone.yaml:4:5: error: preset 'aws-ses' is already built in\n"
                    + "    fix: pick another name for your preset, or use the built-in one"))
    }
}
