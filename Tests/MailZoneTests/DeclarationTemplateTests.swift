import TestSupport
import Testing

@testable import MailZone

/// `${input}` templates of presets, and the helpers of the YAML reader.
@Suite struct DeclarationTemplateTests {
    @Test func parsesAndExpands() throws {
        let template = try Template(parsing: "selector1-${domain_dashed}._domainkey.${tenant}.onmicrosoft.com.")
        #expect(template.placeholders == ["domain_dashed", "tenant"])
        #expect(
            template.expand(["domain_dashed": "a-example-com", "tenant": "corp"])
                == "selector1-a-example-com._domainkey.corp.onmicrosoft.com.")
        #expect(template.expand(["tenant": "corp"]) == nil)
    }

    @Test func dollarWithoutBraceIsLiteral() throws {
        let template = try Template(parsing: "cost $5 and ${x}$")
        #expect(template.parts == [.literal("cost $5 and "), .placeholder("x"), .literal("$")])
    }

    @Test func refusesBrokenPlaceholders() {
        #expect(throws: TemplateError.unclosed("${dkim.qcloud")) { try Template(parsing: "v=${dkim.qcloud") }
        #expect(throws: TemplateError.badName("")) { try Template(parsing: "${}") }
        #expect(throws: TemplateError.badName("a b")) { try Template(parsing: "${a b}") }
        #expect(throws: TemplateError.badName(".x")) { try Template(parsing: "${.x}") }
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest(to: "servics", in: ["domain", "services", "dmarc"]) == "services")
        #expect(Suggestion.nearest(to: "tencent-sse", in: ["tencent-ses", "aws-ses"]) == "tencent-ses")
        #expect(Suggestion.nearest(to: "mx", in: ["p", "sp"]) == nil)
        #expect(Suggestion.nearest(to: "colour", in: DeclarationDecoder.senderKeys) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test func dmarcOverridesKeepTagOrder() {
        var overrides = DMARCOverrides(location: YAMLLocation(file: "m.yaml", line: 1, column: 1))
        let at = overrides.location
        overrides.p = Located(.reject, at: at)
        overrides.rua = [Located("mailto:a@example.com", at: at), Located("mailto:b@example.com", at: at)]
        #expect(
            SenderExpander.apply(overrides, to: "v=DMARC1; p=none; fo=1")
                == "v=DMARC1; p=reject; fo=1; rua=mailto:a@example.com,mailto:b@example.com")
    }

    @Test(
        "input names are valid exactly as letters, digits, _, - and dots between say, on names built from tricky parts")
    func inputNamesAsTheRuleSays() {
        // The rule written out with Swift's own string operations, as an independent oracle.
        func valid(_ name: String) -> Bool {
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.".unicodeScalars)
            return !name.isEmpty && name.unicodeScalars.allSatisfy(allowed.contains)
                && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
        }
        let parts = [
            "a", "Z", "9", "_", "-", ".", "..", "dkim", "\u{E9}", "e\u{301}", ".\u{301}", " ", "$", "\u{0}", "\u{FF0E}",
        ]
        var generator = SplitMix64(seed: 0x7465_6D70)
        var names: Set<String> = [""]
        for count in 0..<3000 {
            var name = ""
            for _ in 0..<(1 + count % 6) { name += parts[Int(generator.next() % UInt64(parts.count))] }
            names.insert(name)
        }
        var accepted = 0
        for name in names {
            #expect(Template.isValidName(name) == valid(name), "\(name.debugDescription)")
            if valid(name) { accepted += 1 }
        }
        #expect(accepted > 50)
        #expect(names.count - accepted > 100)
    }
}
