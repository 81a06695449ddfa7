import Foundation
import Testing

@testable import MailAuth
@testable import MailZone

/// Variants of one service as preset parameters: a `mode` that picks which records a service
/// wants (Mailgun's DKIM TXT key or its two Automatic Sender Security CNAMEs), and a `region`
/// whose value names several hosts at once (`${region.dkim_domain}`, `${region.spf}`).
struct PresetVariantTests {
    static let relay = """
          - name: relay
            inputs:
              - { name: mode, description: "how DKIM is published", example: key, values: [key, cname], default: key }
              - { name: dkim.key, description: "the key", example: "p=AAAA" }
              - { name: target, description: "the CNAME target", example: "k.relay.example" }
              - name: site
                description: "the data centre"
                example: eu
                default: us
                values: { us: { spf: spf.relay.example, mx: mx.relay.example }, eu: { spf: spf-eu.relay.example, mx: mx.eu.relay.example } }
            spf: { include: "${site.spf}" }
            records:
              - { name: "@", type: MX, value: "10 ${site.mx}.", purpose: mx }
              - { name: k._domainkey, type: TXT, value: "${dkim.key}", purpose: dkim, when: { mode: key } }
              - { name: k._domainkey, type: CNAME, value: "${target}.", purpose: dkim, when: { mode: [cname] } }
        """

    static func records(_ declaration: Declaration) -> [String] {
        declaration.expanded[0].records.map { "\($0.owner) \($0.type) \($0.value)" }
            + declaration.expanded[0].spf.map { "\($0.owner) SPF \($0.includes.map(\.domain))" }
    }

    /// A service of the `relay` preset as the declaration gives it, and the records it then wants.
    struct Variant: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var service: String
        var records: [String]
    }

    @Test(arguments: [
        Variant(
            testDescription: "the default mode wants its records only",
            service: "      - preset: relay\n        dkim: { key: \"p=AAAA\" }",
            records: [
                "a.example. MX 10 mx.relay.example.", "k._domainkey.a.example. TXT p=AAAA",
                "a.example. SPF [\"spf.relay.example\"]",
            ]),
        Variant(
            testDescription: "another mode wants other records and other inputs",
            service: "      - preset: relay\n        inputs: { mode: cname, target: k.relay.example, site: eu }",
            records: [
                "a.example. MX 10 mx.eu.relay.example.", "k._domainkey.a.example. CNAME k.relay.example.",
                "a.example. SPF [\"spf-eu.relay.example\"]",
            ]),
    ])
    func aModeWantsItsOwnRecords(_ variant: Variant) throws {
        #expect(
            Self.records(try OneSenderDeclaration.load(services: variant.service, presets: Self.relay))
                == variant.records)
    }

    /// A service, the presets it is read with, and the errors that refuse them.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var service: String
        var presets: String = PresetVariantTests.relay
        var errors: [String]
    }

    @Test(arguments: [
        // An input only another mode's records use is not asked for; the active mode's inputs are.
        Refusal(
            testDescription: "a mode asks for its own inputs",
            service: "      - preset: relay\n        inputs: { mode: cname }",
            errors: [
                "mailzone.yaml:5:17: error: the service 'relay' needs the input 'target': the CNAME target\n"
                    + "    fix: add 'inputs: { target: \"k.relay.example\" }' to the service"
            ]),
        Refusal(
            testDescription: "a misspelt mode is refused with the nearest",
            service: "      - preset: relay\n        inputs: { mode: cnam, target: t.example }",
            errors: [
                "mailzone.yaml:6:25: error: the relay input 'mode' cannot be 'cnam'; did you mean 'cname'?\n"
                    + "    fix: its values are 'key' and 'cname'"
            ]),
        Refusal(
            testDescription: "when must name an input with values",
            service: "      - relay",
            presets: """
                  - name: relay
                    inputs:
                      - { name: mode, description: "m", example: a, values: [a, b], default: a }
                      - { name: free, description: "f", example: x, required: false }
                    records:
                      - { name: "@", type: TXT, value: "x", purpose: other, when: { modes: a } }
                      - { name: "@", type: TXT, value: "y", purpose: other, when: { mode: c } }
                      - { name: "@", type: TXT, value: "z", purpose: other, when: { free: x } }
                """,
            errors: [
                "mailzone.yaml:12:69: error: 'when' names 'modes', but the preset declares no input 'modes'; did you mean 'mode'?",
                "mailzone.yaml:13:75: error: the input 'mode' cannot be 'c'\n    fix: its values are 'a' and 'b'",
                "mailzone.yaml:14:69: error: 'when' names the input 'free', which has no 'values:'\n"
                    + "    fix: give the input a list of values, and a default or 'required: true'",
            ]),
        Refusal(
            testDescription: "a part named by a template must exist",
            service: "      - relay",
            presets: """
                  - name: relay
                    inputs:
                      - { name: site, description: "s", example: us, default: us, values: { us: { spf: a.example }, eu: { spf: b.example } } }
                    spf: { include: "${site.sfp}" }
                """,
            errors: [
                "mailzone.yaml:10:21: error: the SPF include uses '${site.sfp}', but the preset declares no input 'site.sfp'; did you mean '${site.spf}'?"
            ]),
        Refusal(
            testDescription: "every value names the same parts",
            service: "      - relay",
            presets: """
                  - name: relay
                    inputs:
                      - { name: site, description: "s", example: us, default: us, values: { us: { spf: a.example }, eu: { mx: b.example } } }
                    spf: { include: "${site.spf}" }
                """,
            errors: [
                "mailzone.yaml:9:105: error: the value 'eu' names the parts 'mx', but 'us' names 'spf'\n"
                    + "    fix: give every value of the input the same parts"
            ]),
    ])
    func aModeOrValueThatCannotWorkIsRefused(_ refusal: Refusal) {
        #expect(OneSenderDeclaration.errors(services: refusal.service, presets: refusal.presets) == refusal.errors)
    }
}
